// The search across accounts, plain and testable: every account × region it is given, a few at a
// time, each region on its own (one failing never stops the others), cancellable, each region's
// outcome reported as soon as it is known. IDs go to the providers' batched findImages; a name or a
// tag uses the cloud's listing filter where it narrows to a superset, then the listed pages are
// matched exactly, up to a bound of images looked at per region (said in the outcome, never silent).
import { setMaxListeners } from 'events';
import type { FilterSupport } from '../providers/core/filters';
import { ProviderError } from '../providers/core/errors';
import type { AccountConfig, CloudKind, Image, ImageFilter, Region, Tag } from '../providers/core/model';
import { loadAllPages, type PageRequest } from '../providers/shared/paging';
import { errorKindOf } from '../providers';
import type { ImageProvider } from '../providers/core/provider';
import { CLOUD_RULES } from '../providers/rules/index';
import { AdaptiveLimiter } from './limiter';
import { queryAppliesTo, type SearchQuery } from './query';

export interface SearchTarget {
  readonly account: AccountConfig;
  readonly region: Region;
  readonly provider: () => Promise<ImageProvider>;
}

/** done: searched to the end; partial: the bound of images looked at was reached; failed; cancelled. */
export type RegionState = 'done' | 'partial' | 'failed' | 'cancelled';

export interface RegionResult<T extends SearchTarget = SearchTarget> {
  readonly target: T;
  readonly state: RegionState;
  /** What matched (on a failure or a cancel: what had matched before it). */
  readonly images: readonly Image[];
  readonly error?: unknown;
  /** Images listed and matched here (0 for an ID lookup). */
  readonly scanned: number;
  /** The region's total for the listing, where the cloud reported one. */
  readonly total?: number;
}

/**
 * Regions searched at once, all accounts together (the machine's share). Each cloud account has a lane
 * of its own (its own rate limits): an AdaptiveLimiter starting at LANE_LIMITS.initial regions at once,
 * growing by one per region answered unthrottled, halved and paused when the cloud throttles (the pause
 * doubling while it keeps on). A region stopped by throttling is asked again after the pause, from its
 * first page: each try sends one throttled request into a storm, not the HTTP layer's retries.
 */
export const SEARCH_CONCURRENCY = 32;
export const LANE_LIMITS = { initial: 8, max: 16 } as const;
export const LANE_PAUSE_MS = { first: 1_000, max: 30_000 } as const;
/** A lane throttled through this much pausing in a row reports its regions' throttling instead of trying on. */
export const LANE_GIVE_UP_MS = 120_000;
/** Images listed per region at most, when the cloud cannot narrow the listing to the query. */
export const SEARCH_MAX_SCANNED = 2000;
/** Page requests in flight per region (the paging helper's ceiling for a search). */
const PAGE_LIMITS = { initial: 1, max: 2 };

export interface RegionOptions {
  readonly signal: AbortSignal;
  readonly maxScanned?: number;
  /** Told each time the cloud throttles a request of this region (even one the HTTP layer then retried). */
  readonly onThrottled?: () => void;
}

export interface SearchOptions<T extends SearchTarget> extends RegionOptions {
  /** Regions at once across every account (default SEARCH_CONCURRENCY). */
  readonly concurrency?: number;
  /** Each lane's limits (default LANE_LIMITS). */
  readonly lane?: { readonly initial: number; readonly max: number };
  /** A lane's pause after throttling (tests and the benchmark run it on a clock of their own). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Each region's outcome, as soon as it is known. */
  readonly onResult?: (result: RegionResult<T>) => void;
}

/** The targets worth asking: an ID query goes only to the accounts of the clouds its IDs' shapes belong to. */
export function searchTargets<T extends SearchTarget>(query: SearchQuery, targets: readonly T[]): T[] {
  return targets.filter((t) => queryAppliesTo(query, t.account.cloud));
}

/** Waits `ms`, or less if the search is cancelled (never rejects). Not the HTTP layer's: that would bring the provider stack into the activation bundle. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function isThrottling(err: unknown): boolean {
  return err instanceof ProviderError && errorKindOf(err) === 'throttled';
}

/** A semaphore: at most `n` at once. */
function semaphore(n: number): { take(): Promise<void>; give(): void } {
  let free = Math.max(1, n);
  const queue: Array<() => void> = [];
  return {
    async take(): Promise<void> {
      while (free <= 0) {
        await new Promise<void>((resolve) => queue.push(resolve));
      }
      free--;
    },
    give(): void {
      free++;
      queue.shift()?.();
    },
  };
}

