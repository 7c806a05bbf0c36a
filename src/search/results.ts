// The state of the search across accounts: the query, each account's regions that have something to
// show (results, a failure, a bound reached), progress, and the one run under way. A new search
// cancels the one before; results arrive region by region; a failed region or account is retried alone.
import * as vscode from 'vscode';
import type { Sessions } from '../accounts/session';
import type { AccountConfig, Image } from '../providers/core/model';
import type { ImageChange, ImageTreeProvider } from '../tree/treeProvider';
import { searchAll, searchRegion, searchTargets, type RegionResult } from './engine';
import { queryAppliesTo, type SearchQuery } from './query';
import { accountScope, searchScope, type AccountProblem, type ScopedTarget } from './scope';

export class RegionGroup {
  /** Undefined while the region is being searched (again). */
  result: RegionResult<ScopedTarget> | undefined;

  constructor(
    readonly parent: AccountGroup,
    readonly target: ScopedTarget,
  ) {}

  get images(): readonly Image[] {
    return this.result?.images ?? [];
  }
}

export class AccountGroup {
  readonly regions = new Map<string, RegionGroup>();
  /** The account's regions could not be read. */
  problem: AccountProblem | undefined;

  constructor(readonly account: AccountConfig) {}

  get count(): number {
    let n = 0;
    this.regions.forEach((r) => (n += r.images.length));
    return n;
  }
}

/** What changed: a group, or everything (undefined). */
export type SearchChange = AccountGroup | RegionGroup | undefined;

/** Whether a region is worth a line in the results: something found, a failure, or a bound reached. */
function shown(result: RegionResult): boolean {
  return result.images.length > 0 || result.state === 'failed' || result.state === 'partial';
}

export class SearchResults implements vscode.Disposable {
  query: SearchQuery | undefined;
  readonly accounts = new Map<string, AccountGroup>();
  /** Regions searched (whatever their outcome) and to search, in the current run. */
  done = 0;
  total = 0;
  private controller = new AbortController();
  private running: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<SearchChange>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly tree: ImageTreeProvider,
    private readonly sessions: Sessions,
  ) {
    this.subscription = tree.onDidChangeImage((change) => this.imageChanged(change));
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Images found so far. */
  get found(): number {
    let n = 0;
    this.accounts.forEach((a) => (n += a.count));
    return n;
  }

  /** Starts a search (cancelling the one under way); resolves when every region has its outcome or the search was cancelled. */
  search(query: SearchQuery): Promise<void> {
    this.reset();
    this.query = query;
    const { signal } = this.controller;
    const run = this.run(query, signal).finally(() => {
      if (this.running === run) {
        this.running = undefined;
        this.changed.fire(undefined);
      }
    });
    this.running = run;
    this.changed.fire(undefined);
    return run;
  }

  /** Stops the search under way (and retries), keeping what was found. */
  cancel(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }

  /** Forgets the query and its results. */
  clear(): void {
    this.reset();
    this.query = undefined;
    this.changed.fire(undefined);
  }

  /** Searches a failed region again. */
  async retryRegion(group: RegionGroup): Promise<void> {
    const query = this.query;
    if (!query || this.accounts.get(group.parent.account.id)?.regions.get(group.target.region.id) !== group) {
      return;
    }
    group.result = undefined;
    this.changed.fire(group);
    this.record(await searchRegion(query, group.target, { signal: this.controller.signal }), query);
  }

  /** Reads a failed account's regions again, then searches them. */
  async retryAccount(group: AccountGroup): Promise<void> {
    const query = this.query;
    const problem = group.problem;
    if (!query || !problem || this.accounts.get(group.account.id) !== group) {
      return;
    }
    group.problem = undefined;
    this.changed.fire(group);
    this.tree.refresh(problem.node);
    const scope = await accountScope(this.tree, this.sessions, problem.node);
    if (this.query !== query) {
      return;
    }
    scope.problems.forEach((p) => this.addProblem(p));
    const { signal } = this.controller;
    await searchAll(query, scope.targets, { signal, onResult: (result) => this.record(result, query) });
  }

  dispose(): void {
    this.controller.abort();
    this.subscription.dispose();
    this.changed.dispose();
  }

  private reset(): void {
    this.cancel();
    this.running = undefined;
    this.accounts.clear();
    this.done = 0;
    this.total = 0;
  }

  private async run(query: SearchQuery, signal: AbortSignal): Promise<void> {
    const scope = await searchScope(this.tree, this.sessions);
    if (signal.aborted) {
      return;
    }
    scope.problems.filter((p) => queryAppliesTo(query, p.account.cloud)).forEach((p) => this.addProblem(p));
    const targets = searchTargets(query, scope.targets);
    this.total = targets.length;
    this.changed.fire(undefined);
    await searchAll(query, targets, {
      signal,
      onResult: (result) => {
        if (this.query === query && !signal.aborted) {
          this.done++;
          this.record(result, query);
        }
      },
    });
  }

  private accountGroup(account: AccountConfig): AccountGroup {
    let group = this.accounts.get(account.id);
    if (!group) {
      group = new AccountGroup(account);
      this.accounts.set(account.id, group);
    }
    return group;
  }

  private addProblem(problem: AccountProblem): void {
    this.accountGroup(problem.account).problem = problem;
    this.changed.fire(undefined);
  }

  /** Puts a region's outcome in place (a cancelled one only where it had found something). */
  private record(result: RegionResult<ScopedTarget>, query: SearchQuery): void {
    if (this.query !== query) {
      return;
    }
    const { account, region } = result.target;
    const existing = this.accounts.get(account.id)?.regions.get(region.id);
    if (!shown(result) && !existing) {
      this.changed.fire(undefined); // progress only
      return;
    }
    const isNew = !this.accounts.has(account.id);
    const group = this.accountGroup(account);
    const regionGroup = existing ?? new RegionGroup(group, result.target);
    regionGroup.result = result;
    group.regions.set(region.id, regionGroup);
    // A new account is a new root; otherwise its group (its count changed too).
    this.changed.fire(isNew ? undefined : group);
  }

  /** An image changed or went (a tag, a delete…): its result follows, with no request. */
  private imageChanged(change: ImageChange): void {
    const group = this.accounts.get(change.accountId)?.regions.get(change.regionId);
    const result = group?.result;
    if (!group || !result?.images.some((i) => i.id === change.imageId)) {
      return;
    }
    const images = change.image ? result.images.map((i) => (i.id === change.imageId ? change.image! : i)) : result.images.filter((i) => i.id !== change.imageId);
    group.result = { ...result, images };
    this.changed.fire(group.parent);
  }
}
