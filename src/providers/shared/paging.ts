// One paging abstraction over the cursor styles the clouds use, and the one helper that loads every
// page: in order, each item once, cancellable; after the first page, page-number and offset APIs are
// read with bounded concurrency (start at 4, or 16 on a large list; grow while nothing is throttled, halve on throttling).
import { ProviderError, abortError } from '../core/errors';
import type { Cursor, Page } from '../core/model';
import { mapLimited } from './common';

/** Offset paging: more while offset + received < total. */
export function nextOffset(offset: number, received: number, total: number): Cursor | undefined {
  if (received === 0 || offset + received >= total) {
    return undefined;
  }
  return { kind: 'offset', offset: offset + received };
}

/** Marker paging (Huawei, BatchCompute): a marker the server gives, or the last id while pages come back full. */
export function nextMarker(marker: string | undefined): Cursor | undefined {
  return marker ? { kind: 'marker', marker } : undefined;
}

function badCursor(cursor: Cursor, api: string): ProviderError {
  return new ProviderError({ cloud: 'local', code: 'BadCursor', message: `A ${cursor.kind} cursor was given to ${api} API.` });
}

export function offsetOf(cursor: Cursor | undefined): number {
  if (!cursor) {
    return 0;
  }
  if (cursor.kind !== 'offset') {
    throw badCursor(cursor, 'an offset');
  }
  return cursor.offset;
}

export function markerOf(cursor: Cursor | undefined): string | undefined {
  if (!cursor) {
    return undefined;
  }
  if (cursor.kind !== 'marker') {
    throw badCursor(cursor, 'a marker');
  }
  return cursor.marker;
}

/** One page of a page-number or offset API as the cloud answered it: its items and the total it reported. */
export interface RawPage<T> {
  readonly items: readonly T[];
  readonly total: number | undefined;
}

/**
 * A page of an offset API (QingCloud `offset`/`limit`): `limit` items from the cursor's offset.
 * Without a total, another page is asked for while pages come back full.
 */
export async function offsetPage<T>(
  cursor: Cursor | undefined,
  limit: number,
  fetch: (offset: number, limit: number) => Promise<RawPage<T>>,
): Promise<Page<T>> {
  const offset = offsetOf(cursor);
  const { items, total } = await fetch(offset, limit);
  const known = total ?? (items.length >= limit ? Number.MAX_SAFE_INTEGER : offset + items.length);
  return { items, total, next: nextOffset(offset, items.length, known) };
}

/**
 * A page of a page-number API (Alibaba `PageNumber`/`PageSize`) that starts at the cursor's offset, so
 * that a cursor stays right when the page size changes between two pages. An offset on a page boundary
 * is that page; any other (the page size changed) is read from the largest page holding it, without
 * the items before it: a shorter page, never a gap or a repeat.
 */
export async function pageNumberPage<T>(
  cursor: Cursor | undefined,
  pageSize: number,
  maxPageSize: number,
  fetch: (pageNumber: number, pageSize: number) => Promise<RawPage<T>>,
): Promise<Page<T>> {
  const offset = offsetOf(cursor);
  const size = offset % pageSize === 0 ? pageSize : maxPageSize;
  const pageNumber = Math.floor(offset / size) + 1;
  const skip = offset - (pageNumber - 1) * size;
  const { items, total } = await fetch(pageNumber, size);
  const kept = items.slice(skip, skip + pageSize);
  const known = total ?? (items.length >= size ? Number.MAX_SAFE_INTEGER : offset + kept.length);
  return { items: kept, total, next: nextOffset(offset, kept.length, known) };
}

/** What the helper asks of a page fetcher. */
export interface PageRequest {
  /** Where the page starts; undefined for the first page. */
  readonly cursor: Cursor | undefined;
  readonly pageSize: number;
  readonly signal: AbortSignal;
  /** To be called each time the cloud throttles an attempt (even one the HTTP layer then retries). */
  readonly onThrottled: () => void;
}

export type PageFetcher<T> = (request: PageRequest) => Promise<Page<T>>;

export interface ConcurrencyLimits {
  readonly initial: number;
  readonly max: number;
  /** The start instead, when the total known shows more than `max` pages still to read (a large region). */
  readonly large?: number;
}

/**
 * Requests in flight while loading every page: start at 4, or at the ceiling (16) when the first page
 * shows more than 16 pages still to read; halved whenever the cloud throttles. The clouds count a
 * listing's calls per API and region in a window of a second or a minute (ECS: per minute), so a large
 * list costs the same calls in that window whether 8 or 16 are in flight: starting at 16 saves the ramp's
 * round trips (two from 8) without asking more of the rate limit.
 */
export const PAGE_CONCURRENCY: ConcurrencyLimits = { initial: 4, max: 16, large: 16 };

