// A hygiene scan: for every region of every account asked about, its own images (every page, at the
// largest page) and what uses them (one listing per kind), regions in parallel (bounded); then the
// workspace's references, ages, tags, copies in other regions, and, for the images still proposed, who
// they are shared with; then the plan. Nothing is changed. A listing that fails leaves its region's
// images unknown (never unused), with the API named.
import { ProviderError } from '../providers/core/errors';
import type { Image } from '../providers/core/model';
import type { RegionUsage } from '../providers/core/usage';
import type { ImageProvider } from '../providers/core/provider';
import { imageRefusal } from '../providers/rules/capabilities';
import { allImages } from '../providers/shared/allImages';
import { mapLimited } from '../providers/shared/common';
import { ageInDays, decide, makePlan, type HygieneAccount, type HygienePlan, type ImageFacts, type PlanEntry, type Reference, type RegionFailure } from './plan';
import type { HygieneRules } from './rules';

export interface HygieneTarget {
  readonly account: HygieneAccount;
  readonly provider: ImageProvider;
  readonly regionIds: readonly string[];
}

/** Where the workspace names image IDs (the editor's scan of its files), handed in by the caller. */
export interface ReferenceSource {
  /** For each of the IDs that the workspace names, where. */
  referencesOf(imageIds: ReadonlySet<string>, signal?: AbortSignal): Promise<ReadonlyMap<string, readonly Reference[]>>;
}

export interface ScanOptions {
  readonly rules: HygieneRules;
  readonly now: Date;
  readonly signal?: AbortSignal;
  /** Regions scanned at once, over every account. Default 4. */
  readonly regionConcurrency?: number;
  /** Each region done (or failed), for progress. */
  readonly onRegion?: (done: number, total: number) => void;
}

/** Member listings at once (one call per image still proposed). */
const MEMBER_CONCURRENCY = 4;
const DEFAULT_REGION_CONCURRENCY = 4;
const NO_USE = { instances: 0, templates: 0, scalingConfigs: 0, sample: [] } as const;

interface RegionScan {
  readonly target: HygieneTarget;
  readonly regionId: string;
  readonly images: readonly Image[];
  readonly usage?: RegionUsage;
  readonly failure?: RegionFailure;
}

function rethrowCancel(err: unknown, signal?: AbortSignal): void {
  if (ProviderError.isAbort(err) || signal?.aborted) {
    throw err;
  }
}

/** Every own image of a region (the cloud's owner filter, checked again on each image). */
async function ownImages(provider: ImageProvider, regionId: string, signal?: AbortSignal): Promise<Image[]> {
  return (await allImages(provider, regionId, { owner: 'self' }, signal)).filter((i) => i.owner === 'self');
}

async function scanRegion(target: HygieneTarget, regionId: string, signal?: AbortSignal): Promise<RegionScan> {
  let images: Image[];
  try {
    images = await ownImages(target.provider, regionId, signal);
  } catch (error) {
    rethrowCancel(error, signal);
    return { target, regionId, images: [], failure: { account: target.account, regionId, api: 'listImages', error } };
  }
  if (!images.length || !target.provider.usage) {
    return { target, regionId, images };
  }
  const usage = await target.provider.usage.regionUsage(regionId, signal);
  const failed = usage.failed[0];
  return failed ? { target, regionId, images, usage, failure: { account: target.account, regionId, api: failed.api, error: failed.error } } : { target, regionId, images, usage };
}

/** Regions of the same account holding an image of the same name, by account and name. */
function copiesIndex(regions: readonly RegionScan[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const r of regions) {
    for (const image of r.images) {
      const key = `${r.target.account.id}\u0000${image.name}`;
      const list = index.get(key) ?? [];
      if (!list.includes(r.regionId)) {
        list.push(r.regionId);
      }
      index.set(key, list);
    }
  }
  return index;
}

export async function scanImages(targets: readonly HygieneTarget[], references: ReferenceSource, options: ScanOptions): Promise<HygienePlan> {
  const { rules, now, signal } = options;
  const work = targets.flatMap((target) => target.regionIds.map((regionId) => ({ target, regionId })));
  let done = 0;
  const regions = await mapLimited(work, options.regionConcurrency ?? DEFAULT_REGION_CONCURRENCY, async ({ target, regionId }) => {
    const scanned = await scanRegion(target, regionId, signal);
    options.onRegion?.(++done, work.length);
    return scanned;
  });
  const ids = new Set(regions.flatMap((r) => r.images.map((i) => i.id)));
  const refs = rules.notReferenced ? await references.referencesOf(ids, signal) : new Map<string, readonly Reference[]>();
  const copies = copiesIndex(regions);
  const entries: PlanEntry[] = [];
  const sharedNeeded: Array<{ at: number; provider: ImageProvider }> = [];
  for (const r of regions) {
    const usageFailure = r.usage?.failed[0];
    const usable = r.usage && !usageFailure;
    const templatesListed = r.usage?.listed.some((l) => l.kind === 'template') ?? false;
    const scalingListed = r.usage?.listed.some((l) => l.kind === 'scalingConfig') ?? false;
    for (const image of r.images) {
      const facts: ImageFacts = {
        usage: usable ? (r.usage?.byImage.get(image.id) ?? NO_USE) : undefined,
        usageUnknown: usable ? undefined : { api: usageFailure?.api ?? '', error: usageFailure?.error },
        templatesListed,
        scalingListed,
        references: refs.get(image.id) ?? [],
        ageDays: ageInDays(image.createdAt, now),
        // A cloud without sharing shares nothing.
        sharedWith: r.target.provider.sharing ? undefined : 0,
        copiesIn: (copies.get(`${r.target.account.id}\u0000${image.name}`) ?? []).filter((region) => region !== r.regionId),
      };
      const deletable = !imageRefusal(r.target.account.cloud, image, 'delete');
      const entry = { account: r.target.account, image, facts, decision: decide(image, facts, rules, deletable) };
      if (rules.notShared && facts.sharedWith === undefined && entry.decision.verdict === 'unknown' && entry.decision.reasons.every((x) => x.code === 'sharedUnknown')) {
        sharedNeeded.push({ at: entries.length, provider: r.target.provider });
      }
      entries.push(entry);
    }
  }
  // Who an image is shared with costs a call per image: asked only of those nothing else keeps.
  await mapLimited(sharedNeeded, MEMBER_CONCURRENCY, async ({ at, provider }) => {
    const entry = entries[at]!;
    let facts: ImageFacts;
    try {
      const members = await provider.sharing!.listMembers(entry.image.regionId, entry.image.id, signal);
      facts = { ...entry.facts, sharedWith: members.length };
    } catch (error) {
      rethrowCancel(error, signal);
      facts = { ...entry.facts, sharedUnknown: { error } };
    }
    const deletable = !imageRefusal(entry.account.cloud, entry.image, 'delete');
    entries[at] = { ...entry, facts, decision: decide(entry.image, facts, rules, deletable) };
  });
  const failures = regions.flatMap((r) => (r.failure ? [r.failure] : []));
  return makePlan(entries, failures, rules, now);
}
