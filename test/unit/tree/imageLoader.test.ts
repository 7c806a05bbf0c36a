// The tree's paging state: pages append with no duplicate, a failure keeps what was loaded, retry
// resumes, Load All goes through the paging helper, and a refresh drops pages that arrive late.
import { strict as assert } from 'assert';
import { abortError } from '../../../src/providers/core/errors';
import type { Cursor, Image, Page } from '../../../src/providers/core/model';
import { loadAllPages, nextOffset } from '../../../src/providers/shared/paging';
import { ImageLoader, type ImageSource } from '../../../src/tree/imageLoader';

function image(n: number): Image {
  return { id: `m-${n}`, name: `img ${n}`, regionId: 'r', status: 'Available', owner: 'self', tags: [] };
}

/** A region of `total` images paged by offset; `overlap` makes each page repeat the end of the previous one. */
function pageAt(total: number, cursor: Cursor | undefined, size: number, overlap = 0): Page<Image> {
  const offset = cursor?.kind === 'offset' ? cursor.offset : 0;
  const start = Math.max(0, offset - (offset ? overlap : 0));
  const items = Array.from({ length: Math.max(0, Math.min(total, offset + size) - start) }, (_, i) => image(start + i));
  return { items, total, next: nextOffset(offset, Math.min(total, offset + size) - offset, total) };
}

/** A source over such a region: "Load more" at `size`, Load All through the helper at 100. */
function source(total: number, size: number, options: { overlap?: number; fetch?: (cursor: Cursor | undefined, size: number) => Promise<Page<Image>> } = {}): ImageSource & { requested: (number | undefined)[] } {
  const requested: (number | undefined)[] = [];
  const fetch = options.fetch ?? ((cursor: Cursor | undefined, n: number) => Promise.resolve(pageAt(total, cursor, n, options.overlap)));
  const ask = (cursor: Cursor | undefined, n: number, signal: AbortSignal): Promise<Page<Image>> => {
    requested.push(cursor?.kind === 'offset' ? cursor.offset : undefined);
    return signal.aborted ? Promise.reject(abortError('local')) : fetch(cursor, n);
  };
  return {
    requested,
    page: (cursor, signal) => ask(cursor, size, signal),
    all: (req) => loadAllPages((r) => ask(r.cursor, r.pageSize, r.signal), { pageSize: 100, ...req }),
  };
}