/** Pages read ahead of a failed one, by offset: a later load delivers them without asking again. */
export type PageStash<T> = Map<number, Page<T>>;

export interface LoadAllOptions<T> {
  /** The page size to ask for: the cloud's largest. */
  readonly pageSize: number;
  /** Where to start; undefined for the first page. */
  readonly from?: Cursor;
  /** The total, when an earlier page reported it (then an offset API needs no page alone first). */
  readonly total?: number;
  readonly signal?: AbortSignal;
  /** Each page, in list order, once. */
  readonly onPage: (page: Page<T>) => void;
  readonly stash?: PageStash<T>;
  readonly concurrency?: ConcurrencyLimits;
  /** Tries per page for a retryable failure, beyond the HTTP layer's own retries. Default 2. */
  readonly triesPerPage?: number;
}

/**
 * Loads every page from `from` to the end. A marker API (and any page before the total is known) is
 * read one page after another; an offset API, once the total is known, is read as ranges of `pageSize`
 * with bounded concurrency, delivered in order. A page that fails with a retryable error is asked for
 * again alone; when one fails for good, the pages after it that did arrive go to the stash and the
 * error is thrown (what was delivered stays delivered). Aborting throws the cancellation error.
 */
export async function loadAllPages<T>(fetch: PageFetcher<T>, options: LoadAllOptions<T>): Promise<void> {
  const controller = new AbortController();
  const outer = options.signal;
  const stop = (): void => controller.abort();
  outer?.addEventListener('abort', stop, { once: true });
  try {
    let cursor = options.from;
    let total = options.total;
    while (cursor?.kind !== 'offset' || total === undefined) {
      if (outer?.aborted) {
        throw abortError('local');
      }
      const page = await fetchWithRetries(fetch, { cursor, pageSize: options.pageSize, signal: controller.signal, onThrottled: () => undefined }, options.triesPerPage);
      options.onPage(page);
      if (!page.next) {
        return;
      }
      cursor = page.next;
      total = page.total ?? total;
    }
    await new OffsetRun(fetch, options, controller, cursor.offset, total).run();
  } finally {
    outer?.removeEventListener('abort', stop);
  }
}

/** Every item of a page-number or offset listing, in order (a small helper over loadAllPages). */
export async function collectPages<T>(fetch: PageFetcher<T>, pageSize: number, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  await loadAllPages(fetch, { pageSize, signal, onPage: (page) => items.push(...page.items) });
  return items;
}

function retryable(err: unknown): boolean {
  return err instanceof ProviderError && err.retryable;
}

async function fetchWithRetries<T>(fetch: PageFetcher<T>, request: PageRequest, tries = 2): Promise<Page<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(request);
    } catch (err) {
      if (request.signal.aborted || !retryable(err) || attempt >= tries) {
        throw err;
      }
    }
  }
}

interface Range {
  readonly start: number;
  readonly end: number;
}

/** The parallel part of loadAllPages: ranges [start, end) of an offset listing, delivered in order. */
class OffsetRun<T> {
  private readonly size: number;
  private readonly max: number;
  private limit: number;
  /** Slow start (one more per page) up to here, then one more per `limit` pages. */
  private threshold = Number.POSITIVE_INFINITY;
  private credit = 0;
  /** Requests launched, and the launch number of the last cut: one throttling event halves once. */
  private launched = 0;
  private cutAt = 0;
  private planAt: number;
  private deliverAt: number;
  private readonly retries: Range[] = [];
  private readonly arrived = new Map<number, { range: Range; page: Page<T> }>();
  /** Requests launched and not yet answered, and the tasks that fetch and deliver their pages. */
  private inFlight = 0;
  private readonly running = new Set<Promise<void>>();
  private ended = false;
  private failure: unknown;

  constructor(
    private readonly fetch: PageFetcher<T>,
    private readonly options: LoadAllOptions<T>,
    private readonly controller: AbortController,
    start: number,
    private total: number,
  ) {
    this.size = Math.max(1, options.pageSize);
    const limits = options.concurrency ?? PAGE_CONCURRENCY;
    this.max = Math.max(1, limits.max);
    const pagesLeft = Math.ceil((total - start) / this.size);
    const initial = limits.large !== undefined && pagesLeft > this.max ? Math.max(limits.initial, limits.large) : limits.initial;
    this.limit = Math.min(this.max, Math.max(1, initial));
    this.planAt = start;
    this.deliverAt = start;
  }

  async run(): Promise<void> {
    this.fill();
    while (this.running.size) {
      await Promise.race(this.running);
      this.fill();
    }
    if (this.options.signal?.aborted) {
      this.keepArrived();
      throw abortError('local');
    }
    if (this.failure !== undefined) {
      this.keepArrived();
      throw this.failure;
    }
  }

