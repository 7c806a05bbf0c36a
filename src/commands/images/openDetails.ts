import * as vscode from 'vscode';
import { ImageNode } from '../../tree/nodes';
import { parseIdentity } from '../../webviews/protocol';
import type { CommandContext } from '../shared/context';
import { pickImage } from '../shared/pickers';

/** Opens an image's details: from a tree node, from {accountId, regionId, imageId} (jobs, notifications), or a palette pick. */
export async function openDetails(ctx: CommandContext, target?: unknown): Promise<void> {
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
