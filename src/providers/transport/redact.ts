// The one function that takes secrets out of text built from a request or a response before it reaches
// a message, the log, an error node or stored state: AccessKey IDs, secrets, security tokens, signatures,
// Authorization headers and credentials in URLs. Two nets: the credentials of every account in use
// (registered when its provider is built) are replaced wherever they appear, raw or percent-encoded; and
// what has the shape of a credential (a signed parameter, an auth header, user:password@ in a URL, an
// Alibaba-style key id) is replaced whoever it belongs to.

export const REDACTED = '***';

/** Shorter values are not registered: replacing them everywhere would garble ordinary text. */
const MIN_SECRET_LENGTH = 8;

/**
 * One set for the process: the extension and the provider stack (dist/providers.js, loaded on first use)
 * are separate bundles with a copy of this module each, and a credential registered by the stack must be
 * redacted by the extension's log and messages too.
 */
const known: Set<string> = ((globalThis as Record<symbol, unknown>)[Symbol.for('cloud-image-explorer.redactedSecrets')] ??= new Set<string>()) as Set<string>;

/** Header-like fields whose whole value (to the end of the line or quote) is a credential. */
const HEADER_FIELD =
  /\b(proxy-authorization|authorization|x-acs-security-token|x-acs-access-id|x-oss-security-token|x-obs-security-token|x-security-token|x-auth-token|x-subject-token)(["']?\s*[:=]\s*["']?)([^\r\n"'<]*)/gi;

/** Parameter-like fields (query, form, JSON) whose value is a credential or a signature. */
const PARAM_FIELD =
  /\b(signature|ossaccesskeyid|awsaccesskeyid|x-oss-credential|x-oss-signature|accesskeyid|access_key_id|accesskeysecret|access_key_secret|secretaccesskey|secret_access_key|securitytoken|security_token|x-amz-signature|x-amz-credential|x-amz-security-token|password|passwd|token)(%3D|["']?\s*[:=]\s*["']?)([^&\s"'<>,;]*)/gi;

/** The parts of an ACS3 / SDK-HMAC-SHA256 Authorization value, wherever they are quoted. */
const AUTH_PART = /\b(Credential|Access)=([^,\s"'&]+)/g;

/** ROA (BatchCompute) Authorization value: `acs <AccessKeyId>:<signature>`. */
const ROA_AUTH = /\bacs\s+[A-Za-z0-9._-]+:[A-Za-z0-9+/=]+/g;

/** OSS V1 / OBS / S3 V2 Authorization value: `OSS <AccessKeyId>:<base64 HMAC-SHA1>` (the signature's length tells it from "OBS bucket:object"). */
const STORAGE_AUTH = /\b(OSS|OBS|AWS)\s+[A-Za-z0-9._-]+:[A-Za-z0-9+/]{27,}={0,2}/g;

/** `scheme://user:password@host`. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"<>]+@/gi;

/** Alibaba Cloud AccessKey IDs (long-term `LTAI…`, temporary `STS.…`), whoever they belong to. */
const ALIBABA_KEY_ID = /\b(?:LTAI|STS\.)[A-Za-z0-9]{8,}/g;

/**
 * Remembers credentials so that `redact` replaces them wherever they appear (the key id of a cloud
 * whose key ids have no recognisable shape, a secret echoed back, a token). Kept for the life of the
 * process: a removed account's key id stays redacted, which costs nothing.
 */
export function registerSecrets(...values: ReadonlyArray<string | undefined>): void {
  for (const v of values) {
    const value = v?.trim();
    if (value && value.length >= MIN_SECRET_LENGTH) {
      known.add(value);
      const encoded = encodeURIComponent(value);
      if (encoded !== value) {
        known.add(encoded);
      }
    }
  }
}

function replaceAll(text: string, value: string): string {
  return text.split(value).join(REDACTED);
}

/** The text with every credential and signature replaced by "***". */
export function redact(text: string): string {
  if (!text) {
    return text;
  }
  let out = text;
  // Longest first, so that a value containing another registered one is replaced whole.
  for (const value of [...known].sort((a, b) => b.length - a.length)) {
    if (out.includes(value)) {
      out = replaceAll(out, value);
    }
  }
  return out
    .replace(HEADER_FIELD, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(PARAM_FIELD, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(AUTH_PART, (_m, name: string) => `${name}=${REDACTED}`)
    .replace(ROA_AUTH, `acs ${REDACTED}`)
    .replace(STORAGE_AUTH, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(URL_USERINFO, (_m, scheme: string) => `${scheme}${REDACTED}@`)
    .replace(ALIBABA_KEY_ID, REDACTED);
}

/**
 * A short, single-line, redacted excerpt of a body for an error message: control characters and runs of
 * white space become one space; the secrets are taken out before the text is cut, so that a cut cannot
 * split one and let its head through.
 */
export function excerpt(body: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  const flat = redact(body).replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