  /** Launches requests while a slot is free (stashed pages are delivered without one). */
  private fill(): void {
    while (!this.stopped() && this.inFlight < this.limit) {
      const range = this.nextRange();
      if (!range) {
        break;
      }
      const stashed = this.options.stash?.get(range.start);
      if (stashed) {
        this.options.stash?.delete(range.start);
        this.arrive(range, stashed);
        continue;
      }
      this.inFlight++;
      const task: Promise<void> = this.fetchRange(range).finally(() => this.running.delete(task));
      this.running.add(task);
    }
  }

  private stopped(): boolean {
    return this.ended || this.failure !== undefined || this.controller.signal.aborted;
  }

  private nextRange(): Range | undefined {
    const retry = this.retries.shift();
    if (retry) {
      return retry;
    }
    if (this.planAt >= this.total) {
      return undefined;
    }
    // Ranges end on multiples of the page size, so a page-number API asks for whole pages.
    const range = { start: this.planAt, end: Math.min(this.total, (Math.floor(this.planAt / this.size) + 1) * this.size) };
    this.planAt = range.end;
    return range;
  }

  private async fetchRange(range: Range): Promise<void> {
    const seq = ++this.launched;
    let throttled = false;
    const request: PageRequest = {
      cursor: { kind: 'offset', offset: range.start },
      pageSize: range.end - range.start,
      signal: this.controller.signal,
      onThrottled: () => {
        throttled = true;
        this.throttled(seq);
      },
    };
    let page: Page<T>;
    try {
      page = await fetchWithRetries(this.fetch, request, this.options.triesPerPage);
    } catch (err) {
      this.inFlight--;
      if (!this.stopped()) {
        this.failure = err;
      }
      return;
    }
    // The slot is free once the page is here: the next request leaves before this page is delivered (the tree's work).
    this.inFlight--;
    if (!throttled) {
      this.grow();
    }
    this.fill();
    this.arrive(range, page);
  }

  private throttled(seq: number): void {
    if (seq <= this.cutAt) {
      return; // launched before the last cut: part of the same event
    }
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.threshold = this.limit;
    this.cutAt = this.launched;
  }

  private grow(): void {
    if (this.limit < this.threshold) {
      this.limit = Math.min(this.max, this.limit + 1);
      return;
    }
    this.credit += 1 / this.limit;
    if (this.credit >= 1) {
      this.credit = 0;
      this.limit = Math.min(this.max, this.limit + 1);
    }
  }

  /** Records a page and delivers every page that is now next in order. */
  private arrive(range: Range, page: Page<T>): void {
    if (this.ended) {
      return;
    }
    this.arrived.set(range.start, { range, page });
    for (let next = this.arrived.get(this.deliverAt); next && !this.ended; next = this.arrived.get(this.deliverAt)) {
      this.arrived.delete(this.deliverAt);
      this.options.onPage(next.page);
      const received = next.page.items.length;
      this.total = next.page.total ?? this.total;
      if (!next.page.next) {
        this.ended = true; // the cloud says this was the last page
      } else if (received < next.range.end - next.range.start) {
        // A short page (the list shrank, or a page-number API read a partial page): fetch the rest.
        const from = next.range.start + received;
        this.retries.unshift({ start: from, end: next.range.end });
        this.deliverAt = from;
      } else {
        this.deliverAt = next.range.end;
        // The list grew past the ranges planned: plan from where it now ends.
        this.planAt = Math.max(this.planAt, this.deliverAt);
      }
    }
  }

  private keepArrived(): void {
    for (const { range, page } of this.arrived.values()) {
      this.options.stash?.set(range.start, page);
    }
    this.arrived.clear();
  }
}

/**
 * Images by id where a cloud has no batched lookup by id: up to `oneByOne` ids asked for one by one
 * (`get`, `concurrency` at a time), more by reading the region's listing page by page until every id was
 * seen or the list ends. One listing of the region, however many ids are asked for.
 */
export async function findByIdOrListing<T extends { readonly id: string }>(
  ids: readonly string[],
  how: {
    readonly oneByOne: number;
    readonly concurrency: number;
    readonly get: (id: string) => Promise<T | undefined>;
    readonly list: (cursor: Cursor | undefined) => Promise<Page<T>>;
  },
): Promise<T[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length <= how.oneByOne) {
    return (await mapLimited(wanted, how.concurrency, how.get)).filter((i): i is T => i !== undefined);
  }
  const left = new Set(wanted);
  const found: T[] = [];
  let cursor: Cursor | undefined;
  do {
    const page = await how.list(cursor);
    found.push(...page.items.filter((i) => left.delete(i.id)));
    cursor = page.next;
  } while (cursor && left.size);
  return found;
}
