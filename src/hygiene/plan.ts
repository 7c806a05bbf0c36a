// What the rules make of each own image: proposed for deletion (with every rule it met), kept (with what
// keeps it), or unknown (a fact the rules need could not be read: never proposed). Plain data: the words
// for people are the commands' (reasons are codes with their values), so a plan of 20,000 images holds
// only the images (already loaded) and a few small objects each.
import type { CloudKind, Image } from '../providers/core/model';
import type { ImageUsage } from '../providers/core/usage';
import type { HygieneRules } from './rules';

export interface HygieneAccount {
  readonly id: string;
  readonly name: string;
  readonly cloud: CloudKind;
}

/** Where the workspace names an image: a file (workspace-relative or a URI) and its 1-based line. */
export interface Reference {
  readonly file: string;
  readonly line: number;
}

/** What is known of one own image. A fact that could not be read is undefined with its failure beside it. */
export interface ImageFacts {
  /** undefined when the region's usage listing failed or the cloud has none (`usageUnknown` says which). */
  readonly usage?: ImageUsage;
  readonly usageUnknown?: { readonly api: string; readonly error: unknown };
  /** Where the cloud has no template listing, templates are not a fact (false). */
  readonly templatesListed: boolean;
  /** Likewise for auto-scaling configurations (Alibaba ESS, Huawei AS); absent is false. */
  readonly scalingListed?: boolean;
  readonly references: readonly Reference[];
  /** Whole days since creation; undefined where the cloud gave no date. */
  readonly ageDays?: number;
  /** Accounts it is shared with; undefined where not read (or reading failed: `sharedUnknown`). */
  readonly sharedWith?: number;
  readonly sharedUnknown?: { readonly error: unknown };
  /** Other regions of the account holding an image of the same name. */
  readonly copiesIn: readonly string[];
}

export type KeepReason =
  | { readonly code: 'instances'; readonly count: number; readonly names: readonly string[] }
  | { readonly code: 'templates'; readonly count: number; readonly names: readonly string[] }
  | { readonly code: 'scalingConfigs'; readonly count: number; readonly names: readonly string[] }
  | { readonly code: 'referenced'; readonly references: readonly Reference[] }
  | { readonly code: 'young'; readonly ageDays: number; readonly minDays: number }
  | { readonly code: 'noDate' }
  | { readonly code: 'shared'; readonly count: number }
  | { readonly code: 'keepTag'; readonly key: string; readonly value: string }
  | { readonly code: 'cannotDelete'; readonly status: string };

export type UnknownReason = { readonly code: 'usageUnknown'; readonly api: string; readonly error: unknown } | { readonly code: 'sharedUnknown'; readonly error: unknown };

export type RemoveReason =
  | { readonly code: 'noInstances' }
  | { readonly code: 'noTemplates' }
  | { readonly code: 'noScalingConfigs' }
  | { readonly code: 'notReferenced' }
  | { readonly code: 'olderThan'; readonly ageDays: number; readonly minDays: number }
  | { readonly code: 'notShared' }
  | { readonly code: 'noKeepTag'; readonly key: string };

export type Decision =
  | { readonly verdict: 'remove'; readonly reasons: readonly RemoveReason[] }
  | { readonly verdict: 'keep'; readonly reasons: readonly KeepReason[] }
  | { readonly verdict: 'unknown'; readonly reasons: readonly UnknownReason[] };

/**
 * The rules applied to one image. A fact that keeps the image keeps it whatever else is unknown; an image
 * nothing keeps but whose usage (or, where the rule asks, sharing) is unknown is unknown, never proposed.
 * `deletable` says whether the cloud lets it be deleted in its state (an image being made or copied is not).
 */
