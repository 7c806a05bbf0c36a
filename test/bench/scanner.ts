// The image-ID scanner and lookup at scale: a part of `npm run bench` (--only=scanner), or alone:
//   npx tsc -p test/tsconfig.json && node out/test/bench/scanner.js [--quick]
// For a file with 1,000 / 10,000 / 100,000 image IDs of each cloud (mostly images of one large region,
// 1 % IDs that exist nowhere): the requests of the lookup (the editor's own sweepRegions, visible IDs
// first, then the rest with the found region first) against the bound (one batched lookup per 100 IDs
// per region asked; one listing per region for the clouds without a batch form), the wall time with 50
// ms latency per request (the emulator in its own process), and the longest single block of this
// thread while the file is scanned (in slices) and looked up through the editor's Flights and answers.
// And the same block for a 2 MB one-line file and for a 50 MB log read from the host's document
// (scannerLog.ts). The emulator runs in another process, so the block is the client's own. Each block is given with
// the CPU time the thread used in it (its own, from Linux's schedstat; else the process's), and the most
// CPU the thread used in any one gap: on a loaded machine a long gap with little CPU in it is the
// scheduler's, not the scanner's.
import { distinctRefs } from '../../src/editor/refs';
import { scanImageIds } from '../../src/editor/scan';
import { Slicer } from '../../src/editor/slices';
import { Flights } from '../../src/editor/flights';
import { answersOf, sweepRegions, type ImageHit, type Lookup } from '../../src/editor/sweep';
import type { AccountConfig, CloudKind, Image, Region } from '../../src/providers/core/model';
import type { ImageProvider } from '../../src/providers/core/provider';
import { BIG_COUNTS, BIG_REGION, CLOUD_NAME, CLOUDS, HttpClient, LATENCY_MS, load, machine, providerOn } from './common';
import { EmulatorProcess } from './emulatorProcess';
import { longestBlock, type Block } from './scannerBlock';
import { logRow, type LogRow } from './scannerLog';

export { THREAD_CPU, type Block } from './scannerBlock';

const SIZES = process.argv.includes('--quick') ? [1_000] : [1_000, 10_000, 100_000];
/** Lines on the first screen: their IDs are looked up first. */
const VISIBLE = 40;
/**
 * Clouds whose findImages reads a listing of the region when asked for more than a few IDs (QingCloud:
 * when a batch names an ID the zone does not know, which fails the whole batch).
 */
export const LISTING: ReadonlySet<CloudKind> = new Set(['huawei', 'batchcompute', 'qingcloud']);

/** An ID of the cloud's shape that no region has. */
function unknownId(cloud: CloudKind, n: number): string {
  const tail = n.toString(36).padStart(8, '0');
  switch (cloud) {
    case 'alibaba':
      return `m-zz${tail}zzzzzzzz`;
    case 'qingcloud':
      return `img-${tail}`;
    case 'batchcompute':
      return `img-zzzz${tail}zzzzzzzzzzzz`;
    case 'huawei':
      return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  }
}

async function knownImages(provider: ImageProvider, regionId: string, want: number): Promise<Image[]> {
  const out: Image[] = [];
  let cursor;
  do {
    const page = await provider.listImages({ regionId, pageSize: provider.maxPageSize, cursor });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor && out.length < want);
  return out.slice(0, want);
}

/** A file with `n` IDs, one per line under an image key: known ones cycled, 1 % distinct unknown ones. */
function fileOf(cloud: CloudKind, known: readonly Image[], n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = i % 100 === 99 ? unknownId(cloud, i) : known[i % known.length]!.id;
    lines.push(`  image_id = "${id}"`);
  }
  return lines.join('\n') + '\n';
}

export interface ScannerRow extends Block {
  readonly cloud: CloudKind;
  readonly ids: number;
  readonly distinct: number;
  readonly requests: number;
  readonly bound: number;
}

/** A cloud's regions and 2,000 of its known images, read once for all the sizes. */
interface CloudData {
  readonly provider: ImageProvider;
  readonly regions: readonly Region[];
  readonly known: readonly Image[];
}

