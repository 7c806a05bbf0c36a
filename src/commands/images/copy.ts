// Copy Image…: destination region(s), name, description, encryption (the wizard, copySteps.ts), the
// pre-flight checks (copyPreflight.ts), a modal confirmation naming the image and the regions (a copy
// costs money), then one CopyImage (or copy job) per region, each sent once. A copy to several regions
// is one grouped job in the Jobs view, announced when every region is done.
import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import type { Rerun } from '../../jobs/model';
import { checkCopy, copiesWithinRegion } from '../../providers/rules/copy';
import type { CopyRequest, StartedCopy } from '../../providers/core/copying';
import { ImageNode } from '../../tree/nodes';
import { userMessage } from '../../util/errors';
import { inputMessage } from '../../util/inputMessages';
import { Recents } from '../../util/recents';
import { runWizard } from '../../util/wizard';
import type { CommandContext } from '../shared/context';
import { runCopyPreflights } from './copyPreflight';
import { copySteps, type CopyPlan } from './copySteps';
import { oneAtATime } from '../shared/inFlight';
import { sayIfReadBack } from '../shared/outcome';
import { imageTargets, provider } from '../shared/targets';
import { fromViewArg } from '../shared/args';
import { pickImageOrShared } from '../shared/pickers';
import { regionName } from '../shared/regionName';
import { formatList } from '../../util/format';
import { SharedImageNode } from '../../tree/sharedWithMe';
import { copyReceived } from './copyShared';

export async function copyImage(ctx: CommandContext, node?: unknown): Promise<void> {
  await startCopy(ctx, node);
}

/**
 * Copy Image… with a destination chosen in advance (the region a file launches the image in): the wizard
 * offers it checked, to confirm or change, where its region step would offer it; else it is not chosen.
 */
export async function copyImageTo(ctx: CommandContext, node: ImageNode, destinationRegionId: string): Promise<void> {
  await startCopy(ctx, node, destinationRegionId);
}

async function startCopy(ctx: CommandContext, node: unknown, preset?: string): Promise<void> {
  const title = vscode.l10n.t('Copy Image');
  if (!(node instanceof ImageNode) && !(node instanceof SharedImageNode) && !fromViewArg(node)) {
    // From the palette: the account's own images and those shared with it that the cloud copies (pickers.ts).
    node = await pickImageOrShared(ctx, title, 'copy');
    if (!node) {
      return;
    }
  }
  if (node instanceof SharedImageNode) {
    await copyReceived(ctx, node, async (target, refused) => {
      const said: { report?: () => void } = {};
      await oneAtATime(ctx, [target], 'copy', async () => {
        said.report = await askAndCopy(ctx, target, { received: true, refused });
      });
      said.report?.();
    });
    return;
  }
  const [target] = await imageTargets(ctx, 'copy', title, node, undefined, false);
  if (!target) {
    return;
  }
  await oneAtATime(ctx, [target], 'copy', async () => {
    await askAndCopy(ctx, target, { preset });
  });
}

interface CopyOptions {
  /** An image shared with the project (Huawei "Shared with Me"): copied within its region only. */
  readonly received?: boolean;
  /** How to say a refusal of a one-region copy with its way out (wayOuts.ts), said once the guard is released. */
  readonly refused?: (err: unknown) => (() => void) | undefined;
  /** A destination chosen in advance (copyImageTo). */
  readonly preset?: string;
}

/** The request for one destination region. */
function requestFor(plan: CopyPlan, source: string, region: string): CopyRequest {
  return {
    destinationRegionId: region,
    name: plan.name,
    ...(plan.description ? { description: plan.description } : {}),
    ...(plan.encryption !== 'none' ? { encrypted: true } : {}),
    ...(plan.encryption === 'kms' ? { kmsKeyId: plan.kmsKeyId } : {}),
    ...(plan.agencyName && region !== source ? { agencyName: plan.agencyName } : {}),
  };
}

/** The encryption asked for, in the confirmation's words. */
function encryptionNote(plan: CopyPlan): string[] {
  switch (plan.encryption) {
    case 'kms':
      return [vscode.l10n.t('The copy is encrypted with the KMS key {0}.', plan.kmsKeyId)];
    case 'default':
      return [vscode.l10n.t('The copy is encrypted with the default key.')];
    default:
      return [];
  }
}

