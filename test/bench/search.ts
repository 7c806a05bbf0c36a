// Search All Accounts: one search over every region of the four sandbox accounts at 50 ms latency
// (the emulator in its own process, the clouds' 5,000-image regions), against its bound; and the same
// search through a 60-second throttling storm on every cloud: the requests sent into it.
import type { CloudKind } from '../../src/providers/core/model';
import type { ImageProvider } from '../../src/providers/core/provider';
import { PAGE_CONCURRENCY } from '../../src/providers/shared/paging';
import { sleep as httpSleep } from '../../src/providers/transport/http';
import { Emulator } from '../../src/sandbox/emulator';
import { SEARCH_CONCURRENCY, listingPlan, searchAll, type RegionResult, type SearchTarget } from '../../src/search/engine';
import { parseSearchQuery, type SearchQuery } from '../../src/search/query';
import { BIG_COUNTS, BIG_REGION, CLOUDS, HttpClient, median, medianOf, providerOn, type EmulatorEndpoints } from './common';
import type { EmulatorProcess } from './emulatorProcess';
import { roundTrip } from './loading';

export const SEARCH_QUERIES = ['ubuntu', 'env=prod'] as const;

export interface SearchRow {
  readonly query: string;
  readonly regions: number;
  readonly requests: number;
  readonly ms: number;
  /** The client's CPU time during the search (median). */
  readonly cpuMs: number;
  /** The longest chain of requests one region needs, × its cloud's round trip (or every request ÷ the concurrency, if longer). */
  readonly boundMs: number;
  readonly slowest: { readonly target: string; readonly chain: number; readonly requests: number; readonly aloneMs: number };
  readonly runs: number;
}

export interface StormResult {
  /** Simulated seconds (the pauses and the HTTP layer's back-off run SCALE times faster than the clock they are written for). */
  readonly stormS: number;
  readonly regions: number;
  readonly inStorm: number;
  readonly throttledByCloud: Readonly<Record<string, number>>;
  readonly afterStorm: number;
  /** Per cloud: from the storm's end to the first request answered unthrottled, simulated seconds (the lane's last pause). */
  readonly resumedAfterS: Readonly<Record<string, number>>;
  readonly states: Readonly<Record<string, number>>;
}

async function accountTargets(emulator: EmulatorEndpoints, http: HttpClient): Promise<SearchTarget[]> {
  const targets: SearchTarget[] = [];
  for (const cloud of CLOUDS) {
    const provider = providerOn(emulator, cloud, http);
    const account = { id: `sandbox-${cloud}`, name: 'Sandbox', cloud, sandbox: true };
    for (const region of await provider.listRegions()) {
      targets.push({ account, region, provider: () => Promise.resolve(provider) });
    }
  }
  return targets;
}

function parsed(text: string): SearchQuery {
  const q = parseSearchQuery(text);
  if (typeof q === 'string') {
    throw new Error(`not a query: ${text}`);
  }
  return q;
}

/** Requests one after another a region needs: all of them on a marker listing; the first, then the rest at once (the paging helper's most), on an offset one. */
async function chainOf(query: SearchQuery, target: SearchTarget, requests: number): Promise<number> {
  if (query.kind === 'id' || requests <= 1) {
    return requests;
  }
  const provider: ImageProvider = await target.provider();
  const plan = listingPlan(query, target.account.cloud, provider.filters);
  // Huawei lists by marker, except a tag filter (resource_instances, offset); BatchCompute always by marker.
  const marker = target.account.cloud === 'batchcompute' || (target.account.cloud === 'huawei' && !plan.filter?.tag);
  return marker ? requests : 1 + Math.ceil((requests - 1) / PAGE_CONCURRENCY.max);
}

const listing = (op: string): boolean => op !== 'KeystoneListProjects';