async function cloudData(emulator: EmulatorProcess, http: HttpClient, cloud: CloudKind): Promise<CloudData> {
  const provider = providerOn(emulator, cloud, http);
  return { provider, regions: await provider.listRegions(), known: await knownImages(provider, BIG_REGION[cloud], 2000) };
}

/** A file to look up, built before any row is measured (building it is not the scanner's work). */
interface File {
  readonly text: string;
  /** The first screen, as offsets. */
  readonly shown: ReadonlyArray<readonly [number, number]>;
}

function prepared(cloud: CloudKind, known: readonly Image[], n: number): File {
  const text = fileOf(cloud, known, n);
  let end = 0;
  for (let line = 0; line < VISIBLE && end >= 0; line++) {
    end = text.indexOf('\n', end + 1);
  }
  return { text, shown: [[0, end < 0 ? text.length : end]] };
}

/**
 * The editor's path for one file: scanned in slices, its distinct IDs (visible first, in slices), each
 * batch asked through the editor's Flights (kept answers, lookups shared), swept across the regions and
 * answered (answersOf), as lookup.ts does for one account.
 */
async function measure(emulator: EmulatorProcess, { provider, regions }: CloudData, cloud: CloudKind, n: number, file: File): Promise<ScannerRow> {
  let bound = 0;
  const counting: ImageProvider = Object.create(provider) as ImageProvider;
  counting.findImages = (regionId, ids, signal) => {
    bound += LISTING.has(cloud) ? 1 : Math.ceil(new Set(ids).size / 100);
    return provider.findImages(regionId, ids, signal);
  };
  const mark = (await emulator.log()).length;
  const { value: distinct, ...block } = await longestBlock(async () => {
    const matches = await scanImageIds(file.text);
    const batches = await distinctRefs(matches, file.shown, new Slicer());
    let order: readonly Region[] = regions;
    const hot = new Set<string>();
    const account: AccountConfig = { id: `bench-${cloud}`, name: 'bench', cloud };
    const flights = new Flights<Lookup>(
      async (ids, signal) => {
        const hits: ImageHit[] = [];
        await sweepRegions(counting, order, ids, signal, (region, image) => {
          hits.push({ account, regionId: region.id, regionName: region.name, image });
          hot.add(region.id);
        });
        order = [...regions.filter((r) => hot.has(r.id)), ...regions.filter((r) => !hot.has(r.id))];
        return answersOf(ids, [{ hits, unsettled: new Set() }], [account], { signal });
      },
      { ttlMs: 5 * 60 * 1000, keep: (l) => l.kind !== 'failed' },
    );
    let answered = 0;
    for (const batch of batches) {
      answered += (await flights.get(batch.map((r) => r.id))).size;
    }
    return answered;
  });
  const requests = (await emulator.log(mark)).since.filter((r) => r.cloud === cloud && r.operation !== 'DescribeRegions' && r.operation !== 'DescribeZones').length;
  return { cloud, ids: n, distinct, requests, bound, ...block };
}

export interface OneLine extends Block {
  readonly chars: number;
  readonly ids: number;
}

/** A 2 MB single line of records with IDs and UUIDs: the scan alone. */
async function oneLine(): Promise<OneLine> {
  const parts: string[] = [];
  for (let n = 0, size = 0; size < 2_000_000; n++) {
    const record = `{"id":${n},"image_id":"m-bp1g7004ksh0oe${(n % 400).toString(36).padStart(4, '0')}zz","request_id":"1b9d6bcd-bbfd-4b2d-9b5d-ab8d${n.toString(16).padStart(8, '0')}","note":"${'lorem ipsum '.repeat(6)}"}`;
    parts.push(record);
    size += record.length + 1;
  }
  const text = `[${parts.join(',')}]`;
  (globalThis as { gc?: () => void }).gc?.(); // the garbage of building it is not the scan's
  const { value, ...block } = await longestBlock(() => scanImageIds(text));
  return { chars: text.length, ids: value.length, ...block };
}

