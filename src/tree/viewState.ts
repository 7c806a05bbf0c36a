// How the Images view narrows and orders what it shows, remembered per workspace (workspaceState): the
// instant filter over loaded images, the sort order, the grouping, and the cloud filters per account and
// per region (a region's own filter wins over its account's, which wins over the settings' default).
import * as vscode from 'vscode';
import { isEmptyFilter, type FilterSupport } from '../providers/core/filters';
import type { ImageFilter, ImageOwner } from '../providers/core/model';
import { imageFilter, QUERY_LIMITS, queryProblem, restoredQuery, type ImagePredicate } from './filter';

export type SortOrder = 'newest' | 'name' | 'size';
export type Grouping = 'none' | 'os' | 'family';

export const SORT_ORDERS: readonly SortOrder[] = ['newest', 'name', 'size'];

/** The context key that is true while the instant filter narrows the view (its title icon shows it). */
export const FILTER_ACTIVE_KEY = 'cloudImageExplorer.filterActive';

const STATE_KEY = 'cloudImageExplorer.view';

interface Saved {
  readonly query?: string;
  readonly sort?: SortOrder;
  readonly group?: Grouping;
  /** By `accountId` (the account's filter) or `accountId/regionId` (a region's own). */
  readonly cloudFilters?: Readonly<Record<string, ImageFilter>>;
}

/** Where a cloud filter applies: every region of an account, or one region. */
export interface FilterScope {
  readonly accountId: string;
  readonly regionId?: string;
}

/** The effective cloud filter of a region and where it comes from. */
export interface EffectiveFilter {
  readonly filter: ImageFilter;
  readonly from: 'region' | 'account' | 'settings';
}

/** Why the instant filter refuses a query, in words for the filter box; undefined when it takes it. */
export function queryRefusal(query: string): string | undefined {
  switch (queryProblem(query)) {
    case 'length':
      return vscode.l10n.t('The filter takes at most {0} characters; this one has {1}.', QUERY_LIMITS.length, query.trim().length);
    case 'words':
      return vscode.l10n.t('The filter takes at most {0} words; this one has {1}.', QUERY_LIMITS.words, query.trim().split(/\s+/u).length);
    default:
      return undefined;
  }
}

function scopeKey(scope: FilterScope): string {
  return scope.regionId === undefined ? scope.accountId : `${scope.accountId}/${scope.regionId}`;
}

export class ViewState implements vscode.Disposable {
  private saved: Saved;
  private predicateCache: { query: string; predicate: ImagePredicate | undefined } | undefined;
  private readonly changed = new vscode.EventEmitter<'query' | 'order' | 'cloud'>();
  /** What changed: the instant filter, the order or grouping, or a cloud filter (the settings' defaults too). */
  readonly onDidChange = this.changed.event;
  private readonly configuration: vscode.Disposable;

