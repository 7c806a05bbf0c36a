// QingCloud IaaS query signing (signature_version 1, HmacSHA256 or HmacSHA1).
// Pure functions: the time comes in, so fixed vectors reproduce byte for byte; qingcloudSignature()
// is what an emulator uses to verify a request it received.
import { canonicalQuery, hmac, isoSeconds, percentEncode, type Params } from '../transport/encoding';
import { QINGCLOUD_URI } from './endpoint';

export type QingcloudAlgorithm = 'HmacSHA256' | 'HmacSHA1';

function withoutSignature(params: Params): Record<string, string> {
  const rest: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k !== 'signature') {
      rest[k] = v;
    }
  }
  return rest;
}

/** `METHOD\nuri\nquery`: every param but `signature`, sorted by name, names and values RFC 3986-encoded. */
export function qingcloudStringToSign(method: string, uri: string, params: Params): string {
  return `${method.toUpperCase()}\n${uri}\n${canonicalQuery(withoutSignature(params))}`;
}

/** Base64 HMAC (not URL-encoded) keyed with the raw secret; the algorithm defaults to the params' signature_method. */
export function qingcloudSignature(
  method: string,
  uri: string,
  params: Params,
  secret: string,
  algorithm: QingcloudAlgorithm = params['signature_method'] === 'HmacSHA1' ? 'HmacSHA1' : 'HmacSHA256',
): string {
  const digest = algorithm === 'HmacSHA1' ? 'sha1' : 'sha256';
  return hmac(digest, secret, qingcloudStringToSign(method, uri, params), 'base64');
}

export interface QingcloudRequest {
  readonly method: string;
  /** The request path exactly as sent, e.g. "/iaas/". */
  readonly uri?: string;
  /** Action params (action, zone, ...); the common ones below are added. */
  readonly params: Params;
  readonly accessKeyId: string;
  readonly secret: string;
  readonly date: Date;
  readonly algorithm?: QingcloudAlgorithm;
}

export interface QingcloudSigned {
  /** Every param that was signed (signature itself not included). */
  readonly params: Record<string, string>;
  readonly stringToSign: string;
  /** Base64, not URL-encoded. */
  readonly signature: string;
  /** Sorted, encoded params with `&signature=<url-encoded>` as the last pair. */
  readonly query: string;
}

export function signQingcloud(req: QingcloudRequest): QingcloudSigned {
  const algorithm = req.algorithm ?? 'HmacSHA256';
  const uri = req.uri ?? QINGCLOUD_URI;
  const params: Record<string, string> = {
    ...withoutSignature(req.params),
    access_key_id: req.accessKeyId,
    signature_method: algorithm,
    signature_version: '1',
    time_stamp: isoSeconds(req.date),
    version: '1',
  };
  const stringToSign = qingcloudStringToSign(req.method, uri, params);
  const signature = qingcloudSignature(req.method, uri, params, req.secret, algorithm);
  const query = `${canonicalQuery(params)}&signature=${percentEncode(signature)}`;
  return { params, stringToSign, signature, query };
}
