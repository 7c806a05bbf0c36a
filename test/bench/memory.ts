// A 50,000-image region as the user gets it: the emulator in a process of its own (so that only the
// extension's memory is in this heap), Load All through the tree's real data provider (ImageTreeProvider,
// on the `vscode` stand-in), then what the view asks of it: the region's children and every child's tree
// item (first display, then a redraw), the view's message, and the instant filter as the view applies it
// (the query set, the tree's children asked again down to the region, their items, the message).
import type { AccountStore } from '../../src/accounts/store';
import type { Sessions } from '../../src/accounts/session';
import type { AccountConfig } from '../../src/providers/core/model';
import type { ImageProvider } from '../../src/providers/core/provider';
import type { Node, RegionNode } from '../../src/tree/nodes';
import type { ImageTreeProvider } from '../../src/tree/treeProvider';
import type { ViewState } from '../../src/tree/viewState';
import type { Log } from '../../src/util/log';
import { HttpClient, median, providerOn } from './common';
import { EmulatorProcess } from './emulatorProcess';

const REGION = 'cn-wulanchabu';
/** The Alibaba tree lists its own images in every state: the region holds exactly this many. */
const GENERATED = 50_000;
export const FILTER_QUERIES = ['ubuntu', 'web prod', 'env=prod', 'no-such-image-anywhere'];
const RUNS = 5;

export interface MemoryResult {
  readonly images: number;
  /** Heap per loaded image (its Image, tree node and tree item, and the loader's and view's lists). */
  readonly kib: number;
  /** The region's first display once loaded: its children and every child's item built. */
  readonly firstDisplayMs: number;
  /** A redraw of the region (what every tree event on it costs): children, items, the view's message. */
  readonly redrawMs: number;
  /** A redraw with the instant filter active. */
  readonly redrawFilteredMs: number;
  readonly filterMs: Readonly<Record<string, number>>;
  readonly filterMatches: Readonly<Record<string, number>>;
  /** The same medians in this process's CPU time: 'first', 'redraw', 'redrawFiltered', 'filter:<query>'. */
  readonly cpuMs: Readonly<Record<string, number>>;
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

function memento(): { get<T>(k: string, d?: T): T | undefined; update(k: string, v: unknown): Promise<void>; keys(): string[] } {
  const values = new Map<string, unknown>();
  return {
    get: <T>(k: string, d?: T) => (values.has(k) ? (values.get(k) as T) : d),
    update: (k: string, v: unknown) => {
      values.set(k, v);
      return Promise.resolve();
    },
    keys: () => [...values.keys()],
  };
}

interface Tree {
  readonly tree: ImageTreeProvider;
  readonly state: ViewState;
  readonly view: { message?: string };
  readonly account: Node;
  readonly region: RegionNode;
}

/** The Images view's data provider for one sandbox account, its regions listed (what expanding it does). */
async function makeTree(provider: ImageProvider): Promise<Tree> {
  const { ImageTreeProvider } = await import('../../src/tree/treeProvider');
  const { ViewState } = await import('../../src/tree/viewState');
  const { RegionChoice } = await import('../../src/accounts/regionChoice');
  const account: AccountConfig = { id: 'bench', name: 'bench', cloud: 'alibaba', sandbox: true };
  const accounts = { list: () => [account], onDidChange: () => ({ dispose: () => undefined }) } as unknown as AccountStore;
  const sessions = { provider: () => Promise.resolve(provider), pageSize: () => 50 } as unknown as Sessions;
  const log = { info: () => undefined, warn: () => undefined, error: (m: string) => console.warn(m) } as unknown as Log;
  const state = new ViewState(memento() as never, () => undefined);
  const tree = new ImageTreeProvider(accounts, sessions, log, state, new RegionChoice(memento() as never));
  const view: { message?: string } = {};
  tree.bindMessage(view);
  const [accountNode] = await tree.getChildren();
  await tree.getChildren(accountNode);
  const region = tree.findRegion(account.id, REGION);
  if (!accountNode || !region) {
    throw new Error(`the tree has no region ${REGION}`);
  }
  return { tree, state, view, account: accountNode, region };
}

/** What the view does when the region is drawn: its children, then each child's item. */
async function draw(t: Tree): Promise<number> {
  const children = await t.tree.getChildren(t.region);
  for (const child of children) {
    t.tree.getTreeItem(child);
  }
  t.view.message = t.tree.message();
  return children.length;
}

/** This process's CPU time (ms): on a loaded machine, the wall time stretches with the load and this does not. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const cpuOf: Record<string, number[]> = {};

async function timed(label: string, fn: () => Promise<unknown>): Promise<number> {
  const cpu = cpuMs();
  const started = performance.now();
  await fn();
  const wall = performance.now() - started;
  (cpuOf[label] ??= []).push(cpuMs() - cpu);
  return wall;
}

const timedDraw = (t: Tree, label: string): Promise<number> => timed(label, () => draw(t));

export async function memoryResult(): Promise<MemoryResult> {
  const emulator = await EmulatorProcess.start({ imageCounts: { alibaba: { [REGION]: GENERATED } } });
  const http = new HttpClient();
  try {
    const provider = providerOn(emulator, 'alibaba', http);
    await provider.listImages({ regionId: REGION, pageSize: 1 }); // the emulator generates the region first

    // Memory: everything the extension holds for the region once loaded and drawn, nothing of the emulator's.
    const first = await makeTree(provider);
    const base = heap();
    await first.region.loader.loadAll(new AbortController().signal);
    await draw(first);
    const images = first.region.loader.items.length;
    const kib = (heap() - base) / 1024 / images;
    console.log(`[bench] memory: ${kib.toFixed(2)} KiB/image, ${images} images`);

    // First display: a fresh tree each run, loaded, then drawn once.
    const firsts: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = await makeTree(provider);
      await t.region.loader.loadAll(new AbortController().signal);
      firsts.push(await timedDraw(t, 'first'));
    }
    // Redraws of the loaded, drawn region (first.region): unfiltered, then filtered.
    const redraws: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      redraws.push(await timedDraw(first, 'redraw'));
    }
    // The filter as the view applies it: the query set (the tree's change event), the view asks again
    // from the root down to the region, builds the items it has not yet, updates its message.
    const filterMs: Record<string, number> = {};
    const filterMatches: Record<string, number> = {};
    for (const query of FILTER_QUERIES) {
      const all: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        await first.state.setQuery('');
        await draw(first);
        const ms = await timed(i > 0 ? `filter:${query}` : 'warm-up', async () => {
          await first.state.setQuery(query);
          await first.tree.getChildren();
          await first.tree.getChildren(first.account);
          await draw(first);
        });
        if (i > 0) {
          all.push(ms); // the first is a warm-up
        }
      }
      filterMs[query] = median(all);
      filterMatches[query] = first.region.matching() ?? 0;
    }
    await first.state.setQuery('ubuntu');
    await draw(first);
    const filtered: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      filtered.push(await timedDraw(first, 'redrawFiltered'));
    }
    await first.state.setQuery('');
    const cpu = Object.fromEntries(Object.entries(cpuOf).map(([k, v]) => [k, median(v)]));
    return { images, kib, firstDisplayMs: median(firsts), redrawMs: median(redraws), redrawFilteredMs: median(filtered), filterMs, filterMatches, cpuMs: cpu };
  } finally {
    await http.close();
    await emulator.stop();
  }
}
