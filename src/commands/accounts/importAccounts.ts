// "Import Accounts from CLI Configuration…": reads the Alibaba Cloud CLI's, Huawei KooCLI's and the
// QingCloud CLI's configuration files and shows every profile found in one picker: those that can be
// imported (none checked until the user checks it), then below a line those already added and those that
// cannot be imported, each with why (role-based, encrypted, ...); checking one of those imports nothing.
// Each chosen profile is tried with one signed read, as Add Account does, and saved only if the cloud
// accepts it (secrets and tokens only into SecretStorage); a profile that breaks the input rules is refused
// first, without a request. The closing message names each imported, refused (the input rules or the cloud
// said the key is wrong), not checked (the check failed otherwise: Retry tries those again) and skipped
// profile with its reason, never with a key.
import * as vscode from 'vscode';
import { cliConfigLocations, loadCliConfig, type CliCandidate, type CliCloud, type CliConfigLocation, type CliSkipped } from '../../accounts/cliConfig';
import { accountLabel, cloudLabel } from '../../util/clouds';
import { userMessage } from '../../util/errors';
import { isUserCancelled, type PickItem } from '../../util/userInput';
import { checkCredentials, checkVerdict, credentialProblem } from './accountSteps';
import type { CommandContext } from '../shared/context';
import { closingMessage, skipReason, unreadText, type ImportOutcome, type NamedReason } from './importAccountsText';

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

/** The same key on the same cloud and endpoint: what makes a profile one the user already added. */
function keyOf(cloud: string, accessKeyId: string, endpoint: string | undefined): string {
  return `${cloud}\n${accessKeyId.trim()}\n${(endpoint ?? '').trim().replace(/\/+$/, '').toLowerCase()}`;
}

/** The user's accounts by their key (read from SecretStorage, compared here only), for the clouds in question. */
async function accountsByKey(ctx: CommandContext, clouds: ReadonlySet<string>): Promise<Map<string, string>> {
  const byKey = new Map<string, string>();
  for (const account of ctx.accounts.list().filter((a) => !a.sandbox && clouds.has(a.cloud))) {
    const key = await ctx.accounts.credentialsOf(account.id);
    if (key) {
      byKey.set(keyOf(account.cloud, key.accessKeyId, account.endpoint), account.name);
    }
  }
  return byKey;
}

function skippedLabel(s: CliSkipped): string {
  return accountLabel({ name: s.profile || vscode.l10n.t('(no name)'), cloud: s.cloud });
}

/** A row of the picker: a profile to import, or one listed with why it is not offered (checking it does nothing). */
type Row = { readonly name: string; readonly candidate: CliCandidate } | NamedReason;

/**
 * The rows below the importable ones, after a separator without text (a separator's text would sit over the
 * row after it): those already added (the account's name as description), then those that cannot be imported
 * (the reason as detail, on a line of its own).
 */
function infoRows(added: readonly NamedReason[], skipped: readonly NamedReason[]): PickItem<Row | undefined>[] {
  return added.length || skipped.length
    ? [
      { label: '', kind: vscode.QuickPickItemKind.Separator, data: undefined },
      ...added.map((r) => ({ label: r.label, description: r.reason, data: r })),
      ...skipped.map((r) => ({ label: r.label, description: vscode.l10n.t('cannot be imported'), detail: r.reason, data: r })),
    ]
    : [];
}

type Chosen = { readonly name: string; readonly candidate: CliCandidate };

/** What trying the chosen profiles came to; `again` are the unchecked ones, which Retry tries again. */
interface Tried {
  imported: string[];
  refused: NamedReason[];
  unchecked: NamedReason[];
  again: Chosen[];
  untried: string[];
}

/**
 * Tries each chosen profile (input rules, then one signed read) and adds those the cloud accepts. Refused:
 * the input rules or the cloud said the credentials are wrong; unchecked: the check itself failed (not
 * reached, a server error, throttling, the clock, a garbled answer, a denied read), nothing said of the key.
 */
async function importChosen(ctx: CommandContext, chosen: readonly Chosen[]): Promise<Tried> {
  const tried: Tried = { imported: [], refused: [], unchecked: [], again: [], untried: [] };
  for (const entry of chosen) {
    const { name, candidate: c } = entry;
    const label = accountLabel({ name, cloud: c.cloud });
    if (tried.untried.length) {
      tried.untried.push(label);
      continue;
    }
    const draft = {
      cloud: c.cloud, temporary: Boolean(c.securityToken), accessKeyId: c.accessKeyId, secret: c.secret,
      securityToken: c.securityToken ?? '', expiresAt: c.expiresAt ?? '', endpoint: c.endpoint ?? '',
    };
    // The same rules as typed input, before any request (e.g. an http:// endpoint of another machine).
    const problem = credentialProblem(draft);
    if (problem) {
      tried.refused.push({ label, reason: problem });
      continue;
    }
    let failure: unknown;
    try {
      failure = await checkCredentials(ctx, draft);
    } catch (err) {
      if (!isUserCancelled(err)) {
        throw err;
      }
      // Cancelled on the progress notification: this and the remaining profiles stay untried, nothing of them saved.
      tried.untried.push(label);
      continue;
    }
    if (failure !== undefined) {
      // The explanation and the cloud's own words; "refused" only when the cloud said the credentials are wrong.
      if (checkVerdict(failure) === 'refused') {
        tried.refused.push({ label, reason: userMessage(failure) });
      } else {
        tried.unchecked.push({ label, reason: userMessage(failure) });
        tried.again.push(entry);
      }
      continue;
    }
    await ctx.accounts.add({
      name, cloud: c.cloud, accessKeyId: c.accessKeyId, accessKeySecret: c.secret, endpoint: c.endpoint,
      ...(c.securityToken ? { securityToken: c.securityToken, expiresAt: c.expiresAt } : {}),
    });
    tried.imported.push(label);
  }
  return tried;
}

