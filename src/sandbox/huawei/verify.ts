// Verifies Huawei SDK-HMAC-SHA256 signatures the way the API gateway does: the AK must be known,
// X-Sdk-Date must be signed and fresh (15 min), and the signature is recomputed over the signed headers.
// A temporary AK must come with its X-Security-Token (signed), a long-term AK without one.
import { parseQueryPairs } from '../../providers/transport/encoding';
import { HEADER_SDK_DATE, HEADER_SECURITY_TOKEN, huaweiSignature, parseHuaweiAuthorization } from '../../providers/huawei/signer';
import type { EmulatorRequest, KeyStore } from '../types';

export interface AuthFailure {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const FRESH_MS = 15 * 60 * 1000;
const AUTH_PREFIX = 'Incorrect IAM authentication information';

function failure(detail: string): AuthFailure {
  return { status: 401, code: 'APIGW.0301', message: `${AUTH_PREFIX}: ${detail}` };
}

/** `YYYYMMDDTHHMMSSZ` -> ms, or NaN. */
export function parseSdkDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) {
    return NaN;
  }
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/**
 * The token check of a temporary AK. The gateway documents one code for IAM authentication failures,
 * APIGW.0301 (401), and that is what a missing, wrong or unsigned token gets here (the detail text is the
 * sandbox's); a long-term AK sent with a token is refused alike. Requiring the token to be signed is the
 * sandbox's choice: the vendor SDKs always sign it, and unsigned it could be swapped in transit.
 */
function checkSecurityToken(req: EmulatorRequest, keys: KeyStore, accessKeyId: string, signedHeaders: readonly string[]): AuthFailure | undefined {
  const name = HEADER_SECURITY_TOKEN.toLowerCase();
  const expected = keys.securityTokenOf?.('huawei', accessKeyId);
  const sent = req.headers[name];
  if (expected !== undefined && sent === undefined) {
    return failure(`x-security-token is required for the temporary ak ${accessKeyId}`);
  }
  if (sent !== undefined && sent !== expected) {
    return failure('x-security-token is invalid or does not belong to the ak');
  }
  if (sent !== undefined && !signedHeaders.includes(name)) {
    return failure('x-security-token is not in the signed headers');
  }
  return undefined;
}

/** Undefined when the request is signed correctly; else the gateway's 401. */
export function verifyHuawei(req: EmulatorRequest, keys: KeyStore): AuthFailure | undefined {
  const header = req.headers['authorization'];
  if (!header) {
    return failure('Authorization header is missing');
  }
  const auth = parseHuaweiAuthorization(header);
  if (!auth) {
    return failure('Authorization header is not SDK-HMAC-SHA256');
  }
  const secret = keys.secretOf('huawei', auth.accessKeyId);
  if (secret === undefined) {
    return failure(`ak ${auth.accessKeyId} not exist`);
  }
  const tokenFailure = checkSecurityToken(req, keys, auth.accessKeyId, auth.signedHeaders);
  if (tokenFailure) {
    return tokenFailure;
  }
  const dateName = HEADER_SDK_DATE.toLowerCase();
  const dateValue = req.headers[dateName];
  if (!auth.signedHeaders.includes(dateName) || dateValue === undefined) {
    return failure('x-sdk-date is not in the signed headers');
  }
  const date = parseSdkDate(dateValue);
  if (!Number.isFinite(date) || Math.abs(keys.now() - date) > FRESH_MS) {
    return failure('the request date (x-sdk-date) is invalid or differs from the server time by more than 15 minutes');
  }
  const signed: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    signed[name] = req.headers[name] ?? '';
  }
  const expected = huaweiSignature(
    { method: req.method, path: req.url.pathname, query: parseQueryPairs(req.url.search), headers: signed, body: req.body },
    secret,
  );
  if (expected.signature !== auth.signature) {
    return failure('verify aksk signature fail');
  }
  return undefined;
}
