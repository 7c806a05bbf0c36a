// Verifies object-storage requests the way OSS (Signature V4) and OBS (OBS signature) do: the key,
// the signature over the same canonical form, the time within 15 minutes, an STS key's token.
import { timingSafeEqual } from 'crypto';
import {
  obsStringToSign,
  ossCanonicalRequest,
  ossScope,
  ossSignature,
  OSS4,
  parseObsAuthorization,
  parseOssAuthorization,
  type StorageQuery,
} from '../../providers/storage/signers';
import { hmac, sha256Hex } from '../../providers/transport/encoding';
import type { StorageCloud } from '../../providers/storage/types';
import type { KeyStore } from '../types';
import { errorReply, type Reply } from './replies';

const FRESH_MS = 15 * 60 * 1000;

export interface StorageCall {
  readonly method: string;
  readonly bucket?: string;
  readonly key?: string;
  readonly query: StorageQuery;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
}

/** Which store's signature a request carries, if any (how the sandbox tells object-storage requests on a cloud's port). */
export function storageCloudOf(authorization: string | undefined): StorageCloud | undefined {
  if (authorization?.startsWith(`${OSS4} `)) {
    return 'alibaba';
  }
  return authorization?.startsWith('OBS ') ? 'huawei' : undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function parseStamp(stamp: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : Date.parse(stamp);
}

/** The refusal for a request that is not correctly signed, or undefined with the signing region (OSS). */
export function verify(cloud: StorageCloud, keys: KeyStore, call: StorageCall): { refusal: Reply } | { region?: string } {
  const auth = call.headers['authorization'] ?? '';
  const oss = cloud === 'alibaba' ? parseOssAuthorization(auth) : undefined;
  const parsed = cloud === 'alibaba' ? oss : parseObsAuthorization(auth);
  if (!parsed) {
    return { refusal: errorReply(cloud, 403, 'AccessDenied', 'The Authorization header is malformed.') };
  }
  const secret = keys.secretOf(cloud, parsed.accessKeyId);
  if (secret === undefined) {
    return { refusal: errorReply(cloud, 403, 'InvalidAccessKeyId', 'The Access Key Id you provided does not exist in our records.') };
  }
  const token = keys.securityTokenOf?.(cloud, parsed.accessKeyId);
  const sentToken = call.headers[cloud === 'alibaba' ? 'x-oss-security-token' : 'x-obs-security-token'];
  if (token !== undefined && sentToken !== token) {
    return { refusal: errorReply(cloud, 403, 'InvalidSecurityToken', 'The security token you provided is invalid.') };
  }
  const stamp = cloud === 'alibaba' ? call.headers['x-oss-date'] : (call.headers['x-obs-date'] ?? call.headers['date']);
  const time = parseStamp(stamp ?? '');
  if (!Number.isFinite(time) || Math.abs(time - keys.now()) > FRESH_MS) {
    return { refusal: errorReply(cloud, 403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.') };
  }
  let expected: string;
  let region: string | undefined;
  if (oss) {
    region = oss.region;
    const canonical = ossCanonicalRequest(call.method, call.bucket, call.key, call.query, call.headers);
    const stringToSign = `${OSS4}\n${stamp ?? ''}\n${ossScope(oss.day, oss.region)}\n${sha256Hex(canonical)}`;
    expected = ossSignature(secret, oss.day, oss.region, stringToSign);
  } else {
    expected = hmac('sha1', secret, obsStringToSign(call.method, call.bucket, call.key, call.query, call.headers), 'base64');
  }
  if (!same(expected, parsed.signature)) {
    return { refusal: errorReply(cloud, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.') };
  }
  return { region };
}
