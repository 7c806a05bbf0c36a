// Clean Up…: deletes the images of the latest plan, and nothing else. One modal names the count, the size
// and the accounts; then, per account and region (a few at a time), each image is checked again just
// before it is deleted: one that something uses by then is skipped, and said so. Results per image go
// through the bulk reporting every delete uses (done leave the tree, failures stay marked).
import * as vscode from 'vscode';
import type { ChangeResult, ImageFailure, ImageJob } from '../../providers/core/operations';
import type { ImageProvider } from '../../providers/core/provider';
import { mapLimited } from '../../providers/shared/common';
import type { PlanEntry } from '../../hygiene/plan';
import type { ImageNode } from '../../tree/nodes';
import { accountLabel } from '../../util/clouds';
import { formatGiB, formatNumber } from '../../util/format';
import { eachRegion, reportOutcome, type Outcome } from '../shared/bulk';
import type { CommandContext } from '../shared/context';
import { startedJob } from '../shared/jobs';
import { forgetPlan, latestPlan } from './state';

/** Deletes in flight at once in one region. */
export const CLEANUP_PER_REGION = 2;

async function nodeOf(ctx: CommandContext, entry: PlanEntry): Promise<ImageNode | undefined> {
  const region = ctx.tree.findRegion(entry.account.id, entry.image.regionId);
  return region ? region.imageNode(entry.image) : ctx.tree.resolveImage({ accountId: entry.account.id, regionId: entry.image.regionId, imageId: entry.image.id });
}

/** Why an image is skipped now: something uses it (or its use cannot be read), else undefined. */
async function usedNow(provider: ImageProvider, regionId: string, imageId: string): Promise<Error | undefined> {
  if (!provider.usage) {
    return new Error(vscode.l10n.t('Skipped: this cloud cannot tell what uses the image now.'));
  }
  const now = await provider.usage.imageUsage(regionId, imageId);
  const failed = now.failed[0];
  if (failed) {
    return new Error(vscode.l10n.t('Skipped: what uses the image could not be checked again ({0} failed).', failed.api));
  }
  const use = now.byImage.get(imageId);
  if (use && (use.instances || use.templates)) {
    return new Error(vscode.l10n.t('Skipped: since the plan was made, {0} instance(s) and {1} template(s) use this image.', formatNumber(use.instances), formatNumber(use.templates)));
  }
  return undefined;
}

async function cleanRegion(provider: ImageProvider, regionId: string, group: readonly ImageNode[]): Promise<ChangeResult> {
  const failed: ImageFailure[] = [];
  const jobs: ImageJob[] = [];
  await mapLimited(group, CLEANUP_PER_REGION, async (node) => {
    const imageId = node.image.id;
    try {
      const skip = await usedNow(provider, regionId, imageId);
      if (skip) {
        failed.push({ imageId, error: skip });
        return;
      }
      const result = await provider.deleting!.deleteImages(regionId, [imageId], { force: false });
      failed.push(...(result.failed ?? []));
      if (result.job) {
        jobs.push({ imageId, job: result.job });
      }
    } catch (error) {
      failed.push({ imageId, error });
    }
  });
  return { confirmedBy: 'reply', failed, jobs };
}

export async function cleanUp(ctx: CommandContext): Promise<void> {
  const plan = latestPlan();
  if (!plan) {
    throw new Error(vscode.l10n.t('Run "Find Unused Images…" first: Clean Up deletes only what its plan proposes.'));
  }
  if (!plan.remove.length) {
    void ctx.ui.notify('info', vscode.l10n.t('The plan proposes no image for deletion.'));
    return;
  }
  const accounts = [...new Map(plan.remove.map((e) => [e.account.id, accountLabel(e.account)])).values()];
  const del = vscode.l10n.t('Delete');
  const message = vscode.l10n.t('Delete {0} image(s), {1}, from {2}?', formatNumber(plan.remove.length), formatGiB(plan.sizeGiB), accounts.join(', '));
  const detail = [
    vscode.l10n.t('This cannot be undone.'),
    plan.totals.map((t) => `• ${vscode.l10n.t('{0}, {1}: {2} image(s), {3}', accountLabel(t.account), t.regionId, formatNumber(t.count), formatGiB(t.sizeGiB))}`).join('\n'),
    vscode.l10n.t('Each image is checked again just before it is deleted: one that something uses by then is skipped.'),
  ].join('\n\n');
  if ((await ctx.ui.confirm(message, detail, del)) !== del) {
    return;
  }
  forgetPlan();
  const byAccount = new Map<string, PlanEntry[]>();
  for (const e of plan.remove) {
    byAccount.set(e.account.id, [...(byAccount.get(e.account.id) ?? []), e]);
  }
  const outcomes = await Promise.all(
    [...byAccount.values()].map(async (entries): Promise<Outcome> => {
      const nodes = (await Promise.all(entries.map((e) => nodeOf(ctx, e)))).filter((n): n is ImageNode => n !== undefined);
      if (!nodes.length) {
        return { done: [], failed: [] };
      }
      const provider = await ctx.sessions.provider(nodes[0]!.account);
      nodes.forEach((n) => ctx.tree.setBusy(n, vscode.l10n.t('Deleting…')));
      return eachRegion(
        ctx,
        nodes,
        (regionId, group) => cleanRegion(provider, regionId, group),
        async (regionId, done, result) => {
          const started = new Map((result.jobs ?? []).map((j) => [j.imageId, j.job]));
          for (const n of done) {
            const job = started.get(n.image.id);
            if (job) {
              await startedJob(ctx, [n], 'delete', { confirmedBy: 'reply', job });
            } else {
              ctx.log.info(`Clean Up: deleted ${n.image.id} in ${regionId}.`);
              ctx.tree.removeImage(n.account.id, regionId, n.image.id);
            }
          }
        },
      );
    }),
  );
  const outcome: Outcome = { done: outcomes.flatMap((o) => o.done), failed: outcomes.flatMap((o) => o.failed) };
  if (!outcome.failed.length || outcome.done.length) {
    void ctx.ui.notify('info', vscode.l10n.t('Clean Up: {0} deleted, {1} skipped or failed.', formatNumber(outcome.done.length), formatNumber(outcome.failed.length)));
  }
  reportOutcome(ctx, 'delete', outcome, (failed) => vscode.commands.executeCommand('cloudImageExplorer.delete', failed[0], failed));
}
