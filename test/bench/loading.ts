// Load All of a 5,000-image region of each cloud at 50 ms latency, against its lower bound and a plain
// sequential loop at the API's largest page (Alibaba: the official SDK, @alicloud/pop-core); and the
// first page after a region is expanded, against one round trip.
import { ALIBABA_IMAGE_STATUSES } from '../../src/providers/alibaba/params';
import RPCClient from '@alicloud/pop-core';
import type { CloudKind, Cursor } from '../../src/providers/core/model';
import { PAGE_CONCURRENCY } from '../../src/providers/shared/paging';
import type { ImageProvider } from '../../src/providers/core/provider';
import type { EmulatorProcess } from './emulatorProcess';
import { ImageLoader, providerSource } from '../../src/tree/imageLoader';
import { BIG_REGION, HttpClient, median, medianMeasured, medianOf, providerOn } from './common';
import type { TreeContext } from '../../src/tree/treeContext';

export interface LoadAllRow {
  readonly cloud: CloudKind;
  readonly images: number;
  readonly requests: number;
  readonly rtMs: number;
  readonly oursMs: number;
  /** The client's own CPU time during Load All (median): what is not waiting for the network or the machine. */
  readonly oursCpuMs: number;
  /** Offset clouds: first page + remaining ÷ concurrency, × round trip, at the start (4) and the largest (16) concurrency; marker clouds: pages × round trip. */
  readonly boundStartMs: number;
  readonly boundMaxMs: number;
  readonly marker: boolean;
  readonly loopMs: number;
  readonly loopLabel: string;
  readonly runs: number;
  readonly loopRuns: number;
}

export interface FirstPageRow {
  readonly cloud: CloudKind;
  readonly rtMs: number;
  readonly firstMs: number;
  /** Huawei: the region opened once the account's regions are shown (its project lookup, started then, is done). */
  readonly afterPauseMs?: number;
}

const TREE_PAGE_SIZE = 50;

async function listingRequests(emulator: EmulatorProcess, mark: number): Promise<number> {
  return (await emulator.log(mark)).since.filter((r) => r.operation !== 'KeystoneListProjects').length;
}

/** One small request's time: the round trip (latency plus the least work a request costs). */
export async function roundTrip(provider: ImageProvider, regionId: string): Promise<number> {
  return (await medianOf(9, () => provider.listImages({ regionId, pageSize: 1 }))).ms;
}

/** A plain loop over every page at the largest page size, one request after another. */
async function plainLoop(provider: ImageProvider, regionId: string): Promise<number> {
  let n = 0;
  let cursor: Cursor | undefined;
  do {
    const page = await provider.listImages({ regionId, pageSize: provider.maxPageSize, cursor });
    n += page.items.length;
    cursor = page.next;
  } while (cursor);
  return n;
}

/** The official SDK's ten-line script: DescribeImages, PageSize 100, until PageNumber × 100 reaches TotalCount. */
/** The SDK loop asks for the same images as Load All: every status (the cloud's default is Available only). */
async function sdkLoop(emulator: EmulatorProcess, regionId: string): Promise<number> {
  const c = emulator.credentials('alibaba');
  const client = new RPCClient({ accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, endpoint: emulator.endpoints.alibaba ?? '', apiVersion: '2014-05-26' });
  let n = 0;
  for (let page = 1; ; page++) {
    const r = await client.request<{ TotalCount: number; Images: { Image: unknown[] } }>('DescribeImages', { RegionId: regionId, PageSize: 100, PageNumber: page, Status: ALIBABA_IMAGE_STATUSES.join(',') });
    n += r.Images.Image.length;
    if (!r.Images.Image.length || page * 100 >= r.TotalCount) {
      return n;
    }
  }
}

