// The Images view's data: lazy at every level, errors and empty states as nodes, "Load more…" while pages remain.
import * as vscode from 'vscode';
import type { RegionChoice } from '../accounts/regionChoice';
import type { AccountStore } from '../accounts/store';
import type { Sessions } from '../accounts/session';
import { explain, isCancellation, logLine, userMessage } from '../util/errors';
import { formatNumber } from '../util/format';
import type { Log } from '../util/log';
import { ImageLoader, providerSource } from './imageLoader';
import type { Image } from '../providers/core/model';
import type { FilterSupport } from '../providers/core/filters';
import { GroupNode } from './groupNode';
import { AccountNode, EmptyNode, ErrorNode, hiddenRegionsNode, ImageNode, LoadMoreNode, RegionNode, type Node } from './nodes';
import { countMatching, groupImages, groupKey, shownImages } from './ordering';
import { RegionFilters } from './regionFilters';
import { throttle } from './throttle';
import type { ViewState } from './viewState';
import { regionTooltip } from './quotaTooltip';
import { sharedGroupOf } from './sharedWithMe';

/** While Load All streams pages in, the region is redrawn at most this often (and once at the end). */
export const LOAD_ALL_REDRAW_MS = 250;

export interface ImageChange {
  readonly accountId: string;
  readonly regionId: string;
  readonly imageId: string;
  /** The fresh image, or undefined when it was deleted. */
  readonly image: Image | undefined;
}

