// Accounts from the vendors' own CLI configuration files: where each CLI keeps its file, and what in it can
// become an account. Plain Node (no vscode): the Import command shows the candidates, stores each secret only
// in SecretStorage and names every skipped profile with its reason. Nothing here logs, and no error or skip
// carries a key, a secret or a token. Formats and sources: notes/cliimport.md.
import { constants, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CloudKind } from '../providers/core/model';
import type { InputProblem } from '../providers/core/rules';
import { CliConfigError } from './cliConfigText';
import { parseAliyunConfig, parseKooCliConfig, parseQingcloudConfig } from './cliProfiles';

export { CliConfigError, type CliConfigErrorCode } from './cliConfigText';
export { cliModeKind, parseAliyunConfig, parseKooCliConfig, parseQingcloudConfig, QINGCLOUD_PROFILE, type CliModeKind } from './cliProfiles';

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
  /** A name Add Account would refuse (a line break, too long, ...); `problem` says why, `profile` is shown escaped and cut. */
  | 'invalid-name'
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
  /** `invalid-name`: what the account-name rule says of the name. */
  readonly problem?: InputProblem;
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

/** The largest configuration file read: the CLIs write a few KiB; anything near this is not theirs. */
export const MAX_CLI_CONFIG_BYTES = 1024 * 1024;
/** How long reading one file may take before the import gives up on it. */
export const CLI_CONFIG_TIMEOUT_MS = 5000;

export interface CliReadLimits {
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
}

/**
 * The text of a regular file (links followed) of at most `maxBytes`, read within `timeoutMs`. A FIFO, a
 * device, a socket or a directory is refused from its stat, never opened for reading; the file is opened
 * non-blocking and checked again on the open handle (it may have been swapped in between), and reading
 * stops one byte past the limit (a file that grows while read is refused, not buffered).
 */
async function readRegularFile(file: string, maxBytes: number): Promise<string> {
  const before = await fs.stat(file);
  if (!before.isFile()) {
    throw new CliConfigError('not-a-file');
  }
  if (before.size > maxBytes) {
    throw new CliConfigError('too-large');
  }
  const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) {
      throw new CliConfigError('not-a-file');
    }
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        throw new CliConfigError('too-large');
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) {
        break;
      }
      length += bytesRead;
      if (length > maxBytes) {
        throw new CliConfigError('too-large');
      }
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CliConfigError('timeout')), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads and parses one location. Never rejects for a missing, unreadable, oversized, non-regular or
 * malformed file, nor waits for ever on one.
 */
export async function loadCliConfig(location: CliConfigLocation, limits: CliReadLimits = {}): Promise<CliConfigLoad> {
  let text: string;
  const reading = readRegularFile(location.path, limits.maxBytes ?? MAX_CLI_CONFIG_BYTES);
  // A read given up on (timeout) may still end later: its outcome is of no interest then.
  reading.catch(() => undefined);
  try {
    text = await withTimeout(reading, limits.timeoutMs ?? CLI_CONFIG_TIMEOUT_MS);
  } catch (e) {
    if (e instanceof CliConfigError) {
      return { status: 'failed', location, error: e };
    }
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
