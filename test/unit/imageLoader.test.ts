// The tree's paging state: pages append with no duplicate, a failure keeps what was loaded, retry resumes.
import { strict as assert } from 'assert';
import { ImageLoader } from '../../src/tree/imageLoader';
import type { Cursor, Image, Page } from '../../src/providers/model';

function image(n: number): Image {
  return { id: `m-${n}`, name: `img ${n}`, regionId: 'r', status: 'Available', owner: 'self', tags: [], raw: {} };
}

function pages(total: number, size: number, overlap = 0): (c: Cursor | undefined) => Promise<Page<Image>> {
  return async (cursor) => {
    const n = cursor?.kind === 'page' ? cursor.pageNumber : 1;
    const start = Math.max(0, (n - 1) * size - overlap);
    const items = Array.from({ length: Math.max(0, Math.min(total, n * size) - start) }, (_, i) => image(start + i));
    return { items, total, next: n * size < total ? { kind: 'page', pageNumber: n + 1 } : undefined };
  };
}

describe('ImageLoader', () => {
  it('loads the first page once, then appends pages until the total', async () => {
    const loader = new ImageLoader(pages(25, 10));
    await loader.ensureFirstPage();
    await loader.ensureFirstPage();
    assert.equal(loader.items.length, 10);
    assert.ok(loader.hasMore);
    await loader.loadMore();
    await loader.loadMore();
    assert.equal(loader.items.length, 25);
    assert.equal(loader.hasMore, false);
    await loader.loadMore();
    assert.equal(loader.items.length, 25);
  });

  it('drops items a shifted page repeats', async () => {
    const loader = new ImageLoader(pages(30, 10, 3));
    await loader.ensureFirstPage();
    await loader.loadMore();
    await loader.loadMore();
    assert.deepEqual(loader.items.map((i) => i.id), Array.from({ length: 30 }, (_, i) => `m-${i}`));
  });

  it('keeps loaded items when a page fails, and retry loads that same page', async () => {
    let fail = false;
    const inner = pages(30, 10);
    const requested: (number | undefined)[] = [];
    const loader = new ImageLoader(async (c) => {
      requested.push(c?.kind === 'page' ? c.pageNumber : undefined);
      if (fail) {
        throw new Error('boom');
      }
      return inner(c);
    });
    await loader.ensureFirstPage();
    fail = true;
    await assert.rejects(loader.loadMore(), /boom/);
    assert.equal(loader.items.length, 10);
    assert.ok(loader.error);
    fail = false;
    await loader.loadMore();
    assert.equal(loader.items.length, 20);
    assert.equal(loader.error, undefined);
    assert.deepEqual(requested, [undefined, 2, 2]);
  });

  it('does not retry a failed first page on its own', async () => {
    let calls = 0;
    const loader = new ImageLoader(async () => {
      calls++;
      throw new Error('down');
    });
    await assert.rejects(loader.ensureFirstPage());
    await loader.ensureFirstPage();
    assert.equal(calls, 1);
  });

  it('shares one request between concurrent calls', async () => {
    let calls = 0;
    const inner = pages(100, 10);
    const loader = new ImageLoader(async (c) => {
      calls++;
      return inner(c);
    });
    await Promise.all([loader.ensureFirstPage(), loader.ensureFirstPage(), loader.loadMore()]);
    assert.equal(calls, 1);
  });

  it('load all stops when cancelled and keeps what it has', async () => {
    const controller = new AbortController();
    const loader = new ImageLoader(pages(1000, 10));
    await loader.loadAll(controller.signal, (loaded) => {
      if (loaded >= 50) {
        controller.abort();
      }
    });
    assert.equal(loader.items.length, 50);
    assert.ok(loader.hasMore);
  });
});
