// What the benchmark's parts share: medians, the clouds' large sandbox regions, a provider on the emulator.
import * as os from 'os';
import type { CloudKind } from '../../src/providers/core/model';
import type { ImageProvider, ProviderContext } from '../../src/providers/core/provider';
import { HttpClient, createProvider } from '../../src/providers/stack';
import type { Endpoints, SandboxCredentials } from '../../src/sandbox/emulator';

export const LATENCY_MS = 50;
export const CLOUDS: readonly CloudKind[] = ['alibaba', 'qingcloud', 'batchcompute', 'huawei'];
/** The region of each cloud the benchmark makes 5,000 images large (Alibaba's data set has it already). */
export const BIG_REGION: Readonly<Record<CloudKind, string>> = { alibaba: 'cn-wulanchabu', huawei: 'cn-north-4', qingcloud: 'pek3', batchcompute: 'cn-hangzhou' };
export const BIG_COUNTS = { huawei: { 'cn-north-4': 5000 }, qingcloud: { pek3: 5000 }, batchcompute: { 'cn-hangzhou': 5000 } };
export const CLOUD_NAME: Readonly<Record<CloudKind, string>> = { alibaba: 'Alibaba ECS', huawei: 'Huawei IMS', qingcloud: 'QingCloud', batchcompute: 'BatchCompute' };

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** `fn` run `runs` times after one warm-up; the median time and the last result. */
export async function medianOf<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; all: number[]; value: T }> {
  await fn();
  const all: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const r = await timed(fn);
    all.push(r.ms);
    value = r.value;
  }
  return { ms: median(all), all, value: value as T };
}

/** What a provider needs of an emulator, in this process or in its own. */
export interface EmulatorEndpoints {
  readonly endpoints: Endpoints;
  credentials(cloud: CloudKind): SandboxCredentials;
}

export function providerOn(emulator: EmulatorEndpoints, cloud: CloudKind, http: HttpClient, extra: Partial<ProviderContext> = {}): ImageProvider {
  return createProvider(cloud, { http, credentials: emulator.credentials(cloud), endpoint: emulator.endpoints[cloud], ...extra });
}

export { HttpClient };

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()}/${os.arch()}, Node ${process.version}`;
}

export function load(): string {
  return os.loadavg().map((n) => n.toFixed(1)).join(' / ');
}

export const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

/** The median of what `fn` measures itself (when only part of each run is to be timed), after one warm-up. */
export async function medianMeasured(runs: number, fn: () => Promise<number>): Promise<number> {
  await fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    all.push(await fn());
  }
  return median(all);
}