export async function loadAllRows(emulator: EmulatorProcess, runs: number, loopRuns: number): Promise<LoadAllRow[]> {
  const rows: LoadAllRow[] = [];
  const http = new HttpClient();
  try {
    for (const cloud of ['alibaba', 'qingcloud', 'batchcompute', 'huawei'] as const) {
      const regionId = BIG_REGION[cloud];
      const provider = providerOn(emulator, cloud, http);
      const rtMs = await roundTrip(provider, regionId);
      const cpu: number[] = [];
      const ours = await medianOf(runs, async () => {
        const loader = new ImageLoader(providerSource(() => Promise.resolve(provider), regionId, () => TREE_PAGE_SIZE));
        const before = process.cpuUsage();
        await loader.loadAll(new AbortController().signal);
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
        return loader.items.length;
      });
      // Once more, counting the requests (outside the timed runs: asking the emulator process takes a moment).
      const mark = (await emulator.log()).length;
      await new ImageLoader(providerSource(() => Promise.resolve(provider), regionId, () => TREE_PAGE_SIZE)).loadAll(new AbortController().signal);
      const requests = await listingRequests(emulator, mark);
      const marker = cloud === 'huawei' || cloud === 'batchcompute';
      const boundAt = (c: number): number => (marker ? requests : 1 + Math.ceil((requests - 1) / c)) * rtMs;
      const loop = cloud === 'alibaba' ? await medianOf(loopRuns, () => sdkLoop(emulator, regionId)) : await medianOf(loopRuns, () => plainLoop(provider, regionId));
      if (loop.value !== ours.value) {
        throw new Error(`${cloud}: the loop saw ${loop.value} images, Load All ${ours.value}`);
      }
      rows.push({
        cloud,
        images: ours.value,
        requests,
        rtMs,
        oursMs: ours.ms,
        oursCpuMs: median(cpu.slice(1)),
        boundStartMs: boundAt(PAGE_CONCURRENCY.initial),
        boundMaxMs: boundAt(PAGE_CONCURRENCY.max),
        marker,
        loopMs: loop.ms,
        loopLabel: cloud === 'alibaba' ? 'official SDK (pop-core), PageSize 100' : `plain loop, page size ${provider.maxPageSize}`,
        runs,
        loopRuns: loopRuns,
      });
      console.log(`[bench] load all ${cloud}: ${ours.ms.toFixed(0)} ms (${requests} requests), loop ${loop.ms.toFixed(0)} ms, round trip ${rtMs.toFixed(1)} ms`);
    }
  } finally {
    await http.close();
  }
  return rows;
}

/** The account expands (its regions listed: Huawei starts its project lookup then), then a region: its first page and its tree items. */
export async function firstPageRows(emulator: EmulatorProcess, runs: number): Promise<FirstPageRow[]> {
  const { AccountNode, RegionNode } = await import('../../src/tree/nodes');
  // These nodes are drawn, never asked for children: no tree context behind them.
  const ctx = {} as TreeContext;
  const rows: FirstPageRow[] = [];
  const http = new HttpClient();
  try {
    for (const cloud of ['alibaba', 'qingcloud', 'batchcompute', 'huawei'] as const) {
      const regionId = BIG_REGION[cloud];
      const rtMs = await roundTrip(providerOn(emulator, cloud, http), regionId);
      const expand = async (pauseMs: number): Promise<number> => {
        const provider = providerOn(emulator, cloud, http);
        const account = new AccountNode({ id: `bench-${cloud}`, name: 'bench', cloud, sandbox: true }, ctx);
        const regions = await provider.listRegions();
        if (pauseMs) {
          await new Promise((r) => setTimeout(r, pauseMs));
        }
        const started = performance.now();
        const loader = new ImageLoader(providerSource(() => Promise.resolve(provider), regionId, () => TREE_PAGE_SIZE));
        const region = new RegionNode(account, regions.find((r) => r.id === regionId) ?? { id: regionId, name: regionId }, loader, ctx);
        await loader.ensureFirstPage();
        loader.items.forEach((image) => region.imageNode(image).treeItem());
        return performance.now() - started;
      };
      const firstMs = await medianMeasured(runs, () => expand(0));
      const afterPauseMs = cloud === 'huawei' ? await medianMeasured(runs, () => expand(3 * rtMs)) : undefined;
      rows.push({ cloud, rtMs, firstMs, ...(afterPauseMs === undefined ? {} : { afterPauseMs }) });
      console.log(`[bench] first page ${cloud}: ${firstMs.toFixed(1)} ms, round trip ${rtMs.toFixed(1)} ms`);
    }
  } finally {
    await http.close();
  }
  return rows;
}
