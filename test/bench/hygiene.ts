// The hygiene scan at 50 ms latency (emulator in its own process): every sandbox account and region whose
// cloud lists what uses its images, against its bound (one listing per region per resource kind, paged at
// the largest page, regions in parallel); and the plan of 20,000 own images, with its page, in the heap.
//   node --expose-gc out/test/bench/bench.js --only=hygiene
import type { CloudKind, Image } from '../../src/providers/core/model';
import type { RegionUsage } from '../../src/providers/core/usage';
import type { ImageProvider } from '../../src/providers/core/provider';
import { mapLimited } from '../../src/providers/shared/common';
import { ageInDays, decide, makePlan, type HygieneAccount, type ImageFacts } from '../../src/hygiene/plan';
import { DEFAULT_RULES } from '../../src/hygiene/rules';
import { scanImages, type HygieneTarget, type ReferenceSource } from '../../src/hygiene/scan';
import { planHtml } from '../../src/webviews/hygienePlan';
import { HttpClient, LATENCY_MS, fmt, median, providerOn, ratio } from './common';
import { EmulatorProcess } from './emulatorProcess';
import { roundTrip } from './loading';

const CLOUDS: readonly CloudKind[] = ['alibaba', 'huawei', 'qingcloud'];
/** One timed scan: the whole row stays under half a minute. */
const RUNS = 1;
/** The scan's regions at once (its default). */
const REGION_CONCURRENCY = 4;
/** Alibaba: template versions listed at once (usage.ts). */
const TEMPLATE_CONCURRENCY = 4;
const PLAN_IMAGES = 20_000;
const NO_REFS: ReferenceSource = { referencesOf: () => Promise.resolve(new Map()) };

/** The largest page of each listing the scan makes, by API. */
const PAGE: Readonly<Record<string, number>> = {
  DescribeInstances: 100,
  DescribeScalingConfigurations: 50,
  ListServersDetails: 1000,
  ListScalingConfigs: 100,
};

export interface HygieneScanResult {
  readonly accounts: number;
  readonly regions: number;
  readonly images: number;
  readonly requests: number;
  readonly boundRequests: number;
  readonly rtMs: number;
  readonly ms: number;
  readonly boundMs: number;
}

export interface HygienePlanResult {
  readonly images: number;
  readonly heapMiB: number;
}

const pages = (n: number, size: number): number => Math.max(1, Math.ceil(n / size));

/**
 * The requests a region needs, and the longest chain of them one after another: own images at the largest
 * page, then each listing at its largest page (Alibaba's templates: their list, then one versions listing
 * per template, four at once: the API has no other way to see the images templates name).
 */
function regionChain(ownImages: number, imagePage: number, usage: RegionUsage, templates: number): { requests: number; chain: number } {
  let requests = pages(ownImages, imagePage);
  let chain = requests;
  if (!ownImages) {
    // No own image: nothing to ask about.
    return { requests, chain };
  }
  let instances = 0;
  let scaling = 0;
  for (const u of usage.byImage.values()) {
    instances += u.instances;
    scaling += u.scalingConfigs;
  }
  for (const { kind, api } of usage.listed) {
    if (kind === 'template') {
      requests += pages(templates, 50) + templates;
      chain += pages(templates, 50) + Math.ceil(templates / TEMPLATE_CONCURRENCY);
    } else {
      const n = pages(kind === 'instance' ? instances : scaling, PAGE[api] ?? 100);
      requests += n;
      chain += n;
    }
  }
  return { requests, chain };
}

/** Templates of an Alibaba region: the usage's requests less its instance and template-list pages. */
function templateCount(usage: RegionUsage): number {
  let instances = 0;
  let scaling = 0;
  for (const u of usage.byImage.values()) {
    instances += u.instances;
    scaling += u.scalingConfigs;
  }
  const others = pages(instances, 100) + pages(scaling, 50);
  // requests = others + pages(templates, 50) + templates; templates < 50 in the sandbox: one list page.
  return Math.max(0, usage.requests - others - 1);
}

async function ownCount(provider: ImageProvider, regionId: string): Promise<number> {
  let n = 0;
  let cursor;
  do {
    const page = await provider.listImages({ regionId, cursor, pageSize: provider.maxPageSize, filter: { owner: 'self' } });
    n += page.items.filter((i) => i.owner === 'self').length;
    cursor = page.next;
  } while (cursor);
  return n;
}

