import * as vscode from 'vscode';
import type { CloudKind } from '../providers/core/model';

// The clouds' names in the display language: human words live on the vscode side, like the common
// vocabulary's (src/util/vocabulary.ts); every other per-cloud fact is in the providers' tables.
const CLOUD_NAMES: Readonly<Record<CloudKind, () => string>> = {
  alibaba: () => vscode.l10n.t('Alibaba Cloud ECS'),
  huawei: () => vscode.l10n.t('Huawei Cloud IMS'),
  qingcloud: () => vscode.l10n.t('QingCloud'),
  batchcompute: () => vscode.l10n.t('Alibaba BatchCompute (retired)'),
};

// Shorter, for the sidebar's account rows: at its default width (about 300 px) the row keeps room for the
// account's state after its name. Whether the cloud is retired is said by the row's description instead.
const CLOUD_SHORT_NAMES: Readonly<Record<CloudKind, () => string>> = {
  alibaba: () => vscode.l10n.t('Alibaba ECS'),
  huawei: () => vscode.l10n.t('Huawei IMS'),
  qingcloud: () => vscode.l10n.t('QingCloud'),
  batchcompute: () => vscode.l10n.t('BatchCompute'),
};

export function cloudLabel(cloud: CloudKind): string {
  return CLOUD_NAMES[cloud]();
}

/** An account as it is named in pickers and messages: "name · cloud", so that same-named accounts differ. */
export function accountLabel(account: { readonly name: string; readonly cloud: CloudKind }): string {
  return `${account.name} · ${cloudLabel(account.cloud)}`;
}

/** An account as its sidebar row names it: "name · cloud" with the cloud's short name (the tooltip and the spoken label give its full name). */
export function accountRowLabel(account: { readonly name: string; readonly cloud: CloudKind }): string {
  return `${account.name} · ${CLOUD_SHORT_NAMES[account.cloud]()}`;
}

/**
 * An account as a screen reader says it: its name and cloud as words (not "·"), and for a sandbox that it
 * talks to a local emulator (which sighted users read from the beaker icon and the tooltip).
 */
export function accountSpoken(account: { readonly name: string; readonly cloud: CloudKind; readonly sandbox?: boolean }): string {
  const cloud = cloudLabel(account.cloud);
  return account.sandbox ? vscode.l10n.t('{0}, {1}, local emulator', account.name, cloud) : spokenPair(account.name, cloud);
}

/** Two phrases a screen reader says in a row, with the display language's comma. */
export function spokenPair(first: string, second: string): string {
  return vscode.l10n.t('{0}, {1}', first, second);
}
