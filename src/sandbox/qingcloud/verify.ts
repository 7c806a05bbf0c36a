// Verifies QingCloud IaaS requests the way the cloud does: signature_version 1 over every param but
// `signature`, keyed with the account's secret, and a time_stamp no older than 60 s.
//
// QingCloud has no nonce parameter. The emulator goes one step further than the cloud documents and
// treats a signature it has already seen (an exact replay, within the freshness window) as expired,
// ret_code 1300. The provider sends a fresh `req_id` on every attempt, so honest retries never collide.
import { timingSafeEqual } from 'crypto';
import { qingcloudSignature } from '../../providers/qingcloud/signer';
import { formParams, type EmulatorRequest, type KeyStore } from '../types';

export interface QingcloudCall {
  readonly action: string;
  readonly accessKeyId: string;
  /** Every param received, common ones included. */
  readonly params: Readonly<Record<string, string>>;
}

export interface QingcloudFailure {
  readonly retCode: number;
  readonly message: string;
}

export const FRESH_MS = 60 * 1000;
const TIME_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function verifyQingcloud(req: EmulatorRequest, keys: KeyStore): QingcloudCall | QingcloudFailure {
  const params = formParams(req);
  const accessKeyId = params['access_key_id'];
  // Base64 has no space: one here was a `+` sent unencoded and read back as a form space.
  const signature = params['signature']?.replace(/ /g, '+');
  if (!accessKeyId) {
    return { retCode: 1200, message: 'AuthFailure, access_key_id is required' };
  }
  if (!signature) {
    return { retCode: 1200, message: 'AuthFailure, signature is required' };
  }
  const secret = keys.secretOf('qingcloud', accessKeyId);
  if (secret === undefined) {
    return { retCode: 1200, message: `AuthFailure, illegal access key [${accessKeyId}]` };
  }
  const method = params['signature_method'] ?? 'HmacSHA256';
  if (method !== 'HmacSHA256' && method !== 'HmacSHA1') {
    return { retCode: 1200, message: `AuthFailure, unsupported signature_method [${method}]` };
  }
  if ((params['signature_version'] ?? '1') !== '1') {
    return { retCode: 1200, message: `AuthFailure, unsupported signature_version [${params['signature_version']}]` };
  }
  const expected = qingcloudSignature(req.method, req.url.pathname, params, secret, method);
  if (!sameText(expected, signature)) {
    return { retCode: 1200, message: 'AuthFailure, signature not matched' };
  }
  const stamp = params['time_stamp'] ?? '';
  const time = TIME_STAMP.test(stamp) ? Date.parse(stamp) : NaN;
  const now = keys.now();
  if (!Number.isFinite(time)) {
    return { retCode: 1300, message: `MessageExpired, invalid time_stamp [${stamp}]` };
  }
  if (Math.abs(now - time) > FRESH_MS) {
    return { retCode: 1300, message: `MessageExpired, the request time_stamp [${stamp}] is expired` };
  }
  if (!keys.claimNonce('qingcloud', `signature:${signature}`, now)) {
    return { retCode: 1300, message: 'MessageExpired, the request has been sent before' };
  }
  return { action: params['action'] ?? '', accessKeyId, params };
}

export function isQingcloudFailure(v: QingcloudCall | QingcloudFailure): v is QingcloudFailure {
  return (v as QingcloudFailure).retCode !== undefined;
}
