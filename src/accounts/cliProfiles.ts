// The three CLI configuration formats, parsed into import candidates and skipped profiles (the public API and
// the file locations are in cliConfig.ts). Field names and modes follow each CLI's source and documentation,
// as notes/cliimport.md records. No error, skip or detail ever carries a key, a secret or a token.
import { QINGCLOUD_ENDPOINT, QINGCLOUD_URI } from '../providers/qingcloud/endpoint';
import { checkAccountName } from '../providers/rules/accounts';
import type { CliCandidate, CliCloud, CliConfigResult, CliParseOptions, CliSkipped } from './cliConfig';
import { CliConfigError, parseFlatYaml, parseJsonText } from './cliConfigText';

// --- shared JSON shape: { current, profiles: [ { name, ... } ] } --------------------------------------

type Fields = Record<string, unknown>;

/** A candidate before the file's `current` is known. */
type Draft = Omit<CliCandidate, 'current'>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, or undefined when absent, null or blank; anything else is an `invalid-field` error. */
function text(fields: Fields, key: string, where: string): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new CliConfigError('invalid-field', { field: where + key });
  }
  return value.trim() === '' ? undefined : value;
}

/** How long a refused name may be shown. */
const SHOWN_NAME = 40;

/**
 * A profile name fit to show in a message: control characters (a line break, ...) written as escapes,
 * cut at 40 characters. Only for names refused as account names; a valid name is shown as it is.
 */
export function shownProfileName(name: string): string {
  const cut = [...name.slice(0, 4 * SHOWN_NAME)].slice(0, SHOWN_NAME).join('');
  // eslint-disable-next-line no-control-regex
  const escaped = cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return cut.length < name.length ? `${escaped}…` : escaped;
}

/** Walks `profiles`, skipping unnamed, invalid and repeated ones, and hands each named profile to `each`. */
function collect(
  cloud: CliCloud,
  raw: string,
  each: (profile: Fields, name: string, where: string, root: Fields) => Draft | CliSkipped,
  currentOverride?: string,
  defaultCurrent?: string,
): CliConfigResult {
  const root = parseJsonText(raw);
  if (!isObject(root)) {
    throw new CliConfigError('invalid-field', { field: '(root)' });
  }
  const current = currentOverride || (text(root, 'current', '') ?? defaultCurrent);
  const list = root['profiles'] ?? [];
  if (!Array.isArray(list)) {
    throw new CliConfigError('invalid-field', { field: 'profiles' });
  }
  const candidates: CliCandidate[] = [];
  const skipped: CliSkipped[] = [];
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    const where = `profiles[${index}].`;
    if (!isObject(entry)) {
      throw new CliConfigError('invalid-field', { field: `profiles[${index}]` });
    }
    const name = text(entry, 'name', where);
    let outcome: Draft | CliSkipped;
    const problem = name === undefined ? undefined : checkAccountName(name);
    if (name === undefined) {
      outcome = { cloud, profile: '', reason: 'missing-name' };
    } else if (problem) {
      // The name becomes the account's: the rule Add Account applies, before anything else is read.
      outcome = { cloud, profile: shownProfileName(name), reason: 'invalid-name', problem };
    } else if (seen.has(name)) {
      outcome = { cloud, profile: name, reason: 'duplicate-profile' };
    } else {
      seen.add(name);
      outcome = each(entry, name, where, root);
    }
    if ('reason' in outcome) {
      skipped.push(outcome);
    } else {
      candidates.push({ ...outcome, current: outcome.profile === current });
    }
  });
  return { cloud, candidates, skipped };
}

/** The AccessKey pair of a profile, or why it has none. */
function keyPair(
  cloud: CliCloud,
  profile: string,
  accessKeyId: string | undefined,
  secret: string | undefined,
): { accessKeyId: string; secret: string } | CliSkipped {
  if (accessKeyId === undefined) {
    return { cloud, profile, reason: 'missing-access-key-id' };
  }
  if (secret === undefined) {
    return { cloud, profile, reason: 'missing-secret' };
  }
  return { accessKeyId, secret };
}

// --- Alibaba Cloud CLI: ~/.aliyun/config.json ---------------------------------------------------------

