// The tree's nodes: Accounts -> Regions -> Images, plus "Load more…", error and empty-state nodes.
import * as vscode from 'vscode';
import type { AccountConfig, Image, Region } from '../providers/core/model';
import { cloudLabel } from '../util/clouds';
import { formatNumber } from '../util/format';
import type { ImagePredicate } from './filter';
import type { ImageLoader } from './imageLoader';
import { ImageNode } from './imageNode';
import { countMatching } from './ordering';

export { ImageNode };

export type NodeKind = 'account' | 'region' | 'group' | 'image' | 'loadMore' | 'error' | 'empty' | 'sharedWithMe' | 'sharedImage';

export interface Node {
  /** Lets code outside this bundle (tests, pickers) tell nodes apart without instanceof. */
  readonly kind: NodeKind;
  readonly id: string;
  readonly parent?: Node;
  treeItem(): vscode.TreeItem;
  children?(): Promise<Node[]>;
}

export class AccountNode implements Node {
  readonly kind = 'account' as const;
  readonly id: string;
  /** Regions once loaded; undefined until the node is first expanded. */
  regions: readonly Region[] | undefined;
  /** How many of them the user shows (Show/Hide Regions…), once known. */
  shownRegions: number | undefined;
  /** How many regions the user chose to show, where they chose (known before the regions are). */
  chosenRegions: number | undefined;

  constructor(readonly account: AccountConfig) {
    this.id = `account:${account.id}`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.account.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const cloud = this.account.sandbox ? vscode.l10n.t('{0} · emulator', cloudLabel(this.account.cloud)) : cloudLabel(this.account.cloud);
    const hint = this.hint();
    item.description = hint ? `${cloud} · ${hint}` : cloud;
    item.iconPath = new vscode.ThemeIcon(this.account.sandbox ? 'beaker' : 'account');
    item.contextValue = `account cloud-${this.account.cloud}${this.account.sandbox ? ' sandbox' : ''}`;
    item.tooltip = this.account.sandbox
      ? vscode.l10n.t('The built-in sandbox: a local emulator of the cloud API, no keys needed.')
      : `${this.account.name} (${cloudLabel(this.account.cloud)})`;
    if (hint) {
      item.tooltip += `\n\n${vscode.l10n.t('Some regions are hidden: "Show/Hide Regions…" chooses which this account shows.')}`;
    }
    return item;
  }

  /** "3 of 19 regions" while some regions are hidden; "3 regions shown" for a choice made before the regions are listed. */
  private hint(): string | undefined {
    if (!this.regions) {
      return this.chosenRegions === undefined ? undefined : vscode.l10n.t('{0} regions shown', formatNumber(this.chosenRegions));
    }
    const total = this.regions.length;
    const shown = this.shownRegions ?? total;
    return shown < total ? vscode.l10n.t('{0} of {1} regions', formatNumber(shown), formatNumber(total)) : undefined;
  }
}

/** What narrows a region's list, as the tree provider sets it before a redraw. */
export interface RegionView {
  /** The instant filter over loaded images. */
  readonly predicate?: ImagePredicate;
  /** The cloud filter in a few words (description) and in full (tooltip). */
  readonly cloudFilter?: { readonly short: string; readonly full: string };
  /** How many images the cloud filter matches, counted by the cloud before anything is loaded. */
  readonly serverCount?: number;
}

export class RegionNode implements Node {
  readonly kind = 'region' as const;
  readonly id: string;
  view: RegionView = {};
  private readonly imageNodes = new Map<string, ImageNode>();

  constructor(
    readonly parent: AccountNode,
    readonly region: Region,
    readonly loader: ImageLoader,
  ) {
    this.id = `${parent.id}/region:${region.id}`;
  }

  get account(): AccountConfig {
    return this.parent.account;
  }

