import * as vscode from 'vscode';
import { ImageNode } from '../../tree/nodes';
import { parseIdentity } from '../../webviews/protocol';
import { fromViewArg } from '../shared/args';
import type { CommandContext } from '../shared/context';
import { pickImage } from '../shared/pickers';
import { keyTargets } from '../shared/targets';

/**
 * Opens an image's details: from a tree node (Enter or a click on its row), from {accountId, regionId, imageId}
 * (jobs, notifications), from a keybinding of the view (`{ fromView: true }`: the images selected in it), or a
 * palette pick (no argument).
 */
export async function openDetails(ctx: CommandContext, target?: unknown): Promise<void> {
  const title = vscode.l10n.t('Open Image Details');
  const fromView = fromViewArg(target);
  const selected = fromView ? keyTargets(ctx, title, true) : [];
  for (const n of selected) {
    await ctx.panels.open({ accountId: n.account.id, regionId: n.parent.region.id, imageId: n.image.id }, n.image);
  }
  if (selected.length) {
    return;
  }
  const node = target instanceof ImageNode ? target : target === undefined || fromView ? await pickImage(ctx, title) : undefined;
  if (node) {
    await ctx.panels.open({ accountId: node.account.id, regionId: node.parent.region.id, imageId: node.image.id }, node.image);
    return;
  }
  const id = parseIdentity(target);
  if (id) {
    await ctx.panels.open(id);
  }
}
