import * as vscode from 'vscode';
import { ImageNode } from '../../tree/nodes';
import { parseIdentity } from '../../webviews/protocol';
import type { CommandContext } from '../shared/context';
import { pickImage } from '../shared/pickers';
import { selectedImages } from '../shared/targets';

/** Opens an image's details: from a tree node, the view's selection (no argument), from {accountId, regionId, imageId} (jobs, notifications), or a palette pick. */
export async function openDetails(ctx: CommandContext, target?: unknown): Promise<void> {
  const selected = target === undefined ? selectedImages(ctx) : [];
  if (selected.length) {
    // Without an argument (a keybinding): the images selected in the view.
    for (const n of selected) {
      await ctx.panels.open({ accountId: n.account.id, regionId: n.parent.region.id, imageId: n.image.id }, n.image);
    }
    return;
  }
  const node = target instanceof ImageNode ? target : target === undefined ? await pickImage(ctx, vscode.l10n.t('Open Image Details')) : undefined;
  if (node) {
    await ctx.panels.open({ accountId: node.account.id, regionId: node.parent.region.id, imageId: node.image.id }, node.image);
    return;
  }
  const id = parseIdentity(target);
  if (id) {
    await ctx.panels.open(id);
  }
}
