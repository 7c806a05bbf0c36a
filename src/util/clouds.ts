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

export function cloudLabel(cloud: CloudKind): string {
  return CLOUD_NAMES[cloud]();
}

/** An account as it is named in pickers and messages: "name · cloud", so that same-named accounts differ. */
export function accountLabel(account: { readonly name: string; readonly cloud: CloudKind }): string {
  return `${account.name} · ${cloudLabel(account.cloud)}`;
}
