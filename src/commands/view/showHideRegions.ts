// Show/Hide Regions…: which regions an account lists, chosen in one multi-select pick and remembered.
import * as vscode from 'vscode';
import { AccountNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';
import { pickAccount } from '../shared/pickers';
import { accountLabel } from '../../util/clouds';

export async function showHideRegions(ctx: CommandContext, node?: unknown): Promise<void> {
  const title = vscode.l10n.t('Show/Hide Regions');
  const account = node instanceof AccountNode ? node : await pickAccount(ctx, title);
  if (!account) {
    return;
  }
  // Loads the account's regions if the tree has not yet (one request); a failure says why in the tree's words.
  const children = await ctx.tree.getChildren(account);
  const regions = account.regions;
  if (!regions?.length) {
    throw new Error(children[0]?.treeItem().label?.toString() ?? vscode.l10n.t('No regions are available to this account.'));
  }
  const shown = new Set(ctx.regions.visible(account.account.id, regions).map((r) => r.id));
  const chosen = await ctx.ui.pickMany(
    regions.map((r) => ({ label: r.name, description: r.id, picked: shown.has(r.id), data: r.id })),
    { title: vscode.l10n.t('{0}: Show/Hide Regions', accountLabel(account.account)), placeHolder: vscode.l10n.t('Select the regions to show') },
  );
  await ctx.regions.choose(account.account.id, chosen.map((c) => c.data), regions.length);
}
