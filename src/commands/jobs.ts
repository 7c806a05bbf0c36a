// What every command that starts an async job does next: track it, say so, offer the details.
import * as vscode from 'vscode';
import type { JobKind } from '../providers/operations';
import type { ImageNode } from '../tree/nodes';
import type { CommandContext } from './context';

export async function startedJob(ctx: CommandContext, target: ImageNode | readonly ImageNode[], kind: JobKind, jobId: string, detail?: string): Promise<void> {
  const nodes: readonly ImageNode[] = Array.isArray(target) ? target : [target as ImageNode];
  const node = nodes[0]!;
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
    });
  }
  const details = vscode.l10n.t('Show Details');
  void vscode.window
    .showInformationMessage(
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
  }
}
