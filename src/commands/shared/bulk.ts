// A change over several images reports per image: the images it was made to are updated (or leave the
// tree), only the failures stay marked, each with the cloud's own error, and the summary says how many of
// each, with a way to see which failed and to retry only those. (As vscode-containers' removeImage does:
// one confirmation, then each item on its own.)
import * as vscode from 'vscode';
import { errorReasonOf, type ErrorReason } from '../../providers';
import { ProviderError } from '../../providers/core/errors';
import type { ChangeResult } from '../../providers/core/changes';
import { imageFailures } from '../../providers/shared/reconcile';
import type { ImageNode } from '../../tree/nodes';
import { isCancellation, logLine } from '../../util/errors';
import type { CommandContext } from './context';
import { failureText } from './outcome';
import { byRegion, imageLabel } from './targets';

export type BulkKind = 'delete' | 'tag' | 'untag';

export interface Failure {
  readonly node: ImageNode;
  /** What the node shows: the cloud's error in the user's words. */
  readonly text: string;
  /** True when the outcome is not known (reading back could not tell): such an image is not retried. */
  readonly unknown: boolean;
  /** Why the cloud refused, where its table names the code (e.g. 'imageInUse'). */
  readonly reason?: ErrorReason;
}

/**
 * A way out the cloud names for some failures (e.g. Force Delete for images instances use), offered as a
 * button beside the outcome (and in Show Failures) for the failures it applies to.
 */
export interface WayOutButton {
  /** The button's words, e.g. "Force Delete". */
  readonly label: string;
  readonly applies: (failure: Failure) => boolean;
  /** Takes the way out for those failures' images (its own confirmation included); their failures beside them. */
  readonly run: (nodes: ImageNode[], failures: readonly Failure[]) => Thenable<unknown>;
}

/** Optional parts of reportOutcome (every caller without them behaves as before). */
export interface ReportOptions {
  readonly wayOut?: WayOutButton;
  /** More ways out (shared/wayOuts.ts), each offered for the failures it applies to. */
  readonly wayOuts?: readonly WayOutButton[];
}

export interface Outcome {
  readonly done: ImageNode[];
  readonly failed: Failure[];
}

/** A failure of one image: its words, whether its outcome is unknown, and the cloud's reason. */
export function failureOf(node: ImageNode, err: unknown): Failure {
  const reason = err instanceof ProviderError ? errorReasonOf(err) : undefined;
  return { node, text: failureText(err, imageLabel([node])), unknown: ProviderError.isOutcomeUnknown(err), ...(reason ? { reason } : {}) };
}

/**
 * Runs the change region by region (in parallel) and sorts each image into done or failed: a region whose
 * call failed as a whole fails each of its images; a result's `failed` fails only those. `onDone` gets each
 * region's images that were changed, with the region's result. Failed nodes are marked (lastError) here.
 */
export async function eachRegion(
  ctx: CommandContext,
  nodes: readonly ImageNode[],
  run: (regionId: string, group: ImageNode[]) => Promise<ChangeResult>,
  onDone: (regionId: string, done: ImageNode[], result: ChangeResult) => Promise<void> | void,
): Promise<Outcome> {
  const done: ImageNode[] = [];
  const failed: Failure[] = [];
  await Promise.all(
    [...byRegion(nodes)].map(async ([regionId, group]) => {
      let result: ChangeResult;
      try {
        result = await run(regionId, group);
      } catch (err) {
        if (isCancellation(err)) {
          group.forEach((n) => ctx.tree.setBusy(n, undefined));
          return;
        }
        // None was changed: each image with its own error where the provider tells them apart.
        const each = imageFailures(err);
        result = { confirmedBy: 'reply', failed: group.map((n) => each?.find((f) => f.imageId === n.image.id) ?? { imageId: n.image.id, error: err }) };
      }
      const errors = new Map<string, unknown>();
      for (const f of result.failed ?? []) {
        // The first error an image got is the one that stopped it.
        if (!errors.has(f.imageId)) {
          errors.set(f.imageId, f.error);
          ctx.log.warn(`${f.imageId} in ${regionId}: ${logLine(f.error)}`);
        }
      }
      const ok = group.filter((n) => !errors.has(n.image.id));
      failed.push(...group.filter((n) => errors.has(n.image.id)).map((n) => failureOf(n, errors.get(n.image.id))));
      done.push(...ok);
      if (ok.length) {
        await onDone(regionId, ok, result);
      }
    }),
  );
  for (const f of failed) {
    ctx.tree.setBusy(f.node, undefined, f.text);
  }
  return { done, failed };
}

