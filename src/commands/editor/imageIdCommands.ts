// The editor's own small commands behind its actions on an image ID: each finds the image's node in the
// tree, then runs the tree's command on it (Tag…, Copy to Region…, Open Details, Accept of a shared image),
// or shows it in the Images view.
import * as vscode from 'vscode';
import type { ImageTreeProvider } from '../../tree/treeProvider';
import { AccountNode, type ImageNode } from '../../tree/nodes';
import { SharedWithMeNode, type SharedImageNode } from '../../tree/sharedWithMe';
import { EDITOR_COMMANDS, type ImageTarget } from '../../editor/describe';
import type { CommandContext } from '../shared/context';
import type { CommandHandler } from '../shared/register';
import { regionName } from '../shared/regionName';
import { revealSelected } from '../shared/targets';
import { copyImage, copyImageTo } from '../images/copy';
import { openDetails } from '../images/openDetails';
import { acceptShared } from '../images/sharedWithMe';
import { tag } from '../images/tag';

/** A target as code actions, lenses and hover links pass it (checked: hover links come back as JSON), with the region a copy goes to where the file says it. */
function targetArg(v: unknown): ImageTarget | undefined {
  const r = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  if (!r || typeof r['accountId'] !== 'string' || typeof r['regionId'] !== 'string' || typeof r['imageId'] !== 'string') {
    return undefined;
  }
  const destination = r['destinationRegionId'];
  return { accountId: r['accountId'], regionId: r['regionId'], imageId: r['imageId'], ...(typeof destination === 'string' && destination ? { destinationRegionId: destination } : {}) };
}

async function nodeOf(tree: ImageTreeProvider, target: ImageTarget): Promise<ImageNode> {
  const node = await tree.resolveImage(target);
  if (!node) {
    throw new Error(vscode.l10n.t('The image {0} is no longer in {1}.', target.imageId, regionName({ tree }, target.accountId, target.regionId)));
  }
  return node;
}

/** The node of an image shared with the account and waiting for its answer, from the region's "Shared with Me" group (read anew). */
async function pendingNodeOf(ctx: CommandContext, target: ImageTarget): Promise<SharedImageNode> {
  const account = (await ctx.tree.getChildren()).find((n): n is AccountNode => n instanceof AccountNode && n.account.id === target.accountId);
  await account?.children();
  const region = ctx.tree.findRegion(target.accountId, target.regionId);
  const group = region && (await ctx.tree.getChildren(region)).find((n): n is SharedWithMeNode => n instanceof SharedWithMeNode);
  group?.forget();
  await group?.children();
  const node = group?.withMembership('pending').find((n) => n.received.image.id === target.imageId);
  if (!node) {
    throw new Error(vscode.l10n.t('The image {0} is no longer waiting for an answer in {1}.', target.imageId, regionName(ctx, target.accountId, target.regionId)));
  }
  return node;
}

/**
 * Shows an image in the Images view. The view lists an image once the page it is on is loaded, so the
 * region's pages are loaded until it is (as "Load more…" would), with a cancellable notification.
 */
export async function revealImage(ctx: CommandContext, target: ImageTarget): Promise<void> {
  const node = await nodeOf(ctx.tree, target);
  const region = node.parent;
  const listed = (): boolean => region.loader.items.some((i) => i.id === target.imageId);
  if (!listed()) {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Finding "{0}" in {1}…', node.image.name, region.region.name), cancellable: true },
      async (_progress, token) => {
        while (!listed() && region.loader.hasMore && region.loader.error === undefined && !token.isCancellationRequested) {
          await ctx.tree.loadMore(region);
        }
      },
    );
  }
  await revealSelected(ctx, listed() ? node : region);
}

/** The handler behind one editor command: its one argument is the image's place, else nothing happens. */
function onTarget(run: (ctx: CommandContext, target: ImageTarget) => unknown): CommandHandler {
  return (ctx, arg) => {
    const target = targetArg(arg);
    return target ? run(ctx, target) : undefined;
  };
}

export const IMAGE_ID_COMMANDS = {
  [EDITOR_COMMANDS.tag]: onTarget(async (ctx, target) => {
    const node = await nodeOf(ctx.tree, target);
    return tag(ctx, node, [node]);
  }),
  [EDITOR_COMMANDS.copy]: onTarget(async (ctx, target) => {
    const node = await nodeOf(ctx.tree, target);
    return target.destinationRegionId ? copyImageTo(ctx, node, target.destinationRegionId) : copyImage(ctx, node);
  }),
  [EDITOR_COMMANDS.openDetails]: onTarget((ctx, target) => openDetails(ctx, target)),
  [EDITOR_COMMANDS.reveal]: onTarget((ctx, target) => revealImage(ctx, target)),
  [EDITOR_COMMANDS.accept]: onTarget(async (ctx, target) => acceptShared(ctx, await pendingNodeOf(ctx, target))),
} satisfies Record<string, CommandHandler>;
