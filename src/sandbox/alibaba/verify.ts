// Verifies Alibaba RPC signatures the way the cloud does: V3 (ACS3-HMAC-SHA256) and V2 (HMAC-SHA1).
import { sha256Hex } from '../../providers/transport/encoding';
import { acs3Signature, parseAcs3Authorization, rpcSignature } from '../../providers/alibaba/signer';
import { formParams, type EmulatorRequest, type KeyStore } from '../types';

export interface RpcCall {
  readonly action: string;
  readonly version: string;
  readonly accessKeyId: string;
  /** Business parameters: query and form body, minus the V2 common ones. */
  readonly params: Readonly<Record<string, string>>;
}

export interface RpcError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

const V2_COMMON = new Set([
  'Action', 'Version', 'Format', 'AccessKeyId', 'SignatureNonce', 'Timestamp', 'SignatureMethod', 'SignatureVersion', 'Signature', 'SecurityToken',
]);
const FRESH_MS = 15 * 60 * 1000;

function queryOf(req: EmulatorRequest): Record<string, string> {
  const q: Record<string, string> = {};
  for (const [k, v] of req.url.searchParams) {
    q[k] = v;
  }
  return q;
}

/**
 * A temporary (STS) key must come with its token, a long-term key without one. The codes are those
 * Alibaba's STS-aware gateways answer with; "MissingSecurityToken" for an absent one is our choice.
 */
function checkSecurityToken(keys: KeyStore, cloud: 'alibaba' | 'batchcompute', accessKeyId: string, sent: string | undefined): RpcError | undefined {
  const expected = keys.securityTokenOf?.(cloud, accessKeyId);
  if (expected !== undefined && sent === undefined) {
    return { status: 400, code: 'MissingSecurityToken', message: 'The SecurityToken of a temporary AccessKey is mandatory for this request.' };
  }
  if (sent !== undefined && sent !== expected) {
    return { status: 400, code: 'InvalidSecurityToken.MismatchWithAccessKey', message: 'Specified SecurityToken mismatch with the AccessKey.' };
  }
  return undefined;
}

export function rpcActionOf(req: EmulatorRequest): string {
  return req.headers['x-acs-action'] ?? req.url.searchParams.get('Action') ?? new URLSearchParams(req.body).get('Action') ?? 'Unknown';
}

export function verifyRpc(req: EmulatorRequest, keys: KeyStore, cloud: 'alibaba' | 'batchcompute'): RpcCall | RpcError {
  const auth = req.headers['authorization'];
  return auth ? verifyV3(req, auth, keys, cloud) : verifyV2(req, keys, cloud);
}

function verifyV3(req: EmulatorRequest, auth: string, keys: KeyStore, cloud: 'alibaba' | 'batchcompute'): RpcCall | RpcError {
  const parsed = parseAcs3Authorization(auth);
  if (!parsed) {
    return { status: 400, code: 'IncompleteSignature', message: 'The request signature does not conform to Aliyun standards.' };
  }
  const secret = keys.secretOf(cloud, parsed.credential);
  if (secret === undefined) {
    return { status: 404, code: 'InvalidAccessKeyId.NotFound', message: 'Specified access key is not found.' };
  }
  for (const required of ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256']) {
    if (!parsed.signedHeaders.includes(required) || req.headers[required] === undefined) {
      return { status: 400, code: 'IncompleteSignature', message: `The request signature does not conform to Aliyun standards: ${required} must be signed.` };
    }
  }
  const token = req.headers['x-acs-security-token'];
  if (token !== undefined && !parsed.signedHeaders.includes('x-acs-security-token')) {
    return { status: 400, code: 'IncompleteSignature', message: 'The request signature does not conform to Aliyun standards: x-acs-security-token must be signed.' };
  }
  const tokenError = checkSecurityToken(keys, cloud, parsed.credential, token);
  if (tokenError) {
    return tokenError;
  }
  const date = Date.parse(req.headers['x-acs-date'] ?? '');
  if (!Number.isFinite(date) || Math.abs(keys.now() - date) > FRESH_MS) {
    return { status: 400, code: 'InvalidTimeStamp.Expired', message: 'Specified time stamp or date value is expired.' };
  }
  if (req.headers['x-acs-content-sha256'] !== sha256Hex(req.body)) {
    return { status: 400, code: 'SignatureDoesNotMatch', message: 'The x-acs-content-sha256 header does not match the request body.' };
  }
  const signedHeaders: Record<string, string> = {};
  for (const name of parsed.signedHeaders) {
    signedHeaders[name] = req.headers[name] ?? '';
  }
  const expected = acs3Signature(
    { method: req.method, canonicalUri: req.url.pathname || '/', query: queryOf(req), signedHeaders, hashedPayload: req.headers['x-acs-content-sha256'] ?? '' },
    secret,
  );
  if (expected.signature !== parsed.signature) {
    return { status: 400, code: 'SignatureDoesNotMatch', message: 'Specified signature is not matched with our calculation.' };
  }
  if (!keys.claimNonce(cloud, req.headers['x-acs-signature-nonce'] ?? '', keys.now())) {
    return { status: 400, code: 'SignatureNonceUsed', message: 'Specified signature nonce was used already.' };
  }
  const params = formParams(req);
  return { action: req.headers['x-acs-action'] ?? '', version: req.headers['x-acs-version'] ?? '', accessKeyId: parsed.credential, params };
}

function verifyV2(req: EmulatorRequest, keys: KeyStore, cloud: 'alibaba' | 'batchcompute'): RpcCall | RpcError {
  const all = formParams(req);
  for (const required of ['Action', 'Version', 'AccessKeyId', 'SignatureNonce', 'Timestamp', 'Signature']) {
    if (!all[required]) {
      return { status: 400, code: `MissingParameter`, message: `The input parameter "${required}" that is mandatory for processing this request is not supplied.` };
    }
  }
  if (all['SignatureMethod'] !== 'HMAC-SHA1') {
    return { status: 400, code: 'InvalidSignatureMethod', message: 'Specified signature method is not valid.' };
  }
  const secret = keys.secretOf(cloud, all['AccessKeyId'] ?? '');
  if (secret === undefined) {
    return { status: 404, code: 'InvalidAccessKeyId.NotFound', message: 'Specified access key is not found.' };
  }
  const tokenError = checkSecurityToken(keys, cloud, all['AccessKeyId'] ?? '', all['SecurityToken']);
  if (tokenError) {
    return tokenError;
  }
  const ts = Date.parse(all['Timestamp'] ?? '');
  if (!Number.isFinite(ts) || Math.abs(keys.now() - ts) > FRESH_MS) {
    return { status: 400, code: 'InvalidTimeStamp.Expired', message: 'Specified time stamp or date value is expired.' };
  }
  if (rpcSignature(req.method, all, secret) !== all['Signature']) {
    return { status: 400, code: 'SignatureDoesNotMatch', message: 'Specified signature is not matched with our calculation.' };
  }
  if (!keys.claimNonce(cloud, all['SignatureNonce'] ?? '', keys.now())) {
    return { status: 400, code: 'SignatureNonceUsed', message: 'Specified signature nonce was used already.' };
  }
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) {
    if (!V2_COMMON.has(k)) {
      params[k] = v;
    }
  }
  return { action: all['Action'] ?? '', version: all['Version'] ?? '', accessKeyId: all['AccessKeyId'] ?? '', params };
}

export function isRpcError(v: RpcCall | RpcError): v is RpcError {
  return (v as RpcError).code !== undefined;
}
