// Heap per loaded image (the image, its tree node and its tree item) at 50,000 images, as the tree keeps
// them now and as it did before (raw cloud JSON per image, an eager tooltip per item); the cost of one
// redraw of a region that large; and the instant filter over it.
import type { Image } from '../../src/providers/core/model';
import { loadAllPages } from '../../src/providers/shared/paging';
import { Emulator } from '../../src/sandbox/emulator';
import { imageFilter } from '../../src/tree/filter';
import { ImageLoader, providerSource, type ImageSource } from '../../src/tree/imageLoader';
import { HttpClient, median, providerOn } from './common';
import type { TreeContext } from '../../src/tree/treeContext';

const REGION = 'cn-wulanchabu';
/** About 94 % of the sandbox's images are Available (what the tree lists): this gives just over 50,000. */
const GENERATED = 53_300;
export const FILTER_QUERIES = ['ubuntu', 'web prod', 'env=prod', 'no-such-image-anywhere'];

export interface MemoryResult {
  readonly images: number;
  readonly nowKiB: number;
  readonly beforeKiB: number;
  readonly redrawNowMs: number;
  readonly redrawBeforeMs: number;
  readonly filterMs: Readonly<Record<string, number>>;
  readonly filterMatches: Readonly<Record<string, number>>;
}

function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('run the benchmark with node --expose-gc');
  }
  for (let i = 0; i < 4; i++) {
    gc();
  }
  return process.memoryUsage().heapUsed;
}

function timeEach(runs: number, fn: () => void): number {
  fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    all.push(performance.now() - t);
  }
  return median(all);
}

export async function memoryResult(): Promise<MemoryResult> {
  const { AccountNode, RegionNode } = await import('../../src/tree/nodes');
  // These nodes are drawn, never asked for children: no tree context behind them.
  const ctx = {} as TreeContext;
  const emulator = new Emulator({ imageCounts: { alibaba: { [REGION]: GENERATED } } });
  await emulator.start();
  const http = new HttpClient();
  const provider = providerOn(emulator, 'alibaba', http);
  const account = new AccountNode({ id: 'bench', name: 'bench', cloud: 'alibaba', sandbox: true }, ctx);
  try {
    await provider.listImages({ regionId: REGION, pageSize: 1 }); // the emulator generates the region first
    /** A region as the tree keeps it once Load All is done and every item was drawn; its heap per image. */
    const measure = async (source: ImageSource, eagerTooltips: boolean) => {
      const base = heap();
      const loader = new ImageLoader(source);
      await loader.loadAll(new AbortController().signal);
      const region = new RegionNode(account, { id: REGION, name: REGION }, loader, ctx);
      for (const image of loader.items) {
        const node = region.imageNode(image);
        const item = node.treeItem();
        if (eagerTooltips) {
          item.tooltip = node.tooltip();
        }
      }
      const kib = (heap() - base) / 1024 / loader.items.length;
      return { region, loader, kib };
    };

    const now = await measure(providerSource(() => Promise.resolve(provider), REGION, () => 50), false);
    const images = now.loader.items;
    // A redraw: the region's children, then each child's tree item (built once, kept).
    const redrawNowMs = timeEach(5, () => images.forEach((i) => now.region.imageNode(i).treeItem()));
    const filterMs: Record<string, number> = {};
    const filterMatches: Record<string, number> = {};
    for (const query of FILTER_QUERIES) {
      const test = imageFilter(query)!;
      let kept: Image[] = [];
      filterMs[query] = timeEach(7, () => (kept = images.filter(test)));
      filterMatches[query] = kept.length;
    }
    const count = images.length;
    now.loader.reset();

    // Before: the raw cloud JSON kept per image, and every item rebuilt with its tooltip on every redraw.
    const rawSource: ImageSource = {
      page: (cursor, signal) => provider.listImages({ regionId: REGION, cursor, pageSize: 50, signal, raw: true }),
      all: ({ from, total, signal, stash, onPage }) =>
        loadAllPages((req) => provider.listImages({ regionId: REGION, ...req, raw: true }), { pageSize: provider.maxPageSize, from, total, signal, stash, onPage }),
    };
    const before = await measure(rawSource, true);
    const redrawBeforeMs = timeEach(3, () =>
      before.loader.items.forEach((i) => {
        const node = before.region.imageNode(i);
        node.busy = undefined; // drops the kept item: built again, as every redraw did
        node.treeItem().tooltip = node.tooltip();
      }),
    );
    console.log(`[bench] memory: ${now.kib.toFixed(2)} KiB/image now, ${before.kib.toFixed(2)} before, ${count} images`);
    return { images: count, nowKiB: now.kib, beforeKiB: before.kib, redrawNowMs, redrawBeforeMs, filterMs, filterMatches };
  } finally {
    await http.close();
    await emulator.stop();
  }
}
