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

export function validateAccessKeyId(cloud: CloudKind, value: string): string | undefined {
  const v = value.trim();
  if (!v) {
    return vscode.l10n.t('Enter the AccessKey ID.');
  }
  const rule = ACCESS_KEY_ID[cloud];
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
