// The bulk-delete rows of docs/benchmarks.md: 500 images per cloud as the Delete command sends them.
import type { BulkDeleteResult } from './bulkDelete';
import { CLOUD_NAME, LATENCY_MS, fmt, ratio } from './common';
import type { Goal } from './report';

const GOAL = 'Bulk delete of 500 images within 1.5× its bound, ≥ 5 in flight per region, QingCloud batches of 100';

export function bulkDeleteSection(r: BulkDeleteResult | undefined, goals: Goal[]): string[] {
  if (!r) {
    goals.push({ goal: GOAL, measured: 'not measured in this run', met: false });
    return [];
  }
  const worst = Math.max(...r.rows.map((x) => x.wallMs / x.boundMs));
  const qing = r.rows.find((x) => x.cloud === 'qingcloud');
  const batched = !qing || qing.requests === Math.ceil(qing.images / 100);
  // At least 5 in flight wherever the work has 5 requests or more.
  const inFlight = r.rows.every((x) => x.maxInFlight >= Math.min(5, x.requests));
  goals.push({
    goal: GOAL,
    measured: r.rows.map((x) => `${CLOUD_NAME[x.cloud]} ${ratio(x.wallMs, x.boundMs)} (${x.requests} requests, ${x.maxInFlight} in flight)`).join('; '),
    met: worst <= 1.5 && inFlight && batched,
    why:
      `The provider's deleteImages for one region, as the Delete command's eachRegion calls it: up to ${r.inFlightBound} requests in flight per region (halved while throttled), ` +
      'QingCloud in DeleteImages calls of up to 100 IDs. Bound: ceil(requests ÷ ' + r.inFlightBound + ') × the round trip of one delete. ' +
      "QingCloud's 500 are 5 calls at once, a bound of one round trip measured with 1 ID: its ratio is how much longer a call of 100 IDs takes (a larger request, 100 deletes in the emulator) plus one round trip's noise.",
  });
  const errors = (e: Readonly<Record<string, number>>): string => Object.entries(e).map(([code, n]) => `${code} ${n}`).join(', ') || '—';
  return [
    '## Bulk delete',
    '',
    `500 own images per cloud, ready and used by no instance, deleted as the Delete command sends them (the provider's deleteImages for the region), the emulator in`,
    `a process of its own at ${LATENCY_MS} ms per request. In flight: the most delete requests the emulator was answering at once (its request log).`,
    `Bound: ceil(requests ÷ ${r.inFlightBound}) × the round trip of one delete request (median of 3 single deletes). Failed: what the cloud refused (the sandbox shares some images; a shared image must be unshared first).`,
    '',
    '| cloud | images | requests | most in flight | round trip | wall | bound | wall ÷ bound | failed (the cloud\'s codes) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...r.rows.map(
      (x) =>
        `| ${CLOUD_NAME[x.cloud]} | ${x.images} | ${x.requests} | ${x.maxInFlight} | ${fmt(x.roundTripMs)} ms | ${fmt(x.wallMs)} ms | ${fmt(x.boundMs)} ms | ${ratio(x.wallMs, x.boundMs)} | ${x.failed} (${errors(x.errors)}) |`,
    ),
    '',
  ];
}