/** aliyun-cli's modes (config/profile.go), to name an unsupported one the way the CLI spells it. */
const ALIYUN_MODES = [
  'AK', 'StsToken', 'RamRoleArn', 'EcsRamRole', 'RsaKeyPair', 'RamRoleArnWithRoleName', 'ChainableRamRoleArn',
  'External', 'CredentialsURI', 'OIDC', 'CloudSSO', 'OAuth', 'BearerToken', 'Anonymous',
];

/** How a credential mode the import does not support gets its keys: a role session, a sign-in, or otherwise through the CLI. */
export type CliModeKind = 'role' | 'sign-in' | 'other';

/**
 * The modes of both CLIs that assume a role (Alibaba RAM roles, also through OIDC; Huawei agencies) and those
 * that sign in (SSO, OAuth), lower-cased; every other unsupported mode has the CLI make its keys at run time.
 */
const ROLE_MODES = new Set(['ramrolearn', 'ecsramrole', 'ramrolearnwithrolename', 'chainableramrolearn', 'oidc', 'ecsagency', 'assumerole']);
const SIGN_IN_MODES = new Set(['cloudsso', 'oauth', 'sso']);

export function cliModeKind(mode: string): CliModeKind {
  const m = mode.toLowerCase();
  return ROLE_MODES.has(m) ? 'role' : SIGN_IN_MODES.has(m) ? 'sign-in' : 'other';
}