export async function hygieneScanResult(): Promise<HygieneScanResult> {
  const emulator = await EmulatorProcess.start({ latencyMs: LATENCY_MS });
  try {
    const http = new HttpClient();
    const targets: HygieneTarget[] = [];
    let boundRequests = 0;
    const chains: number[] = [];
    let images = 0;
    let rtMs = 0;
    for (const cloud of CLOUDS) {
      const provider = providerOn(emulator, cloud, http);
      const regions = (await provider.listRegions()).map((r) => r.id);
      targets.push({ account: { id: cloud, name: cloud, cloud }, provider, regionIds: regions });
      // Untimed: what the bound needs to know (and the emulator generates its data), regions at once.
      const own = await mapLimited(regions, 8, (regionId) => ownCount(provider, regionId));
      const usages = await mapLimited(regions, 8, (regionId) => provider.usage!.regionUsage(regionId));
      for (const [n, usage] of usages.entries()) {
        images += own[n]!;
        // Alibaba: one versions listing per template, in the usage's request count beside the other pages.
        const templates = cloud === 'alibaba' ? templateCount(usage) : 0;
        const { requests, chain } = regionChain(own[n]!, provider.maxPageSize, usage, templates);
        boundRequests += requests;
        chains.push(chain);
      }
      if (cloud === 'alibaba') {
        rtMs = await roundTrip(provider, regions[0]!);
      }
    }
    const rules = { ...DEFAULT_RULES, notShared: false };
    const times: number[] = [];
    let requests = 0;
    for (let run = 0; run < RUNS; run++) {
      const mark = (await emulator.log()).length;
      const started = performance.now();
      await scanImages(targets, NO_REFS, { rules, now: new Date(), regionConcurrency: REGION_CONCURRENCY });
      times.push(performance.now() - started);
      requests = (await emulator.log(mark)).since.filter((r) => r.operation !== 'KeystoneListProjects').length;
    }
    const total = chains.reduce((a, b) => a + b, 0);
    const boundMs = Math.max(Math.max(...chains), Math.ceil(total / REGION_CONCURRENCY)) * rtMs;
    const regions = targets.reduce((n, t) => n + t.regionIds.length, 0);
    return { accounts: targets.length, regions, images, requests, boundRequests, rtMs, ms: median(times), boundMs };
  } finally {
    await emulator.stop();
  }
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

/** 20,000 own images as a cloud lists them, their facts, the plan and its page: the heap they hold. */
export function hygienePlanResult(): HygienePlanResult {
  const account: HygieneAccount = { id: 'a1', name: 'prod', cloud: 'alibaba' };
  const now = new Date();
  const before = heap();
  const images: Image[] = Array.from({ length: PLAN_IMAGES }, (_, n) => ({
    id: `m-${n.toString(36).padStart(20, '0')}`,
    name: `app-${n % 97}-build-${n}`,
    regionId: ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen'][n % 4]!,
    status: 'Available',
    owner: 'self',
    osName: 'Alibaba Cloud Linux 3.2104 LTS 64位',
    architecture: 'x86_64',
    sizeGiB: 40,
    createdAt: new Date(now.getTime() - (n % 400) * 86_400_000).toISOString(),
    tags: n % 5 ? [] : [{ key: 'team', value: `t${n % 13}` }],
  }));
  const entries = images.map((image, n) => {
    const facts: ImageFacts = {
      usage: n % 4 ? { instances: 0, templates: 0, scalingConfigs: 0, sample: [] } : { instances: 2, templates: 0, scalingConfigs: 0, sample: [{ kind: 'instance', id: `i-${n}`, name: `web-${n % 50}` }] },
      templatesListed: true,
      scalingListed: true,
      references: [],
      ageDays: ageInDays(image.createdAt, now),
      sharedWith: 0,
      copiesIn: [],
    };
    return { account, image, facts, decision: decide(image, facts, DEFAULT_RULES, true) };
  });
  const plan = makePlan(entries, [], DEFAULT_RULES, now);
  const page = planHtml(plan, 'vscode-resource:');
  const heapMiB = (heap() - before) / 2 ** 20;
  if (plan.remove.length + plan.keep.length !== PLAN_IMAGES || !page) {
    throw new Error('the plan lost images');
  }
  return { images: PLAN_IMAGES, heapMiB };
}

export async function hygieneRows(): Promise<{ scan: HygieneScanResult; plan: HygienePlanResult; markdown: string }> {
  const scan = await hygieneScanResult();
  const plan = hygienePlanResult();
  const markdown = [
    '| Hygiene | Measured | Bound | Ratio |',
    '|---|---|---|---|',
    `| Scan of ${scan.accounts} sandbox accounts, ${scan.regions} regions, ${scan.images.toLocaleString('en-US')} own images (${LATENCY_MS} ms latency, round trip ${fmt(scan.rtMs)} ms): requests | ${scan.requests} | ${scan.boundRequests} | ${ratio(scan.requests, scan.boundRequests)} |`,
    `| … wall time (median of ${RUNS}) | ${fmt(scan.ms)} ms | ${fmt(scan.boundMs)} ms | ${ratio(scan.ms, scan.boundMs)} |`,
    `| Plan of ${plan.images.toLocaleString('en-US')} own images, with its page: heap | ${plan.heapMiB.toFixed(1)} MiB | < 100 MB | — |`,
  ].join('\n');
  return { scan, plan, markdown };
}
