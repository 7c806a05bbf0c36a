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
