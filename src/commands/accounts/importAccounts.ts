// "Import Accounts from CLI Configuration…": reads the Alibaba Cloud CLI's, Huawei KooCLI's and the
// QingCloud CLI's configuration files, offers their profiles, checks each chosen one with the cloud,
// and saves those that work (secrets and tokens only into SecretStorage); a profile that breaks the
// input rules is refused first, without a request. What cannot be imported is
// said, with the reason, never with a key.
import * as vscode from 'vscode';
import {
  CLI_CONFIG_TIMEOUT_MS, cliConfigLocations, loadCliConfig, MAX_CLI_CONFIG_BYTES, type CliCandidate, type CliCloud, type CliConfigError, type CliConfigLocation, type CliSkipped,
} from '../../accounts/cliConfig';
import { accountLabel, cloudLabel } from '../../util/clouds';
import { userMessage } from '../../util/errors';
import { inputMessage } from '../../util/inputMessages';
import { checkCredentials, credentialProblem, refusal } from './accountSteps';
import type { CommandContext } from '../shared/context';
import { formatList } from '../../util/format';

const CLI_CLOUDS: readonly CliCloud[] = ['alibaba', 'huawei', 'qingcloud'];

/** Tests (and scripts) may name the files: `{ files: [{ cloud, path }] }`, else the CLIs' default places. */
function locationsOf(arg: unknown): CliConfigLocation[] {
  const files = typeof arg === 'object' && arg !== null ? (arg as { files?: unknown }).files : undefined;
  if (!Array.isArray(files)) {
    return cliConfigLocations();
  }
  return files.flatMap((f: unknown) => {
    const r = typeof f === 'object' && f !== null ? (f as Record<string, unknown>) : {};
    const cloud = r['cloud'];
    const path = r['path'];
    return typeof path === 'string' && CLI_CLOUDS.includes(cloud as CliCloud) ? [{ cloud: cloud as CliCloud, path }] : [];
  });
}

function skipText(s: CliSkipped): string {
  const p = s.profile || vscode.l10n.t('(no name)');
  switch (s.reason) {
    case 'unsupported-mode':
      return vscode.l10n.t('{0}: mode {1} needs the CLI to get its keys', p, s.detail ?? '?');
    case 'not-configured':
      return vscode.l10n.t('{0}: not configured yet', p);
    case 'missing-access-key-id':
      return vscode.l10n.t('{0}: no AccessKey ID', p);
    case 'missing-secret':
      return vscode.l10n.t('{0}: no AccessKey secret', p);
    case 'missing-security-token':
      return vscode.l10n.t('{0}: temporary credentials without their security token', p);
    case 'encrypted':
      return vscode.l10n.t('{0}: KooCLI keeps these keys encrypted with a key only it has; add the account with its AccessKey instead', p);
    case 'missing-name':
      return vscode.l10n.t('a profile without a name');
    case 'invalid-name':
      return vscode.l10n.t('profile "{0}": not usable as an account name. {1}', p, s.problem ? inputMessage(s.problem) : '');
    case 'duplicate-profile':
      return vscode.l10n.t('{0}: a second profile of that name (the CLI uses the first)', p);
    case 'invalid-endpoint':
      return vscode.l10n.t('{0}: its endpoint is not usable', p);
    case 'unsupported-uri':
      return vscode.l10n.t('{0}: API path {1} is not supported', p, s.detail ?? '?');
  }
}

function errorText(path: string, e: CliConfigError): string {
  switch (e.code) {
    case 'not-a-file':
      return vscode.l10n.t('{0} is not a regular file (a FIFO, a device or a folder, once links are followed): it was not read.', path);
    case 'too-large':
      return vscode.l10n.t('{0} is larger than {1} MiB, far more than a CLI configuration: it was not read.', path, MAX_CLI_CONFIG_BYTES / 1048576);
    case 'timeout':
      return vscode.l10n.t('{0} could not be read within {1} s.', path, CLI_CONFIG_TIMEOUT_MS / 1000);
    default:
      break;
  }
  const where = e.line !== undefined ? vscode.l10n.t('line {0}, column {1}', e.line, e.column ?? 1) : (e.field ?? '');
  return vscode.l10n.t('{0} could not be read ({1}{2})', path, e.code, where ? `, ${where}` : '');
}

