// Palette drill-down: Account -> Region -> Image, over the same nodes and loaders as the tree.
import * as vscode from 'vscode';
import type { LoadedPicks, PickItem } from '../../util/userInput';
import { CAPABILITIES, imageRefusal } from '../../providers/rules/capabilities';
import { type Capability } from '../../providers/core/rules';
import { AccountNode, type ImageNode, RegionNode } from '../../tree/nodes';
import { formatNumber } from '../../util/format';
import { imageState, imageStateLabel } from '../../util/vocabulary';
import type { CommandContext } from './context';
import { accountLabel } from '../../util/clouds';

/** One step of the drill-down: Escape ends the command (UserCancelledError); a failure to load reaches its error wrapper. */
async function pick<T>(ctx: CommandContext, title: string, placeHolder: string, load: (more: boolean) => Promise<LoadedPicks<T>>): Promise<T> {
  return (await ctx.ui.pickLoaded({ title, placeHolder }, load)).data;
}

export async function pickAccount(ctx: CommandContext, title: string, capability?: Capability): Promise<AccountNode | undefined> {
  const roots = (await ctx.tree.getChildren()).filter(
    (n): n is AccountNode => n instanceof AccountNode && (!capability || CAPABILITIES[n.account.cloud][capability]),
  );
  if (!roots.length) {
    void ctx.ui.notify('info', vscode.l10n.t('None of your accounts is on a cloud that can do this.'));
    return undefined;
  }
  if (roots.length === 1) {
    return roots[0];
  }
  return pick(ctx, title, vscode.l10n.t('Select an account'), async () => ({
    items: roots.map((n) => ({ label: accountLabel(n.account), description: n.treeItem().description?.toString(), data: n })),
  }));
}

export async function pickRegion(ctx: CommandContext, title: string, capability?: Capability): Promise<RegionNode | undefined> {
  const account = await pickAccount(ctx, title, capability);
  if (!account) {
    return undefined;
  }
  return pick(ctx, title, vscode.l10n.t('Select a region'), async () => {
    const children = await ctx.tree.getChildren(account);
    const regions = children.filter((n): n is RegionNode => n instanceof RegionNode);
    if (!regions.length) {
      throw new Error(children[0]?.treeItem().label?.toString() ?? vscode.l10n.t('No regions are available to this account.'));
    }
    return { items: regions.map((n) => ({ label: n.region.name, description: n.region.id, data: n })) };
  });
}

export async function pickImage(ctx: CommandContext, title: string, capability?: Capability): Promise<ImageNode | undefined> {
  const region = await pickRegion(ctx, title, capability);
  if (!region) {
    return undefined;
  }
  return pick(ctx, title, vscode.l10n.t('Select an image (type to filter)'), async (more) => {
    if (more) {
      await ctx.tree.loadMore(region);
    } else {
      await region.loader.ensureFirstPage();
    }
    if (region.loader.error !== undefined) {
      throw region.loader.error;
    }
    // Only the images the command applies to (their cloud's rules for owner and state); the others are counted.
    const cloud = region.account.cloud;
    const applies = region.loader.items.filter((image) => !capability || !imageRefusal(cloud, image, capability));
    const items: PickItem<ImageNode>[] = applies.map((image) => ({
      label: image.name,
      description: image.id,
      detail: [imageStateLabel(imageState(cloud, image)), image.osName].filter(Boolean).join(' · '),
      data: region.imageNode(image),
    }));
    const hidden = region.loader.items.length - applies.length;
    return {
      items,
      notes: hidden ? [vscode.l10n.t('{0} images not listed: this command does not apply to them (not your own, or in a status that does not allow it)', formatNumber(hidden))] : [],
      more: region.loader.hasMore
        ? {
            label: vscode.l10n.t('Load more…'),
            description: region.loader.total === undefined ? '' : vscode.l10n.t('{0} of {1} loaded', formatNumber(region.loader.items.length), formatNumber(region.loader.total)),
          }
        : undefined,
    };
  });
}