export class ImageTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  /** The view message has new counts to show (a first page arrived) though no node changed. */
  private readonly messageDirty = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private accountNodes = new Map<string, AccountNode>();
  private readonly regionNodes = new Map<string, RegionNode[]>();
  private readonly accountErrors = new Map<string, unknown>();
  /** What each account's cloud can filter by (from its provider, once regions were listed). */
  private readonly supports = new Map<string, FilterSupport>();
  private readonly filters: RegionFilters;
  private readonly subscription: vscode.Disposable;
  private readonly stateSubscription: vscode.Disposable;
  private readonly imageChanged = new vscode.EventEmitter<ImageChange>();
  /** Fires when an image changed or disappeared (the details panel listens). */
  readonly onDidChangeImage = this.imageChanged.event;

  constructor(
    private readonly accounts: AccountStore,
    private readonly sessions: Sessions,
    private readonly log: Log,
    readonly state: ViewState,
    private readonly regionChoice: RegionChoice,
  ) {
    this.subscription = vscode.Disposable.from(
      accounts.onDidChange(() => this.refresh()),
      // A new choice of regions redraws the account (or, for the default setting, every account); nothing reloads.
      regionChoice.onDidChange((accountId) => {
        const node = accountId === undefined ? undefined : this.accountNodes.get(accountId);
        (node ? [node] : [...this.accountNodes.values()]).forEach((n) => this.countShown(n));
        this.changed.fire(node);
      }),
    );
    this.filters = new RegionFilters(state, sessions, log, (node) => this.changed.fire(node));
    // A new query, order or cloud filter: every region is dressed again as the view asks for it.
    this.stateSubscription = state.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return node.treeItem();
  }

  /** Tooltips are built when the view asks (on hover), not for every item of every redraw. */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node instanceof ImageNode) {
      item.tooltip = node.tooltip();
    }
    if (node instanceof RegionNode) {
      // Its quotas where the cloud has them: read on the first hover, shown from then on.
      regionTooltip(item, node, () => this.sessions.provider(node.account), () => this.changed.fire(node));
    }
    return item;
  }

  getParent(node: Node): Node | undefined {
    if (node instanceof ImageNode && this.state.group !== 'none') {
      return this.groupNode(node.parent, groupKey(node.image, this.state.group), []);
    }
    return node.parent;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      return this.rootChildren();
    }
    if (node instanceof AccountNode) {
      return this.accountChildren(node);
    }
    if (node instanceof RegionNode) {
      return this.regionChildren(node);
    }
    if (node instanceof GroupNode) {
      return node.images.map((image) => node.parent.imageNode(image));
    }
    return node.children ? node.children() : [];
  }

  /** The view's message while the instant filter narrows it: what filters, and how many loaded images match. */
  message(): string | undefined {
    const { query, predicate } = this.state;
    if (!predicate) {
      return undefined;
    }
    let loaded = 0;
    let matching = 0;
    for (const regions of this.regionNodes.values()) {
      for (const region of regions) {
        loaded += region.loader.items.length;
        // Counted once per list and filter (an appended page on its own), not on every tree event.
        matching += countMatching(region.loader.items, predicate);
      }
    }
    return loaded
      ? vscode.l10n.t('Filter "{0}": {1} of {2} loaded images', query, formatNumber(matching), formatNumber(loaded))
      : vscode.l10n.t('Filter "{0}": no images loaded yet; expand a region to load some.', query);
  }

  /** Keeps a tree view's message in step with the instant filter. */
  bindMessage(view: { message?: string }): vscode.Disposable {
    const update = (): void => {
      view.message = this.message();
    };
    update();
    return vscode.Disposable.from(this.onDidChangeTreeData(update), this.messageDirty.event(update));
  }

  /** What an account's cloud can filter by on the server (asks its provider). */
  async filterSupport(account: AccountNode['account']): Promise<FilterSupport> {
    return (await this.sessions.provider(account)).filters;
  }

  /** Refreshes one node (forgetting what it loaded), or the whole view. */
  refresh(node?: Node): void {
    if (!node) {
      this.accountNodes.clear();
      this.regionNodes.clear();
      this.accountErrors.clear();
    } else if (node instanceof AccountNode) {
      node.regions = undefined;
      this.regionNodes.delete(node.account.id);
      this.accountErrors.delete(node.account.id);
    } else if (node instanceof RegionNode) {
      node.loader.reset();
      this.filters.forgetCount(node);
    }
    this.changed.fire(node);
  }

  /** Redraws a node without forgetting anything. */
  redraw(node: Node): void {
    this.changed.fire(node);
  }

  async loadMore(node: RegionNode): Promise<void> {
    const pending = node.loader.loadMore();
    this.changed.fire(node);
    try {
      await pending;
    } catch (err) {
      this.report(err);
    }
    this.changed.fire(node);
  }

  /** Loads every remaining page of a region, with a cancellable progress notification. */
  async loadAll(node: RegionNode): Promise<void> {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loading images of {0}', node.region.name), cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        const redraw = throttle(() => this.changed.fire(node), LOAD_ALL_REDRAW_MS);
        let last = node.loader.items.length;
        try {
          await node.loader.loadAll(abort.signal, (loaded, total) => {
            const increment = total ? ((loaded - last) / total) * 100 : undefined;
            last = loaded;
            progress.report({ message: total ? vscode.l10n.t('{0} of {1}', formatNumber(loaded), formatNumber(total)) : formatNumber(loaded), increment });
            redraw.request();
          });
        } catch (err) {
          if (!isCancellation(err)) {
            this.report(err);
          }
        } finally {
          sub.dispose();
          redraw.cancel();
          this.changed.fire(node);
        }
      },
    );
  }

  /** The loaded region node of an account, if the tree has it. */
  findRegion(accountId: string, regionId: string): RegionNode | undefined {
    return this.regionNodes.get(accountId)?.find((r) => r.region.id === regionId);
  }

  /** The node of an image, loading the account's regions and the image itself if the tree has not yet. */
  async resolveImage(id: { accountId: string; regionId: string; imageId: string }): Promise<ImageNode | undefined> {
    const account = this.rootChildren().find((n): n is AccountNode => n instanceof AccountNode && n.account.id === id.accountId);
    if (!account) {
      return undefined;
    }
    await this.accountChildren(account);
    const region = this.findRegion(id.accountId, id.regionId);
    if (!region) {
      return undefined;
    }
    const known = region.findImage(id.imageId);
    if (known) {
      return known;
    }
    const provider = await this.sessions.provider(account.account);
    const image = await provider.getImage?.(id.regionId, id.imageId);
    return image ? region.imageNode(image) : undefined;
  }

  /** Puts a fresh copy of an image in its node (refreshing only that node) and tells listeners. */
  updateImage(accountId: string, regionId: string, image: Image): void {
    const region = this.findRegion(accountId, regionId);
    region?.loader.replace(image);
    const node = region?.findImage(image.id);
    if (node) {
      node.image = image;
      node.lastError = undefined;
      this.changed.fire(node);
    }
    this.imageChanged.fire({ accountId, regionId, imageId: image.id, image });
  }

  /** Removes a deleted image's node (refreshing only its region). */
  removeImage(accountId: string, regionId: string, imageId: string): void {
    const region = this.findRegion(accountId, regionId);
    if (region) {
      region.forgetImage(imageId);
      this.changed.fire(region);
    }
    this.imageChanged.fire({ accountId, regionId, imageId, image: undefined });
  }

  /** Shows an operation running on an image node ("Deleting…"), or clears it with an optional error. */
  setBusy(node: ImageNode, busy: string | undefined, error?: string): void {
    node.busy = busy;
    node.lastError = error;
    this.changed.fire(node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.stateSubscription.dispose();
    this.changed.dispose();
    this.messageDirty.dispose();
    this.imageChanged.dispose();
  }

  private rootChildren(): Node[] {
    const fresh = new Map<string, AccountNode>();
    for (const account of this.accounts.list()) {
      const existing = this.accountNodes.get(account.id);
      // Keep the node (and what it loaded) while the account's settings are the same.
      if (existing && JSON.stringify(existing.account) === JSON.stringify(account)) {
        fresh.set(account.id, existing);
      } else {
        this.regionNodes.delete(account.id);
        fresh.set(account.id, new AccountNode(account));
      }
    }
    this.accountNodes = fresh;
    // How many regions each shows, where the user chose (read from state: the account's own regions are
    // not known until it is expanded), so that its description never needs a redraw of its own.
    fresh.forEach((node) => this.countShown(node));
    return [...fresh.values()];
  }

  /** The account's shown-region counts for its description, from the user's choice (no request). */
  private countShown(node: AccountNode): void {
    node.chosenRegions = this.regionChoice.chosen(node.account.id)?.length;
    node.shownRegions = node.regions ? this.regionChoice.visible(node.account.id, node.regions).length : undefined;
  }

  private async accountChildren(node: AccountNode): Promise<Node[]> {
    const error = this.accountErrors.get(node.account.id);
    if (error !== undefined) {
      return [this.errorNode(node, error, () => this.refresh(node))];
    }
    if (!node.regions || !this.supports.has(node.account.id)) {
      try {
        const provider = await this.sessions.provider(node.account);
        this.supports.set(node.account.id, provider.filters);
        node.regions ??= await provider.listRegions();
      } catch (err) {
        this.accountErrors.set(node.account.id, err);
        this.report(err);
        return [this.errorNode(node, err, () => this.refresh(node))];
      }
    }
    if (!node.regions.length) {
      return [new EmptyNode(node, vscode.l10n.t('No regions are available to this account.'))];
    }
    let regions = this.regionNodes.get(node.account.id);
    if (!regions) {
      regions = node.regions.map((r) => new RegionNode(node, r, this.imageLoader(node, r.id)));
      this.regionNodes.set(node.account.id, regions);
    }
    this.filters.dress(regions, this.supports.get(node.account.id)!);
    // Only the regions the user shows (Show/Hide Regions…); the hidden ones keep what they loaded.
    const shown = new Set(this.regionChoice.visible(node.account.id, node.regions).map((r) => r.id));
    // Counted for the account's description at its next redraw (a choice redraws it at once). Not redrawn
    // here: a redraw of the account as its regions are listed races their own expansion (one restored
    // after a reload stays empty).
    this.countShown(node);
    return shown.size ? regions.filter((r) => shown.has(r.region.id)) : [hiddenRegionsNode(node)];
  }

  private imageLoader(node: AccountNode, regionId: string): ImageLoader {
    let region: RegionNode | undefined;
    const filter = (): ReturnType<RegionFilters['filterOf']> => {
      region ??= this.findRegion(node.account.id, regionId);
      return region ? this.filters.filterOf(region) : undefined;
    };
    return new ImageLoader(providerSource(() => this.sessions.provider(node.account), regionId, () => this.sessions.pageSize(), filter));
  }

  /** The loaded images the instant filter keeps, in the view's order, grouped if asked; then Load more, an error or an empty state. */
  private async regionChildren(node: RegionNode): Promise<Node[]> {
    const { loader } = node;
    const support = this.supports.get(node.account.id);
    if (support) {
      this.filters.dress([node], support);
    }
    const before = loader.items.length;
    try {
      await loader.ensureFirstPage();
    } catch (err) {
      this.report(err);
    }
    if (loader.items.length !== before) {
      // The view's message counts what has just arrived. (Not a redraw of the region: one right after its
      // first page makes the workbench drop its images' rich hovers.)
      this.messageDirty.fire();
    }
    const { predicate } = node.view;
    // Sorted and filtered once per list, order and filter (kept between redraws: ordering.ts).
    const shown = shownImages(loader.items, this.state.sort, predicate);
    const children: Node[] =
      this.state.group === 'none'
        ? shown.map((image) => node.imageNode(image))
        : groupImages(shown, this.state.group).map((g) => this.groupNode(node, g.key, g.images));
    if (!children.length && loader.items.length) {
      children.push(new EmptyNode(node, vscode.l10n.t('No loaded image matches the filter "{0}".', this.state.query)));
    }
    if (loader.error !== undefined) {
      // Keep what was loaded; the error node retries the page that failed.
      children.push(this.errorNode(node, loader.error, () => void this.loadMore(node)));
    } else if (loader.hasMore) {
      children.push(new LoadMoreNode(node));
    } else if (!children.length) {
      const filtered = node.view.cloudFilter !== undefined;
      children.push(new EmptyNode(node, filtered ? vscode.l10n.t('No image in this region matches the cloud filter.') : vscode.l10n.t('No images in this region.')));
    }
    // Images shared with this project, where the cloud has them: first, or after the region's only
    // "no images" or error node (which stays what the region says first).
    const received = (await this.sessions.provider(node.account).catch(() => undefined))?.received;
    if (received) {
      const group = sharedGroupOf(node, () => received.listReceived(node.region.id));
      children.splice(children[0]?.kind === 'empty' || children[0]?.kind === 'error' ? 1 : 0, 0, group);
    }
    return children;
  }

  private groupNode(region: RegionNode, key: string | undefined, images: readonly Image[]): GroupNode {
    const label = key ?? (this.state.group === 'family' ? vscode.l10n.t('No image family') : vscode.l10n.t('Other'));
    return new GroupNode(region, key, label, images);
  }

  private errorNode(parent: Node, err: unknown, retry: () => void): ErrorNode {
    return new ErrorNode(parent, explain(err), `${userMessage(err)}\n\n${logLine(err)}`, retry);
  }

  private report(err: unknown): void {
    if (!isCancellation(err)) {
      this.log.error(logLine(err));
    }
  }
}
