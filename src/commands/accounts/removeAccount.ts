import * as vscode from 'vscode';
import type { AccountConfig } from '../../providers/core/model';
import { AccountNode } from '../../tree/nodes';
import { accountLabel, cloudLabel } from '../../util/clouds';
import type { CommandContext } from '../shared/context';

export async function removeAccount(ctx: CommandContext, node?: unknown): Promise<void> {
  let account: AccountConfig | undefined = node instanceof AccountNode ? node.account : undefined;
  if (!account) {
    const picked = await ctx.ui.pick(
      ctx.accounts.list().map((a) => ({ label: accountLabel(a), description: a.sandbox ? vscode.l10n.t('local emulator') : undefined, data: a })),
      { title: vscode.l10n.t('Remove Account'), placeHolder: vscode.l10n.t('Which account?') },
    );
    account = picked.data;
  }
  if (!account) {
    return;
  }
  const remove = vscode.l10n.t('Remove');
  const detail = account.sandbox
    ? vscode.l10n.t('The sandbox can be brought back with "Try the Sandbox".')
    : vscode.l10n.t('Its secret is deleted from Secret Storage. Nothing changes in the cloud.');
  // Escape or Cancel ends the command here (UserCancelledError).
  await ctx.ui.confirm(vscode.l10n.t('Remove the account "{0}" ({1})?', account.name, cloudLabel(account.cloud)), detail, remove);
  await ctx.accounts.remove(account.id);
  ctx.log.info(`Removed account "${account.name}".`);
}
