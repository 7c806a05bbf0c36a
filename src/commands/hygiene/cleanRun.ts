// Clean Up's run: per account and region (regions at once, a few deletes in flight per region), each image
// is checked again just before it is deleted (one that something uses by then is skipped, and said so),
// Force only for the images the user chose. Cancel stops between images: an image whose delete was sent
// finishes, the rest are not touched, and what was deleted before is reported.
import * as vscode from 'vscode';
import { ProviderError } from '../../providers/core/errors';
import type { ImageProvider } from '../../providers/core/provider';
import { mapLimited } from '../../providers/shared/common';
import type { ImageNode } from '../../tree/nodes';
import { isCancellation, logLine } from '../../util/errors';
import { usersText } from '../../webviews/hygienePlan';
import type { Failure } from '../shared/bulk';
import type { CommandContext } from '../shared/context';
import { startedJob } from '../shared/jobs';
import { failureText } from '../shared/outcome';
import { imageLabel } from '../shared/targets';

/** Deletes in flight at once in one region. */
export const CLEANUP_PER_REGION = 2;

export interface CleanTarget {
  readonly provider: ImageProvider;
  readonly node: ImageNode;
  readonly force: boolean;
}

export interface CleanOutcome {
  readonly done: ImageNode[];
  readonly failed: Failure[];
  /** Not touched: Cancel came before their turn. */
  readonly untouched: ImageNode[];
}

/** Why an image is skipped now: something uses it (or its use cannot be read), else undefined. */
async function usedNow(provider: ImageProvider, regionId: string, imageId: string, signal: AbortSignal): Promise<Error | undefined> {
  if (!provider.usage) {
    return new Error(vscode.l10n.t('Skipped: this cloud cannot tell what uses the image now.'));
  }
  const now = await provider.usage.imageUsage(regionId, imageId, signal);
  const failed = now.failed[0];
  if (failed) {
    return new Error(vscode.l10n.t('Skipped: what uses the image could not be checked again ({0} failed).', failed.api));
  }
  const use = now.byImage.get(imageId);
  if (use && (use.instances || use.templates || use.scalingConfigs)) {
    return new Error(vscode.l10n.t('Skipped: since the plan was made, {0} came to use this image.', usersText(use)));
  }
  return undefined;
}

function regionsOf(targets: readonly CleanTarget[]): CleanTarget[][] {
  const groups = new Map<string, CleanTarget[]>();
  for (const t of targets) {
    const key = `${t.node.account.id}\u0000${t.node.image.regionId}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()];
}

/**
 * Deletes the targets; `signal` is Cancel. `onDeleted` hears of each image as it goes (progress).
 * Nothing is sent for an image once Cancel was asked for; a delete already sent is never aborted.
 */
export async function runCleanUp(ctx: CommandContext, targets: readonly CleanTarget[], signal: AbortSignal, onDeleted: () => void): Promise<CleanOutcome> {
  const outcome: CleanOutcome = { done: [], failed: [], untouched: [] };
  const fail = (node: ImageNode, error: unknown): void => {
    ctx.log.warn(`Clean Up: ${node.image.id} in ${node.image.regionId}: ${logLine(error)}`);
    const text = failureText(error, imageLabel([node]));
    outcome.failed.push({ node, text, unknown: ProviderError.isOutcomeUnknown(error) });
    ctx.tree.setBusy(node, undefined, text);
  };
  await Promise.all(
    regionsOf(targets).map((group) =>
      mapLimited(group, CLEANUP_PER_REGION, async ({ provider, node, force }) => {
        const { regionId, id } = node.image;
        if (signal.aborted) {
          outcome.untouched.push(node);
          ctx.tree.setBusy(node, undefined);
          return;
        }
        let sent = false;
        try {
          const skip = await usedNow(provider, regionId, id, signal);
          if (skip) {
            fail(node, skip);
            return;
          }
          if (signal.aborted) {
            throw new ProviderError({ cloud: 'local', code: 'Aborted', message: 'Cancelled.' });
          }
          // Sent whole: Cancel waits for it (a delete is never sent twice nor left half-known).
          sent = true;
          const result = await provider.deleting!.deleteImages(regionId, [id], { force });
          const error = result.failed?.find((f) => f.imageId === id)?.error;
          if (error !== undefined) {
            fail(node, error);
            return;
          }
          outcome.done.push(node);
          onDeleted();
          if (result.job) {
            await startedJob(ctx, [node], 'delete', { confirmedBy: 'reply', job: result.job });
          } else {
            ctx.log.info(`Clean Up: deleted ${id} in ${regionId}${force ? ' (force)' : ''}.`);
            ctx.tree.removeImage(node.account.id, regionId, id);
          }
        } catch (error) {
          if (!sent && (isCancellation(error) || signal.aborted)) {
            outcome.untouched.push(node);
            ctx.tree.setBusy(node, undefined);
          } else {
            fail(node, error);
          }
        }
      }),
    ),
  );
  return outcome;
}
