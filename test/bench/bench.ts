// `npm run bench`: the performance goals of the explorer, measured side by side in one run on the
// sandbox (real HTTP on 127.0.0.1, 50 ms injected latency) and in the real extension host, written to
// docs/benchmarks.md. A benchmark, never a test: nothing here passes or fails on time.
//   node --expose-gc out/test/bench/bench.js [--skip-host] [--only=memory|loading|polling|host|transfer|hygiene|scanner|search|bulkDelete] (--only: printed, not written)
import * as fs from 'fs';
import * as path from 'path';
import { installVscodeShim } from '../unit/helpers/vscodeShim';
installVscodeShim(); // before anything that imports the tree or the job tracker

import { BIG_COUNTS, LATENCY_MS, load, machine } from './common';
import { EmulatorProcess } from './emulatorProcess';
import { hostResult, type HostResult } from './host';
import { hygieneRows } from './hygiene';
import { pollingRows } from './jobs';
import { firstPageRows, loadAllRows } from './loading';
import { memoryResult } from './memory';
import { report } from './report';
import { scannerResult, scannerText } from './scanner';
import { searchRows, stormResult } from './search';

const RUNS = 7;
const LOOP_RUNS = 3;
const HOST_RUNS = 7;
const SEARCH_RUNS = 5;

/** One part on its own, its measurements printed (while working on it; docs/benchmarks.md is left alone). */
async function only(part: string): Promise<unknown> {
  switch (part) {
    case 'memory':
      return memoryResult();
    case 'polling':
      return pollingRows();
    case 'host':
      return hostResult(HOST_RUNS);
    case 'transfer':
      return (await import('./transfer')).transferResult();
    case 'hygiene':
      return hygieneRows();
    case 'bulkDelete':
      return (await import('./bulkDelete')).bulkDeleteResult();
    case 'scanner':
      return (await import('./scannerReport')).scannerOnly();
    case 'search': {
      const emulator = await EmulatorProcess.start({ imageCounts: BIG_COUNTS, latencyMs: LATENCY_MS });
      try {
        return { search: await searchRows(emulator, SEARCH_RUNS), storm: await stormResult() };
      } finally {
        await emulator.stop();
      }
    }
    case 'loading': {
      const emulator = await EmulatorProcess.start({ imageCounts: BIG_COUNTS, latencyMs: LATENCY_MS });
      try {
        return { loading: await loadAllRows(emulator, RUNS, LOOP_RUNS), first: await firstPageRows(emulator, RUNS), receive: await (await import('./loadingReceive')).receiveRows(emulator) };
      } finally {
        await emulator.stop();
      }
    }
    default:
      throw new Error(`no part ${part}`);
  }
}

async function main(): Promise<void> {
  const part = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (part) {
    console.log(JSON.stringify(await only(part), undefined, 2));
    return;
  }
  const started = Date.now();
  const loadBefore = load();
  const emulator = await EmulatorProcess.start({ imageCounts: BIG_COUNTS, latencyMs: LATENCY_MS });
  let loading;
  let first;
  let search;
  try {
    loading = await loadAllRows(emulator, RUNS, LOOP_RUNS);
    first = await firstPageRows(emulator, RUNS);
    search = await searchRows(emulator, SEARCH_RUNS);
  } finally {
    await emulator.stop();
  }
  const storm = await stormResult();
  const polling = await pollingRows();
  const memory = await memoryResult();
  const scanner = await scannerResult();
  const hygiene = await hygieneRows();
  const bulkDelete = await (await import('./bulkDelete')).bulkDeleteResult();
  // The size: a 2 GiB sparse file (--transfer-size=MiB for another).
  const transferMiB = Number(process.argv.find((a) => a.startsWith('--transfer-size='))?.slice('--transfer-size='.length) ?? 2048);
  const transfer = await (await import('./transfer')).transferResult(transferMiB);
  let host: HostResult | undefined;
  if (!process.argv.includes('--skip-host')) {
    console.log('[bench] activation in the real extension host…');
    host = hostResult(HOST_RUNS);
  }
  const text = report({
    loading,
    first,
    search: { rows: search, storm },
    hygiene,
    scanner,
    polling,
    memory,
    host,
    bulkDelete,
    transfer,
    machine: machine(),
    load: `${loadBefore} at the start, ${load()} at the end`,
    date: new Date().toISOString().slice(0, 10),
    seconds: Math.round((Date.now() - started) / 1000),
    runs: RUNS,
    loopRuns: LOOP_RUNS,
  });
  const out = path.resolve(__dirname, '../../../docs/benchmarks.md');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  console.log(text);
  console.log(`\nImage-ID scanner and lookup (${LATENCY_MS} ms latency per request):\n${scannerText(scanner)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
