// `npm run bench`: loading a 5,000-image region from the emulator, side by side, as ratios.
// Writes docs/benchmarks.md. Numbers are for comparison on one machine, never asserted in tests.
import * as fs from 'fs';
import * as path from 'path';
import { AlibabaEcsProvider } from '../../src/providers/alibaba/provider';
import { HttpClient } from '../../src/providers/http';
import { Emulator } from '../../src/sandbox/emulator';
import { ImageLoader, providerSource } from '../../src/tree/imageLoader';

const REGION = 'cn-wulanchabu';
const RUNS = 5;

interface Row {
  readonly name: string;
  readonly ms: number;
  readonly requests: number;
  readonly images: number;
  readonly heapKiB?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function loadAll(emulator: Emulator, pageSize: number, http: HttpClient): Promise<{ ms: number; requests: number; images: number }> {
  const provider = new AlibabaEcsProvider({ http, credentials: emulator.credentials('alibaba'), endpoint: emulator.endpoints.alibaba });
  const loader = new ImageLoader(providerSource(() => Promise.resolve(provider), REGION, () => pageSize));
  const mark = emulator.requestLog.length;
  const t0 = performance.now();
  await loader.loadAll(new AbortController().signal);
  return { ms: performance.now() - t0, requests: emulator.requestLog.length - mark, images: loader.items.length };
}

async function scenario(name: string, emulator: Emulator, pageSize: number, fresh: boolean): Promise<Row> {
  const times: number[] = [];
  let last = { ms: 0, requests: 0, images: 0 };
  const shared = new HttpClient();
  for (let i = 0; i < RUNS; i++) {
    const http = fresh ? new HttpClient() : shared;
    last = await loadAll(emulator, pageSize, http);
    times.push(last.ms);
    if (fresh) {
      await http.close();
    }
  }
  await shared.close();
  return { name, ms: median(times), requests: last.requests, images: last.images };
}

async function memory(emulator: Emulator): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const http = new HttpClient();
  const provider = new AlibabaEcsProvider({ http, credentials: emulator.credentials('alibaba'), endpoint: emulator.endpoints.alibaba });
  const loader = new ImageLoader(providerSource(() => Promise.resolve(provider), REGION, () => 100));
  await loader.loadAll(new AbortController().signal);
  gc?.();
  const after = process.memoryUsage().heapUsed;
  await http.close();
  return (after - before) / 1024 / loader.items.length;
}

async function main(): Promise<void> {
  const emulator = new Emulator();
  await emulator.start();
  const slow = new Emulator();
  slow.faults.addLatency({ ms: 20 });
  await slow.start();
  try {
    await loadAll(emulator, 100, new HttpClient()); // warm-up: data generation, JIT
    await loadAll(slow, 100, new HttpClient());
    const rows: Row[] = [
      await scenario('page size 100 (baseline)', emulator, 100, false),
      await scenario('page size 50 (the default)', emulator, 50, false),
      await scenario('page size 10 (the cloud default)', emulator, 10, false),
      await scenario('page size 100, 20 ms latency per request', slow, 100, false),
      await scenario('page size 50, 20 ms latency per request', slow, 50, false),
    ];
    const kib = await memory(emulator);
    const base = rows[0]!.ms;
    const lines = [
      '# Benchmarks',
      '',
      `Load all ${rows[0]!.images} images of the sandbox region \`${REGION}\` through the Alibaba ECS provider and the`,
      "tree's ImageLoader, over real HTTP on 127.0.0.1 (keep-alive), median of " + RUNS + ' runs. Ratios are against the baseline;',
      'absolute times depend on the machine. Regenerate with `npm run bench`.',
      '',
      '| scenario | requests | median ms | ratio |',
      '|---|---:|---:|---:|',
      ...rows.map((r) => `| ${r.name} | ${r.requests} | ${r.ms.toFixed(1)} | ${(r.ms / base).toFixed(2)}× |`),
      '',
      `Memory: about ${kib.toFixed(2)} KiB of heap per loaded image (${rows[0]!.images} images, mapped model plus the raw fields kept for the details view).`,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on Node ${process.version}, ${process.platform}/${process.arch}.`,
      '',
    ];
    const out = path.resolve(__dirname, '../../../docs/benchmarks.md');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, lines.join('\n'));
    console.log(lines.join('\n'));
  } finally {
    await emulator.stop();
    await slow.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
