// The 'wait' way out (providers/core/reasons.ts): after the user's click, follow what a refused change
// waited for (the image's own status, the image's running job, or one of the region's running jobs),
// then hand back the images that are ready, so that the command sends the same change to them once.
// Nothing is sent from here; a wait the user cancels, or one whose image failed or is gone, sends nothing.
import * as vscode from 'vscode';
import { isActive, type TrackedJob } from '../../jobs/model';
import type { WaitFor } from '../../providers/core/reasons';
import type { ImageNode } from '../../tree/nodes';
import { isCancellation, logLine, userMessage } from '../../util/errors';
import { imageState } from '../../util/vocabulary';
import type { CommandContext } from './context';
import { provider } from './targets';

/** How often the image's status is read back while it is being made (a cloud's job is polled as slowly). */
const POLL_MS = 2_000;
/** Past this the wait stops and says so (an image made for hours is better retried by hand). */
const MAX_WAIT_MS = 60 * 60_000;

type Ending = 'ready' | 'failed' | 'gone' | 'cancelled' | 'timeout' | { readonly error: unknown };

/** The tracked jobs a wait for the image's job (or the region's) follows. */
function jobsOf(ctx: CommandContext, node: ImageNode, waitFor: WaitFor): TrackedJob[] {
  const { account, image } = node;
  const region = node.parent.region.id;
  return waitFor === 'regionJobs'
    ? ctx.jobs.active().filter((j) => j.accountId === account.id && j.regionId === region)
    : ctx.jobs.forImage(account.id, region, image.id).filter(isActive);
}

/** Whether the wait can be followed from here: the image's status always; a job only when the Jobs view follows one. */
export function canWait(ctx: CommandContext, node: ImageNode, waitFor: WaitFor | undefined): boolean {
  return waitFor === 'image' || (waitFor !== undefined && jobsOf(ctx, node, waitFor).length > 0);
}

/** Whether the Jobs view follows a running job of the image (the refusal's cause, where it is one). */
export function hasRunningJob(ctx: CommandContext, node: ImageNode): boolean {
  return jobsOf(ctx, node, 'imageJob').length > 0;
}

function delay(ms: number, token: vscode.CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const sub = token.onCancellationRequested(done);
    function done(): void {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

/** Until the image is no longer being made: its status read back from the cloud (the tree's node updated). */
async function imageReady(ctx: CommandContext, node: ImageNode, token: vscode.CancellationToken, until: number): Promise<Ending> {
  const p = await provider(ctx, node);
  const region = node.parent.region.id;
  for (;;) {
    if (token.isCancellationRequested) {
      return 'cancelled';
    }
    const image = await p.getImage?.(region, node.image.id);
    if (!image) {
      return 'gone';
    }
    const state = imageState(node.account.cloud, image);
    if (state !== 'creating' && state !== 'queued') {
      ctx.tree.updateImage(node.account.id, region, image);
      return state === 'failed' ? 'failed' : 'ready';
    }
    if (Date.now() > until) {
      return 'timeout';
    }
    await delay(POLL_MS, token);
  }
}

/** Until the jobs followed now have (one of them, for the region's) ended: the Jobs view's own polling tells. */
function jobsEnded(ctx: CommandContext, node: ImageNode, waitFor: WaitFor, token: vscode.CancellationToken, until: number): Promise<Ending> {
  const followed = jobsOf(ctx, node, waitFor).map((j) => j.jobId);
  const ended = (): boolean => {
    const still = new Set(jobsOf(ctx, node, waitFor).map((j) => j.jobId));
    const left = followed.filter((id) => still.has(id)).length;
    return waitFor === 'regionJobs' ? left < followed.length : left === 0;
  };
  return new Promise((resolve) => {
    const subs: vscode.Disposable[] = [];
    const end = (how: Ending): void => {
      subs.forEach((s) => s.dispose());
      clearTimeout(timer);
      resolve(how);
    };
    const timer = setTimeout(() => end('timeout'), Math.max(0, until - Date.now()));
    subs.push(ctx.jobs.onDidChange(() => ended() && end('ready')));
    subs.push(token.onCancellationRequested(() => end('cancelled')));
    if (ended()) {
      end('ready');
    }
  });
}

function endingText(node: ImageNode, ending: Exclude<Ending, 'ready' | 'cancelled'>): string {
  const name = node.image.name;
  if (typeof ending === 'object') {
    return vscode.l10n.t('Could not follow "{0}" ({1}), so the change was not sent again.', name, userMessage(ending.error));
  }
  switch (ending) {
    case 'failed':
      return vscode.l10n.t('"{0}" failed while it was being made, so the change was not sent again.', name);
    case 'gone':
      return vscode.l10n.t('"{0}" no longer exists, so the change was not sent again.', name);
    case 'timeout':
      return vscode.l10n.t('Stopped waiting for "{0}" after an hour: the change was not sent again. Retry it when the image is ready.', name);
  }
}

/**
 * Follows, with a progress notification the user can cancel, what each image's refusal waits for; resolves
 * with the images that are ready now (each once). Those that failed, went away or timed out are said.
 */
export async function whenReady(ctx: CommandContext, nodes: readonly ImageNode[], waitFor: (node: ImageNode) => WaitFor | undefined): Promise<ImageNode[]> {
  const until = Date.now() + MAX_WAIT_MS;
  const errors = new Map(nodes.map((n) => [n, n.lastError]));
  nodes.forEach((n) => ctx.tree.setBusy(n, vscode.l10n.t('Waiting until ready…')));
  const title = nodes.length === 1 ? vscode.l10n.t('Waiting until "{0}" is ready…', nodes[0]!.image.name) : vscode.l10n.t('Waiting until {0} images are ready…', nodes.length);
  const endings = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) =>
    Promise.all(
      nodes.map(async (node) => {
        const what = waitFor(node);
        let ending: Ending;
        try {
          ending = !what ? 'failed' : what === 'image' ? await imageReady(ctx, node, token, until) : await jobsEnded(ctx, node, what, token, until);
        } catch (error) {
          ending = isCancellation(error) ? 'cancelled' : { error };
        }
        return { node, ending };
      }),
    ),
  );
  for (const { node, ending } of endings) {
    if (ending === 'ready' || ending === 'cancelled') {
      // Ready: the change is sent next (it marks the node); cancelled: the refusal stays shown.
      ctx.tree.setBusy(node, undefined, ending === 'ready' ? undefined : errors.get(node));
      continue;
    }
    const text = endingText(node, ending);
    ctx.log.warn(`Waited for ${node.image.id}: ${typeof ending === 'object' ? logLine(ending.error) : ending}.`);
    ctx.tree.setBusy(node, undefined, text);
    void ctx.ui.notify('warning', text);
  }
  return endings.filter((e) => e.ending === 'ready').map((e) => e.node);
}
