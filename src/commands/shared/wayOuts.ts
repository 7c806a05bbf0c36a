// The ways out a cloud's words name for a refused change (providers/core/reasons.ts: per reason, as data),
// as buttons on the change's outcome, named by what they do: Stop Sharing… (the product's Unshare of that
// image), Retry When Ready (follows what the image is busy with, then sends the same change once, on
// this one click), Show Job (the Jobs view, where a job the view follows is the cause), Accept and Copy
// (the product's Accept of a shared image, then the copy asked again: acceptButton). Force Delete and
// Use Fast Export belong to their commands (images/delete.ts, images/export.ts). A single change's refusal
// says them through `refusalReport`; a change over several images through reportOutcome (bulk.ts).
import * as vscode from 'vscode';
import { waitOf, wayOutOf, type ChangeKind, type WaitFor } from '../../providers';
import type { ImageNode } from '../../tree/nodes';
import { SharedImageNode } from '../../tree/sharedWithMe';
import { isActive } from '../../jobs/model';
import { failureOf, type Failure, type WayOutButton } from './bulk';
import type { CommandContext } from './context';
import { oneAtATime } from './inFlight';
import { failureText } from './outcome';
import { showJobLabel, showJobs } from './showJob';
import { canWait, hasRunningJob, whenReady } from './whenReady';

/** Stop Sharing…: the product's Unshare of each image (its member pick and confirmation); then the change can be retried. */
export function stopSharingButton(): WayOutButton {
  return {
    label: vscode.l10n.t('Stop Sharing…'),
    applies: (f) => wayOutOf(f.reason) === 'stopSharing',
    run: async (nodes) => {
      for (const node of nodes) {
        await vscode.commands.executeCommand('cloudImageExplorer.unshare', node);
      }
    },
  };
}

/**
 * Retry When Ready: on the click, follows what each refusal waits for (whenReady.ts) and then sends the
 * same change once to the images that are ready, inside the one-change-at-a-time guard of `kind`. `send`
 * returns how to say its outcome, said once the guard is released.
 */
export function waitButton(ctx: CommandContext, kind: ChangeKind, send: (ready: ImageNode[]) => Promise<(() => void) | void>): WayOutButton {
  return {
    label: vscode.l10n.t('Retry When Ready'),
    applies: (f) => wayOutOf(f.reason) === 'wait' && canWait(ctx, f.node, waitOf(f.reason)),
    run: async (nodes, failures) => {
      const waits = new Map<ImageNode, WaitFor | undefined>(failures.map((f) => [f.node, waitOf(f.reason)]));
      const said: { report?: () => void } = {};
      await oneAtATime(ctx, nodes, kind, async () => {
        const ready = await whenReady(ctx, nodes, (n) => waits.get(n));
        if (ready.length) {
          ctx.log.info(`Ready again: ${ready.map((n) => n.image.id).join(', ')}; sending the ${kind} once.`);
          said.report = (await send(ready)) ?? undefined;
        }
      });
      said.report?.();
    },
  };
}

/** Show Job: the Jobs view, where a job it follows keeps the image busy. */
export function showJobButton(ctx: CommandContext): WayOutButton {
  return {
    label: showJobLabel(),
    applies: (f) => wayOutOf(f.reason) === 'wait' && hasRunningJob(ctx, f.node),
    run: showJobs,
  };
}

/** Whether the accept the Jobs view follows for this shared image ended well: true at once when none runs (nothing to wait for). */
function acceptEnded(ctx: CommandContext, shared: SharedImageNode): Promise<boolean> {
  const { account } = shared.region;
  const region = shared.region.region.id;
  const jobs = (): ReturnType<CommandContext['jobs']['forImage']> => ctx.jobs.forImage(account.id, region, shared.received.image.id).filter((j) => j.kind === 'accept');
  return new Promise((resolve) => {
    const check = (): boolean => {
      const all = jobs();
      if (all.some(isActive)) {
        return false;
      }
      resolve(all.at(-1)?.state !== 'failed');
      return true;
    };
    if (!check()) {
      const sub = ctx.jobs.onDidChange(() => check() && sub.dispose());
    }
  });
}

/**
 * Accept and Copy: the product's Accept of that shared image (`cloudImageExplorer.acceptShared`), followed
 * until its job has ended; then `then` (the Copy wizard again, so the copy is sent once, on the user's
 * answers). An accept that failed is said by the Jobs view and nothing is copied.
 */
export function acceptButton(ctx: CommandContext, shared: SharedImageNode, then: () => Promise<void>): WayOutButton {
  return {
    label: vscode.l10n.t('Accept and Copy'),
    applies: (f) => wayOutOf(f.reason) === 'accept',
    run: async () => {
      // The cloud just said it is not accepted, whatever the tree read before (so Accept sends the answer).
      const unanswered = new SharedImageNode(shared.parent, { ...shared.received, membership: 'pending' });
      await vscode.commands.executeCommand('cloudImageExplorer.acceptShared', unanswered);
      if (await acceptEnded(ctx, shared)) {
        await then();
      }
    },
  };
}

/**
 * A single change the cloud refused: where one of `buttons` applies to its reason, how to say it (an error
 * notification offering them; to be called once the command's guard is released); otherwise undefined,
 * and the caller throws the error as usual.
 */
export function refusalReport(ctx: CommandContext, node: ImageNode, err: unknown, buttons: readonly WayOutButton[]): (() => void) | undefined {
  const failure: Failure = failureOf(node, err);
  const ways = failure.unknown ? [] : buttons.filter((b) => b.applies(failure));
  if (!ways.length) {
    return undefined;
  }
  return () => {
    const message = failureText(err);
    ctx.log.warn(`${node.image.id}: ${message}`);
    void ctx.ui.notify('error', message, ...ways.map((w) => w.label)).then(async (choice) => {
      await ways.find((w) => w.label === choice)?.run([node], [failure]);
    });
  };
}
