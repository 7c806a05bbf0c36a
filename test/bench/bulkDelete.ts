// Bulk delete of 500 images per cloud as the Delete command sends it: the provider's deleteImages for one
// region (what the command's eachRegion calls for each region of the selection), a bounded number in
// flight (eachBounded, CHANGES_IN_FLIGHT), QingCloud in DeleteImages calls of up to 100, against the
// emulator in a process of its own at 50 ms per request. What was in flight at once is read from the
// emulator's request log (`inFlight`: the requests of that operation being answered when one arrived).
import type { CloudKind, Image } from '../../src/providers/core/model';
import type { ImageProvider } from '../../src/providers/core/provider';
import { CHANGES_IN_FLIGHT } from '../../src/providers/shared/bounded';
import { HttpClient, LATENCY_MS, median, providerOn } from './common';
import { EmulatorProcess } from './emulatorProcess';

export const BULK_DELETE_IMAGES = 500;
/** Single deletes timed for the round trip of one delete request. */
const ROUND_TRIPS = 3;
/** A region per cloud, made this large so that 500 own images ready to delete and a few more are in it. */
const REGIONS: ReadonlyArray<readonly [CloudKind, string]> = [
  ['alibaba', 'cn-wulanchabu'],
  ['batchcompute', 'cn-hangzhou'],
  ['qingcloud', 'pek3'],
];
const GENERATED = 2000;

export interface BulkDeleteRow {
  readonly cloud: CloudKind;
  readonly regionId: string;
  readonly images: number;
  /** Delete requests the 500 took (QingCloud: calls of up to 100 IDs). */
  readonly requests: number;
  readonly maxInFlight: number;
  /** One delete request's round trip (median of single deletes). */
  readonly roundTripMs: number;
  readonly wallMs: number;
  /** ceil(requests ÷ CHANGES_IN_FLIGHT) × round trip. */
  readonly boundMs: number;
  readonly failed: number;
  /** The emulator's error answers to the deletes, by code (a throttling answer is sent again). */
  readonly errors: Readonly<Record<string, number>>;
}

export interface BulkDeleteResult {
  readonly inFlightBound: number;
  readonly rows: readonly BulkDeleteRow[];
}

/**
 * Own images the cloud says are ready and no instance uses (the sandbox's rule, usage.ts: an image in use
 * is refused without Force, a failure and not what is timed), in the listing's order.
 */
async function deletable(provider: ImageProvider, cloud: CloudKind, regionId: string): Promise<Image[]> {
  const { imageState } = await import('../../src/util/vocabulary');
  const { usedByInstances } = await import('../../src/sandbox/usage');
  const out: Image[] = [];
  let cursor: Parameters<ImageProvider['listImages']>[0]['cursor'];
  do {
    const page = await provider.listImages({ regionId, pageSize: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items.filter((i) => i.owner === 'self' && imageState(cloud, i) === 'available' && !usedByInstances(i.id)));
    cursor = page.next;
  } while (cursor);
  return out;
}

async function row(emulator: EmulatorProcess, http: HttpClient, cloud: CloudKind, regionId: string): Promise<BulkDeleteRow> {
  const provider = providerOn(emulator, cloud, http);
  const deleting = provider.deleting;
  if (!deleting) {
    throw new Error(`${cloud} has no delete`);
  }
  const images = await deletable(provider, cloud, regionId);
  if (images.length < BULK_DELETE_IMAGES + ROUND_TRIPS) {
    throw new Error(`${cloud}/${regionId}: ${images.length} images to delete, fewer than ${BULK_DELETE_IMAGES + ROUND_TRIPS}`);
  }
  const trips: number[] = [];
  for (const image of images.slice(0, ROUND_TRIPS)) {
    const t = performance.now();
    await deleting.deleteImages(regionId, [image.id], { force: false });
    trips.push(performance.now() - t);
  }
  const ids = images.slice(ROUND_TRIPS, ROUND_TRIPS + BULK_DELETE_IMAGES).map((i) => i.id);
  const mark = (await emulator.log()).length;
  const t = performance.now();
  const result = await deleting.deleteImages(regionId, ids, { force: false });
  const wallMs = performance.now() - t;
  const deletes = (await emulator.log(mark)).since.filter((e) => e.cloud === cloud && (e.method === 'DELETE' || /^Delete/.test(e.operation)));
  const roundTripMs = median(trips);
  return {
    cloud,
    regionId,
    images: ids.length,
    requests: deletes.length,
    maxInFlight: Math.max(0, ...deletes.map((e) => e.inFlight ?? 0)),
    roundTripMs,
    wallMs,
    boundMs: Math.ceil(deletes.length / CHANGES_IN_FLIGHT) * roundTripMs,
    failed: result.failed?.length ?? 0,
    errors: deletes.reduce<Record<string, number>>((n, e) => (e.errorCode ? { ...n, [e.errorCode]: (n[e.errorCode] ?? 0) + 1 } : n), {}),
  };
}

export async function bulkDeleteResult(): Promise<BulkDeleteResult> {
  const imageCounts: Partial<Record<CloudKind, Record<string, number>>> = {};
  for (const [cloud, regionId] of REGIONS) {
    imageCounts[cloud] = { [regionId]: GENERATED };
  }
  const emulator = await EmulatorProcess.start({ imageCounts, latencyMs: LATENCY_MS });
  const http = new HttpClient();
  try {
    const rows: BulkDeleteRow[] = [];
    for (const [cloud, regionId] of REGIONS) {
      rows.push(await row(emulator, http, cloud, regionId));
      console.log(`[bench] bulk delete: ${JSON.stringify(rows[rows.length - 1])}`);
    }
    return { inFlightBound: CHANGES_IN_FLIGHT, rows };
  } finally {
    await http.close();
    await emulator.stop();
  }
}
