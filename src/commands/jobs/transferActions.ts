// The Jobs view's Cancel and Resume of a transfer. Cancel aborts the multipart upload (its parts are
// deleted from the bucket) after a modal confirmation that names it, and says what was left.
import * as vscode from 'vscode';
import { isTransfer, transferCancellable, type TransferJob } from '../../jobs/transferModel';
import { transferTitle } from '../../jobs/transferLabels';
import type { CommandContext } from '../shared/context';

function transferOf(ctx: CommandContext, element: unknown): TransferJob | undefined {
  return isTransfer(element) ? ctx.transfers.get(element.id) : undefined;
}

export async function cancelTransfer(ctx: CommandContext, element?: unknown): Promise<void> {
  const job = transferOf(ctx, element);
  if (!job || !transferCancellable(job)) {
    return;
  }
  const stop = job.transfer === 'upload' ? vscode.l10n.t('Stop the Upload') : vscode.l10n.t('Stop the Download');
  await ctx.ui.confirmOrKeep(
    vscode.l10n.t('Stop "{0}"?', transferTitle(job)),
    job.transfer === 'upload'
      ? vscode.l10n.t('The multipart upload is aborted: the parts already in bucket "{0}" are deleted and nothing is imported.', job.bucket)
      : vscode.l10n.t('The download stops; the files already complete stay in the folder, the partial one is removed.'),
    vscode.l10n.t('Keep Running'),
    stop,
  );
  const after = await ctx.transfers.cancel(job.id);
  if (after?.status === 'cancelled') {
    void ctx.ui.notify('info', vscode.l10n.t('{0}: cancelled. {1}', transferTitle(job), after.outcome ?? ''));
  } else {
    void ctx.ui.notify('warning', vscode.l10n.t('{0}: not cancelled: the file was already uploaded and its import sent.', transferTitle(job)));
  }
}

export async function resumeTransfer(ctx: CommandContext, element?: unknown): Promise<void> {
  const job = transferOf(ctx, element);
  if (job) {
    await ctx.transfers.resume(job.id);
  }
}
