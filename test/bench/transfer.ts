// The transfer row: a large sparse file (512 MiB by default, so that the row runs in under a minute on
// a small machine; --size=MiB for more) uploaded to the sandbox's OBS twin (the emulator in its own
// process, 50 ms latency on every request) by this product's engine (parallel multipart upload, each
// part read once and sent with its Content-MD5; OBS keeps no CRC-64) and by the vendor's own SDK (esdk-obs-nodejs uploadFile,
// its multipart upload with the same part size and parts in flight), against the loopback copy bound (the
// same bytes streamed in one PUT to a local server that writes them to disk); the client's memory during
// our upload (peak RSS and heap growth over the start); and the download of the same object (ranged GETs)
// against the loopback bound. After a small untimed upload by each, the two uploads run twice each in the order ours, SDK, SDK, ours (a load that
// rises or falls through the run weighs on both alike); each row gives the mean and the client's CPU time
// per GiB (the SDK's includes the relay it needs here). Runnable alone: node out/test/bench/transfer.js [--size=MiB]
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { pipeline } from 'stream/promises';
import { ObjectStorageClient } from '../../src/providers/storage/objects';
import { downloadObject } from '../../src/providers/storage/transfer/download';
import { uploadFile } from '../../src/providers/storage/transfer/upload';
import { HttpClient, LATENCY_MS, load } from './common';
import { EmulatorProcess } from './emulatorProcess';

const MiB = 1024 * 1024;
/** The file's size by default (MiB). */
const DEFAULT_SIZE_MIB = 512;
const PART = 8 * MiB;
const IN_FLIGHT = 4;
const BUCKET = 'cie-obs-cn-north-4';
const REGION = 'cn-north-4';

interface ObsSdkClient {
  uploadFile(param: Record<string, unknown>): Promise<{ CommonMsg: { Status: number; Code?: string; Message?: string } }>;
  close(): void;
}

export interface TransferRow {
  readonly what: string;
  readonly seconds: number;
  readonly mibPerSecond: number;
  readonly note?: string;
}

export interface TransferResult {
  readonly sizeMiB: number;
  readonly latencyMs: number;
  readonly rows: readonly TransferRow[];
  /** Our upload: the client's peak RSS and heap over what they were at its start. */
  readonly memory: { readonly rssGrowthMiB: number; readonly heapGrowthMiB: number };
  readonly load: string;
}