/** A promise settled from outside: a page that arrives exactly when the test says. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const ids = (loader: ImageLoader): string[] => loader.items.map((i) => i.id);
const first = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `m-${from + i}`);

describe('ImageLoader', () => {
  it('loads the first page once, then appends pages until the total', async () => {
    const loader = new ImageLoader(source(25, 10));
    await loader.ensureFirstPage();
    await loader.ensureFirstPage();
    assert.equal(loader.items.length, 10);
    assert.ok(loader.hasMore);
    await loader.loadMore();
    await loader.loadMore();
    assert.deepEqual(ids(loader), first(25));
    assert.equal(loader.hasMore, false);
    await loader.loadMore();
    assert.equal(loader.items.length, 25);
  });

  it('drops items a shifted page repeats', async () => {
    const loader = new ImageLoader(source(30, 10, { overlap: 3 }));
    await loader.ensureFirstPage();
    await loader.loadMore();
    await loader.loadMore();
    assert.deepEqual(ids(loader), first(30));
  });

  it('keeps loaded items when a page fails, and retry loads that same page', async () => {
    let fail = false;
    const src = source(30, 10, { fetch: (c, n) => (fail ? Promise.reject(new Error('boom')) : Promise.resolve(pageAt(30, c, n))) });
    const loader = new ImageLoader(src);
    await loader.ensureFirstPage();
    fail = true;
    await assert.rejects(loader.loadMore(), /boom/);
    assert.equal(loader.items.length, 10);
    assert.ok(loader.error);
    fail = false;
    await loader.loadMore();
    assert.equal(loader.items.length, 20);
    assert.equal(loader.error, undefined);
    assert.deepEqual(src.requested, [undefined, 10, 10]);
  });

  it('does not retry a failed first page on its own', async () => {
    const src = source(10, 10, { fetch: () => Promise.reject(new Error('down')) });
    const loader = new ImageLoader(src);
    await assert.rejects(loader.ensureFirstPage());
    await loader.ensureFirstPage();
    assert.equal(src.requested.length, 1);
  });

  it('shares one request between concurrent calls', async () => {
    const src = source(100, 10);
    const loader = new ImageLoader(src);
    await Promise.all([loader.ensureFirstPage(), loader.ensureFirstPage(), loader.loadMore()]);
    assert.equal(src.requested.length, 1);
  });

  it('loads all at the largest page size from where "Load more" stopped, whatever its page size', async () => {
    const src = source(1234, 30);
    const loader = new ImageLoader(src);
    await loader.ensureFirstPage();
    await loader.loadAll(new AbortController().signal);
    assert.deepEqual(ids(loader), first(1234));
    assert.equal(loader.hasMore, false);
    // 30 by "Load more", then 30..99 to reach a page boundary, then pages of 100 from 100.
    assert.deepEqual(src.requested.slice(0, 3), [undefined, 30, 100]);
    assert.equal(src.requested.length, 2 + 12);
  });

  it('load all stops when cancelled, keeps what it has, and is no error', async () => {
    const controller = new AbortController();
    const loader = new ImageLoader(source(5000, 50));
    const done = loader.loadAll(controller.signal, (loaded) => {
      if (loaded >= 500) {
        controller.abort();
      }
    });
    await assert.rejects(done);
    assert.ok(loader.items.length >= 500 && loader.items.length < 5000);
    assert.deepEqual(ids(loader), first(loader.items.length));
    assert.equal(loader.error, undefined);
    assert.ok(loader.hasMore);
  });

  it('a refresh while "Load more" is on its way drops the late page: the region shows its first page', async () => {
    const late = deferred<Page<Image>>();
    let calls = 0;
    const loader = new ImageLoader(source(100, 10, { fetch: (c, n) => (++calls === 2 ? late.promise : Promise.resolve(pageAt(100, c, n))) }));
    await loader.ensureFirstPage();
    const pending = loader.loadMore(); // page 2, held back
    loader.reset(); // the user refreshes the region
    const again = loader.ensureFirstPage(); // the tree asks for the region's children again
    late.resolve(pageAt(100, { kind: 'offset', offset: 10 }, 10)); // page 2 arrives late
    await Promise.all([pending.catch(() => undefined), again]);
    assert.deepEqual(ids(loader), first(10), 'the first page only, not page 2 in its place');
    assert.ok(loader.hasMore);
    await loader.loadMore();
    assert.deepEqual(ids(loader), first(20), 'and "Load more" continues from it');
  });

  it('a refresh during Load All drops every page of the old load', async () => {
    const hold = deferred<void>();
    const src = source(2000, 50, {
      fetch: async (c, n) => {
        if (c?.kind === 'offset' && c.offset >= 500) {
          await hold.promise;
        }
        return pageAt(2000, c, n);
      },
    });
    const loader = new ImageLoader(src);
    const all = loader.loadAll(new AbortController().signal);
    while (loader.items.length < 500) {
      await new Promise((r) => setImmediate(r));
    }
    loader.reset();
    hold.resolve();
    await assert.rejects(all);
    assert.deepEqual(ids(loader), []);
    await loader.ensureFirstPage();
    assert.deepEqual(ids(loader), first(50));
  });

  it('after a failed Load All, the next load fetches the failed page and takes the rest from what was already read', async () => {
    let failing = true;
    const src = source(1000, 50, {
      fetch: (c, n) => (failing && c?.kind === 'offset' && c.offset === 300 ? Promise.reject(new Error('lost')) : Promise.resolve(pageAt(1000, c, n))),
    });
    const loader = new ImageLoader(src);
    await assert.rejects(loader.loadAll(new AbortController().signal), /lost/);
    assert.deepEqual(ids(loader), first(300));
    failing = false;
    await loader.loadAll(new AbortController().signal);
    assert.deepEqual(ids(loader), first(1000));
    const others = src.requested.filter((o) => o !== 300);
    assert.equal(new Set(others).size, others.length, `no page read twice: ${others.join(',')}`);
  });
});
