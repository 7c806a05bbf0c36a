import * as vscode from 'vscode';
import type { CloudKind } from '../providers/core/model';

export function cloudLabel(cloud: CloudKind): string {
  switch (cloud) {
    case 'alibaba':
      return vscode.l10n.t('Alibaba Cloud ECS');
    case 'huawei':
      return vscode.l10n.t('Huawei Cloud IMS');
    case 'qingcloud':
      return vscode.l10n.t('QingCloud');
    case 'batchcompute':
      return vscode.l10n.t('Alibaba BatchCompute (retired)');
  }
}

/** An account as it is named in pickers and messages: "name · cloud", so that same-named accounts differ. */
export function accountLabel(account: { readonly name: string; readonly cloud: CloudKind }): string {
  return `${account.name} · ${cloudLabel(account.cloud)}`;
}
