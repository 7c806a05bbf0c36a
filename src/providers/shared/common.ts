// Small helpers every cloud's client and mapping share: the endpoint override, the injected clock,
// page-size clamping, a request id from headers, and tolerant readers for the clouds' JSON.
import { ProviderError } from '../core/errors';
import type { HttpResponse } from '../transport/http';
import type { ProviderContext } from '../core/provider';

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

/** `interpret`, also telling `onThrottled` each time it meets the cloud's throttling answer. */
export function noticingThrottling<T>(
  interpret: (res: HttpResponse) => T,
  isThrottling: (err: ProviderError) => boolean,
  onThrottled: (() => void) | undefined,
): (res: HttpResponse) => T {
  if (!onThrottled) {
    return interpret;
  }
  return (res) => {
    try {
      return interpret(res);
    } catch (err) {
      if (err instanceof ProviderError && isThrottling(err)) {
        onThrottled();
      }
      throw err;
    }
  };
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

/**
 * The objects of a list as the clouds send it: an array (its non-object entries dropped), a single object
 * where a one-item list was written out as the item itself (XML-to-JSON gateways do that), else [].
 */
export function objectsOf(v: unknown): Json[] {
  if (Array.isArray(v)) {
    return v.filter((x): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x));
  }
  return typeof v === 'object' && v !== null ? [v as Json] : [];
}

/**
 * A wrapped list (Alibaba's `{Images: {Image: [...]}}`): the items under `key` of the wrapper, whether
 * they come as an array or a single object; a wrapper that is itself the array is taken as the list;
 * a missing, null or empty ("") wrapper is no items.
 */
export function wrappedList(wrapper: unknown, key: string): Json[] {
  if (Array.isArray(wrapper)) {
    return objectsOf(wrapper);
  }
  return typeof wrapper === 'object' && wrapper !== null ? objectsOf((wrapper as Json)[key]) : [];
}

const CANONICAL = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
const ISO_LIKE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A time as ISO 8601 UTC to the second ("2024-01-02T03:04:05Z"), from the forms the clouds use: ISO with
 * or without seconds, milliseconds or an offset, a space for the "T", no zone (read as UTC, as the clouds
 * document their times), and epoch seconds or milliseconds. Anything else is kept as it came; nothing
 * (null, "") is undefined.
 */
export function timestamp(v: unknown): string | undefined {
  const text = str(v);
  if (text === undefined) {
    return undefined;
  }
  // Already the form wanted, on a day every month has (Alibaba's, 5,000 times a Load All): the long way would give it back as it is.
  if (CANONICAL.test(text)) {
    return text;
  }
  let ms = Number.NaN;
  if (/^\d{9,13}$/.test(text)) {
    const n = Number(text);
    ms = text.length > 11 ? n : n * 1000;
  } else {
    const m = ISO_LIKE.exec(text.trim());
    if (m) {
      const zone = m[4] ? (m[4].toUpperCase() === 'Z' ? 'Z' : m[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
      ms = Date.parse(`${m[1]}T${m[2]}${m[3] ?? ':00'}${zone}`);
    }
  }
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') : text;
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

/** Key/value pairs (or keys with their values) as each key once, with its distinct values, sorted. */
export function usedTags(pairs: ReadonlyArray<{ readonly key: string; readonly values: readonly string[] }>): Array<{ key: string; values: string[] }> {
  const byKey = new Map<string, Set<string>>();
  for (const { key, values } of pairs) {
    const set = byKey.get(key) ?? new Set<string>();
    values.forEach((v) => set.add(v));
    byKey.set(key, set);
  }
  return [...byKey].sort(([a], [b]) => a.localeCompare(b)).map(([key, values]) => ({ key, values: [...values].sort((a, b) => a.localeCompare(b)) }));
}

/** A flag as the clouds send it: true, or "true" in any case (XML-to-JSON gateways and older answers give strings). */
export function isTrue(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}
