// Alibaba Cloud ROA request signing ("acs AK:signature", HMAC-SHA1), as used by the retired BatchCompute API.
// Same string to sign as @alicloud/openapi-util getStringToSign + getROASignature. Pure functions: the time and
// the nonce come in; roaStringToSign()/roaSignature() are what an emulator uses to verify a request.
import { byCodeUnit, canonicalHeaderBlock, canonicalQuery, hmac, md5Base64, type Params } from '../transport/encoding';

export const BATCHCOMPUTE_VERSION = '2015-11-11';

export interface RoaStringToSignInput {
  readonly method: string;
  readonly accept?: string;
  readonly contentMd5?: string;
  readonly contentType?: string;
  /** The Date header, RFC 822 (`Date#toUTCString()`). */
  readonly date?: string;
  /** All request headers (any case); only x-acs-* ones are used. */
  readonly headers: Readonly<Record<string, string>>;
  /** The path as sent (already encoded), no query. */
  readonly path: string;
  /** Decoded query params; they appear unencoded in the string to sign. */
  readonly query?: Params;
}

/** Tabs, newlines and form feeds become spaces, then the value is trimmed (as the SDKs do). */
function cleanHeaderValue(value: string): string {
  return value.replace(/[\t\n\r\f]/g, ' ').trim();
}

/** `path` or `path?k=v&k=v` (sorted by name, unencoded); an empty value keeps its "=" like openapi-util does. */
export function roaCanonicalizedResource(path: string, query: Params = {}): string {
  const keys = Object.keys(query).sort(byCodeUnit);
  if (keys.length === 0) {
    return path;
  }
  return `${path}?${keys.map((k) => `${k}=${query[k] ?? ''}`).join('&')}`;
}

export function roaStringToSign(input: RoaStringToSignInput): string {
  const head = [input.method.toUpperCase(), input.accept ?? '', input.contentMd5 ?? '', input.contentType ?? '', input.date ?? ''];
  const { block } = canonicalHeaderBlock(input.headers, (name) => name.startsWith('x-acs-'), cleanHeaderValue);
  return `${head.join('\n')}\n${block}${roaCanonicalizedResource(input.path, input.query)}`;
}

/** Base64 HMAC-SHA1 keyed with the raw secret (no trailing "&", unlike RPC V2). */
export function roaSignature(stringToSign: string, secret: string): string {
  return hmac('sha1', secret, stringToSign, 'base64');
}

/** Looks a header up by any case and fills the string-to-sign fields from it. */
export function roaStringToSignFromHeaders(
  method: string,
  path: string,
  query: Params,
  headers: Readonly<Record<string, string>>,
): string {
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    lower[k.toLowerCase()] = v;
  }
  return roaStringToSign({
    method,
    accept: lower['accept'],
    contentMd5: lower['content-md5'],
    contentType: lower['content-type'],
    date: lower['date'],
    headers: lower,
    path,
    query,
  });
}

export interface RoaRequest {
  readonly method: string;
  readonly host?: string;
  /** Encoded path, e.g. "/images/img-1". */
  readonly path: string;
  readonly query?: Params;
  /** Extra headers (content-type, x-acs-*...). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
  readonly date: Date;
  readonly nonce: string;
  /** x-acs-version; BatchCompute's by default. */
  readonly version?: string;
}

export interface RoaSigned {
  /** Every header to send (lower-case names), authorization included. */
  readonly headers: Record<string, string>;
  /** `path` or `path?<RFC 3986-encoded sorted query>` to put on the wire. */
  readonly pathAndQuery: string;
  readonly stringToSign: string;
  readonly signature: string;
}

export function signRoa(req: RoaRequest): RoaSigned {
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [k, v] of Object.entries(req.headers ?? {})) {
    headers[k.toLowerCase()] = v;
  }
  if (req.host) {
    headers['host'] = req.host;
  }
  headers['date'] = req.date.toUTCString();
  headers['x-acs-signature-method'] = 'hmac-sha1';
  headers['x-acs-signature-nonce'] = req.nonce;
  headers['x-acs-signature-version'] = '1.0';
  headers['x-acs-version'] = req.version ?? BATCHCOMPUTE_VERSION;
  if (req.securityToken) {
    headers['x-acs-accesskey-id'] = req.accessKeyId;
    headers['x-acs-security-token'] = req.securityToken;
  }
  if (req.body !== undefined && req.body.length > 0) {
    headers['content-md5'] = md5Base64(req.body);
    headers['content-type'] ??= 'application/json';
  }
  const query = req.query ?? {};
  const stringToSign = roaStringToSignFromHeaders(req.method, req.path, query, headers);
  const signature = roaSignature(stringToSign, req.accessKeySecret);
  headers['authorization'] = roaAuthorization(req.accessKeyId, signature);
  const encoded = canonicalQuery(query);
  return { headers, pathAndQuery: encoded ? `${req.path}?${encoded}` : req.path, stringToSign, signature };
}

export function roaAuthorization(accessKeyId: string, signature: string): string {
  return `acs ${accessKeyId}:${signature}`;
}

/** Parses `acs AK:signature`; undefined if it is not that scheme. */
export function parseRoaAuthorization(value: string): { accessKeyId: string; signature: string } | undefined {
  const match = /^acs ([^:\s]+):(\S+)$/.exec(value.trim());
  if (!match || !match[1] || !match[2]) {
    return undefined;
  }
  return { accessKeyId: match[1], signature: match[2] };
}