async function askAndCopy(ctx: CommandContext, target: ImageNode, options: CopyOptions = {}): Promise<(() => void) | undefined> {
  const cloud = target.account.cloud;
  const p = await provider(ctx, target);
  const copying = p.copying;
  if (!copying) {
    return undefined;
  }
  // A received image is copied within its region: the wizard offers no other region, and checkCopy refuses one.
  const rules = options.received ? { ...copying.rules, crossRegion: false } : copying.rules;
  const source = target.parent.region.id;
  const agencies = new Recents(ctx.extension.globalState, `cloudImageExplorer.recentAgencies.${cloud}`, 5);
  const listed = rules.crossRegion ? await p.listRegions() : [];
  const withinRegion = copiesWithinRegion(copying.rules, target.image);
  // A preset destination counts only where the region step offers it (a region of the account, the source only when the image copies within it).
  const { preset } = options;
  const presetOffered = preset !== undefined && listed.some((r) => r.id === preset) && (withinRegion || preset !== source);
  const initial: CopyPlan = { regions: presetOffered ? [preset] : withinRegion ? [source] : [], name: `${target.image.name}-copy`, description: '', encryption: 'none', kmsKeyId: '', agencyName: '' };
  const title = vscode.l10n.t('Copy "{0}"', target.image.name);
  const plan = await runWizard(
    title,
    copySteps({ cloud, rules, sourceRegionId: source, withinRegion, regions: listed, lastAgency: agencies.list()[0], keys: p.keys }),
    initial,
    ctx.ui,
  );
  if (plan.encryption === 'kms' && new Set(plan.regions).size > 1) {
    throw new Error(vscode.l10n.t('A KMS key belongs to one region: copy to one region at a time to encrypt with a KMS key.'));
  }
  const named = (region: string): string => listed.find((r) => r.id === region)?.name || regionName(ctx, target.account.id, region);
  const requests = [...new Set(plan.regions)].map((region) => ({ region, request: requestFor(plan, source, region) }));
  for (const { request } of requests) {
    const problem = checkCopy(rules, source, request, target.image);
    if (problem) {
      throw new Error(inputMessage(problem, cloud, named));
    }
  }
  if (!requests.length) {
    throw new Error(vscode.l10n.t('Choose at least one destination region.'));
  }
  const regions = requests.map((r) => r.region);
  const notes = await runCopyPreflights({ ctx, target, provider: p, regions });
  const copyButton = vscode.l10n.t('Copy');
  // Escape or Cancel ends the command here (UserCancelledError).
  await ctx.ui.confirm(
    vscode.l10n.t('Copy the image "{0}" ({1}) to {2}?', target.image.name, target.image.id, formatList(regions.map(named))),
    [vscode.l10n.t('Each copy is a new image named "{0}" that the cloud stores and charges for.', plan.name), ...encryptionNote(plan), ...notes].join('\n\n'),
    copyButton,
  );
  const group = requests.length > 1 ? randomUUID() : undefined;
  const failures: string[] = [];
  let started = 0;
  for (const { region, request } of requests) {
    try {
      const result = await copying.copyImage(source, target.image.id, request);
      await trackCopy(ctx, target, region, result, { kind: 'copy', request }, group);
      started++;
    } catch (err) {
      const report = requests.length === 1 ? options.refused?.(err) : undefined;
      if (report) {
        return report;
      }
      // The other regions are still asked for: each copy stands on its own.
      ctx.log.warn(`Copy of ${target.image.id} to ${region} failed: ${userMessage(err)}`);
      failures.push(vscode.l10n.t('{0}: {1}', named(region), userMessage(err)));
    }
  }
  if (plan.agencyName) {
    await agencies.add(plan.agencyName);
  }
  if (failures.length && !started) {
    throw new Error(vscode.l10n.t('The copy of "{0}" could not be started. {1}', target.image.name, failures.join(' ')));
  }
  if (failures.length) {
    const message = started === 1
      ? vscode.l10n.t('The copy of "{0}" started in 1 region, not in: {1}', target.image.name, failures.join(' '))
      : vscode.l10n.t('The copy of "{0}" started in {1} regions, not in: {2}', target.image.name, started, failures.join(' '));
    void ctx.ui.notify('error', message);
    return undefined;
  }
  void ctx.ui.notify('info', vscode.l10n.t('Started: copy of "{0}" to {1}.', target.image.name, formatList(regions.map(named))));
  return undefined;
}

/** Tracks a started copy (also a retried one): followed where its provider says, grouped with the other regions of its action. */
export async function trackCopy(ctx: CommandContext, target: ImageNode, region: string, result: StartedCopy, rerun: Rerun, group?: string): Promise<void> {
  const source = target.parent.region.id;
  await ctx.jobs.track({
    accountId: target.account.id,
    cloud: target.account.cloud,
    regionId: source,
    jobId: result.job.jobId,
    kind: 'copy',
    imageId: target.image.id,
    imageName: target.image.name,
    detail: vscode.l10n.t('To {0} as "{1}"', regionName(ctx, target.account.id, region), rerun.kind === 'copy' ? rerun.request.name : ''),
    ...(result.follow === 'image' ? { follow: 'image' as const } : {}),
    ...(result.followRegionId !== source ? { pollRegionId: result.followRegionId } : {}),
    ...(group ? { group } : {}),
    target: { regionId: region, ...(result.newImageId ? { imageId: result.newImageId } : {}) },
    rerun,
  });
  ctx.log.info(`Copy of ${target.image.id} to ${region} started: ${result.follow} ${result.job.jobId}.`);
  sayIfReadBack(ctx, result, vscode.l10n.t('"{0}"', target.image.name));
}
