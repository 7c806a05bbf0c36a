// Input checks that run before any request: each returns a specific message, or undefined when fine.
import * as vscode from 'vscode';
import type { CloudKind } from '../providers/model';

export function validateAccountName(value: string, taken: (name: string) => boolean): string | undefined {
  const v = value.trim();
  if (!v) {
    return vscode.l10n.t('Enter a name.');
  }
  if (v.length > 64) {
    return vscode.l10n.t('The name is {0} characters long; at most 64 are allowed.', v.length);
  }
  if (taken(v)) {
    return vscode.l10n.t('An account named "{0}" already exists.', v);
  }
  return undefined;
}

const ACCESS_KEY_ID: Record<CloudKind, { re: RegExp; hint: () => string }> = {
  alibaba: { re: /^[A-Za-z0-9]{16,40}$/, hint: () => vscode.l10n.t('16 to 40 letters and digits, such as LTAI5t…') },
  batchcompute: { re: /^[A-Za-z0-9]{16,40}$/, hint: () => vscode.l10n.t('16 to 40 letters and digits, such as LTAI5t…') },
  huawei: { re: /^[A-Z0-9]{20,40}$/, hint: () => vscode.l10n.t('20 to 40 capital letters and digits') },
  qingcloud: { re: /^[A-Z0-9]{20}$/, hint: () => vscode.l10n.t('20 capital letters and digits, such as QY…') },
};

/** Alibaba STS AccessKey IDs: "STS." and letters and digits. */
const STS_ACCESS_KEY_ID = { re: /^STS\.[A-Za-z0-9]{16,128}$/, hint: () => vscode.l10n.t('STS. and then letters and digits') };

export function validateAccessKeyId(cloud: CloudKind, value: string, temporary = false): string | undefined {
  const v = value.trim();
  if (!v) {
    return vscode.l10n.t('Enter the AccessKey ID.');
  }
  const rule = temporary && (cloud === 'alibaba' || cloud === 'batchcompute') ? STS_ACCESS_KEY_ID : ACCESS_KEY_ID[cloud];
  if (!rule.re.test(v)) {
    return vscode.l10n.t('This does not look like an AccessKey ID of this cloud ({0}).', rule.hint());
  }
  return undefined;
}

export function validateSecret(value: string): string | undefined {
  const v = value.trim();
  if (!v) {
    return vscode.l10n.t('Enter the AccessKey secret.');
  }
  if (v.length < 16 || /\s/.test(v)) {
    return vscode.l10n.t('An AccessKey secret is at least 16 characters with no spaces.');
  }
  return undefined;
}

export function validateEndpoint(value: string): string | undefined {
  const v = value.trim();
  if (!v) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return vscode.l10n.t('Enter a full URL such as https://ecs.example.com, or leave it empty.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return vscode.l10n.t('The endpoint must start with https:// or http://.');
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    return vscode.l10n.t('Give only the scheme, host and port, without a path.');
  }
  return undefined;
}

export function validateSecurityToken(value: string): string | undefined {
  const v = value.trim();
  if (!v) {
    return vscode.l10n.t('Enter the security token that came with the temporary credentials.');
  }
  if (/\s/.test(v) || v.length < 16) {
    return vscode.l10n.t('A security token is a long string with no spaces.');
  }
  return undefined;
}

/**
 * When temporary credentials expire: empty (unknown), a duration from now ("45m", "12h") or a date
 * and time ("2026-11-24 18:00", local; or ISO 8601). Returns the instant, or a message.
 */
export function parseExpiry(value: string, now = Date.now()): { at?: string; problem?: string } {
  const v = value.trim();
  if (!v) {
    return {};
  }
  const rel = /^(\d{1,4})\s*([mh])$/i.exec(v);
  const at = rel ? now + Number(rel[1]) * (rel[2]!.toLowerCase() === 'h' ? 3_600_000 : 60_000) : Date.parse(v.replace(/^(\d{4}-\d\d-\d\d) (\d)/, '$1T$2'));
  if (!Number.isFinite(at)) {
    return { problem: vscode.l10n.t('Enter a time such as 2026-11-24 18:00, a duration such as 45m or 12h, or leave it empty.') };
  }
  if (at <= now) {
    return { problem: vscode.l10n.t('That time has already passed: these credentials would be expired.') };
  }
  return { at: new Date(at).toISOString() };
}
