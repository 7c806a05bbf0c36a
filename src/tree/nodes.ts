// The tree's nodes: Accounts -> Regions -> Images, each loading its own children (lazily, errors and empty
// states as nodes, "Load more…" while pages remain); the leaves are in leafNodes.ts and imageNode.ts.
import * as vscode from 'vscode';
import { isEmptyFilter, type FilterSupport } from '../providers/core/filters';
import type { AccountConfig, Image, Region } from '../providers/core/model';
import { CAPABILITIES, FILE_TRANSFERS } from '../providers/rules/capabilities';
import { accountLabel, accountRowLabel, accountSpoken, cloudLabel, spokenPair } from '../util/clouds';
import { explain, logLine, userMessage } from '../util/errors';
import { formatNumber } from '../util/format';
import type { ImagePredicate } from './filter';
import { fullFilterText, shortFilterText } from './filterText';
import { GroupNode } from './groupNode';
import { ImageLoader, providerSource } from './imageLoader';
import { ImageNode } from './imageNode';
import { EmptyNode, ErrorNode, hiddenRegionsNode, LoadMoreNode } from './leafNodes';
import { countMatching, groupImages, shownImages } from './ordering';
import { sharedGroupOf } from './sharedWithMe';
import type { TreeContext } from './treeContext';