export function decide(image: Image, facts: ImageFacts, rules: HygieneRules, deletable: boolean): Decision {
  const keep: KeepReason[] = [];
  const usage = facts.usage;
  if (!deletable) {
    keep.push({ code: 'cannotDelete', status: image.status });
  }
  if (rules.unusedByInstances && usage && usage.instances > 0) {
    keep.push({ code: 'instances', count: usage.instances, names: usage.sample.filter((u) => u.kind === 'instance').map((u) => u.name) });
  }
  if (rules.unusedByTemplates && usage && usage.templates > 0) {
    keep.push({ code: 'templates', count: usage.templates, names: usage.sample.filter((u) => u.kind === 'template').map((u) => u.name) });
  }
  if (rules.unusedByTemplates && usage && usage.scalingConfigs > 0) {
    keep.push({ code: 'scalingConfigs', count: usage.scalingConfigs, names: usage.sample.filter((u) => u.kind === 'scalingConfig').map((u) => u.name) });
  }
  if (rules.notReferenced && facts.references.length) {
    keep.push({ code: 'referenced', references: facts.references });
  }
  if (rules.olderThanDays > 0) {
    if (facts.ageDays === undefined) {
      keep.push({ code: 'noDate' });
    } else if (facts.ageDays < rules.olderThanDays) {
      keep.push({ code: 'young', ageDays: facts.ageDays, minDays: rules.olderThanDays });
    }
  }
  if (rules.notShared && facts.sharedWith !== undefined && facts.sharedWith > 0) {
    keep.push({ code: 'shared', count: facts.sharedWith });
  }
  const keepTag = rules.keepTagKey ? image.tags.find((t) => t.key === rules.keepTagKey) : undefined;
  if (keepTag) {
    keep.push({ code: 'keepTag', key: keepTag.key, value: keepTag.value });
  }
  if (keep.length) {
    return { verdict: 'keep', reasons: keep };
  }
  const unknown: UnknownReason[] = [];
  if ((rules.unusedByInstances || rules.unusedByTemplates) && !usage) {
    unknown.push({ code: 'usageUnknown', api: facts.usageUnknown?.api ?? '', error: facts.usageUnknown?.error });
  }
  if (rules.notShared && facts.sharedWith === undefined) {
    unknown.push({ code: 'sharedUnknown', error: facts.sharedUnknown?.error });
  }
  if (unknown.length) {
    return { verdict: 'unknown', reasons: unknown };
  }
  const remove: RemoveReason[] = [];
  if (rules.unusedByInstances) {
    remove.push({ code: 'noInstances' });
  }
  if (rules.unusedByTemplates && facts.templatesListed) {
    remove.push({ code: 'noTemplates' });
  }
  if (rules.unusedByTemplates && facts.scalingListed) {
    remove.push({ code: 'noScalingConfigs' });
  }
  if (rules.notReferenced) {
    remove.push({ code: 'notReferenced' });
  }
  if (rules.olderThanDays > 0 && facts.ageDays !== undefined) {
    remove.push({ code: 'olderThan', ageDays: facts.ageDays, minDays: rules.olderThanDays });
  }
  if (rules.notShared) {
    remove.push({ code: 'notShared' });
  }
  if (rules.keepTagKey) {
    remove.push({ code: 'noKeepTag', key: rules.keepTagKey });
  }
  return { verdict: 'remove', reasons: remove };
}

export interface PlanEntry {
  readonly account: HygieneAccount;
  readonly image: Image;
  readonly facts: ImageFacts;
  readonly decision: Decision;
}

/** A region that could not be looked at: its images are in no list of the plan. */
export interface RegionFailure {
  readonly account: HygieneAccount;
  readonly regionId: string;
  /** The API whose listing failed (e.g. "DescribeImages", "ListServersDetails"). */
  readonly api: string;
  readonly error: unknown;
}

export interface RegionTotal {
  readonly account: HygieneAccount;
  readonly regionId: string;
  readonly count: number;
  readonly sizeGiB: number;
}

export interface HygienePlan {
  readonly rules: HygieneRules;
  /** When the plan was made (ISO). */
  readonly madeAt: string;
  readonly remove: readonly PlanEntry[];
  readonly keep: readonly PlanEntry[];
  readonly unknown: readonly PlanEntry[];
  readonly failedRegions: readonly RegionFailure[];
  /** What the removals would free, per account and region, in the order first seen. */
  readonly totals: readonly RegionTotal[];
  readonly sizeGiB: number;
  /** The rules propose every own image that was looked at (and there is at least one): ask once more. */
  readonly selectsAll: boolean;
}

export function makePlan(entries: readonly PlanEntry[], failedRegions: readonly RegionFailure[], rules: HygieneRules, madeAt: Date): HygienePlan {
  const remove: PlanEntry[] = [];
  const keep: PlanEntry[] = [];
  const unknown: PlanEntry[] = [];
  const totals = new Map<string, { account: HygieneAccount; regionId: string; count: number; sizeGiB: number }>();
  let sizeGiB = 0;
  for (const entry of entries) {
    switch (entry.decision.verdict) {
      case 'remove': {
        remove.push(entry);
        const key = `${entry.account.id}\u0000${entry.image.regionId}`;
        const total = totals.get(key) ?? { account: entry.account, regionId: entry.image.regionId, count: 0, sizeGiB: 0 };
        total.count++;
        total.sizeGiB += entry.image.sizeGiB ?? 0;
        sizeGiB += entry.image.sizeGiB ?? 0;
        totals.set(key, total);
        break;
      }
      case 'keep':
        keep.push(entry);
        break;
      case 'unknown':
        unknown.push(entry);
        break;
    }
  }
  return {
    rules,
    madeAt: madeAt.toISOString(),
    remove,
    keep,
    unknown,
    failedRegions,
    totals: [...totals.values()],
    sizeGiB,
    selectsAll: remove.length > 0 && keep.length === 0 && unknown.length === 0,
  };
}

/** Whole days from an ISO date to `now`; undefined for no date or one that does not parse. */
export function ageInDays(createdAt: string | undefined, now: Date): number | undefined {
  const ms = createdAt ? Date.parse(createdAt) : NaN;
  return Number.isFinite(ms) ? Math.max(0, Math.floor((now.getTime() - ms) / 86_400_000)) : undefined;
}
