// The one place that turns any failure into what a user reads: an explanation in the display
// language, with the cloud's own code and message kept beside it.
import * as vscode from 'vscode';
import { errorKindOf } from '../providers';
import { ProviderError } from '../providers/errors';
import { UserCancelledError } from './userInput';
import type { ErrorKind } from '../providers/vocabulary';

export function isCancellation(err: unknown): boolean {
  return ProviderError.isAbort(err) || err instanceof vscode.CancellationError || err instanceof UserCancelledError;
}

function explanation(kind: ErrorKind): string | undefined {
  switch (kind) {
    case 'auth':
      return vscode.l10n.t('The cloud rejected the access key: check the AccessKey ID and secret of this account.');
    case 'clock':
      return vscode.l10n.t("The cloud rejected the request's time: check this computer's clock.");
    case 'forbidden':
      return vscode.l10n.t('This account is not allowed to do this: check its permissions (RAM or IAM policies).');
    case 'notFound':
      return vscode.l10n.t('The cloud cannot find it: it may have been deleted, or be in another region.');
    case 'throttled':
      return vscode.l10n.t('The cloud is busy or limiting requests: wait a moment, then retry.');
    case 'quota':
      return vscode.l10n.t('A quota or the balance of this account is used up.');
    case 'invalid':
      return vscode.l10n.t('The cloud refused the request as invalid.');
    case 'conflict':
      return vscode.l10n.t('The image is not in a state that allows this now (for example, it is still being created or exported).');
    case 'server':
      return vscode.l10n.t('The cloud had an internal error: retry later.');
    case 'timeout':
      return vscode.l10n.t('The cloud did not answer in time.');
    case 'network':
      return vscode.l10n.t('Could not reach the cloud: check the network and the proxy.');
    case 'badResponse':
      return vscode.l10n.t('The cloud sent an answer this extension cannot read.');
    case 'cancelled':
      return vscode.l10n.t('The request was cancelled.');
    case 'other':
      return undefined;
  }
}

/** What went wrong, in one short sentence (error nodes' labels). */
export function explain(err: unknown): string {
  if (err instanceof ProviderError) {
    if (err.cloud === 'local') {
      return err.message || err.code;
    }
    return explanation(errorKindOf(err)) ?? vscode.l10n.t('The cloud reported an error.');
  }
  return err instanceof Error ? err.message : String(err);
}

/** The explanation and the cloud's own words, for a notification or a tooltip. */
export function userMessage(err: unknown): string {
  if (!(err instanceof ProviderError)) {
    return explain(err);
  }
  if (err.cloud === 'local') {
    // The provider's own checks before any request: its message is the explanation.
    return err.message || err.code;
  }
  const kind = errorKindOf(err);
  const said = err.message ? `${err.code}: ${err.message}` : err.code;
  if (kind === 'timeout' || kind === 'network' || kind === 'badResponse' || kind === 'cancelled') {
    return vscode.l10n.t('{0} Details: {1}', explain(err), said);
  }
  return vscode.l10n.t('{0} The cloud says: {1}', explain(err), said);
}

/** The full line for the log: code, message, request id, HTTP status, attempts. */
export function logLine(err: unknown): string {
  if (err instanceof ProviderError) {
    const status = err.httpStatus ? ` HTTP ${err.httpStatus}` : '';
    return `[${err.cloud}] ${err.describe()}${status}, ${err.attempts} attempt(s)`;
  }
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