export { EmptyNode, ErrorNode, hiddenRegionsNode, ImageNode, LoadMoreNode };

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
  /** The region nodes, once the regions are listed: each keeps what it loaded while the account is shown. */
  regionNodes: RegionNode[] | undefined;
  /** What the cloud can filter by on the server (from its provider, once regions were listed). */
  support: FilterSupport | undefined;
  /** Why listing the regions failed, until a refresh. */
  private error: unknown;

  constructor(
    readonly account: AccountConfig,
    private readonly ctx: TreeContext,
  ) {
    this.id = `account:${account.id}`;
  }

  /** Forgets the regions and what they loaded. */
  reset(): void {
    this.regions = undefined;
    this.regionNodes = undefined;
    this.error = undefined;
  }

  /** The account's shown-region counts for its description, from the user's choice (no request). */
  countShown(): void {
    const { regionChoice } = this.ctx;
    this.chosenRegions = regionChoice.chosen(this.account.id)?.length;
    this.shownRegions = this.regions ? regionChoice.visible(this.account.id, this.regions).length : undefined;
    if (this.regions && this.chosenRegions === undefined) {
      // Shown by the default: kept, so that the row reads the same after a reload, before the regions are listed.
      void regionChoice.noteSeen(this.account.id, this.shownRegions!, this.regions.length);
    }
  }

  /** The regions the user shows (Show/Hide Regions…); the hidden ones keep what they loaded. */
  async children(): Promise<Node[]> {
    if (this.error !== undefined) {
      return [errorNode(this, this.error, () => this.ctx.refresh(this))];
    }
    if (!this.regions || !this.support) {
      try {
        const provider = await this.ctx.sessions.provider(this.account);
        this.support = provider.filters;
        this.regions ??= await provider.listRegions();
      } catch (err) {
        this.error = err;
        this.ctx.report(err);
        return [errorNode(this, err, () => this.ctx.refresh(this))];
      }
    }
    if (!this.regions.length) {
      return [new EmptyNode(this, vscode.l10n.t('No regions are available to this account.'))];
    }
    this.regionNodes ??= this.regions.map((r) => new RegionNode(this, r, this.imageLoader(r.id), this.ctx));
    this.ctx.filters.dress(this.regionNodes, this.support);
    const shown = new Set(this.ctx.regionChoice.visible(this.account.id, this.regions).map((r) => r.id));
    // Counted for the description at the next redraw (a choice redraws the account at once). Not redrawn
    // here: a redraw of the account as its regions are listed races their own expansion (one restored
    // after a reload stays empty).
    this.countShown();
    // While some regions are hidden, a last row says how many and chooses again: the choice shows at any
    // width, where the account's description may be cut.
    const hidden = this.regions.length - shown.size;
    const regionNodes = this.regionNodes.filter((r) => shown.has(r.region.id));
    return hidden ? [...regionNodes, hiddenRegionsNode(this, hidden, this.regions.length)] : regionNodes;
  }

  private imageLoader(regionId: string): ImageLoader {
    const { sessions, filters } = this.ctx;
    const filter = (): ReturnType<TreeContext['filters']['filterOf']> => {
      const region = this.regionNodes?.find((r) => r.region.id === regionId);
      return region ? filters.filterOf(region) : undefined;
    };
    return new ImageLoader(providerSource(() => sessions.provider(this.account), regionId, () => sessions.pageSize(), filter));
  }

  treeItem(): vscode.TreeItem {
    // The label is the account's identity with its cloud, short (the full name in the tooltip and the spoken
    // label), so that the four sandbox accounts, or two accounts of one name, read apart at any sidebar width
    // and to a screen reader, and the state after it stays visible at the default width. The description is
    // only that state, most telling first: a retired cloud, how many regions it shows, its own cloud filter.
    // "Sandbox" and the beaker say it is the emulator; the tooltip and the spoken label say it in words.
    const { account } = this;
    const item = new vscode.TreeItem(accountRowLabel(account), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const retired = CAPABILITIES[account.cloud].retired ? vscode.l10n.t('retired') : undefined;
    const hint = this.hint();
    const own = this.ctx.state.cloudFilter({ accountId: account.id });
    const filter = own && !isEmptyFilter(own) ? own : undefined;
    item.description = [retired, hint, filter && shortFilterText(account.cloud, filter)].filter((p) => p !== undefined).join(' · ') || undefined;
    let spoken = accountSpoken(account);
    const label = accountLabel(account);
    const tooltip = [account.sandbox ? `${label}\n\n${vscode.l10n.t('The built-in sandbox: a local emulator of the cloud API, no keys needed.')}` : `${account.name} (${cloudLabel(account.cloud)})`];
    if (hint) {
      const words = this.hint('words') ?? hint;
      spoken = spokenPair(spoken, words);
      tooltip.push(vscode.l10n.t('{0} — "Show/Hide Regions…" chooses which this account shows.', words));
    }
    if (filter) {
      const words = vscode.l10n.t('Cloud filter: {0}', fullFilterText(account.cloud, filter, 'region'));
      spoken = spokenPair(spoken, words);
      tooltip.push(words);
    }
    item.accessibilityInformation = { label: spoken };
    item.tooltip = tooltip.join('\n\n');
    item.iconPath = new vscode.ThemeIcon(account.sandbox ? 'beaker' : 'account');
    // "cloudFiltered" while a cloud filter may narrow one of its regions: only then is Clear Cloud Filter offered.
    const filtered = this.ctx.state.cloudFiltered(account.id, this.support) ? ' cloudFiltered' : '';
    item.contextValue = `account cloud-${account.cloud}${account.sandbox ? ' sandbox' : ''}${filtered}`;
    return item;
  }

  /**
   * While some regions are hidden, how many are shown: "3/19 regions" in the row (it fits at the default
   * width after the label), "3 of 19 regions" in words for the tooltip and a screen reader; "3 regions shown"
   * for a choice made before the regions are listed.
   */
  private hint(form: 'row' | 'words' = 'row'): string | undefined {
    const ofTotal = (shown: number, total: number): string | undefined => {
      if (shown >= total) {
        return undefined;
      }
      return form === 'row'
        ? vscode.l10n.t('{0}/{1} regions', formatNumber(shown), formatNumber(total))
        : vscode.l10n.t('{0} of {1} regions', formatNumber(shown), formatNumber(total));
    };
    if (!this.regions) {
      // Before the regions are listed (after a reload): out of the count the account had when the user chose,
      // or, shown by the default, the counts when its regions were last listed.
      const seen = this.ctx.regionChoice.seen(this.account.id);
      if (seen) {
        return ofTotal(seen[0], seen[1]);
      }
      const total = this.chosenRegions === undefined ? undefined : this.ctx.regionChoice.total(this.account.id);
      if (this.chosenRegions !== undefined && total !== undefined) {
        return ofTotal(this.chosenRegions, total);
      }
      if (this.chosenRegions === undefined) {
        return undefined;
      }
      return this.chosenRegions === 1 ? vscode.l10n.t('1 region shown') : vscode.l10n.t('{0} regions shown', formatNumber(this.chosenRegions));
    }
    const total = this.regions.length;
    return ofTotal(this.shownRegions ?? total, total);
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
    private readonly ctx: TreeContext,
  ) {
    this.id = `${parent.id}/region:${region.id}`;
  }

  /** The loaded images the instant filter keeps, in the view's order, grouped if asked; then Load more, an error or an empty state. */
  async children(): Promise<Node[]> {
    const { loader, ctx } = this;
    if (this.parent.support) {
      ctx.filters.dress([this], this.parent.support);
    }
    const before = loader.items.length;
    try {
      await loader.ensureFirstPage();
    } catch (err) {
      ctx.report(err);
    }
    if (loader.items.length !== before) {
      // The view's message counts what has just arrived. (Not a redraw of the region: one right after its
      // first page makes the workbench drop its images' rich hovers.)
      ctx.countsChanged();
    }
    const { predicate } = this.view;
    const { sort, group, query } = ctx.state;
    // Sorted and filtered once per list, order and filter (kept between redraws: ordering.ts).
    const shown = shownImages(loader.items, sort, predicate);
    const children: Node[] =
      group === 'none' ? shown.map((image) => this.imageNode(image)) : groupImages(shown, group).map((g) => this.groupNode(g.key, g.images));
    if (!children.length && loader.items.length) {
      children.push(new EmptyNode(this, vscode.l10n.t('No loaded image matches the filter "{0}".', query)));
    }
    if (loader.error !== undefined) {
      // Keep what was loaded; the error node retries the page that failed.
      children.push(errorNode(this, loader.error, () => void this.loadMore()));
    } else if (loader.hasMore) {
      children.push(new LoadMoreNode(this));
    } else if (!children.length) {
      const filtered = this.view.cloudFilter !== undefined;
      children.push(new EmptyNode(this, filtered ? vscode.l10n.t('No image in this region matches the cloud filter.') : vscode.l10n.t('No images in this region.')));
    }
    // Images shared with this project, where the cloud has them: first, or after the region's only
    // "no images" or error node (which stays what the region says first).
    const received = (await ctx.sessions.provider(this.account).catch(() => undefined))?.received;
    if (received) {
      const shared = sharedGroupOf(this, () => received.listReceived(this.region.id));
      children.splice(children[0]?.kind === 'empty' || children[0]?.kind === 'error' ? 1 : 0, 0, shared);
    }
    return children;
  }

  /** Loads the next page, redrawing the region as it starts and when it ends; a failure stays on the region. */
  async loadMore(): Promise<void> {
    const pending = this.loader.loadMore();
    this.ctx.redraw(this);
    try {
      await pending;
    } catch (err) {
      this.ctx.report(err);
    }
    this.ctx.redraw(this);
  }

  /** The node of a group of this region's images (by OS or family), as the view groups them. */
  groupNode(key: string | undefined, images: readonly Image[]): GroupNode {
    const label = key ?? (this.ctx.state.group === 'family' ? vscode.l10n.t('No image family') : vscode.l10n.t('Other'));
    return new GroupNode(this, key, label, images);
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
    // What varies first (counts, the cloud filter), the region's ID last: the sidebar cuts the description's
    // end. The spoken label says the same in words ("50 of 420 images loaded", not "50/420").
    const parts: string[] = [];
    let spoken = this.region.name;
    const show = (shown: string, said = shown): void => {
      parts.push(shown);
      spoken = spokenPair(spoken, said);
    };
    if (loader.total !== undefined) {
      const [loaded, total] = [formatNumber(loader.items.length), formatNumber(loader.total)];
      show(`${loaded}/${total}`, loader.total === 1 ? vscode.l10n.t('{0} of 1 image loaded', loaded) : vscode.l10n.t('{0} of {1} images loaded', loaded, total));
    } else if (view.serverCount !== undefined) {
      show(vscode.l10n.t('{0} match', formatNumber(view.serverCount)));
    }
    const matching = loader.items.length ? this.matching() : undefined;
    if (matching !== undefined) {
      show(matching ? vscode.l10n.t('{0} shown by the filter', formatNumber(matching)) : vscode.l10n.t('no loaded image matches'));
    }
    if (view.cloudFilter) {
      item.tooltip = vscode.l10n.t('Cloud filter: {0}', view.cloudFilter.full);
      show(view.cloudFilter.short, item.tooltip);
    }
    show(this.region.id);
    item.description = parts.join(' · ');
    item.accessibilityInformation = { label: spoken };
    item.iconPath = new vscode.ThemeIcon(view.cloudFilter ? 'filter' : 'globe');
    item.contextValue = `region cloud-${this.account.cloud}${view.cloudFilter ? ' cloudFiltered' : ''}${FILE_TRANSFERS[this.account.cloud] ? ' can-importFile' : ''}`;
    return item;
  }
}


/** An error as a node: the short explanation, the full message and log line in its tooltip, and Retry. */
export function errorNode(parent: Node, err: unknown, retry: () => void): ErrorNode {
  return new ErrorNode(parent, explain(err), `${userMessage(err)}\n\n${logLine(err)}`, retry);
}
