// The tree's nodes: Accounts -> Regions -> Images, plus "Load more…", error and empty-state nodes.
import * as vscode from 'vscode';
import { capabilityFlags } from '../providers/capabilities';
import type { AccountConfig, Image, Region } from '../providers/model';
import { TRANSIENT_STATES } from '../providers/vocabulary';
import { cloudLabel } from '../util/clouds';
import { formatGiB, formatNumber, formatTime } from '../util/format';
import { imageState, imageStateLabel, ownerLabel } from '../util/vocabulary';
import type { ImageLoader } from './imageLoader';

export type NodeKind = 'account' | 'region' | 'image' | 'loadMore' | 'error' | 'empty' | 'sharedWithMe' | 'sharedImage';

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

  constructor(readonly account: AccountConfig) {
    this.id = `account:${account.id}`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.account.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.account.sandbox ? vscode.l10n.t('{0} · emulator', cloudLabel(this.account.cloud)) : cloudLabel(this.account.cloud);
    item.iconPath = new vscode.ThemeIcon(this.account.sandbox ? 'beaker' : 'account');
    item.contextValue = `account cloud-${this.account.cloud}${this.account.sandbox ? ' sandbox' : ''}`;
    item.tooltip = this.account.sandbox
      ? vscode.l10n.t('The built-in sandbox: a local emulator of the cloud API, no keys needed.')
      : `${this.account.name} (${cloudLabel(this.account.cloud)})`;
    return item;
  }
}

export class RegionNode implements Node {
  readonly kind = 'region' as const;
  readonly id: string;
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

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.region.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const count = this.loader.total === undefined ? '' : ` · ${formatNumber(this.loader.items.length)}/${formatNumber(this.loader.total)}`;
    item.description = `${this.region.id}${count}`;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.contextValue = `region cloud-${this.account.cloud}`;
    return item;
  }
}

const OWNER_ICON: Record<string, string> = {
  system: 'package',
  self: 'vm',
  shared: 'live-share',
  community: 'organization',
  marketplace: 'extensions',
  unknown: 'vm',
};

/** One instance per distinct value (icons, context values): thousands of image items share them. */
const shared = new Map<string, vscode.ThemeIcon | string>();

function sharedIcon(id: string, color?: string): vscode.ThemeIcon {
  const key = `icon:${id}:${color ?? ''}`;
  let icon = shared.get(key) as vscode.ThemeIcon | undefined;
  if (!icon) {
    icon = new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
    shared.set(key, icon);
  }
  return icon;
}

function sharedText(text: string): string {
  const known = shared.get(text) as string | undefined;
  if (known !== undefined) {
    return known;
  }
  shared.set(text, text);
  return text;
}

export class ImageNode implements Node {
  readonly kind = 'image' as const;
  readonly id: string;
  private current: Image;
  private busyText: string | undefined;
  private errorText: string | undefined;
  /** The tree item, built once and again only after the image, its busy state or its error changed. */
  private item: vscode.TreeItem | undefined;

  constructor(
    readonly parent: RegionNode,
    image: Image,
  ) {
    this.id = `${parent.id}/image:${image.id}`;
    this.current = image;
  }

  get image(): Image {
    return this.current;
  }

  set image(image: Image) {
    if (image !== this.current) {
      this.current = image;
      this.item = undefined;
    }
  }

  /** Set while an operation on the image runs, e.g. "Deleting…". */
  get busy(): string | undefined {
    return this.busyText;
  }

  set busy(text: string | undefined) {
    this.busyText = text;
    this.item = undefined;
  }

  /** The last operation's failure, shown until the next success. */
  get lastError(): string | undefined {
    return this.errorText;
  }

  set lastError(text: string | undefined) {
    this.errorText = text;
    this.item = undefined;
  }

  get account(): AccountConfig {
    return this.parent.account;
  }

  /** Built once per change; the tooltip is left to `tooltip()`, which the view asks for on hover. */
  treeItem(): vscode.TreeItem {
    this.item ??= this.buildItem();
    return this.item;
  }

  private buildItem(): vscode.TreeItem {
    const { image } = this;
    const item = new vscode.TreeItem(image.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    // The state only when it is not the usual one, so that the ordinary case stays quiet.
    const state = imageState(this.account.cloud, image);
    const parts = [image.name === image.id ? undefined : image.id, state === 'available' ? undefined : imageStateLabel(state)].filter(Boolean);
    item.description = parts.join(' · ');
    const busy = this.busy !== undefined || TRANSIENT_STATES.includes(state);
    item.iconPath = this.lastError ? sharedIcon('warning', 'list.warningForeground') : sharedIcon(busy ? 'loading~spin' : (OWNER_ICON[image.owner] ?? 'vm'));
    if (this.busy) {
      item.description = this.busy;
    }
    // While busy, no command applies; otherwise what this cloud can do (see providers/capabilities.ts).
    item.contextValue = sharedText(
      this.busy ? `image busy cloud-${this.account.cloud}` : `image cloud-${this.account.cloud} owner-${image.owner} ${capabilityFlags(this.account.cloud)}`,
    );
    item.command = { command: 'cloudImageExplorer.openDetails', title: vscode.l10n.t('Open Details'), arguments: [this] };
    return item;
  }

  /** The hover: every fact the listing has about the image. */
  tooltip(): vscode.MarkdownString {
    const { image } = this;
    const state = imageState(this.account.cloud, image);
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = false;
    md.supportHtml = false;
    md.appendMarkdown('**').appendText(image.name).appendMarkdown('**\n\n');
    const rows: [string, string | undefined][] = [
      [vscode.l10n.t('ID'), image.id],
      [vscode.l10n.t('Status'), imageStateLabel(state)],
      [vscode.l10n.t('Type'), ownerLabel(image.owner)],
      [vscode.l10n.t('OS'), image.osName],
      [vscode.l10n.t('Architecture'), image.architecture],
      [vscode.l10n.t('Size'), image.sizeGiB === undefined ? undefined : formatGiB(image.sizeGiB)],
      [vscode.l10n.t('Created'), formatTime(image.createdAt) ?? image.createdAt],
      [vscode.l10n.t('Tags'), image.tags.map((t) => (t.value ? `${t.key}=${t.value}` : t.key)).join(', ') || undefined],
    ];
    for (const [k, v] of rows) {
      if (v) {
        md.appendText(vscode.l10n.t('{0}: {1}', k, v)).appendMarkdown('  \n');
      }
    }
    if (this.lastError) {
      md.appendMarkdown('\n\n$(warning) ').appendText(this.lastError);
      md.supportThemeIcons = true;
    }
    return md;
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
  ) {
    this.id = `${parent.id}/empty`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = 'empty';
    return item;
  }
}
