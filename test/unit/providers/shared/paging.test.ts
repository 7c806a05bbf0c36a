// The one "load every page" helper: in order, each item once, bounded and adaptive concurrency,
// a failed page asked for again alone, cancellable; and cursors that survive a page-size change.
import { strict as assert } from 'assert';
import { ProviderError, abortError } from '../../../../src/providers/core/errors';
import type { Page } from '../../../../src/providers/core/model';
import { PAGE_CONCURRENCY, loadAllPages, nextMarker, nextOffset, pageNumberPage, type PageFetcher, type PageStash } from '../../../../src/providers/shared/paging';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface FakeOptions {
  /** Offsets that fail: the number of times (or always), and whether the error is retryable. */
  readonly fail?: Map<number, { times: number; retryable: boolean }>;
  /** Every request is throttled once (the HTTP layer "retried" it) from this request number on. */
  readonly throttleFrom?: number;
  /** Offsets whose page comes back with only this many items (a shifted list). */
  readonly short?: Map<number, number>;
}

/** An offset API over the numbers 0..total-1, answering after a few turns of the event loop. */
function offsetList(total: number, options: FakeOptions = {}) {
  const requests: { offset: number; size: number; inFlight: number }[] = [];
  let inFlight = 0;
  const fetch: PageFetcher<number> = async ({ cursor, pageSize, signal, onThrottled }) => {
    const offset = cursor?.kind === 'offset' ? cursor.offset : 0;
    inFlight++;
    requests.push({ offset, size: pageSize, inFlight });
    try {
      for (let i = 0; i < 3; i++) {
        await tick();
      }
      if (signal.aborted) {
        throw abortError('local');
      }
      if (options.throttleFrom !== undefined && requests.length >= options.throttleFrom) {
        onThrottled();
      }
      const failure = options.fail?.get(offset);
      if (failure && failure.times > 0) {
        failure.times--;
        throw new ProviderError({ cloud: 'local', code: failure.retryable ? 'InternalError' : 'Forbidden', message: 'no', retryable: failure.retryable });
      }
      const count = options.short?.get(offset) ?? pageSize;
      options.short?.delete(offset);
      const items = Array.from({ length: Math.max(0, Math.min(total, offset + count) - offset) }, (_, i) => offset + i);
      return { items, total, next: nextOffset(offset, items.length, total) };
    } finally {
      inFlight--;
    }
  };
  return { fetch, requests };
}