/**
 * Searches every target, each cloud account in a lane of its own that adapts to the cloud's throttling,
 * at most `concurrency` regions at once in all; resolves with every region's outcome, in target order.
 */
export async function searchAll<T extends SearchTarget>(query: SearchQuery, targets: readonly T[], options: SearchOptions<T>): Promise<RegionResult<T>[]> {
  // One signal of the search's own, listened to by every region under way (more than the default 10 listeners).
  const whole = new AbortController();
  setMaxListeners(0, whole.signal);
  const cancel = (): void => whole.abort();
  options.signal.addEventListener('abort', cancel, { once: true });
  try {
    return await searchEvery(query, targets, { ...options, signal: options.signal.aborted ? options.signal : whole.signal });
  } finally {
    options.signal.removeEventListener('abort', cancel);
  }
}

async function searchEvery<T extends SearchTarget>(query: SearchQuery, targets: readonly T[], options: SearchOptions<T>): Promise<RegionResult<T>[]> {
  const chosen = searchTargets(query, targets);
  const results = new Array<RegionResult<T>>(chosen.length);
  const lanes = new Map<string, Array<{ target: T; at: number }>>();
  chosen.forEach((target, at) => {
    const key = `${target.account.cloud}/${target.account.id}`;
    lanes.set(key, [...(lanes.get(key) ?? []), { target, at }]);
  });
  const slots = semaphore(options.concurrency ?? SEARCH_CONCURRENCY);
  const finish = (at: number, result: RegionResult<T>): void => {
    results[at] = result;
    options.onResult?.(result);
  };

  const runLane = async (queue: Array<{ target: T; at: number }>): Promise<void> => {
    const limiter = new AdaptiveLimiter(
      { ...(options.lane ?? LANE_LIMITS), pause: LANE_PAUSE_MS, giveUpAfterMs: LANE_GIVE_UP_MS, sleep: options.sleep ?? wait },
      options.signal,
    );
    const running = new Set<Promise<void>>();
    /** The throttling a lane gave up on: the regions still queued end with it, unasked. */
    let gaveUp: unknown;
    const one = async (slot: number, entry: { target: T; at: number }): Promise<void> => {
      // Until the lane gives up, a throttled answer stops the region at once (its HTTP retries unsent).
      const stopOnThrottling = !limiter.exhausted;
      const attempt = new AbortController();
      let throttled = false;
      const onThrottled = (): void => {
        throttled = true;
        limiter.throttled(slot);
        if (stopOnThrottling) {
          attempt.abort();
        }
      };
      await slots.take();
      let result: RegionResult<T>;
      try {
        result = await searchRegion(query, entry.target, { ...options, signal: AbortSignal.any([options.signal, attempt.signal]), onThrottled });
      } finally {
        slots.give();
      }
      if (result.state === 'failed' && isThrottling(result.error)) {
        onThrottled();
      }
      limiter.release(slot, !throttled);
      const stoppedByThrottling = throttled && !options.signal.aborted && (result.state === 'cancelled' || result.state === 'failed');
      if (stoppedByThrottling && stopOnThrottling) {
        queue.unshift(entry); // asked again after the pause
        return;
      }
      if (stoppedByThrottling) {
        gaveUp = result.error;
      }
      finish(entry.at, result);
    };
    while (queue.length || running.size) {
      if (gaveUp !== undefined || options.signal.aborted) {
        const state = options.signal.aborted ? 'cancelled' : 'failed';
        queue.splice(0).forEach((e) => finish(e.at, { target: e.target, state, images: [], scanned: 0, ...(state === 'failed' ? { error: gaveUp } : {}) }));
      }
      if (!queue.length) {
        if (running.size) {
          await Promise.race(running);
        }
        continue;
      }
      const slot = await limiter.acquire();
      if (slot === undefined) {
        continue; // cancelled
      }
      const entry = gaveUp === undefined ? queue.shift() : undefined;
      if (!entry) {
        limiter.release(slot, false);
        continue;
      }
      const task: Promise<void> = one(slot, entry).finally(() => running.delete(task));
      running.add(task);
    }
  };
  await Promise.all([...lanes.values()].map(runLane));
  return results;
}

