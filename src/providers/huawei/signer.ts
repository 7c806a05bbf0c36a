// Huawei Cloud AK/SK request signing, "SDK-HMAC-SHA256" (API Gateway / SDK signer).
// Pure functions: the time comes in, so fixed vectors reproduce byte for byte. The lower-level
// huaweiSignature() is what an emulator uses to verify a request it received.
import {
  byCodeUnit,
  canonicalHeaderBlock,
  hmac,
  isoSeconds,
  parseQueryPairs,
  percentEncode,
  safeDecode,
  sha256Hex,
} from '../transport/encoding';

export const SDK_HMAC_SHA256 = 'SDK-HMAC-SHA256';
export const HEADER_SDK_DATE = 'X-Sdk-Date';
export const HEADER_CONTENT_SHA256 = 'X-Sdk-Content-Sha256';
export const HEADER_PROJECT_ID = 'X-Project-Id';
export const HEADER_SECURITY_TOKEN = 'X-Security-Token';

/** Query as ordered pairs (repeats allowed) or as a record whose array values are repeats of one key. */
export type HuaweiQuery =
  | ReadonlyArray<readonly [string, string]>
  | Readonly<Record<string, string | readonly string[]>>;

/** `YYYYMMDDTHHMMSSZ` (UTC), the X-Sdk-Date format. */
export function sdkDate(date: Date): string {
  return isoSeconds(date).replace(/[-:]/g, '');
}

/**
 * Each path segment is decoded (so a wire path and a raw path give the same result) and then RFC 3986-encoded;
 * the result always ends in "/". "" and "/" both give "/".
 */
export function huaweiCanonicalUri(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => percentEncode(safeDecode(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

function queryPairs(query: HuaweiQuery): Array<readonly [string, string]> {
  if (Array.isArray(query)) {
    return [...(query as ReadonlyArray<readonly [string, string]>)];
  }
  const pairs: Array<readonly [string, string]> = [];
  for (const [key, value] of Object.entries(query as Readonly<Record<string, string | readonly string[]>>)) {
    for (const v of typeof value === 'string' ? [value] : value) {
      pairs.push([key, v]);
    }
  }
  return pairs;
}

/**
 * Keys sorted by their raw (unencoded) code units, as the vendor SDKs do; a repeated key's values sorted the same way;
 * every key and value RFC 3986-encoded; an empty value keeps its "=".
 */
export function huaweiCanonicalQuery(query: HuaweiQuery): string {
  const byKey = new Map<string, string[]>();
  for (const [key, value] of queryPairs(query)) {
    byKey.set(key, [...(byKey.get(key) ?? []), value]);
  }
  const parts: string[] = [];
  for (const key of [...byKey.keys()].sort(byCodeUnit)) {
    for (const value of (byKey.get(key) ?? []).sort(byCodeUnit)) {
      parts.push(`${percentEncode(key)}=${percentEncode(value)}`);
    }
  }
  return parts.join('&');
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  const key = Object.keys(headers).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : headers[key];
}

export interface HuaweiCanonicalInput {
  readonly method: string;
  /** The request path, on-the-wire (percent-encoded) or raw; no query. */
  readonly path: string;
  readonly query: HuaweiQuery;
  /** Exactly the headers that are signed (any case); must include X-Sdk-Date and host. */
  readonly headers: Readonly<Record<string, string>>;
  /** Exact body bytes; ignored when an X-Sdk-Content-Sha256 header is present. */
  readonly body?: string | Buffer;
}

export function huaweiPayloadHash(headers: Readonly<Record<string, string>>, body: string | Buffer = ''): string {
  return headerValue(headers, HEADER_CONTENT_SHA256) ?? sha256Hex(body);
}

export function huaweiCanonicalRequest(input: HuaweiCanonicalInput): { canonicalRequest: string; signedHeaders: string } {
  const { block, names } = canonicalHeaderBlock(input.headers);
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method.toUpperCase(),
    huaweiCanonicalUri(input.path),
    huaweiCanonicalQuery(input.query),
    block,
    signedHeaders,
    huaweiPayloadHash(input.headers, input.body),
  ].join('\n');
  return { canonicalRequest, signedHeaders };
}

export interface HuaweiSignature {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
  /** `a;b;c`, lower case. */
  readonly signedHeaders: string;
}

/** The date in the string to sign is the X-Sdk-Date header of `input.headers`. */
export function huaweiSignature(input: HuaweiCanonicalInput, secretAccessKey: string): HuaweiSignature {
  const date = headerValue(input.headers, HEADER_SDK_DATE);
  if (date === undefined) {
    throw new Error(`${HEADER_SDK_DATE} must be one of the signed headers`);
  }
  const { canonicalRequest, signedHeaders } = huaweiCanonicalRequest(input);
  const stringToSign = `${SDK_HMAC_SHA256}\n${date}\n${sha256Hex(canonicalRequest)}`;
  const signature = hmac('sha256', secretAccessKey, stringToSign, 'hex');
  return { canonicalRequest, stringToSign, signature, signedHeaders };
}

export function huaweiAuthorization(accessKeyId: string, signedHeaders: string, signature: string): string {
  return `${SDK_HMAC_SHA256} Access=${accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

export interface HuaweiRequest {
  readonly method: string;
  /** Full URL; its query must be percent-encoded (space as %20; a literal "+" is a plus). */
  readonly url: string;
  /** Every header is signed (Content-Type included); values are trimmed for signing. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly date: Date;
  readonly securityToken?: string;
  readonly projectId?: string;
}

export interface HuaweiSigned extends HuaweiSignature {
  /** Every header to send: the given ones, host, X-Sdk-Date, X-Project-Id, X-Security-Token, Authorization. */
  readonly headers: Record<string, string>;
  readonly authorization: string;
}

export function signHuawei(req: HuaweiRequest): HuaweiSigned {
  const url = new URL(req.url);
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (headerValue(headers, 'host') === undefined) {
    headers['host'] = url.host;
  }
  headers[HEADER_SDK_DATE] = sdkDate(req.date);
  if (req.projectId) {
    headers[HEADER_PROJECT_ID] = req.projectId;
  }
  if (req.securityToken) {
    headers[HEADER_SECURITY_TOKEN] = req.securityToken;
  }
  const result = huaweiSignature(
    { method: req.method, path: url.pathname, query: parseQueryPairs(url.search), headers, body: req.body },
    req.secretAccessKey,
  );
  const authorization = huaweiAuthorization(req.accessKeyId, result.signedHeaders, result.signature);
  headers['Authorization'] = authorization;
  return { ...result, headers, authorization };
}

export interface HuaweiAuthorization {
  readonly accessKeyId: string;
  readonly signedHeaders: string[];
  readonly signature: string;
}

/** Parses `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex`; undefined if it is not that scheme or a field is missing. */
export function parseHuaweiAuthorization(value: string): HuaweiAuthorization | undefined {
  const trimmed = value.trim();
  if (!trimmed.startsWith(`${SDK_HMAC_SHA256} `)) {
    return undefined;
  }
  const fields: Record<string, string> = {};
  for (const part of trimmed.slice(SDK_HMAC_SHA256.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
    }
  }
  const { Access: accessKeyId, SignedHeaders: signedHeaders, Signature: signature } = fields;
  if (!accessKeyId || !signedHeaders || !signature) {
    return undefined;
  }
  return { accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
}