/** An Alibaba endpoint (a host, as the CLI takes it, or a URL) as an https origin; undefined if unusable. */
function aliyunOrigin(value: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return bare && (url.protocol === 'https:' || url.protocol === 'http:') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Profiles of the Alibaba Cloud CLI. AK and StsToken profiles are candidates; every other mode needs the CLI
 * (or a role assumption) to produce keys and is skipped with `unsupported-mode`.
 */
export function parseAliyunConfig(raw: string, options: CliParseOptions = {}): CliConfigResult {
  const cloud = 'alibaba';
  return collect(
    cloud,
    raw,
    (p, name, where) => {
      const written = text(p, 'mode', where);
      if (written === undefined) {
        return { cloud, profile: name, reason: 'not-configured' };
      }
      const mode = ALIYUN_MODES.find((m) => m.toLowerCase() === written.toLowerCase()) ?? written;
      if (mode !== 'AK' && mode !== 'StsToken') {
        return { cloud, profile: name, reason: 'unsupported-mode', detail: mode };
      }
      const pair = keyPair(cloud, name, text(p, 'access_key_id', where), text(p, 'access_key_secret', where));
      if ('reason' in pair) {
        return pair;
      }
      const token = mode === 'StsToken' ? text(p, 'sts_token', where) : undefined;
      if (mode === 'StsToken' && token === undefined) {
        return { cloud, profile: name, reason: 'missing-security-token' };
      }
      const expiration = mode === 'StsToken' ? p['sts_expiration'] : undefined;
      if (expiration !== undefined && expiration !== null && (typeof expiration !== 'number' || !Number.isSafeInteger(expiration))) {
        throw new CliConfigError('invalid-field', { field: where + 'sts_expiration' });
      }
      const region = text(p, 'region_id', where);
      const endpointText = text(p, 'endpoint', where);
      const endpoint = endpointText === undefined ? undefined : aliyunOrigin(endpointText);
      if (endpointText !== undefined && endpoint === undefined) {
        return { cloud, profile: name, reason: 'invalid-endpoint', detail: 'endpoint' };
      }
      return {
        cloud,
        profile: name,
        ...pair,
        ...(token !== undefined ? { securityToken: token } : {}),
        ...(typeof expiration === 'number' && expiration > 0 ? { expiresAt: new Date(expiration * 1000).toISOString() } : {}),
        ...(region !== undefined ? { region } : {}),
        ...(endpoint !== undefined ? { endpoint } : {}),
      };
    },
    options.currentProfile,
    'default',
  );
}

// --- Huawei KooCLI: ~/.hcloud/config.json -------------------------------------------------------------

/**
 * Profiles of Huawei's KooCLI (`hcloud`). AKSK profiles (permanent keys, or temporary keys with a security
 * token) are candidates, but only when the file stores them in clear (`authEncrypt` "false", set by
 * `hcloud configure set --cli-auth-encrypt=false`); by default KooCLI encrypts them with a key generated per
 * installation, and those profiles are skipped with `encrypted`.
 */
export function parseKooCliConfig(raw: string): CliConfigResult {
  const cloud = 'huawei';
  return collect(cloud, raw, (p, name, where, root) => {
    const mode = text(p, 'mode', where) ?? 'AKSK';
    if (mode.toLowerCase() !== 'aksk') {
      return { cloud, profile: name, reason: 'unsupported-mode', detail: mode };
    }
    const pair = keyPair(cloud, name, text(p, 'accessKeyId', where), text(p, 'secretAccessKey', where));
    if ('reason' in pair) {
      return pair;
    }
    const encrypt = root['authEncrypt'];
    if (encrypt !== undefined && encrypt !== null && typeof encrypt !== 'string' && typeof encrypt !== 'boolean') {
      throw new CliConfigError('invalid-field', { field: 'authEncrypt' });
    }
    if (!(encrypt === false || (typeof encrypt === 'string' && encrypt.trim().toLowerCase() === 'false'))) {
      return { cloud, profile: name, reason: 'encrypted' };
    }
    const token = text(p, 'securityToken', where);
    const region = text(p, 'region', where);
    return {
      cloud,
      profile: name,
      ...pair,
      ...(token !== undefined ? { securityToken: token } : {}),
      ...(region !== undefined ? { region } : {}),
    };
  });
}

// --- QingCloud: ~/.qingcloud/config.yaml --------------------------------------------------------------

/** The profile name given to QingCloud's single-account file. */
export const QINGCLOUD_PROFILE = 'default';

/**
 * QingCloud's flat config.yaml (qingcloud-cli, qingcloud-sdk-python/-go). One candidate, `default`. `zone`
 * becomes the region; `host`/`port`/`protocol` (defaults api.qingcloud.com, 443, https, as the SDKs have
 * them) become an endpoint only when they name another origin than the public API.
 */
export function parseQingcloudConfig(raw: string): CliConfigResult {
  const cloud = 'qingcloud';
  const map = parseFlatYaml(raw);
  const get = (key: string): string | undefined => {
    const value = map.get(key);
    return value === null || value === undefined || value.trim() === '' ? undefined : value;
  };
  const result = (outcome: CliCandidate | CliSkipped): CliConfigResult =>
    'reason' in outcome ? { cloud, candidates: [], skipped: [outcome] } : { cloud, candidates: [outcome], skipped: [] };
  const profile = QINGCLOUD_PROFILE;
  const pair = keyPair(cloud, profile, get('qy_access_key_id'), get('qy_secret_access_key'));
  if ('reason' in pair) {
    return result(pair);
  }
  const uri = get('uri');
  if (uri !== undefined && uri.replace(/\/+$/, '') !== QINGCLOUD_URI.replace(/\/+$/, '')) {
    return result({ cloud, profile, reason: 'unsupported-uri', detail: uri });
  }
  const endpoint = qingcloudEndpoint(get('protocol') ?? 'https', get('host') ?? new URL(QINGCLOUD_ENDPOINT).hostname, get('port') ?? '443');
  if (typeof endpoint === 'object') {
    return result({ cloud, profile, reason: 'invalid-endpoint', detail: endpoint.field });
  }
  const region = get('zone');
  return result({
    cloud,
    profile,
    current: true,
    ...pair,
    ...(region !== undefined ? { region } : {}),
    ...(endpoint !== new URL(QINGCLOUD_ENDPOINT).origin ? { endpoint } : {}),
  });
}

/** The origin that host/port/protocol name, or the field that makes it unusable. */
function qingcloudEndpoint(protocol: string, host: string, port: string): string | { field: string } {
  const scheme = protocol.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    return { field: 'protocol' };
  }
  if (!/^([A-Za-z0-9-]+\.)*[A-Za-z0-9-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(host)) {
    return { field: 'host' };
  }
  const portNumber = /^\d{1,5}$/.test(port) ? Number(port) : NaN;
  if (!(portNumber >= 1 && portNumber <= 65535)) {
    return { field: 'port' };
  }
  try {
    return new URL(`${scheme}://${host}:${portNumber}`).origin;
  } catch {
    return { field: 'host' };
  }
}