/** One region; never throws: a failure is its outcome. A cancelled search asks nothing more. */
export async function searchRegion<T extends SearchTarget>(query: SearchQuery, target: T, options: RegionOptions): Promise<RegionResult<T>> {
  const { signal } = options;
  if (signal.aborted) {
    return { target, state: 'cancelled', images: [], scanned: 0 };
  }
  if (query.kind === 'id') {
    try {
      const ids = query.ids.filter((ref) => ref.clouds.includes(target.account.cloud)).map((ref) => ref.id);
      const images = ids.length ? await (await target.provider()).findImages(target.region.id, ids, signal) : [];
      return { target, state: 'done', images, scanned: 0 };
    } catch (err) {
      return { target, state: signal.aborted ? 'cancelled' : 'failed', images: [], error: err, scanned: 0 };
    }
  }
  return scanRegion(query, target, signal, options.maxScanned ?? SEARCH_MAX_SCANNED, options.onThrottled);
}

interface ListingPlan {
  /** Sent to the cloud: matches a superset of what the query asks for. */
  readonly filter?: ImageFilter;
  readonly matches: (image: Image) => boolean;
}

function contains(text: string | undefined, part: string): boolean {
  return text !== undefined && text.toLocaleLowerCase().includes(part.toLocaleLowerCase());
}

function tagMatches(tag: Tag, key: string, value: string | undefined): boolean {
  return tag.key === key && (value === undefined || tag.value === value);
}

/** The listing filter the cloud can take for the query (checked by its rules first), and the exact match. */
export function listingPlan(query: Exclude<SearchQuery, { kind: 'id' }>, cloud: CloudKind, support: FilterSupport): ListingPlan {
  if (query.kind === 'name') {
    const { text } = query;
    // Part of the name; an image's exact ID counts too (Alibaba's system images have IDs of no fixed shape).
    const matches = (image: Image): boolean => contains(image.name, text) || image.id === text;
    // Only a filter that keeps every image containing the text: part of the name (or of the name or ID).
    return support.name === 'contains' || support.name === 'nameOrId' ? { filter: { name: text }, matches } : { matches };
  }
  const { key, value } = query;
  const matches = (image: Image): boolean => image.tags.some((t) => tagMatches(t, key, value));
  const asked: Tag | undefined =
    support.singleTag === 'any-value' || (support.singleTag === 'exact' && value !== undefined)
      ? { key, value: value ?? '' }
      : support.singleTag === 'key'
        ? { key, value: '' }
        : undefined;
  // A tag the cloud's filter cannot say (e.g. a Huawei key with a dot) is matched on the listed pages instead.
  const sayable = asked && !CLOUD_RULES[cloud].tags?.checkFilterTag(asked);
  return sayable ? { filter: { tag: asked }, matches } : { matches };
}

async function scanRegion<T extends SearchTarget>(
  query: Exclude<SearchQuery, { kind: 'id' }>,
  target: T,
  signal: AbortSignal,
  maxScanned: number,
  onThrottled: (() => void) | undefined,
): Promise<RegionResult<T>> {
  const images: Image[] = [];
  const seen = new Set<string>();
  let scanned = 0;
  let total: number | undefined;
  let capped = false;
  const stop = new AbortController();
  const combined = AbortSignal.any([signal, stop.signal]);
  try {
    const provider = await target.provider();
    const plan = listingPlan(query, target.account.cloud, provider.filters);
    const regionId = target.region.id;
    const heard = (req: PageRequest) => (): void => {
      req.onThrottled();
      onThrottled?.();
    };
    await loadAllPages((req) => provider.listImages({ regionId, filter: plan.filter, ...req, onThrottled: heard(req) }), {
      pageSize: provider.maxPageSize,
      signal: combined,
      concurrency: PAGE_LIMITS,
      onPage: (page) => {
        scanned += page.items.length;
        total = page.total ?? total;
        for (const image of page.items) {
          if (plan.matches(image) && !seen.has(image.id)) {
            seen.add(image.id);
            images.push(image);
          }
        }
        if (scanned >= maxScanned && page.next) {
          capped = true;
          stop.abort();
        }
      },
    });
    return { target, state: 'done', images, scanned, total };
  } catch (err) {
    if (capped && !signal.aborted && ProviderError.isAbort(err)) {
      return { target, state: 'partial', images, scanned, total };
    }
    return { target, state: signal.aborted ? 'cancelled' : 'failed', images, error: err, scanned, total };
  }
}