function summary(kind: BulkKind, done: number, failed: number): string {
  switch (kind) {
    case 'delete':
      return vscode.l10n.t('{0} deleted, {1} failed.', done, failed);
    case 'tag':
      return vscode.l10n.t('{0} tagged, {1} failed.', done, failed);
    case 'untag':
      return vscode.l10n.t('Tags removed from {0}, {1} failed.', done, failed);
  }
}

function oneFailed(kind: BulkKind, f: Failure): string {
  if (f.unknown) {
    return f.text;
  }
  const name = `"${f.node.image.name}"`;
  switch (kind) {
    case 'delete':
      return vscode.l10n.t('Could not delete {0}: {1}', name, f.text);
    case 'tag':
      return vscode.l10n.t('Could not tag {0}: {1}', name, f.text);
    case 'untag':
      return vscode.l10n.t('Could not remove the tags from {0}: {1}', name, f.text);
  }
}

/**
 * Says how the change ended. One image that failed: its error, as the command's failure (thrown), or, when
 * ways out apply to it, as an error notification offering them. Several images with failures: "N
 * deleted, 1 failed." with Show Failures (each image and its error, Retry Failed and the ways out among
 * them), each way out for the failures it applies to, and Retry Failed (the images refused for sure: one
 * whose outcome is unknown is not sent again).
 */
export function reportOutcome(
  ctx: CommandContext,
  kind: BulkKind,
  outcome: Outcome,
  retry: (nodes: ImageNode[]) => Thenable<unknown>,
  options: ReportOptions = {},
): void {
  const { done, failed } = outcome;
  if (!failed.length) {
    return;
  }
  // Each way out with the images it applies to (one whose outcome is unknown is not sent again).
  const ways = [...(options.wayOut ? [options.wayOut] : []), ...(options.wayOuts ?? [])]
    .map((way) => ({ label: way.label, failures: failed.filter((f) => !f.unknown && way.applies(f)), run: way.run }))
    .filter((w) => w.failures.length > 0)
    .map((w): WayOutAction => ({ label: w.label, run: () => w.run(w.failures.map((f) => f.node), w.failures) }));
  if (failed.length === 1 && !done.length && !ways.length) {
    throw new Error(oneFailed(kind, failed[0]!));
  }
  const show = vscode.l10n.t('Show Failures');
  const again = vscode.l10n.t('Retry Failed');
  const retriable = failed.filter((f) => !f.unknown).map((f) => f.node);
  const single = failed.length === 1 && !done.length;
  const message = single ? oneFailed(kind, failed[0]!) : summary(kind, done.length, failed.length);
  ctx.log.warn(`${message} ${failed.map((f) => `${f.node.image.id}: ${f.text}`).join(' | ')}`);
  const wayLabels = ways.map((w) => w.label);
  const buttons = single ? wayLabels : [show, ...wayLabels, ...(retriable.length ? [again] : [])];
  const actions: FailureActions = {
    retry: retriable.length ? () => retry(retriable) : undefined,
    wayOuts: ways,
  };
  void ctx.ui.notify('error', message, ...buttons).then(async (choice) => {
    const way = ways.find((w) => w.label === choice);
    if (choice === again) {
      await actions.retry?.();
    } else if (way) {
      await way.run();
    } else if (choice === show) {
      await showFailures(ctx, failed, actions);
    }
  });
}

interface WayOutAction {
  readonly label: string;
  readonly run: () => Thenable<unknown>;
}

interface FailureActions {
  readonly retry?: () => Thenable<unknown>;
  readonly wayOuts: readonly WayOutAction[];
}

/**
 * Each failed image with its error; picking one reveals it in the tree. Retry Failed (and the way out)
 * stay reachable as the list's first items.
 */
async function showFailures(ctx: CommandContext, failed: readonly Failure[], actions: FailureActions): Promise<void> {
  type Data = { readonly node: ImageNode } | { readonly action: () => Thenable<unknown> };
  const items: Array<{ label: string; description?: string; detail?: string; data: Data }> = [];
  for (const way of actions.wayOuts) {
    items.push({ label: `$(warning) ${way.label}`, data: { action: way.run } });
  }
  if (actions.retry) {
    items.push({ label: `$(refresh) ${vscode.l10n.t('Retry Failed')}`, data: { action: actions.retry } });
  }
  items.push(...failed.map((f) => ({ label: f.node.image.name, description: f.node.image.id, detail: f.text, data: { node: f.node } })));
  const picked = await ctx.ui.pick(items, { title: vscode.l10n.t('Images that failed') });
  if ('action' in picked.data) {
    await picked.data.action();
    return;
  }
  await ctx.treeView.reveal(picked.data.node, { select: true, focus: true });
}
