// Quotas where the cloud has them (Huawei IMS): Show Quota on a region, and the check that an import,
// a share, an accept (or the lead's copy) makes before any change is sent: a full quota is said in words.
import * as vscode from 'vscode';
import type { QuotaUse } from '../../providers/core/quota';
import type { ImageProvider } from '../../providers/core/provider';
import { quotaLabel, quotaLines, rememberQuota } from '../../tree/quotaTooltip';
import { RegionNode } from '../../tree/nodes';
import { formatNumber } from '../../util/format';
import { runWizard } from '../../util/wizard';
import type { CommandContext } from '../shared/context';
import { regionOf, regionSteps, type RegionDraft } from '../shared/regionSteps';

/** What a change needs room for: new images (import, copy), new members (share), accepted shared images (accept). */
export type QuotaNeed = 'image' | 'share' | 'accept';

const QUOTA_OF: Readonly<Record<QuotaNeed, string>> = { image: 'image', share: 'image_member', accept: 'image_shared' };

/** Why the quota is full, in words; undefined when `count` more fit (or the cloud has no such quota). */
export function quotaProblem(quotas: readonly QuotaUse[], need: QuotaNeed, count: number, regionName: string): string | undefined {
  const q = quotas.find((x) => x.type === QUOTA_OF[need]);
  if (!q || q.used + count <= q.quota) {
    return undefined;
  }
  return vscode.l10n.t(
    'The quota "{0}" in {1} is full ({2} of {3} used): {4} more do not fit. Free some up or ask the cloud for a higher quota, then try again.',
    quotaLabel(q.type),
    regionName,
    formatNumber(q.used),
    formatNumber(q.quota),
    formatNumber(count),
  );
}

/**
 * Throws (with the words of `quotaProblem`) when the region's quota has no room for `count` more; does
 * nothing on a cloud without quotas. Called before Import, Share, Accept and Copy.
 */
export async function assertQuotaRoom(provider: ImageProvider, regionId: string, regionName: string, need: QuotaNeed, count = 1): Promise<void> {
  if (!provider.quota) {
    return;
  }
  const problem = quotaProblem(await provider.quota.quotas(regionId), need, count, regionName);
  if (problem) {
    throw new Error(problem);
  }
}

export async function showQuota(ctx: CommandContext, node?: unknown): Promise<void> {
  const draft = await runWizard<RegionDraft>(
    vscode.l10n.t('Show Quota'),
    regionSteps(ctx, (p) => p.quota !== undefined),
    { fromTree: node instanceof RegionNode ? node : undefined },
    ctx.ui,
  );
  const region = regionOf(draft);
  const quota = (await ctx.sessions.provider(region.account)).quota;
  if (!quota) {
    throw new Error(vscode.l10n.t('This cloud reports no image quotas.'));
  }
  const quotas = await quota.quotas(region.region.id);
  rememberQuota(region, quotas);
  ctx.tree.redraw(region);
  void ctx.ui.notify('info', vscode.l10n.t('Quota in {0}: {1}', region.region.name, quotaLines(quotas).join('; ')));
}
