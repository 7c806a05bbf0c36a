// Encodings and digests the signers share.
import { createHash, createHmac } from 'crypto';

/** RFC 3986 percent-encoding: only A-Z a-z 0-9 - _ . ~ stay; space is %20; hex is upper case. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmac(algorithm: 'sha1' | 'sha256', key: string, data: string, encoding: 'hex' | 'base64'): string {
  return createHmac(algorithm, key).update(data, 'utf8').digest(encoding);
}

export type Params = Readonly<Record<string, string>>;

/** Compares by UTF-16 code units, as the clouds' reference signers do (not locale order). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `k=v&k=v` over params sorted by name, both sides RFC 3986-encoded. */
export function canonicalQuery(params: Params): string {
  return Object.keys(params)
    .sort(byCodeUnit)
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
}

/** ISO 8601 UTC without milliseconds: 2023-10-26T10:22:32Z. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// ---- Helpers shared by the header- and query-signing schemes (Huawei, ROA, QingCloud) ----

export function md5Base64(data: string | Buffer): string {
  return createHash('md5').update(data).digest('base64');
}

/**
 * `name:value\n` lines over the headers `include` accepts: names lower-cased and sorted by code unit,
 * values passed through `clean` (default: trim). Names differing only in case are merged, values sorted and joined by ",".
 */
export function canonicalHeaderBlock(
  headers: Readonly<Record<string, string>>,
  include: (lowerName: string) => boolean = () => true,
  clean: (value: string) => string = (v) => v.trim(),
): { block: string; names: string[] } {
  const merged = new Map<string, string[]>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (include(lower)) {
      merged.set(lower, [...(merged.get(lower) ?? []), clean(value)]);
    }
  }
  const names = [...merged.keys()].sort(byCodeUnit);
  const block = names.map((n) => `${n}:${(merged.get(n) ?? []).sort(byCodeUnit).join(',')}\n`).join('');
  return { block, names };
}

/** Percent-decodes one URL component; `+` stays a literal plus (RFC 3986). Malformed escapes are kept as they are. */
export function safeDecode(component: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return component;
  }
}

/** Splits a query string (with or without the leading `?`) into decoded pairs, keeping order and repeats; `k` alone is `[k, '']`. */
export function parseQueryPairs(search: string): Array<[string, string]> {
  const text = search.startsWith('?') ? search.slice(1) : search;
  if (text === '') {
    return [];
  }
  return text
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [safeDecode(part), ''] : [safeDecode(part.slice(0, eq)), safeDecode(part.slice(eq + 1))];
    });
}