function row(what: string, bytes: number, ms: number, note?: string): TransferRow {
  return { what: `${what}, ${Math.round(bytes / MiB)} MiB`, seconds: Math.round(ms / 100) / 10, mibPerSecond: Math.round(bytes / MiB / (ms / 1000)), ...(note ? { note } : {}) };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Wall time and this process's CPU time (user + system), in ms. */
async function measured(fn: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const ms = await timed(fn);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** The mean of the runs' wall times, and their CPU time per GiB as a note. */
function meanRow(what: string, bytes: number, runs: ReadonlyArray<{ ms: number; cpuMs: number }>): TransferRow {
  const ms = runs.reduce((s, r) => s + r.ms, 0) / runs.length;
  const cpuPerGiB = runs.reduce((s, r) => s + r.cpuMs, 0) / runs.length / (bytes / (1024 * MiB)) / 1000;
  const each = runs.map((r) => Math.round(bytes / MiB / (r.ms / 1000))).join(' and ');
  return row(what, bytes, ms, `mean of ${runs.length} runs (${each} MiB/s); client CPU ${cpuPerGiB.toFixed(1)} s per GiB`);
}

/** The bound: the file streamed in one PUT to a local server writing it to disk, and read back in one GET. */
async function loopback(file: string, dir: string, size: number): Promise<{ up: number; down: number }> {
  const sink = path.join(dir, 'loopback.bin');
  const server = http.createServer((req, res) => {
    if (req.method === 'PUT') {
      void pipeline(req, fs.createWriteStream(sink)).then(() => res.end());
    } else {
      res.writeHead(200, { 'content-length': String(size) });
      void pipeline(fs.createReadStream(sink), res).catch(() => undefined);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const agent = new http.Agent({ keepAlive: false });
  const send = (method: string, body?: string, out?: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method, agent, headers: body ? { 'content-length': String(size) } : {} }, (res) => {
        void pipeline(res, out ? fs.createWriteStream(out) : new PassThrough().resume()).then(() => resolve(), reject);
      });
      req.on('error', reject);
      if (body) {
        void pipeline(fs.createReadStream(body), req).catch(reject);
      } else {
        req.end();
      }
    });
  try {
    const up = await timed(() => send('PUT', file));
    const down = await timed(() => send('GET', undefined, path.join(dir, 'loopback-back.bin')));
    return { up, down };
  } finally {
    server.close();
    fs.rmSync(sink, { force: true });
    fs.rmSync(path.join(dir, 'loopback-back.bin'), { force: true });
  }
}

/** Peak RSS and heap above their level at the start, sampled while `work` runs. */
async function peakGrowth(work: () => Promise<unknown>): Promise<{ ms: number; rss: number; heap: number }> {
  global.gc?.();
  const base = process.memoryUsage();
  let rss = 0;
  let heap = 0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss - base.rss);
    heap = Math.max(heap, m.heapUsed - base.heapUsed);
  }, 50);
  try {
    const ms = await timed(work);
    return { ms, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

async function sdkUpload(emulator: EmulatorProcess, file: string, key: string): Promise<{ ms: number; cpuMs: number } | string> {
  let ObsClient: new (o: Record<string, unknown>) => ObsSdkClient;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ObsClient = require('esdk-obs-nodejs') as typeof ObsClient;
  } catch {
    return 'esdk-obs-nodejs is not installed';
  }
  // The SDK addresses buckets by host name (its path style switches to another signature the OBS twin
  // does not take): a relay on 127.0.0.1 turns "bucket.<host>/key" into the emulator's "/bucket/key"
  // (the OBS signature covers "/bucket/key" either way), and every connection goes to the relay.
  const target = new URL(emulator.endpoints.huawei ?? '');
  const relay = http.createServer((req, res) => {
    const bucket = (req.headers.host ?? '').split('.')[0] ?? '';
    const out = http.request({ host: target.hostname, port: Number(target.port), method: req.method, path: `/${bucket}${req.url ?? '/'}`, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      void pipeline(answer, res).catch(() => undefined);
    });
    out.on('error', () => res.destroy());
    void pipeline(req, out).catch(() => undefined);
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  const relayPort = (relay.address() as { port: number }).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT * 2 });
  (agent as unknown as { createConnection: () => net.Socket }).createConnection = () => net.connect(relayPort, '127.0.0.1');
  const creds = emulator.credentials('huawei');
  const client = new ObsClient({
    access_key_id: creds.accessKeyId,
    secret_access_key: creds.accessKeySecret,
    server: 'obs.sandbox.invalid',
    port: relayPort,
    is_secure: false,
    signature: 'obs',
    is_signature_negotiation: false,
    http_agent: agent,
  });
  // Its settings are applied asynchronously after construction: wait for them.
  for (let i = 0; i < 100 && !(client as unknown as { util: { signatureContext?: unknown } }).util.signatureContext; i++) {
    await new Promise((r) => setImmediate(r));
  }
  try {
    let outcome: { CommonMsg: { Status: number; Code?: string; Message?: string } } | undefined;
    const run = await measured(async () => {
      outcome = await client.uploadFile({ Bucket: BUCKET, Key: key, UploadFile: file, PartSize: PART, TaskNum: IN_FLIGHT, EnableCheckpoint: false });
    });
    const status = outcome?.CommonMsg.Status ?? 0;
    return status < 300 ? run : `esdk-obs-nodejs failed: ${status} ${outcome?.CommonMsg.Code ?? ''} ${outcome?.CommonMsg.Message ?? ''}`.trim();
  } finally {
    client.close();
    agent.destroy();
    relay.close();
  }
}

export async function transferResult(sizeMiB = DEFAULT_SIZE_MIB): Promise<TransferResult> {
  const loadBefore = load();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-bench-transfer-'));
  const file = path.join(dir, 'disk.raw');
  const size = sizeMiB * MiB;
  fs.writeFileSync(file, 'bench');
  fs.truncateSync(file, size);
  const emulator = await EmulatorProcess.start({ latencyMs: LATENCY_MS });
  const httpClient = new HttpClient();
  const client = new ObjectStorageClient({ http: httpClient, credentials: emulator.credentials('huawei'), endpoint: emulator.endpoints.huawei }, 'huawei', REGION);
  const rows: TransferRow[] = [];
  try {
    const upload = (key: string, from = file): Promise<unknown> => uploadFile({ client, file: from, bucket: BUCKET, key, partSize: PART, concurrency: IN_FLIGHT });
    // Untimed, a small upload by each first: the emulator's process and both clients warmed up alike (else the first timed run pays for it).
    const warm = path.join(dir, 'warm.raw');
    fs.writeFileSync(warm, 'warm');
    fs.truncateSync(warm, 8 * PART);
    await upload('bench/warm-ours.raw', warm);
    await sdkUpload(emulator, warm, 'bench/warm-sdk.raw');
    let ours = { ms: 0, rss: 0, heap: 0 };
    const oursRuns = [await measured(async () => (ours = await peakGrowth(() => upload('bench/ours.raw'))))];
    const sdkRuns = [await sdkUpload(emulator, file, 'bench/sdk.raw'), await sdkUpload(emulator, file, 'bench/sdk-2.raw')];
    oursRuns.push(await measured(() => upload('bench/ours-2.raw')));
    rows.push(meanRow('Upload, this product (multipart, Content-MD5 per part)', size, oursRuns));
    const failed = sdkRuns.find((r): r is string => typeof r === 'string');
    rows.push(failed === undefined ? meanRow('Upload, esdk-obs-nodejs uploadFile (official SDK)', size, sdkRuns as { ms: number; cpuMs: number }[]) : { what: `Upload, esdk-obs-nodejs uploadFile (official SDK), ${sizeMiB} MiB`, seconds: NaN, mibPerSecond: NaN, note: failed });
    const target = path.join(dir, 'back.raw');
    const down = await timed(() => downloadObject({ client, bucket: BUCKET, key: 'bench/ours.raw', target, concurrency: IN_FLIGHT, chunkSize: PART }));
    fs.rmSync(target, { force: true });
    rows.push(row('Download, this product (ranged GETs, checked)', size, down));
    const bound = await loopback(file, dir, size);
    rows.push(row('Loopback bound: one PUT to a local server writing to disk', size, bound.up));
    rows.push(row('Loopback bound: one GET from a local server to disk', size, bound.down));
    return { sizeMiB, latencyMs: LATENCY_MS, rows, memory: { rssGrowthMiB: Math.round(ours.rss / MiB), heapGrowthMiB: Math.round(ours.heap / MiB) }, load: `${loadBefore} at the start, ${load()} at the end` };
  } finally {
    await httpClient.close();
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const size = Number(process.argv.find((a) => a.startsWith('--size='))?.slice('--size='.length) ?? DEFAULT_SIZE_MIB);
  transferResult(size).then(
    (r) => console.log(JSON.stringify(r, undefined, 2)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
