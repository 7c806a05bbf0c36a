// Small helpers every cloud's client and mapping share: the endpoint override, the injected clock,
// page-size clamping, a request id from headers, and tolerant readers for the clouds' JSON.
import type { HttpResponse } from './http';
import type { ProviderContext } from './provider';

export type Json = Record<string, unknown>;

/** The account's endpoint override (sandbox, proxy, private endpoint), else the cloud's public one. */
export function endpointOf(ctx: ProviderContext, publicEndpoint: string): URL {
  return new URL(ctx.endpoint ?? publicEndpoint);
}

/** The time to sign with: the injected clock in tests, else now. */
export function clockOf(ctx: ProviderContext): Date {
  return ctx.now ? ctx.now() : new Date();
}

/** A whole page size in 1..max, whatever the caller asked for. */
export function clampPageSize(requested: number, max: number): number {
  const n = Number.isFinite(requested) ? Math.floor(requested) : max;
  return Math.min(Math.max(1, n), max);
}

/** The first of the named response headers that is present (names lower-case, as the HTTP layer gives them). */
export function headerOf(res: HttpResponse, names: readonly string[]): string | undefined {
  for (const name of names) {
    const v = res.headers[name];
    if (v !== undefined && v !== '') {
      return v;
    }
  }
  return undefined;
}

/** A non-empty string, a number or boolean as text, else undefined. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') {
    return v.length ? v : undefined;
  }
  return v === undefined || v === null || typeof v === 'object' ? undefined : String(v);
}

/** A finite number (from a number or numeric string), else undefined. */
export function num(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') {
    return undefined;
  }
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** The objects of an array, or [] when it is absent or not an array. */
export function objectsOf(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter((x): x is Json => typeof x === 'object' && x !== null) : [];
}

/** Splits into runs of at most `size` (the cloud's per-call limit). */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** `fetch` over the distinct ids in runs of at most `size` (the cloud's per-call limit), one after another; the results joined. */
export async function perBatch<T>(ids: readonly string[], size: number, fetch: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const batch of batches(distinct(ids), size)) {
    out.push(...(await fetch(batch)));
  }
  return out;
}

/** The distinct values, in first-seen order. */
export function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * `fn` over every item, at most `limit` at a time; results in the items' order. The first failure is
 * thrown once the calls already running have settled (no new ones start after it).
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const at = next++;
      try {
        results[at] = await fn(items[at] as T);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) {
    throw rejected.reason;
  }
  return results;
}