export interface ScannerResult {
  readonly oneLine: OneLine;
  readonly log: LogRow;
  readonly rows: readonly ScannerRow[];
}

/**
 * The 2 MB one-line file, then every cloud at every size (the emulator in its own process, 50 ms
 * latency); the clouds run side by side, so a row's longest block may hold another cloud's work too.
 */
export async function scannerResult(sizes: readonly number[] = SIZES): Promise<ScannerResult> {
  const line = await oneLine();
  const log = await logRow();
  (globalThis as { gc?: () => void }).gc?.();
  const emulator = await EmulatorProcess.start({ imageCounts: BIG_COUNTS, latencyMs: LATENCY_MS });
  const http = new HttpClient();
  try {
    // Every cloud's data and files first, and the garbage of that collected (none of it is the
    // scanner's work); then the clouds side by side (the wall time is the requests' latency, and the run
    // stays short), each cloud's sizes one after another; a row's longest block is the thread's while the
    // row ran.
    const data = await Promise.all(CLOUDS.map((cloud) => cloudData(emulator, http, cloud)));
    const files = data.map(({ known }, c) => sizes.map((n) => prepared(CLOUDS[c]!, known, n)));
    (globalThis as { gc?: () => void }).gc?.();
    const perCloud = await Promise.all(
      CLOUDS.map(async (cloud, c) => {
        const rows: ScannerRow[] = [];
        for (const [s, n] of sizes.entries()) {
          rows.push(await measure(emulator, data[c]!, cloud, n, files[c]![s]!));
        }
        return rows;
      }),
    );
    return { oneLine: line, log, rows: perCloud.flat() };
  } finally {
    await http.close();
    await emulator.stop();
  }
}

/** The result as the console shows it. */
export function scannerText({ oneLine: line, log, rows }: ScannerResult): string {
  const b = (x: Block): string => `longest block ${x.blockMs.toFixed(1)} ms (CPU in it ${x.cpuMs.toFixed(1)} ms; most CPU in one block ${x.busiestMs.toFixed(1)} ms)`;
  const out = [
    `2 MB one-line file: ${line.chars} chars, ${line.ids} IDs, scan ${Math.round(line.wallMs)} ms, longest block ${line.blockMs.toFixed(1)} ms (CPU in it ${line.cpuMs.toFixed(1)} ms; most CPU in one block ${line.busiestMs.toFixed(1)} ms; goal < 50 ms)`,
    `${(log.chars / 1024 / 1024).toFixed(1)} MB log (${log.lines} lines, ${log.ids} IDs, ${log.distinct} distinct), read in pieces, scanned, distinct IDs: ${Math.round(log.pieces.wallMs)} ms, ${b(log.pieces)}`,
    `  then the launch checks' read around every ID (windows of the pieces): ${Math.round(log.launch.wallMs)} ms, ${b(log.launch)}`,
    `  today's way: the host's getText() alone ${b(log.join)}; getText() and the scan ${Math.round(log.whole.wallMs)} ms, ${b(log.whole)}`,
    '(bound: batched lookups of 100 IDs per region asked; for Huawei, BatchCompute and QingCloud batches the zone refuses, listings of a region, each read page by page)',
    'cloud         IDs      distinct  requests  bound   wall (s)  longest block (ms)  CPU in it (ms)  most CPU in one block (ms)',
  ];
  for (const r of rows) {
    out.push(
      `${CLOUD_NAME[r.cloud].padEnd(13)} ${String(r.ids).padEnd(8)} ${String(r.distinct).padEnd(9)} ${String(r.requests).padEnd(9)} ${String(r.bound).padEnd(7)} ${(r.wallMs / 1000).toFixed(1).padEnd(9)} ${r.blockMs.toFixed(1).padEnd(19)} ${r.cpuMs.toFixed(1).padEnd(15)} ${r.busiestMs.toFixed(1)}`,
    );
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  console.log(`Image-ID scanner and lookup — ${machine()}; load ${load()}; ${LATENCY_MS} ms latency per request`);
  console.log(scannerText(await scannerResult()));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
