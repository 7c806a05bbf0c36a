// The one place that turns any failure into what a user reads.
import * as vscode from 'vscode';
import { ProviderError } from '../providers/errors';
import { InvalidInputError } from '../providers/input';
import { redact } from '../providers/redact';
import { inputMessage } from './inputMessages';

export function isCancellation(err: unknown): boolean {
  return ProviderError.isAbort(err) || err instanceof vscode.CancellationError;
}

/** A short, specific sentence for a notification or an error node. */
export function userMessage(err: unknown): string {
  if (err instanceof InvalidInputError) {
    return inputMessage(err.problem);
  }
  if (err instanceof ProviderError) {
    switch (err.code) {
      case 'SignatureDoesNotMatch':
      case 'IncompleteSignature':
      case 'InvalidAccessKeyId.NotFound':
      case 'InvalidAccessKeyId':
        return vscode.l10n.t('The cloud rejected the access key: {0}', err.message);
      case 'Timeout':
        return vscode.l10n.t('The cloud did not answer in time.');
      case 'NetworkError':
        return vscode.l10n.t('Could not reach the cloud: {0}', err.message);
      default:
        return err.message ? `${err.code}: ${err.message}` : err.code;
    }
  }
  return redact(err instanceof Error ? err.message : String(err));
}

/** The full line for the log: code, message, request id, HTTP status, attempts. */
export function logLine(err: unknown): string {
  if (err instanceof ProviderError) {
    const status = err.httpStatus ? ` HTTP ${err.httpStatus}` : '';
    return `[${err.cloud}] ${err.describe()}${status}, ${err.attempts} attempt(s)`;
  }
  return redact(err instanceof Error ? (err.stack ?? err.message) : String(err));
}
