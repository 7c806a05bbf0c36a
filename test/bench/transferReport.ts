// The image-file transfer rows of docs/benchmarks.md: a sparse file uploaded to the sandbox's OBS twin by
// this product and by the vendor's SDK side by side, downloaded back, against the loopback copy bound.
import { LATENCY_MS } from './common';
import type { Goal } from './report';
import type { TransferResult } from './transfer';

const GOAL = 'Image-file upload at least as fast as the official SDK\u2019s multipart upload, memory flat';

export function transferSection(r: TransferResult | undefined, goals: Goal[]): string[] {
  if (!r) {
    goals.push({ goal: GOAL, measured: 'not measured in this run', met: false });
    return [];
  }
  const ours = r.rows.find((x) => x.what.startsWith('Upload, this product'));
  const sdk = r.rows.find((x) => x.what.startsWith('Upload, esdk-obs-nodejs'));
  const measured =
    ours && sdk && Number.isFinite(sdk.mibPerSecond)
      ? `${ours.mibPerSecond} MiB/s against the SDK's ${sdk.mibPerSecond} MiB/s (${r.sizeMiB} MiB); the client's heap +${r.memory.heapGrowthMiB} MiB, RSS +${r.memory.rssGrowthMiB} MiB during the upload`
      : `the SDK's upload did not complete: ${sdk?.note ?? 'no row'}`;
  const flat = r.memory.heapGrowthMiB < 64;
  goals.push({
    goal: GOAL,
    measured,
    met: Boolean(ours && sdk && ours.mibPerSecond >= sdk.mibPerSecond && flat),
    why: 'Each upload runs twice, in the order ours, SDK, SDK, ours, after an untimed warm-up of each: the mean of the two is compared. Both send 8 MiB parts 4 at a time; ours also sends and checks each part\u2019s MD5 (computed off the main thread).',
  });
  return [
    '## Image files',
    '',
    `A ${r.sizeMiB} MiB sparse file uploaded to the sandbox's OBS twin (the emulator in a process of its own, ${LATENCY_MS} ms on every request): this product's`,
    'parallel multipart upload against the official SDK\u2019s (esdk-obs-nodejs uploadFile, the same part size and parts in flight), downloaded back with ranged',
    'GETs, and the loopback bound (the same bytes in one PUT / GET to a local server writing to disk). Load ' + r.load + '.',
    '',
    '| transfer | seconds | MiB/s | |',
    '|---|---:|---:|---|',
    ...r.rows.map((x) => `| ${x.what} | ${Number.isFinite(x.seconds) ? x.seconds : '—'} | ${Number.isFinite(x.mibPerSecond) ? x.mibPerSecond : '—'} | ${x.note ?? ''} |`),
    '',
  ];
}
