// The object stores' request signatures. Pure functions: the time comes in, so the official SDKs'
// signers reproduce them byte for byte (test/unit/providers/storage/signers.test.ts).
// - OSS: Signature V4 (OSS4-HMAC-SHA256), the version Alibaba recommends and requires of new accounts;
//   its credential scope carries the region, which the sandbox checks as OSS does.
// - OBS: OBS's own signature (`OBS AK:base64(HMAC-SHA1)`), the form Huawei documents and its SDK uses first.
import { createHmac } from 'crypto';
import { byCodeUnit, hmac, percentEncode, sha256Hex } from '../transport/encoding';
import { sdkDate } from '../huawei/signer';

/** Query of an object-storage request: a null value is a bare sub-resource (`?uploads`). */
export type StorageQuery = Readonly<Record<string, string | null>>;

/** `/bucket/key` with each segment percent-encoded and "/" kept: the path of a request and the signed resource. */
export function resourcePath(bucket?: string, key?: string): string {
  const raw = `/${bucket ? `${bucket}/` : ''}${key ?? ''}`;
  return raw
    .split('/')
    .map((s) => percentEncode(s))
    .join('/');
}

/** The query string as it is sent: sorted, RFC 3986-encoded, bare keys for null values. */
export function storageQueryString(query: StorageQuery): string {
  return Object.keys(query)
    .sort(byCodeUnit)
    .map((k) => {
      const v = query[k];
      return v === null || v === undefined ? percentEncode(k) : `${percentEncode(k)}=${percentEncode(v)}`;
    })
    .join('&');
}

export interface StorageSignInput {
  readonly method: string;
  readonly bucket?: string;
  readonly key?: string;
  readonly query: StorageQuery;
  /** Lower-case names; the signer adds its date, token and authorization. */
  readonly headers: Readonly<Record<string, string>>;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
  readonly date: Date;
}

// ---- OSS V4 ----

export const OSS4 = 'OSS4-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

function isOssSigned(lower: string): boolean {
  return lower === 'content-type' || lower === 'content-md5' || lower.startsWith('x-oss-');
}

export function ossCanonicalRequest(method: string, bucket: string | undefined, key: string | undefined, query: StorageQuery, headers: Readonly<Record<string, string>>): string {
  const names = Object.keys(headers).filter(isOssSigned).sort(byCodeUnit);
  return [
    method.toUpperCase(),
    resourcePath(bucket, key),
    storageQueryString(query),
    names.map((n) => `${n}:${(headers[n] ?? '').trim()}\n`).join(''),
    '',
    headers['x-oss-content-sha256'] ?? UNSIGNED_PAYLOAD,
  ].join('\n');
}

export function ossScope(day: string, region: string): string {
  return `${day}/${region}/oss/aliyun_v4_request`;
}

export function ossSignature(secret: string, day: string, region: string, stringToSign: string): string {
  let key: Buffer = createHmac('sha256', `aliyun_v4${secret}`).update(day).digest();
  for (const part of [region, 'oss', 'aliyun_v4_request']) {
    key = createHmac('sha256', key).update(part).digest();
  }
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

/** The headers to send (authorization included) for an OSS request in `region` (e.g. cn-hangzhou, no "oss-"). */
export function signOss(input: StorageSignInput & { readonly region: string }): Record<string, string> {
  const headers: Record<string, string> = { ...input.headers };
  const stamp = sdkDate(input.date);
  const day = stamp.slice(0, 8);
  headers['x-oss-date'] = stamp;
  headers['x-oss-content-sha256'] = UNSIGNED_PAYLOAD;
  if (input.securityToken) {
    headers['x-oss-security-token'] = input.securityToken;
  }
  const canonical = ossCanonicalRequest(input.method, input.bucket, input.key, input.query, headers);
  const stringToSign = `${OSS4}\n${stamp}\n${ossScope(day, input.region)}\n${sha256Hex(canonical)}`;
  const signature = ossSignature(input.accessKeySecret, day, input.region, stringToSign);
  headers['authorization'] = `${OSS4} Credential=${input.accessKeyId}/${ossScope(day, input.region)},Signature=${signature}`;
  return headers;
}

/** Parses `OSS4-HMAC-SHA256 Credential=AK/day/region/oss/aliyun_v4_request,Signature=hex`. */
export function parseOssAuthorization(value: string): { accessKeyId: string; day: string; region: string; signature: string } | undefined {
  const m = /^OSS4-HMAC-SHA256 Credential=([^/,]+)\/(\d{8})\/([^/,]+)\/oss\/aliyun_v4_request,(?:AdditionalHeaders=[^,]*,)?Signature=([0-9a-f]{64})$/.exec(value.trim());
  return m ? { accessKeyId: m[1] ?? '', day: m[2] ?? '', region: m[3] ?? '', signature: m[4] ?? '' } : undefined;
}

// ---- OBS ----

/** The sub-resources OBS signs (lower-case; the SDK's list, of which these are the ones this product sends). */
const OBS_SUBRESOURCES = new Set(['acl', 'location', 'storageclass', 'storagepolicy', 'uploads', 'uploadid', 'partnumber', 'versionid', 'delete', 'restore', 'storageinfo', 'quota']);

export function obsStringToSign(method: string, bucket: string | undefined, key: string | undefined, query: StorageQuery, headers: Readonly<Record<string, string>>): string {
  const obsHeaders = Object.keys(headers)
    .filter((n) => n.startsWith('x-obs-'))
    .sort(byCodeUnit)
    .map((n) => `${n}:${n.startsWith('x-obs-meta-') ? (headers[n] ?? '').trim() : (headers[n] ?? '')}\n`)
    .join('');
  const sub = Object.keys(query)
    .filter((k) => OBS_SUBRESOURCES.has(k.toLowerCase()))
    .map((k) => {
      const v = query[k];
      return v === null || v === undefined || v === '' ? k : `${k}=${v}`;
    })
    .sort(byCodeUnit);
  // With x-obs-date the Date line is empty.
  const date = headers['x-obs-date'] ? '' : (headers['date'] ?? '');
  const resource = resourcePath(bucket, key) + (sub.length ? `?${sub.join('&')}` : '');
  return `${method.toUpperCase()}\n${headers['content-md5'] ?? ''}\n${headers['content-type'] ?? ''}\n${date}\n${obsHeaders}${resource}`;
}

export function signObs(input: StorageSignInput): Record<string, string> {
  const headers: Record<string, string> = { ...input.headers };
  headers['x-obs-date'] = input.date.toUTCString();
  if (input.securityToken) {
    headers['x-obs-security-token'] = input.securityToken;
  }
  const signature = hmac('sha1', input.accessKeySecret, obsStringToSign(input.method, input.bucket, input.key, input.query, headers), 'base64');
  headers['authorization'] = `OBS ${input.accessKeyId}:${signature}`;
  return headers;
}

export function parseObsAuthorization(value: string): { accessKeyId: string; signature: string } | undefined {
  const m = /^OBS ([^:\s]+):([A-Za-z0-9+/=]+)$/.exec(value.trim());
  return m ? { accessKeyId: m[1] ?? '', signature: m[2] ?? '' } : undefined;
}
