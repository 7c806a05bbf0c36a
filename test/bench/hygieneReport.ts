// The image hygiene part of docs/benchmarks.md: the scan's requests and wall time against its bound, and the
// heap of the plan of 20,000 own images (test/bench/hygiene.ts measures them).
import { fmt } from './common';
import type { HygienePlanResult, HygieneScanResult } from './hygiene';
import type { Goal } from './report';

export interface HygieneResult {
  readonly scan: HygieneScanResult;
  readonly plan: HygienePlanResult;
  /** The table hygieneRows() made. */
  readonly markdown: string;
}

/** The scan's wall time may be this much over its bound (as Load All's). */
const WALL_OVER_BOUND = 1.3;
const PLAN_HEAP_MB = 100;

export function hygieneSection(r: HygieneResult | undefined, goals: Goal[]): string[] {
  if (!r) {
    return [];
  }
  const { scan, plan } = r;
  const wall = scan.ms / scan.boundMs;
  goals.push({
    goal: 'Hygiene scan of every sandbox account and region: one listing per region per resource kind, at the largest page',
    measured: `${scan.requests} requests against a bound of ${scan.boundRequests}`,
    met: scan.requests <= scan.boundRequests,
    why: scan.requests <= scan.boundRequests ? undefined : `${scan.requests - scan.boundRequests} requests over the bound: some listing is paged below its largest page or asked twice.`,
  });
  goals.push({
    goal: `Hygiene scan wall time ≤ ${WALL_OVER_BOUND}× its bound (regions in parallel)`,
    measured: `${wall.toFixed(2)}× (${fmt(scan.ms)} ms against ${fmt(scan.boundMs)} ms)`,
    met: wall <= WALL_OVER_BOUND,
    why: wall <= WALL_OVER_BOUND ? undefined : `${((wall / WALL_OVER_BOUND - 1) * 100).toFixed(0)} % over: the bound is the longest chain of requests one region needs × the round trip; the client's CPU and the emulator's share the same 2 cores.`,
  });
  const heapMB = (plan.heapMiB * 2 ** 20) / 1e6;
  goals.push({
    goal: `Hygiene plan of ${plan.images.toLocaleString('en-US')} own images in under ${PLAN_HEAP_MB} MB of heap`,
    measured: `${heapMB.toFixed(1)} MB`,
    met: heapMB < PLAN_HEAP_MB,
    why: heapMB < PLAN_HEAP_MB ? undefined : `${(heapMB - PLAN_HEAP_MB).toFixed(1)} MB over: the images, their facts, the plan and its page together.`,
  });
  return [
    '## Image hygiene',
    '',
    'Find Unused Images over every sandbox account and region whose cloud lists what uses its images, the emulator in its own process. Bound: one',
    "listing per region per resource kind at the largest page (Alibaba's launch templates: their list, then one versions listing per template),",
    'regions in parallel; its wall time is the longest chain of those requests one region needs × the round trip. The plan: 20,000 own images as',
    'a cloud lists them, their facts, the plan and its page, in the heap after GC.',
    '',
    r.markdown,
    '',
  ];
}
