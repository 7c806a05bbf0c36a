// Accounts from the vendors' own CLI configuration files: where each CLI keeps its file, and what in it can
// become an account. Plain Node (no vscode): the Import command shows the candidates, stores each secret only
// in SecretStorage and names every skipped profile with its reason. Nothing here logs, and no error or skip
// carries a key, a secret or a token. Formats and sources: notes/cliimport.md.
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CloudKind } from '../providers/core/model';
import { CliConfigError } from './cliConfigText';
import { parseAliyunConfig, parseKooCliConfig, parseQingcloudConfig } from './cliProfiles';

export { CliConfigError, type CliConfigErrorCode } from './cliConfigText';
export { parseAliyunConfig, parseKooCliConfig, parseQingcloudConfig, QINGCLOUD_PROFILE } from './cliProfiles';

/** The clouds whose CLI configuration can be imported (BatchCompute had no CLI of its own). */
export type CliCloud = Exclude<CloudKind, 'batchcompute'>;

/** One profile that can become an account. */
export interface CliCandidate {
  readonly cloud: CliCloud;
  /** The profile's name in the CLI (QingCloud's single-profile file: `default`). */
  readonly profile: string;
  /** True for the profile the CLI uses when none is named. */
  readonly current: boolean;
  readonly accessKeyId: string;
  /** The AccessKey secret: for SecretStorage only. */
  readonly secret: string;
  /** Temporary credentials (Alibaba STS, Huawei security token): for SecretStorage only. */
  readonly securityToken?: string;
  /** When temporary credentials expire (ISO 8601), if the file says. */
  readonly expiresAt?: string;
  /** The profile's default region (QingCloud: zone). */
  readonly region?: string;
  /** An origin to use instead of the cloud's public endpoint, when the profile sets one. */
  readonly endpoint?: string;
}

/** Why a profile cannot be imported. Stable codes the UI localises. */
export type CliSkipReason =
  /** A credential mode that needs the CLI to run (role assumption, SSO, ECS role, ...); `detail` is the mode. */
  | 'unsupported-mode'
  /** An Alibaba profile with no mode: the CLI itself treats it as not configured yet. */
  | 'not-configured'
  | 'missing-access-key-id'
  | 'missing-secret'
  /** An Alibaba StsToken profile without its sts_token. */
  | 'missing-security-token'
  /** KooCLI encrypted the keys with a key generated per installation; no documented way to decrypt them. */
  | 'encrypted'
  | 'missing-name'
  /** A later profile with the name of an earlier one (the CLI only ever uses the first). */
  | 'duplicate-profile'
  /** The endpoint the profile sets is not a usable http(s) origin; `detail` names the field. */
  | 'invalid-endpoint'
  /** QingCloud `uri` other than the IaaS API path, which the provider does not support; `detail` is the uri. */
  | 'unsupported-uri';

export interface CliSkipped {
  readonly cloud: CliCloud;
  readonly profile: string;
  readonly reason: CliSkipReason;
  /** A non-secret word for the message: the mode, the field or the uri. */
  readonly detail?: string;
}

export interface CliConfigResult {
  readonly cloud: CliCloud;
  readonly candidates: readonly CliCandidate[];
  readonly skipped: readonly CliSkipped[];
}

// --- where the files are ------------------------------------------------------------------------------

export interface CliConfigLocation {
  readonly cloud: CliCloud;
  readonly path: string;
  /** The environment variable that chose `path`, when one did. */
  readonly fromEnv?: string;
  /** Alibaba: the profile the environment makes current instead of the file's `current`. */
  readonly currentProfile?: string;
}

/** What the locations depend on; each defaults to this process's. */
export interface CliEnvironment {
  readonly env?: NodeJS.ProcessEnv;
  readonly home?: string;
  readonly platform?: NodeJS.Platform;
}

/** The first non-empty of the named variables, with its name. */
function fromEnv(env: NodeJS.ProcessEnv, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name];
    if (value) {
      return { name, value };
    }
  }
  return undefined;
}

/**
 * Where each CLI keeps its configuration. Alibaba: `~/.aliyun/config.json`, or ALIBABA_CLOUD_CONFIG_FILE as
 * Alibaba's credential SDKs read it, with ALIBABA_CLOUD_PROFILE (and the CLI's aliases) choosing the current
 * profile. Huawei KooCLI: `~/.hcloud/config.json`. QingCloud: `~/.qingcloud/config.yaml`. Neither of the last
 * two documents an environment override.
 */
export function cliConfigLocations(context: CliEnvironment = {}): CliConfigLocation[] {
  const env = context.env ?? process.env;
  const home = context.home ?? os.homedir();
  const join = (context.platform ?? process.platform) === 'win32' ? path.win32.join : path.posix.join;
  const file = fromEnv(env, ['ALIBABA_CLOUD_CONFIG_FILE']);
  const profile = fromEnv(env, ['ALIBABACLOUD_PROFILE', 'ALIBABA_CLOUD_PROFILE', 'ALICLOUD_PROFILE']);
  return [
    {
      cloud: 'alibaba',
      path: file?.value ?? join(home, '.aliyun', 'config.json'),
      ...(file ? { fromEnv: file.name } : {}),
      ...(profile ? { currentProfile: profile.value } : {}),
    },
    { cloud: 'huawei', path: join(home, '.hcloud', 'config.json') },
    { cloud: 'qingcloud', path: join(home, '.qingcloud', 'config.yaml') },
  ];
}

export type CliConfigLoad =
  | { readonly status: 'missing'; readonly location: CliConfigLocation }
  | { readonly status: 'loaded'; readonly location: CliConfigLocation; readonly result: CliConfigResult }
  | { readonly status: 'failed'; readonly location: CliConfigLocation; readonly error: CliConfigError };

/** Reads and parses one location. Never rejects for a missing, unreadable or malformed file. */
export async function loadCliConfig(location: CliConfigLocation): Promise<CliConfigLoad> {
  let text: string;
  try {
    text = await fs.readFile(location.path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { status: 'missing', location };
    }
    return { status: 'failed', location, error: new CliConfigError('unreadable') };
  }
  try {
    return { status: 'loaded', location, result: parseCliConfig(location.cloud, text, location) };
  } catch (e) {
    if (e instanceof CliConfigError) {
      return { status: 'failed', location, error: e };
    }
    throw e;
  }
}

/** Options of the Alibaba parser (the others take none). */
export interface CliParseOptions {
  /** Alibaba: the profile to treat as current instead of the file's `current`. */
  readonly currentProfile?: string;
}

/** Parses a file of the given cloud's CLI (e.g. one the user picked). Throws CliConfigError. */
export function parseCliConfig(cloud: CliCloud, text: string, options: CliParseOptions = {}): CliConfigResult {
  return CLI_PARSERS[cloud](text, options);
}

/** Each CLI's parser: the Alibaba Cloud CLI's config.json, KooCLI's config.json, the QingCloud CLI's YAML. */
const CLI_PARSERS: Readonly<Record<CliCloud, (text: string, options: CliParseOptions) => CliConfigResult>> = {
  alibaba: (text, options) => parseAliyunConfig(text, options),
  huawei: (text) => parseKooCliConfig(text),
  qingcloud: (text) => parseQingcloudConfig(text),
};
