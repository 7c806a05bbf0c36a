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

/**
 * Authorization values by scheme, wherever they are echoed (a header line, a JSON or XML body, a URL,
 * percent-encoded or not): the scheme stays, its whole value goes. `SEP` is what separates a scheme from
 * its value (a space, `%20` or `+`).
 */
const SEP = String.raw`(?:[ \t]+|%20|\+)`;
/** Signed schemes whose value runs to the end of the field: Alibaba ACS3 (V3 signature), Huawei SDK-HMAC (APIG), OSS V4, AWS V4. */
const SIGNED_SCHEME = new RegExp(String.raw`\b(ACS3-(?:HMAC-SHA256|HMAC-SM3|RSA-SHA256)|SDK-HMAC-(?:SHA256|SM3)|OSS4-HMAC-SHA256|AWS4-HMAC-SHA256)(${SEP})[^\r\n"'<>&]*`, 'gi');
/** `scheme AccessKeyId:signature`: BatchCompute (ROA, "Acs"), OSS V1, OBS and S3 V2 signatures. */
const KEY_SIGNATURE_SCHEME = new RegExp(String.raw`\b(acs)(${SEP})[^\s"'<>&:%]+(?::|%3A)(?!/)[A-Za-z0-9+/=%]+`, 'gi');
/** The same for object storage, whose signature (a base64 HMAC) is long: "OBS bucket:object.qcow2" in a sentence is no credential. */
const STORAGE_SIGNATURE_SCHEME = new RegExp(String.raw`\b(OSS|OBS|AWS)(${SEP})[^\s"'<>&:%]+(?::|%3A)(?!/)[A-Za-z0-9+/=%]{20,}`, 'gi');
/** Bearer tokens (8 characters or more), and Basic credentials (base64, padded to a multiple of 4). */
const BEARER = new RegExp(String.raw`\b(Bearer)(${SEP})[A-Za-z0-9._~+/=-]{8,}`, 'gi');
const BASIC = new RegExp(String.raw`\b(Basic)(${SEP})((?:[A-Za-z0-9+/]{4}){2,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)(?![A-Za-z0-9+/=])`, 'gi');

const HEADER_NAMES = 'proxy-authorization|authorization|x-acs-security-token|x-acs-access-id|x-oss-security-token|x-obs-security-token|x-security-token|x-auth-token|x-subject-token';
const PARAM_NAMES =
  'signature|ossaccesskeyid|awsaccesskeyid|x-oss-credential|x-oss-signature|accesskeyid|access_key_id|accesskeysecret|access_key_secret|secretaccesskey|secret_access_key|securitytoken|security_token|x-amz-signature|x-amz-credential|x-amz-security-token|password|passwd|token';

/** Header-like fields whose whole value (to the end of the line or quote) is a credential; `\"` of JSON in JSON included. */
const HEADER_FIELD = new RegExp(String.raw`\b(${HEADER_NAMES})(\\*["']?\s*[:=]\s*\\*["']?)([^\r\n"'<]*)`, 'gi');

/** Parameter-like fields (query, form, JSON) whose value is a credential or a signature (Alibaba RPC `Signature`, QingCloud `signature`). */
const PARAM_FIELD = new RegExp(String.raw`\b(${PARAM_NAMES})(%3D|\\*["']?\s*[:=]\s*\\*["']?)([^&\s"'<>,;\\]*)`, 'gi');

/** The same names as XML elements: `<Authorization>…</Authorization>`, `<Signature>…<`. */
const XML_FIELD = new RegExp(String.raw`<(${HEADER_NAMES}|${PARAM_NAMES})(\s[^<>]*)?>([^<]*)`, 'gi');

/** The parts of an ACS3 / SDK-HMAC-SHA256 Authorization value, wherever they are quoted. */
const AUTH_PART = /\b(Credential|Access)=([^,\s"'&]+)/g;

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
  // Whole Authorization values and signed fields first: replacing a key ID inside one before would leave
  // a value the patterns no longer recognise (`acs ***:signature`) and its signature in the text.
  let out = text
    .replace(SIGNED_SCHEME, (_m, scheme: string, sep: string) => `${scheme}${sep}${REDACTED}`)
    .replace(KEY_SIGNATURE_SCHEME, (_m, scheme: string, sep: string) => `${scheme}${sep}${REDACTED}`)
    .replace(STORAGE_SIGNATURE_SCHEME, (_m, scheme: string, sep: string) => `${scheme}${sep}${REDACTED}`)
    .replace(BEARER, (_m, scheme: string, sep: string) => `${scheme}${sep}${REDACTED}`)
    .replace(BASIC, (_m, scheme: string, sep: string) => `${scheme}${sep}${REDACTED}`)
    .replace(HEADER_FIELD, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(PARAM_FIELD, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(XML_FIELD, (_m, name: string, attributes: string | undefined) => `<${name}${attributes ?? ''}>${REDACTED}`);
  // Longest first, so that a value containing another registered one is replaced whole.
  for (const value of [...known].sort((a, b) => b.length - a.length)) {
    if (out.includes(value)) {
      out = replaceAll(out, value);
    }
  }
  return out
    .replace(AUTH_PART, (_m, name: string) => `${name}=${REDACTED}`)
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