/**
 * The closing message; while some profiles could not be checked, it offers Retry, which tries those again
 * and says the whole outcome once more.
 */
async function sayOutcome(ctx: CommandContext, first: Tried, rest: Pick<ImportOutcome, 'skipped' | 'unread'>): Promise<void> {
  const retry = vscode.l10n.t('Retry');
  let tried = first;
  for (;;) {
    const outcome: ImportOutcome = { ...tried, ...rest };
    ctx.log.info(`Import: added ${outcome.imported.length}, refused ${outcome.refused.length}, not checked ${outcome.unchecked.length}, not tried ${outcome.untried.length}, skipped ${outcome.skipped.length}.`);
    outcome.refused.forEach((r) => ctx.log.warn(`Import: refused ${r.label}: ${r.reason}`));
    outcome.unchecked.forEach((r) => ctx.log.warn(`Import: not checked ${r.label}: ${r.reason}`));
    const { severity, message } = closingMessage(outcome);
    const chosen = await (tried.again.length ? ctx.ui.notify(severity, message, retry) : ctx.ui.notify(severity, message));
    if (chosen !== retry) {
      return;
    }
    const next = await importChosen(ctx, tried.again);
    tried = { ...next, imported: [...tried.imported, ...next.imported], refused: [...tried.refused, ...next.refused] };
  }
}

export async function importAccounts(ctx: CommandContext, arg?: unknown): Promise<void> {
  const candidates: CliCandidate[] = [];
  const skipped: NamedReason[] = [];
  const unread: string[] = [];
  let found = false;
  for (const location of locationsOf(arg)) {
    const load = await loadCliConfig(location);
    found ||= load.status !== 'missing';
    if (load.status === 'failed') {
      unread.push(`${cloudLabel(location.cloud)}: ${unreadText(location.path, load.error)}`);
    } else if (load.status === 'loaded') {
      candidates.push(...load.result.candidates);
      skipped.push(...load.result.skipped.map((s) => ({ label: skippedLabel(s), reason: skipReason(s) })));
    }
  }
  [...unread, ...skipped.map((s) => `${s.label}: ${s.reason}`)].forEach((n) => ctx.log.info(`Import: not importable: ${n}`));
  if (!found) {
    void ctx.ui.notify('info', vscode.l10n.t('No CLI configuration was found (~/.aliyun/config.json, ~/.hcloud/config.json, ~/.qingcloud/config.yaml).'));
    return;
  }
  if (!candidates.length && !skipped.length && !unread.length) {
    void ctx.ui.notify('info', vscode.l10n.t('The CLI configuration files hold no profile.'));
    return;
  }
  // A profile whose key is already an account's (same cloud and endpoint) is shown as added, not offered again.
  const existing = candidates.length ? await accountsByKey(ctx, new Set(candidates.map((c) => c.cloud))) : new Map<string, string>();
  const added: NamedReason[] = [];
  const offered: { name: string; candidate: CliCandidate }[] = [];
  const taken = new Set<string>();
  for (const c of candidates) {
    const account = existing.get(keyOf(c.cloud, c.accessKeyId, c.endpoint));
    if (account !== undefined) {
      added.push({ label: accountLabel({ name: c.profile, cloud: c.cloud }), reason: vscode.l10n.t('already added as account "{0}"', account) });
    } else {
      offered.push({ name: freeName(ctx, c, taken), candidate: c });
    }
  }
  let tried: Tried = { imported: [], refused: [], unchecked: [], again: [], untried: [] };
  if (offered.length) {
    const picked = await ctx.ui.pickMany<Row | undefined>(
      [
        ...offered.map(({ name, candidate: c }) => ({
          label: accountLabel({ name, cloud: c.cloud }),
          description: [c.current ? vscode.l10n.t('current profile') : undefined, c.securityToken ? vscode.l10n.t('temporary credentials') : undefined,
            c.endpoint].filter(Boolean).join(' · '),
          picked: false,
          data: { name, candidate: c },
        })),
        ...infoRows(added, skipped),
      ],
      { title: vscode.l10n.t('Import Accounts from CLI Configuration'), placeHolder: vscode.l10n.t('Check the profiles to add as accounts (each is tried with its cloud first); those below the line cannot be added') },
    );
    // Checking a row below the line imports nothing: those profiles are named as skipped below.
    tried = await importChosen(ctx, picked.flatMap((p) => (p.data && 'candidate' in p.data ? [p.data] : [])));
  }
  await sayOutcome(ctx, tried, { skipped: [...added, ...skipped], unread });
}