export async function searchRows(emulator: EmulatorProcess, runs: number): Promise<SearchRow[]> {
  const http = new HttpClient();
  const rows: SearchRow[] = [];
  try {
    const targets = await accountTargets(emulator, http);
    const rt = new Map<CloudKind, number>();
    for (const cloud of CLOUDS) {
      rt.set(cloud, await roundTrip(providerOn(emulator, cloud, http), BIG_REGION[cloud]));
    }
    for (const text of SEARCH_QUERIES) {
      const query = parsed(text);
      const signal = new AbortController().signal;
      const cpu: number[] = [];
      const all = await medianOf(runs, async () => {
        const before = process.cpuUsage();
        await searchAll(query, targets, { signal });
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
      });
      const mark = (await emulator.log()).length;
      await searchAll(query, targets, { signal });
      const requests = (await emulator.log(mark)).since.filter((r) => listing(r.operation)).length;
      // Each region alone: its requests, the chain they make, and its time with nothing else under way.
      let slowest: SearchRow['slowest'] | undefined;
      let boundMs = (requests / SEARCH_CONCURRENCY) * Math.max(...rt.values());
      for (const target of targets) {
        const at = (await emulator.log()).length;
        const started = performance.now();
        await searchAll(query, [target], { signal });
        const aloneMs = performance.now() - started;
        const n = (await emulator.log(at)).since.filter((r) => listing(r.operation)).length;
        const chain = await chainOf(query, target, n);
        const ms = chain * (rt.get(target.account.cloud) ?? 0);
        if (ms >= boundMs) {
          boundMs = ms;
          slowest = { target: `${target.account.cloud}/${target.region.id}`, chain, requests: n, aloneMs };
        }
      }
      rows.push({ query: text, regions: targets.length, requests, ms: all.ms, cpuMs: median(cpu.slice(1)), boundMs, slowest: slowest ?? { target: '(every request ÷ concurrency)', chain: 0, requests, aloneMs: 0 }, runs });
      console.log(`[bench] search "${text}": ${all.ms.toFixed(0)} ms, bound ${boundMs.toFixed(0)} ms (${slowest?.target ?? '?'}), ${requests} requests`);
    }
  } finally {
    await http.close();
  }
  return rows;
}

/** One simulated second is 1000 / STORM_SCALE ms here: the engine's pauses and the HTTP layer's back-off run that much faster. */
const STORM_SCALE = 20;
const STORM_S = 60;

/** The search (fresh providers, the emulator in this process with no latency) through a storm: every request of every cloud throttled for STORM_S. */
export async function stormResult(): Promise<StormResult> {
  const emulator = new Emulator({ imageCounts: BIG_COUNTS, maxLogEntries: 1_000_000 });
  await emulator.start();
  const http = new HttpClient({ sleep: (ms, signal) => httpSleep(ms / STORM_SCALE, signal) });
  try {
    const targets = await accountTargets(emulator, http);
    const mark = emulator.requestLog.length;
    for (const cloud of CLOUDS) {
      emulator.faults.add({ kind: 'throttle', cloud });
    }
    const started = Date.now();
    const stormEnds = started + (STORM_S * 1000) / STORM_SCALE;
    const timer = setTimeout(() => emulator.faults.clear(), stormEnds - started);
    const results: RegionResult[] = await searchAll(parsed('ubuntu'), targets, {
      signal: new AbortController().signal,
      sleep: (ms, signal) => httpSleep(ms / STORM_SCALE, signal).catch(() => undefined),
    });
    clearTimeout(timer);
    emulator.faults.clear();
    const log = emulator.requestsSince(mark);
    const inStorm = log.filter((r) => r.time < stormEnds);
    const throttledByCloud: Record<string, number> = {};
    for (const r of inStorm) {
      if (r.fault === 'throttle') {
        throttledByCloud[r.cloud] = (throttledByCloud[r.cloud] ?? 0) + 1;
      }
    }
    const resumedAfterS: Record<string, number> = {};
    for (const cloud of CLOUDS) {
      const first = log.find((r) => r.cloud === cloud && r.time >= stormEnds && !r.fault);
      resumedAfterS[cloud] = first ? Math.round(((first.time - stormEnds) * STORM_SCALE) / 1000) : Number.NaN;
    }
    const states: Record<string, number> = {};
    results.forEach((r) => (states[r.state] = (states[r.state] ?? 0) + 1));
    const result = {
      stormS: STORM_S,
      regions: targets.length,
      inStorm: inStorm.length,
      throttledByCloud,
      afterStorm: log.length - inStorm.length,
      resumedAfterS,
      states,
    };
    console.log(`[bench] search in a ${STORM_S}-s storm: ${result.inStorm} requests in it, ${result.afterStorm} after; ${JSON.stringify(states)}`);
    return result;
  } finally {
    await http.close();
    await emulator.stop();
  }
}
