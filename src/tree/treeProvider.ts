// The Images view's data: the accounts at the root; every node below loads its own children (nodes.ts).
import * as vscode from 'vscode';
import type { RegionChoice } from '../accounts/regionChoice';
import type { AccountStore } from '../accounts/store';
import type { Sessions } from '../accounts/session';
import { isCancellation, logLine } from '../util/errors';
import { formatNumber } from '../util/format';
import type { Log } from '../util/log';
import type { Image } from '../providers/core/model';
import type { FilterSupport } from '../providers/core/filters';
import { AccountNode, ImageNode, RegionNode, type Node } from './nodes';
import { countMatching, groupKey } from './ordering';
import { RegionFilters } from './regionFilters';
import { throttle } from './throttle';
import type { ViewState } from './viewState';
import { regionTooltip } from './quotaTooltip';
import type { TreeContext } from './treeContext';

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
  private readonly filters: RegionFilters;
  private readonly ctx: TreeContext;
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
    regionChoice: RegionChoice,
  ) {
    this.subscription = vscode.Disposable.from(
      accounts.onDidChange(() => this.refresh()),
      // A new choice of regions redraws the account (or, for the default setting, every account); nothing reloads.
      regionChoice.onDidChange((accountId) => {
        const node = accountId === undefined ? undefined : this.accountNodes.get(accountId);
        (node ? [node] : [...this.accountNodes.values()]).forEach((n) => n.countShown());
        this.changed.fire(node);
      }),
    );
    this.filters = new RegionFilters(state, sessions, log, (node) => this.changed.fire(node));
    this.ctx = {
      sessions,
      state,
      regionChoice,
      filters: this.filters,
      redraw: (node) => this.changed.fire(node),
      countsChanged: () => this.messageDirty.fire(),
      report: (err) => this.report(err),
      refresh: (node) => this.refresh(node),
    };
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
      return node.parent.groupNode(groupKey(node.image, this.state.group), []);
    }
    return node.parent;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    return node ? (node.children ? node.children() : []) : this.rootChildren();
  }

  /** The view's message while the instant filter narrows it: what filters, and how many loaded images match. */
  message(): string | undefined {
    const { query, predicate } = this.state;
    if (!predicate) {
      return undefined;
    }
    let loaded = 0;
    let matching = 0;
    for (const account of this.accountNodes.values()) {
      for (const region of account.regionNodes ?? []) {
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
    } else if (node instanceof AccountNode) {
      node.reset();
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

  loadMore(node: RegionNode): Promise<void> {
    return node.loadMore();
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

  /** The regions the tree shows now: of each account expanded, those the user chose to show (Show/Hide Regions…). */
  shownRegions(): RegionNode[] {
    return [...this.accountNodes.values()].flatMap((a) => {
      const shown = new Set(a.regions ? this.ctx.regionChoice.visible(a.account.id, a.regions).map((r) => r.id) : []);
      return (a.regionNodes ?? []).filter((r) => shown.has(r.region.id));
    });
  }

  /** The loaded region node of an account, if the tree has it. */
  findRegion(accountId: string, regionId: string): RegionNode | undefined {
    return this.accountNodes.get(accountId)?.regionNodes?.find((r) => r.region.id === regionId);
  }

  /** The node of an image, loading the account's regions and the image itself if the tree has not yet. */
  async resolveImage(id: { accountId: string; regionId: string; imageId: string }): Promise<ImageNode | undefined> {
    const account = this.rootChildren().find((n): n is AccountNode => n instanceof AccountNode && n.account.id === id.accountId);
    if (!account) {
      return undefined;
    }
    await account.children();
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
      fresh.set(account.id, existing && JSON.stringify(existing.account) === JSON.stringify(account) ? existing : new AccountNode(account, this.ctx));
    }
    this.accountNodes = fresh;
    // How many regions each shows, where the user chose (read from state: the account's own regions are
    // not known until it is expanded), so that its description never needs a redraw of its own.
    fresh.forEach((node) => node.countShown());
    return [...fresh.values()];
  }

  private report(err: unknown): void {
    if (!isCancellation(err)) {
      this.log.error(logLine(err));
    }
  }
}