/** A name not taken yet: the profile's, else "profile (cloud)", else numbered. */
function freeName(ctx: CommandContext, c: CliCandidate, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? c.profile : n === 2 ? `${c.profile} (${cloudLabel(c.cloud)})` : `${c.profile} (${cloudLabel(c.cloud)}) ${n - 1}`;
    if (!ctx.accounts.nameTaken(name) && !taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

export async function importAccounts(ctx: CommandContext, arg?: unknown): Promise<void> {
  const candidates: CliCandidate[] = [];
  const notes: string[] = [];
  for (const location of locationsOf(arg)) {
    const load = await loadCliConfig(location);
    if (load.status === 'failed') {
      notes.push(`${cloudLabel(location.cloud)}: ${errorText(location.path, load.error)}`);
    } else if (load.status === 'loaded') {
      candidates.push(...load.result.candidates);
      notes.push(...load.result.skipped.map((s) => `${cloudLabel(s.cloud)}: ${skipText(s)}`));
    }
  }
  notes.forEach((n) => ctx.log.info(`Import: ${n}`));
  if (!candidates.length) {
    void ctx.ui.notify('info', 
      notes.length ? vscode.l10n.t('No profile can be imported: {0}', notes.join('; '))
        : vscode.l10n.t('No CLI configuration was found (~/.aliyun/config.json, ~/.hcloud/config.json, ~/.qingcloud/config.yaml).'),
    );
    return;
  }
  const taken = new Set<string>();
  const picked = await ctx.ui.pickMany(
    candidates.map((c) => {
      const name = freeName(ctx, c, taken);
      return {
        label: accountLabel({ name, cloud: c.cloud }),
        description: [c.current ? vscode.l10n.t('current profile') : undefined, c.securityToken ? vscode.l10n.t('temporary credentials') : undefined,
          c.endpoint].filter(Boolean).join(' · '),
        picked: true,
        data: { name, candidate: c },
      };
    }),
    { title: vscode.l10n.t('Import Accounts from CLI Configuration'), placeHolder: vscode.l10n.t('The profiles to add as accounts (each is checked with its cloud first)') },
  );
  const added: string[] = [];
  const refused: string[] = [];
  for (const { data: { name, candidate: c } } of picked) {
    const draft = {
      cloud: c.cloud, temporary: Boolean(c.securityToken), accessKeyId: c.accessKeyId, secret: c.secret,
      securityToken: c.securityToken ?? '', expiresAt: c.expiresAt ?? '', endpoint: c.endpoint ?? '',
    };
    // The same rules as typed input, before any request (e.g. an http:// endpoint of another machine).
    const problem = credentialProblem(draft);
    if (problem) {
      refused.push(`${accountLabel({ name, cloud: c.cloud })}: ${problem}`);
      continue;
    }
    const failure = await checkCredentials(ctx, draft);
    if (failure !== undefined) {
      refused.push(`${accountLabel({ name, cloud: c.cloud })}: ${refusal(c.cloud, failure)} ${userMessage(failure)}`);
      continue;
    }
    await ctx.accounts.add({
      name, cloud: c.cloud, accessKeyId: c.accessKeyId, accessKeySecret: c.secret, endpoint: c.endpoint,
      ...(c.securityToken ? { securityToken: c.securityToken, expiresAt: c.expiresAt } : {}),
    });
    added.push(name);
  }
  ctx.log.info(`Import: added ${added.length}, refused ${refused.length}.`);
  refused.forEach((r) => ctx.log.warn(`Import: ${r}`));
  if (refused.length) {
    void ctx.ui.notify('error', vscode.l10n.t('{0} imported; not imported: {1}', added.length, refused.join(' ')));
  } else if (added.length) {
    const more = notes.length ? ` ${vscode.l10n.t('Not importable: {0}', notes.join('; '))}` : '';
    const imported = added.length === 1 ? vscode.l10n.t('Imported 1 account: {0}.', added[0]!) : vscode.l10n.t('Imported {0} accounts: {1}.', added.length, formatList(added));
    void ctx.ui.notify('info', `${imported}${more}`);
  }
}
