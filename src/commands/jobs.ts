// What every command that starts an async job does next: track it, say so, offer the details.
import * as vscode from 'vscode';
import type { JobKind } from '../providers/operations';
import type { ImageNode } from '../tree/nodes';
import type { CommandContext } from './context';

export async function startedJob(ctx: CommandContext, node: ImageNode, kind: JobKind, jobId: string, detail?: string): Promise<void> {
  await ctx.jobs.track({
    accountId: node.account.id,
    cloud: node.account.cloud,
    regionId: node.parent.region.id,
    jobId,
    kind,
    imageId: node.image.id,
    imageName: node.image.name,
    detail,
  });
  const details = vscode.l10n.t('Show Details');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Started: {0} of "{1}" (job {2}).', kindWord(kind), node.image.name, jobId), details)
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