  /** One node per image for the region's life, so the view can refresh it alone. */
  imageNode(image: Image): ImageNode {
    let node = this.imageNodes.get(image.id);
    if (!node) {
      node = new ImageNode(this, image);
      this.imageNodes.set(image.id, node);
    } else {
      node.image = image;
    }
    return node;
  }

  findImage(imageId: string): ImageNode | undefined {
    return this.imageNodes.get(imageId);
  }

  forgetImage(imageId: string): void {
    this.imageNodes.delete(imageId);
    this.loader.remove(imageId);
  }

  /** How many loaded images the instant filter keeps; undefined without a filter. */
  matching(): number | undefined {
    const { predicate } = this.view;
    return predicate ? countMatching(this.loader.items, predicate) : undefined;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const { loader, view } = this;
    const parts = [this.region.id];
    if (loader.total !== undefined) {
      parts.push(`${formatNumber(loader.items.length)}/${formatNumber(loader.total)}`);
    } else if (view.serverCount !== undefined) {
      parts.push(vscode.l10n.t('{0} match', formatNumber(view.serverCount)));
    }
    const matching = loader.items.length ? this.matching() : undefined;
    if (matching !== undefined) {
      parts.push(matching ? vscode.l10n.t('{0} shown by the filter', formatNumber(matching)) : vscode.l10n.t('no loaded image matches'));
    }
    if (view.cloudFilter) {
      parts.push(view.cloudFilter.short);
      item.tooltip = vscode.l10n.t('Cloud filter: {0}', view.cloudFilter.full);
    }
    item.description = parts.join(' · ');
    item.iconPath = new vscode.ThemeIcon(view.cloudFilter ? 'filter' : 'globe');
    item.contextValue = `region cloud-${this.account.cloud}${view.cloudFilter ? ' cloudFiltered' : ''}`;
    return item;
  }
}

export class LoadMoreNode implements Node {
  readonly kind = 'loadMore' as const;
  readonly id: string;

  constructor(readonly parent: RegionNode) {
    this.id = `${parent.id}/load-more`;
  }

  treeItem(): vscode.TreeItem {
    const { loader } = this.parent;
    const loading = loader.loading;
    const label = loading ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    if (loader.total !== undefined) {
      item.description = vscode.l10n.t('{0} of {1} loaded', formatNumber(loader.items.length), formatNumber(loader.total));
    }
    item.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'more');
    item.contextValue = 'loadMore';
    item.command = { command: 'cloudImageExplorer.loadMore', title: vscode.l10n.t('Load More'), arguments: [this] };
    return item;
  }
}

export class ErrorNode implements Node {
  readonly kind = 'error' as const;
  readonly id: string;

  constructor(
    readonly parent: Node | undefined,
    readonly message: string,
    readonly detail: string,
    /** What Retry does; the tree then refreshes the parent. */
    readonly retry: () => void,
  ) {
    this.id = `${parent?.id ?? 'root'}/error`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = vscode.l10n.t('Click to retry');
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.tooltip = this.detail;
    item.contextValue = 'error';
    item.command = { command: 'cloudImageExplorer.retry', title: vscode.l10n.t('Retry'), arguments: [this] };
    return item;
  }
}

export class EmptyNode implements Node {
  readonly kind = 'empty' as const;
  readonly id: string;

  constructor(
    readonly parent: Node,
    readonly label: string,
    /** What a click does, if anything. */
    readonly command?: vscode.Command,
  ) {
    this.id = `${parent.id}/empty`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = 'empty';
    item.command = this.command;
    return item;
  }
}

/** What an account whose regions are all hidden shows: a click chooses again. */
export function hiddenRegionsNode(account: AccountNode): EmptyNode {
  return new EmptyNode(account, vscode.l10n.t('All regions are hidden. Click to choose which to show.'), {
    command: 'cloudImageExplorer.showHideRegions',
    title: vscode.l10n.t('Show/Hide Regions…'),
    arguments: [account],
  });
}