async function loadAll(fetch: PageFetcher<number>, extra: { stash?: PageStash<number>; from?: number; total?: number; signal?: AbortSignal } = {}) {
  const items: number[] = [];
  const error = await loadAllPages(fetch, {
    pageSize: 100,
    from: extra.from === undefined ? undefined : { kind: 'offset', offset: extra.from },
    total: extra.total,
    signal: extra.signal,
    stash: extra.stash,
    onPage: (page) => items.push(...page.items),
  }).then(
    () => undefined,
    (err: unknown) => err,
  );
  return { items, error };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

describe('loadAllPages', () => {
  it('starts at 4 at a time when the first page shows few pages to go', async () => {
    const list = offsetList(1500); // 14 pages after the first: no more than the ceiling of 16
    const { items, error } = await loadAll(list.fetch);
    assert.equal(error, undefined);
    assert.deepEqual(items, range(0, 1500));
    assert.deepEqual(list.requests.slice(1, 6).map((r) => r.inFlight), [1, 2, 3, 4, 4], 'the fifth waits for one of the first 4');
  });

  it('reads the first page alone, then a large rest at the ceiling at once, in order', async () => {
    const list = offsetList(5000);
    const { items, error } = await loadAll(list.fetch);
    assert.equal(error, undefined);
    assert.deepEqual(items, range(0, 5000), 'every item once, in order');
    assert.equal(list.requests.length, 50, 'pages of 100');
    assert.ok(list.requests.every((r) => r.size === 100));
    assert.equal(list.requests[0]?.inFlight, 1, 'the first page alone: it tells the total');
    const max = PAGE_CONCURRENCY.max;
    assert.deepEqual(
      list.requests.slice(1, max + 3).map((r) => r.inFlight),
      [...range(1, max + 1), max, max],
      `49 pages to go: ${max} at once from the start, never more`,
    );
    assert.ok(list.requests.every((r) => r.inFlight <= max));
  });

  it('frees the slot of a page once the page is here: the next request has left before the page is delivered', async () => {
    const list = offsetList(2000);
    const requestsAtDelivery: number[] = [];
    await loadAllPages(list.fetch, {
      pageSize: 100,
      concurrency: { initial: 1, max: 1 },
      onPage: () => requestsAtDelivery.push(list.requests.length),
    });
    assert.equal(list.requests.length, 20);
    // The first page (alone: it tells the total), then each page of the run with the next one already asked for.
    assert.deepEqual(requestsAtDelivery, [1, ...range(3, 21), 20]);
    assert.ok(list.requests.every((r) => r.inFlight === 1), 'never more than the one slot');
  });

  it('halves the concurrency when the cloud throttles, and still delivers everything in order', async () => {
    const list = offsetList(5000, { throttleFrom: 10 });
    const { items, error } = await loadAll(list.fetch);
    assert.equal(error, undefined);
    assert.deepEqual(items, range(0, 5000));
    const late = list.requests.slice(30).map((r) => r.inFlight);
    assert.ok(Math.max(...late) <= 2, `in flight once throttled: ${late.join(',')}`);
  });

  it('asks for a page that failed (retryably) again alone, not the others', async () => {
    const list = offsetList(2000, { fail: new Map([[700, { times: 1, retryable: true }]]) });
    const { items, error } = await loadAll(list.fetch);
    assert.equal(error, undefined);
    assert.deepEqual(items, range(0, 2000));
    const asked = list.requests.map((r) => r.offset);
    assert.equal(asked.filter((o) => o === 700).length, 2);
    assert.equal(new Set(asked).size, asked.length - 1, 'every other page once');
  });

  it('on a lasting failure keeps the pages read past it, and a retry fetches only what is missing', async () => {
    const fail = new Map([[700, { times: 1, retryable: false }]]);
    const list = offsetList(2000, { fail });
    const stash: PageStash<number> = new Map();
    const first = await loadAll(list.fetch, { stash });
    assert.ok(first.error instanceof ProviderError && first.error.code === 'Forbidden');
    assert.deepEqual(first.items, range(0, 700), 'delivered up to the failed page, no gap');
    assert.ok(stash.size > 0 && [...stash.keys()].every((k) => k > 700), 'pages after it kept');
    const before = new Set(list.requests.map((r) => r.offset));
    const mark = list.requests.length;
    const second = await loadAll(list.fetch, { stash, from: 700, total: 2000 });
    assert.equal(second.error, undefined);
    assert.deepEqual([...first.items, ...second.items], range(0, 2000));
    const again = list.requests.slice(mark).map((r) => r.offset);
    assert.ok(again.includes(700));
    assert.deepEqual(again.filter((o) => o !== 700 && before.has(o) && o > 700 && ![...stash.keys()].includes(o)), [], 'no page read twice');
    assert.equal(stash.size, 0);
  });

  it('fills a short page in so that nothing is skipped', async () => {
    const list = offsetList(1000, { short: new Map([[300, 40]]) });
    const { items } = await loadAll(list.fetch);
    assert.deepEqual(items, range(0, 1000));
    assert.ok(list.requests.some((r) => r.offset === 340 && r.size === 60));
  });

  it('stops when cancelled, with what arrived in order and nothing after', async () => {
    const list = offsetList(5000);
    const controller = new AbortController();
    const items: number[] = [];
    const error = await loadAllPages(list.fetch, {
      pageSize: 100,
      signal: controller.signal,
      onPage: (page) => {
        items.push(...page.items);
        if (items.length >= 1000) {
          controller.abort();
        }
      },
    }).catch((err: unknown) => err);
    assert.ok(ProviderError.isAbort(error));
    assert.deepEqual(items, range(0, items.length));
    assert.ok(items.length >= 1000 && items.length < 5000);
    const settled = list.requests.length;
    await tick();
    assert.equal(list.requests.length, settled, 'no request after the cancellation');
  });

  it('reads a marker API one page after another', async () => {
    let inFlight = 0;
    let peak = 0;
    const fetch: PageFetcher<number> = async ({ cursor, pageSize }) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await tick();
      inFlight--;
      const from = cursor?.kind === 'marker' ? Number(cursor.marker) + 1 : 0;
      const items = range(from, Math.min(730, from + pageSize));
      return { items, next: items.length === pageSize ? nextMarker(String(items[items.length - 1])) : undefined };
    };
    const items: number[] = [];
    await loadAllPages(fetch, { pageSize: 100, onPage: (page: Page<number>) => items.push(...page.items) });
    assert.deepEqual(items, range(0, 730));
    assert.equal(peak, 1);
  });
});

describe('pageNumberPage', () => {
  /** A PageNumber/PageSize API over 0..total-1, recording what was asked. */
  function pageApi(total: number) {
    const asked: string[] = [];
    return {
      asked,
      fetch: (pageNumber: number, pageSize: number) => {
        asked.push(`${pageNumber}x${pageSize}`);
        return Promise.resolve({ items: range((pageNumber - 1) * pageSize, Math.min(total, pageNumber * pageSize)), total });
      },
    };
  }

  it('keeps its place when the page size changes between pages', async () => {
    const api = pageApi(250);
    const seen: number[] = [];
    let cursor: Page<number>['next'];
    for (const size of [50, 30, 30, 100, 7, 100, 100]) {
      const page = await pageNumberPage(cursor, size, 100, api.fetch);
      seen.push(...page.items);
      cursor = page.next;
      if (!cursor) {
        break;
      }
    }
    assert.deepEqual(seen, range(0, 250), 'no image skipped, none twice');
    assert.deepEqual(api.asked.slice(0, 3), ['1x50', '1x100', '1x100'], 'off a page boundary: the largest page that holds the offset');
    assert.equal(cursor, undefined);
  });
});
