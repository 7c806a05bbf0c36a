// What every command that starts an async job does next: track it, say so, offer the details.
import * as vscode from 'vscode';
import type { Rerun } from '../../jobs/model';
import type { StartedJob } from '../../providers/core/changes';
import type { JobKind } from '../../providers/core/jobs';
import type { ImageNode } from '../../tree/nodes';
import type { CommandContext } from './context';
import { sayIfReadBack } from './outcome';
import { imageLabel } from './targets';

/** `result.job` was started by the change (or found running by reading back after its reply was lost). */
export async function startedJob(
  ctx: CommandContext,
  target: ImageNode | readonly ImageNode[],
  kind: JobKind,
  result: StartedJob,
  detail?: string,
  rerun?: Rerun,
): Promise<void> {
  const nodes: readonly ImageNode[] = Array.isArray(target) ? target : [target as ImageNode];
  const node = nodes[0]!;
  const { jobId } = result.job;
  for (const n of nodes) {
    await ctx.jobs.track({
      accountId: n.account.id,
      cloud: n.account.cloud,
      regionId: n.parent.region.id,
      jobId,
      kind,
      imageId: n.image.id,
      imageName: n.image.name,
      detail,
      ...(rerun ? { rerun } : {}),
    });
  }
  if (result.confirmedBy === 'read-back') {
    sayIfReadBack(ctx, result, imageLabel(nodes));
    return;
  }
  const details = vscode.l10n.t('Show Details');
  void ctx.ui
    .notify(
      'info',
      nodes.length === 1
        ? vscode.l10n.t('Started: {0} of "{1}" (job {2}).', kindWord(kind), node.image.name, jobId)
        : vscode.l10n.t('Started: {0} of {1} images (job {2}).', kindWord(kind), nodes.length, jobId),
      details,
    )
    .then((c) => {
      if (c === details) {
        void vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
      }
    });
}

function kindWord(kind: JobKind): string {
  switch (kind) {
    case 'export':
      return vscode.l10n.t('export');
    case 'share':
      return vscode.l10n.t('sharing');
    case 'unshare':
      return vscode.l10n.t('unsharing');
    case 'delete':
      return vscode.l10n.t('deletion');
    case 'copy':
      return vscode.l10n.t('copy');
    case 'import':
      return vscode.l10n.t('import');
    case 'accept':
      return vscode.l10n.t('accepting');
    case 'reject':
      return vscode.l10n.t('rejecting');
  }
}
