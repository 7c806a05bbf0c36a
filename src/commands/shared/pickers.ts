// Palette drill-down: Account -> Region -> Image, over the same nodes and loaders as the tree.
import * as vscode from 'vscode';
import { CAPABILITIES, imageRefusal } from '../../providers/rules/capabilities';
import { type Capability } from '../../providers/core/rules';
import { AccountNode, type ImageNode, RegionNode } from '../../tree/nodes';
import { formatNumber } from '../../util/format';
import { imageState, imageStateLabel } from '../../util/vocabulary';
import type { CommandContext } from './context';

interface Item<T> extends vscode.QuickPickItem {
  readonly value?: T;
  readonly more?: boolean;
}

async function pick<T>(title: string, placeHolder: string, load: () => Promise<Item<T>[]>): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<Item<T>>();
  qp.title = title;
  qp.placeholder = placeHolder;
  qp.matchOnDescription = true;
  qp.busy = true;
  qp.show();
  try {
    qp.items = await load();
  } catch (err) {
    qp.dispose();
    throw err;
  } finally {
    qp.busy = false;
  }
  return new Promise<T | undefined>((resolve, reject) => {
    // "Load more…" in the list loads the next page; a failure closes the picker and reaches the
    // command's error wrapper (never an unhandled rejection).
    const more = async (): Promise<void> => {
      qp.busy = true;
      try {
        qp.items = await load();
      } finally {
        qp.busy = false;
      }
    };
    qp.onDidAccept(() => {
      const chosen = qp.selectedItems[0];
      if (chosen?.more) {
        more().catch((err: unknown) => {
          reject(err);
          qp.dispose();
        });
        return;
      }
      resolve(chosen?.value);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
  });
}

export async function pickAccount(ctx: CommandContext, title: string, capability?: Capability): Promise<AccountNode | undefined> {
  const roots = (await ctx.tree.getChildren()).filter(
    (n): n is AccountNode => n instanceof AccountNode && (!capability || CAPABILITIES[n.account.cloud][capability]),
  );
  if (!roots.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('None of your accounts is on a cloud that can do this.'));
    return undefined;
  }
  if (roots.length === 1) {
    return roots[0];
  }
  return pick(title, vscode.l10n.t('Select an account'), async () =>
    roots.map((n) => ({ label: n.account.name, description: n.treeItem().description?.toString(), value: n })),
  );
}

export async function pickRegion(ctx: CommandContext, title: string, capability?: Capability): Promise<RegionNode | undefined> {
  const account = await pickAccount(ctx, title, capability);
  if (!account) {
    return undefined;
  }
  return pick(title, vscode.l10n.t('Select a region'), async () => {
    const children = await ctx.tree.getChildren(account);
    const regions = children.filter((n): n is RegionNode => n instanceof RegionNode);
    if (!regions.length) {
      throw new Error(children[0]?.treeItem().label?.toString() ?? vscode.l10n.t('No regions are available to this account.'));
    }
    return regions.map((n) => ({ label: n.region.name, description: n.region.id, value: n }));
  });
}

export async function pickImage(ctx: CommandContext, title: string, capability?: Capability): Promise<ImageNode | undefined> {
  const region = await pickRegion(ctx, title, capability);
  if (!region) {
    return undefined;
  }
  let first = true;
  return pick(title, vscode.l10n.t('Select an image (type to filter)'), async () => {
    if (first) {
      await region.loader.ensureFirstPage();
      first = false;
    } else {
      await ctx.tree.loadMore(region);
    }
    if (region.loader.error !== undefined) {
      throw region.loader.error;
    }
    // Only the images the command applies to (their cloud's rules for owner and state); the others are counted.
    const cloud = region.account.cloud;
    const applies = region.loader.items.filter((image) => !capability || !imageRefusal(cloud, image, capability));
    const items: Item<ImageNode>[] = applies.map((image) => ({
      label: image.name,
      description: image.id,
      detail: [imageStateLabel(imageState(cloud, image)), image.osName].filter(Boolean).join(' · '),
      value: region.imageNode(image),
    }));
    const hidden = region.loader.items.length - applies.length;
    if (hidden) {
      items.unshift({ label: vscode.l10n.t('{0} images not listed: this command does not apply to them (not your own, or in a status that does not allow it)', formatNumber(hidden)), kind: vscode.QuickPickItemKind.Separator });
    }
    if (region.loader.hasMore) {
      items.push({
        label: `$(more) ${vscode.l10n.t('Load more…')}`,
        description: region.loader.total === undefined ? '' : vscode.l10n.t('{0} of {1} loaded', formatNumber(region.loader.items.length), formatNumber(region.loader.total)),
        alwaysShow: true,
        more: true,
      });
    }
    return items;
  });
}
