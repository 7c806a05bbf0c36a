// Alibaba Cloud request signing: ACS3-HMAC-SHA256 (V3, the default) and HMAC-SHA1 RPC (V2).
// Pure functions: the time and the nonce come in, so fixed vectors reproduce byte for byte.
import { byCodeUnit, canonicalQuery, hmac, isoSeconds, percentEncode, sha256Hex, type Params } from '../transport/encoding';

export const ACS3 = 'ACS3-HMAC-SHA256';

export interface Acs3Canonical {
  readonly method: string;
  /** "/" for RPC-style APIs; the encoded path for ROA. */
  readonly canonicalUri: string;
  readonly query: Params;
  /** Lower-case name -> value of every header that is signed. */
  readonly signedHeaders: Readonly<Record<string, string>>;
  readonly hashedPayload: string;
}

/** Which headers V3 signs: host, content-type and every x-acs-* header. */
export function isAcs3SignedHeader(lowerName: string): boolean {
  return lowerName === 'host' || lowerName === 'content-type' || lowerName.startsWith('x-acs-');
}

export function acs3CanonicalRequest(c: Acs3Canonical): { canonicalRequest: string; signedHeaderNames: string } {
  const names = Object.keys(c.signedHeaders).sort(byCodeUnit);
  const canonicalHeaders = names.map((n) => `${n}:${(c.signedHeaders[n] ?? '').trim()}\n`).join('');
  const signedHeaderNames = names.join(';');
  const canonicalRequest = [
    c.method.toUpperCase(),
    c.canonicalUri,
    canonicalQuery(c.query),
    canonicalHeaders,
    signedHeaderNames,
    c.hashedPayload,
  ].join('\n');
  return { canonicalRequest, signedHeaderNames };
}

export function acs3Signature(c: Acs3Canonical, accessKeySecret: string): {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  signedHeaderNames: string;
} {
  const { canonicalRequest, signedHeaderNames } = acs3CanonicalRequest(c);
  const stringToSign = `${ACS3}\n${sha256Hex(canonicalRequest)}`;
  const signature = hmac('sha256', accessKeySecret, stringToSign, 'hex');
  return { canonicalRequest, stringToSign, signature, signedHeaderNames };
}

export interface Acs3Request {
  readonly method: string;
  readonly host: string;
  readonly canonicalUri?: string;
  readonly query: Params;
  /** Extra headers such as x-acs-action, x-acs-version, content-type. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
  readonly date: Date;
  readonly nonce: string;
}

export interface Acs3Signed {
  /** Every header to send, Authorization included. */
  readonly headers: Record<string, string>;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

export function signAcs3(req: Acs3Request): Acs3Signed {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    headers[k.toLowerCase()] = v;
  }
  headers['host'] = req.host;
  headers['x-acs-date'] = isoSeconds(req.date);
  headers['x-acs-signature-nonce'] = req.nonce;
  headers['x-acs-content-sha256'] = sha256Hex(req.body);
  if (req.securityToken) {
    headers['x-acs-security-token'] = req.securityToken;
  }
  const signed: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (isAcs3SignedHeader(k)) {
      signed[k] = v;
    }
  }
  const result = acs3Signature(
    { method: req.method, canonicalUri: req.canonicalUri ?? '/', query: req.query, signedHeaders: signed, hashedPayload: headers['x-acs-content-sha256'] },
    req.accessKeySecret,
  );
  headers['authorization'] =
    `${ACS3} Credential=${req.accessKeyId},SignedHeaders=${result.signedHeaderNames},Signature=${result.signature}`;
  return { headers, canonicalRequest: result.canonicalRequest, stringToSign: result.stringToSign, signature: result.signature };
}

/** Parses `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex`. */
export function parseAcs3Authorization(value: string): { credential: string; signedHeaders: string[]; signature: string } | undefined {
  if (!value.startsWith(`${ACS3} `)) {
    return undefined;
  }
  const fields: Record<string, string> = {};
  for (const part of value.slice(ACS3.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
    }
  }
  const { Credential: credential, SignedHeaders: signedHeaders, Signature: signature } = fields;
  if (!credential || !signedHeaders || !signature) {
    return undefined;
  }
  return { credential, signedHeaders: signedHeaders.split(';'), signature };
}

// ---- V2 (HMAC-SHA1, RPC) ----

export function rpcStringToSign(method: string, params: Params): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

/** Signature over every parameter except Signature itself; key is the secret followed by "&". */
export function rpcSignature(method: string, params: Params, accessKeySecret: string): string {
  const rest: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k !== 'Signature') {
      rest[k] = v;
    }
  }
  return hmac('sha1', `${accessKeySecret}&`, rpcStringToSign(method, rest), 'base64');
}
