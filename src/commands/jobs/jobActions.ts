// The Jobs view's Cancel (where the cloud can cancel: Alibaba copies and export tasks) and Retry (a failed
// copy or export, sent again once with the same input), each after a modal confirmation.
import * as vscode from 'vscode';
import { cancellable, retryable, type TrackedJob } from '../../jobs/model';
import { cancelledExportCheck, cancelledImportCheck, jobTitle } from '../../jobs/labels';
import type { ImageNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';
import { trackCopy } from '../images/copy';
import { oneAtATime, oneChangeAtATime } from '../shared/inFlight';
import { startedJob } from '../shared/jobs';
import { provider } from '../shared/targets';
import { regionName } from '../shared/regionName';

/** The tracked job a view item stands for (the element itself, checked against what the tracker has). */
function jobOf(ctx: CommandContext, element: unknown): TrackedJob | undefined {
  const e = typeof element === 'object' && element !== null ? (element as Partial<TrackedJob>) : undefined;
  return ctx.jobs.list().find((j) => j.accountId === e?.accountId && j.regionId === e?.regionId && j.jobId === e?.jobId && j.imageId === e?.imageId);
}

export async function cancelJob(ctx: CommandContext, element?: unknown): Promise<void> {
  const job = jobOf(ctx, element);
  if (!job || !cancellable(job)) {
    return;
  }
  // One Cancel of a job at a time: a second while the first is asked or sent is refused in words.
  const place = { accountId: job.accountId, regionId: job.regionId, id: job.jobId, name: jobTitle(job) };
  await oneChangeAtATime(ctx, [place], 'cancel', async () => {
    const { question, stop, detail } = cancelWords(job);
    // The buttons say what they do (no "Cancel" beside a "Cancel Job"); Keep Running or Escape ends the command here.
    await ctx.ui.confirmOrKeep(question, detail, vscode.l10n.t('Keep Running'), stop);
    await ctx.jobs.cancel(job);
  });
}

/** The Cancel confirmation's words for a job of this kind: what stops, and what the cloud then does with what it made. */
export function cancelWords(job: TrackedJob): { question: string; stop: string; detail: string } {
  const question = vscode.l10n.t('Stop "{0}"?', jobTitle(job));
  switch (job.kind) {
    case 'copy':
      return { question, stop: vscode.l10n.t('Stop the Copy'), detail: vscode.l10n.t('The unfinished copy is deleted; the original image stays as it is.') };
    case 'import':
      return { question, stop: vscode.l10n.t('Stop the Import'), detail: cancelledImportCheck(job) };
    case 'export':
      return { question, stop: vscode.l10n.t('Stop the Export'), detail: cancelledExportCheck(job) };
    default:
      return { question, stop: vscode.l10n.t('Stop the Job'), detail: vscode.l10n.t('The task stops where it is.') };
  }
}

export async function retryJob(ctx: CommandContext, element?: unknown): Promise<void> {
  const job = jobOf(ctx, element);
  if (!job || !retryable(job) || !job.rerun) {
    return;
  }
  const rerun = job.rerun;
  const again = vscode.l10n.t('Retry');
  // Escape or Cancel ends the command here (UserCancelledError).
  await ctx.ui.confirm(vscode.l10n.t('Run "{0}" again?', jobTitle(job)), vscode.l10n.t('The same request is sent once more.'), again);
  const node = await ctx.tree.resolveImage({ accountId: job.accountId, regionId: job.regionId, imageId: job.imageId });
  if (!node) {
    throw new Error(vscode.l10n.t('The image {0} is no longer in {1}.', job.imageId, regionName(ctx, job.accountId, job.regionId)));
  }
  if (rerun.kind === 'copy') {
    await oneAtATime(ctx, [node], 'copy', async () => {
      const copying = (await provider(ctx, node)).copying;
      if (copying) {
        const started = await copying.copyImage(job.regionId, job.imageId, rerun.request);
        await trackCopy(ctx, node, rerun.request.destinationRegionId, started, rerun);
        announceRetry(ctx, node);
      }
    });
  } else {
    await oneAtATime(ctx, [node], 'export', async () => {
      const exporting = (await provider(ctx, node)).exporting;
      if (exporting) {
        const started = await exporting.exportImage(job.regionId, job.imageId, rerun.request);
        await startedJob(ctx, node, 'export', started, job.detail, rerun);
      }
    });
  }
}

function announceRetry(ctx: CommandContext, node: ImageNode): void {
  void ctx.ui.notify('info', vscode.l10n.t('Started again: copy of "{0}".', node.image.name));
}
