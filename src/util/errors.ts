// The one place that turns any failure into what a user reads.
import * as vscode from 'vscode';
import { ClockSkewError } from '../providers/clock';
import { ProviderError } from '../providers/errors';
import { InvalidInputError } from '../providers/input';
import { ProxyError } from '../providers/transport';
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
  if (err instanceof ProxyError) {
    return proxyMessage(err);
  }
  if (err instanceof ClockSkewError) {
    return clockMessage(err);
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

/** A duration in the largest unit that fits: "45 s", "17 min", "3 h". */
function duration(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) {
    return vscode.l10n.t('{0} s', s);
  }
  return s < 2 * 3600 ? vscode.l10n.t('{0} min', Math.round(s / 60)) : vscode.l10n.t('{0} h', Math.round(s / 3600));
}

function clockMessage(err: ClockSkewError): string {
  const allowed = duration(err.allowedMs);
  if (err.skewMs === undefined) {
    return vscode.l10n.t("The cloud refused the request as expired: this computer's clock is probably wrong (the cloud accepts at most {0} of difference). Correct the system time and try again.", allowed);
  }
  return err.skewMs > 0
    ? vscode.l10n.t("The cloud refused the request because this computer's clock is {0} behind the cloud's (at most {1} is accepted). Correct the system time and try again.", duration(err.skewMs), allowed)
    : vscode.l10n.t("The cloud refused the request because this computer's clock is {0} ahead of the cloud's (at most {1} is accepted). Correct the system time and try again.", duration(err.skewMs), allowed);
}

function proxyMessage(err: ProxyError): string {
  const f = err.failure;
  switch (f.reason) {
    case 'setting':
      return vscode.l10n.t('The proxy setting "{0}" is not a URL such as http://proxy.example.com:3128 (http.proxy, HTTPS_PROXY or HTTP_PROXY).', err.proxy);
    case 'unreachable':
      return vscode.l10n.t('The proxy {0} cannot be reached ({1}). Check http.proxy, HTTPS_PROXY and NO_PROXY.', err.proxy, f.code);
    case 'refused':
      return f.status === 407
        ? vscode.l10n.t('The proxy {0} asks for credentials (HTTP 407): give them in the proxy URL, http://user:password@host:port.', err.proxy)
        : vscode.l10n.t('The proxy {0} refused the connection to the cloud (HTTP {1}).', err.proxy, f.status);
  }
}

/** The full line for the log: code, message, request id, HTTP status, attempts. */
export function logLine(err: unknown): string {
  if (err instanceof ProviderError) {
    const status = err.httpStatus ? ` HTTP ${err.httpStatus}` : '';
    return `[${err.cloud}] ${err.describe()}${status}, ${err.attempts} attempt(s)`;
  }
  return redact(err instanceof Error ? (err.stack ?? err.message) : String(err));
}