  /**
   * `notify` tells the user, once, that a saved filter the filter no longer takes was dropped (it is
   * forgotten in the workspace state at once, so the next reload finds nothing to say).
   */
  constructor(
    private readonly memento: vscode.Memento,
    /** Says something once (a saved filter dropped on restore): the user-input object's notification. */
    notify: (message: string) => void,
  ) {
    this.saved = memento.get<Saved>(STATE_KEY) ?? {};
    const restored = restoredQuery(this.saved.query);
    if (restored.dropped) {
      // A saved query too long, of too many words or not text is dropped before anything matches with it.
      const { query: dropped, ...rest } = this.saved;
      this.saved = rest;
      void memento.update(STATE_KEY, rest);
      const why = typeof dropped === 'string' ? queryRefusal(dropped) : undefined;
      notify(vscode.l10n.t('The saved image filter was not restored: {0} The view shows every loaded image.', why ?? vscode.l10n.t('It was not text.')));
    }
    void this.syncContext();
    this.configuration = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('cloudImageExplorer.defaultOwner') || e.affectsConfiguration('cloudImageExplorer.defaultStatus')) {
        this.changed.fire('cloud');
      } else if (e.affectsConfiguration('cloudImageExplorer.defaultSort')) {
        this.changed.fire('order');
      }
    });
  }

  get query(): string {
    return this.saved.query ?? '';
  }

  /** The instant filter's predicate; undefined when it narrows nothing. */
  get predicate(): ImagePredicate | undefined {
    const query = this.query;
    if (this.predicateCache?.query !== query) {
      // Only a query within the limits ever gets here (setQuery and the restore refuse the others).
      this.predicateCache = { query, predicate: queryProblem(query) ? undefined : imageFilter(query) };
    }
    return this.predicateCache.predicate;
  }

  get sort(): SortOrder {
    const configured = vscode.workspace.getConfiguration('cloudImageExplorer').get<SortOrder>('defaultSort');
    return this.saved.sort ?? (configured && SORT_ORDERS.includes(configured) ? configured : 'newest');
  }

  get group(): Grouping {
    return this.saved.group ?? 'none';
  }

  /** Sets the instant filter; a query over the limits is refused with the reason (the filter stays as it was). */
  async setQuery(query: string): Promise<void> {
    const refused = queryRefusal(query);
    if (refused) {
      throw new Error(refused);
    }
    const trimmed = query.trim();
    if (trimmed === this.query) {
      return;
    }
    await this.save({ ...this.saved, query: trimmed || undefined }, 'query');
  }

  async setSort(sort: SortOrder): Promise<void> {
    await this.save({ ...this.saved, sort }, 'order');
  }

  async setGroup(group: Grouping): Promise<void> {
    await this.save({ ...this.saved, group }, 'order');
  }

  /** The filter set on exactly this scope (not inherited). */
  cloudFilter(scope: FilterScope): ImageFilter | undefined {
    return this.saved.cloudFilters?.[scopeKey(scope)];
  }

  /**
   * Sets the cloud filter of a scope. An empty filter ({}) is kept as "no filter here", so that neither the
   * account's filter nor the settings' default applies below it; undefined forgets the scope's own filter.
   */
  async setCloudFilter(scope: FilterScope, filter: ImageFilter | undefined): Promise<void> {
    const filters = { ...this.saved.cloudFilters };
    if (scope.regionId === undefined) {
      // A new account filter reaches the regions that were only cleared (not those with a filter of their own).
      for (const [key, value] of Object.entries(filters)) {
        if (key.startsWith(`${scope.accountId}/`) && isEmptyFilter(value)) {
          delete filters[key];
        }
      }
    }
    if (filter) {
      filters[scopeKey(scope)] = filter;
    } else {
      delete filters[scopeKey(scope)];
    }
    await this.save({ ...this.saved, cloudFilters: filters }, 'cloud');
  }

  /** Clears an account's filters: its regions' own are forgotten and the account shows everything. */
  async clearAccountFilters(accountId: string): Promise<void> {
    const filters = Object.fromEntries(Object.entries(this.saved.cloudFilters ?? {}).filter(([k]) => !k.startsWith(`${accountId}/`)));
    filters[accountId] = {};
    await this.save({ ...this.saved, cloudFilters: filters }, 'cloud');
  }

  /**
   * Whether a cloud filter may narrow what a region lists (of one account, or of any): one set on the account
   * or a region, or the settings' default where Clear Cloud Filter has not set "no filter" on the account.
   * With the cloud's filter support known, its default counts only where the cloud can apply it.
   */
  cloudFiltered(accountId?: string, support?: FilterSupport): boolean {
    const saved = Object.entries(this.saved.cloudFilters ?? {}).filter(([k]) => accountId === undefined || k === accountId || k.startsWith(`${accountId}/`));
    if (saved.some(([, f]) => !isEmptyFilter(f))) {
      return true;
    }
    if (accountId !== undefined && this.saved.cloudFilters?.[accountId] !== undefined) {
      return false;
    }
    if (support) {
      return defaultFilter(support) !== undefined;
    }
    const config = vscode.workspace.getConfiguration('cloudImageExplorer');
    return config.get<string>('defaultOwner', 'any') !== 'any' || config.get<string>('defaultStatus', 'any') === 'available';
  }

  /** The region's filter, else its account's, else the settings' default owner and status (where the cloud has them). */
  effectiveFilter(accountId: string, regionId: string, support: FilterSupport): EffectiveFilter | undefined {
    // A scope's empty filter is an explicit "no filter" (Clear Cloud Filter): it hides what is below it.
    const own = this.cloudFilter({ accountId, regionId });
    if (own) {
      return isEmptyFilter(own) ? undefined : { filter: own, from: 'region' };
    }
    const account = this.cloudFilter({ accountId });
    if (account) {
      return isEmptyFilter(account) ? undefined : { filter: account, from: 'account' };
    }
    const defaults = defaultFilter(support);
    return defaults ? { filter: defaults, from: 'settings' } : undefined;
  }

  dispose(): void {
    this.configuration.dispose();
    this.changed.dispose();
  }

  private async save(next: Saved, what: 'query' | 'order' | 'cloud'): Promise<void> {
    this.saved = next;
    this.changed.fire(what);
    await Promise.all([this.memento.update(STATE_KEY, next), this.syncContext()]);
  }

  private async syncContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', FILTER_ACTIVE_KEY, this.query !== '');
  }
}

/**
 * The settings' default for regions without a filter of their own: `defaultOwner` where the cloud can
 * filter by it, `defaultStatus` "available" as the cloud's usable status where it has one.
 */
export function defaultFilter(support: FilterSupport): ImageFilter | undefined {
  const config = vscode.workspace.getConfiguration('cloudImageExplorer');
  const owner = config.get<string>('defaultOwner', 'any') as ImageOwner | 'any';
  const status = config.get<string>('defaultStatus', 'any');
  const filter: ImageFilter = {
    ...(owner !== 'any' && support.owners.includes(owner) ? { owner } : {}),
    ...(status === 'available' && support.usableStatus ? { statuses: [support.usableStatus] } : {}),
  };
  return isEmptyFilter(filter) ? undefined : filter;
}
