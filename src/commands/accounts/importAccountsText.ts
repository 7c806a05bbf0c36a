// What Import Accounts from CLI Configuration says: why a profile cannot be imported (a picker row's
// description, and again in the result), why a file was not read, and the closing message that names each
// imported, refused and skipped profile with its reason. Whole sentences per number (no "profile(s)").
import * as vscode from 'vscode';
import { CLI_CONFIG_TIMEOUT_MS, cliModeKind, MAX_CLI_CONFIG_BYTES, type CliConfigError, type CliSkipped } from '../../accounts/cliConfig';
import { formatList } from '../../util/format';
import { inputMessage } from '../../util/inputMessages';
import type { Severity } from '../../util/userInput';

/** Why the profile cannot be imported, as a phrase (the row's description, the result's parenthesis). */
export function skipReason(s: CliSkipped): string {
  switch (s.reason) {
    case 'unsupported-mode': {
      const mode = s.detail ?? '?';
      switch (cliModeKind(mode)) {
        case 'role':
          return vscode.l10n.t('role-based ({0}): needs a role session, which importing does not support', mode);
        case 'sign-in':
          return vscode.l10n.t('signs in through the CLI ({0}): not supported', mode);
        default:
          return vscode.l10n.t('mode {0}: the CLI makes its keys when it runs, not supported', mode);
      }
    }
    case 'not-configured':
      return vscode.l10n.t('not configured yet');
    case 'missing-access-key-id':
      return vscode.l10n.t('no AccessKey ID');
    case 'missing-secret':
      return vscode.l10n.t('no AccessKey secret');
    case 'missing-security-token':
      return vscode.l10n.t('temporary credentials without their security token');
    case 'encrypted':
      return vscode.l10n.t('encrypted: KooCLI keeps these keys encrypted with a key only it has; add the account with its AccessKey instead');
    case 'missing-name':
      return vscode.l10n.t('no name');
    case 'invalid-name':
      return vscode.l10n.t('not usable as an account name: {0}', s.problem ? inputMessage(s.problem) : '');
    case 'duplicate-profile':
      return vscode.l10n.t('a second profile of that name (the CLI uses the first)');
    case 'invalid-endpoint':
      return vscode.l10n.t('its endpoint ({0}) is not usable', s.detail ?? 'endpoint');
    case 'unsupported-uri':
      return vscode.l10n.t('API path {0} is not supported', s.detail ?? '?');
  }
}

/** Why a configuration file was not read, as a sentence that names it. */
export function unreadText(path: string, e: CliConfigError): string {
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

/** A profile as the result names it ("work · Alibaba Cloud ECS") with why it was not imported. */
export interface NamedReason {
  readonly label: string;
  readonly reason: string;
}

/** What one run of the import came to, for its closing message. */
export interface ImportOutcome {
  /** The accounts added, as "name · cloud". */
  readonly imported: readonly string[];
  /** Tried and not added: the input rules or the cloud said the credentials are wrong (its words). */
  readonly refused: readonly NamedReason[];
  /** Tried and not added, the check having failed otherwise (not reached, a server error, throttling…): nothing known of the key. */
  readonly unchecked: readonly NamedReason[];
  /** Found but not importable, or already an account. */
  readonly skipped: readonly NamedReason[];
  /** Chosen but not tried: the user stopped the checks. */
  readonly untried: readonly string[];
  /** Sentences about configuration files that could not be read. */
  readonly unread: readonly string[];
}

/** "name · cloud (reason)", the reason's own closing full stop dropped inside the parenthesis. */
function withReason(n: NamedReason): string {
  return vscode.l10n.t('{0} ({1})', n.label, n.reason.trim().replace(/[.。]$/u, ''));
}

/** The closing notification: each imported, refused, unchecked and skipped profile named, each with its reason. */
export function closingMessage(o: ImportOutcome): { severity: Severity; message: string } {
  const sentences: string[] = [];
  const count = o.imported.length;
  sentences.push(
    count === 0 ? vscode.l10n.t('No account was imported.')
      : count === 1 ? vscode.l10n.t('Imported 1 account: {0}.', o.imported[0]!)
      : vscode.l10n.t('Imported {0} accounts: {1}.', count, formatList(o.imported)),
  );
  if (o.refused.length) {
    const list = formatList(o.refused.map(withReason));
    sentences.push(o.refused.length === 1 ? vscode.l10n.t('1 profile was refused: {0}.', list) : vscode.l10n.t('{0} profiles were refused: {1}.', o.refused.length, list));
  }
  if (o.unchecked.length) {
    const list = formatList(o.unchecked.map(withReason));
    sentences.push(o.unchecked.length === 1 ? vscode.l10n.t('1 profile could not be checked: {0}.', list) : vscode.l10n.t('{0} profiles could not be checked: {1}.', o.unchecked.length, list));
  }
  if (o.untried.length) {
    sentences.push(vscode.l10n.t('Not tried, as you stopped the checks: {0}.', formatList(o.untried)));
  }
  if (o.skipped.length) {
    const list = formatList(o.skipped.map(withReason));
    sentences.push(o.skipped.length === 1 ? vscode.l10n.t('1 profile was skipped: {0}.', list) : vscode.l10n.t('{0} profiles were skipped: {1}.', o.skipped.length, list));
  }
  sentences.push(...o.unread);
  // Sentences follow each other with a space in English, without one in Chinese.
  const message = sentences.reduce((text, next) => vscode.l10n.t('{0} {1}', text, next));
  const failed = o.refused.length > 0 || o.unchecked.length > 0 || o.untried.length > 0;
  return { severity: failed ? (count ? 'warning' : 'error') : 'info', message };
}
