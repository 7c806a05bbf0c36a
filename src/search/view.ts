// The "Search Results" view: Account -> Region -> the images found, each an image node of the Images
// view (so every image command and menu applies as it does there); a region that failed is an error
// node with Retry, a region searched only in part says so. Title, message and context keys follow the search.
import * as vscode from 'vscode';
import { ImageNode } from '../tree/nodes';
import type { ImageTreeProvider } from '../tree/treeProvider';
import { accountLabel, accountRowLabel, accountSpoken, spokenPair } from '../util/clouds';
import { formatNumber } from '../util/format';
import { explain, logLine, userMessage } from '../util/errors';
import { queryText } from './query';
import { AccountGroup, RegionGroup, type SearchResults } from './results';

export const SEARCH_VIEW = 'cloudImageExplorer.search';
export const SEARCH_RETRY = 'cloudImageExplorer.search.retry';
/** Context keys: the view shows while a search has results to show; Cancel while one runs. */
const HAS_RESULTS = 'cloudImageExplorer.search.hasResults';
const RUNNING = 'cloudImageExplorer.search.running';

/** A region or account that failed: clicking it (or Retry) searches it again. */
export class SearchErrorNode {
  constructor(
    readonly group: AccountGroup | RegionGroup,
    readonly message: string,
    readonly detail: string,
  ) {}
}

/** A region searched only in part: how much of it. */
export class SearchNoteNode {
  constructor(
    readonly group: RegionGroup,
    readonly text: string,
  ) {}
}

export type SearchNode = AccountGroup | RegionGroup | ImageNode | SearchErrorNode | SearchNoteNode;

function countText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 image') : vscode.l10n.t('{0} images', formatNumber(n));
}

function regionItem(group: RegionGroup): vscode.TreeItem {
  const { result, target } = group;
  const item = new vscode.TreeItem(target.region.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `search/${target.account.id}/${target.region.id}`;
  const parts = [target.region.id];
  if (!result) {
    parts.push(vscode.l10n.t('searching…'));
  } else {
    parts.push(countText(result.images.length));
    if (result.state === 'partial') {
      parts.push(vscode.l10n.t('partly searched'));
    }
  }
  item.description = parts.join(' · ');
  item.iconPath = new vscode.ThemeIcon(!result ? 'loading~spin' : result.state === 'failed' ? 'warning' : 'globe');
  item.contextValue = 'searchRegion';
  return item;
}

export class SearchResultsView implements vscode.TreeDataProvider<SearchNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SearchNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly results: SearchResults,
    tree: ImageTreeProvider,
  ) {
    this.subscriptions = [
      results.onDidChange((group) => this.changed.fire(group)),
      // An image node redrawn in the Images view (busy while a command runs, its last error) is redrawn here too.
      tree.onDidChangeTreeData((node) => {
        if (node instanceof ImageNode && this.shows(node)) {
          this.changed.fire(node);
        }
      }),
    ];
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.changed.dispose();
  }

  private shows(node: ImageNode): boolean {
    const group = this.results.accounts.get(node.account.id)?.regions.get(node.parent.region.id);
    return group?.images.some((i) => i.id === node.image.id) === true && group.target.node.findImage(node.image.id) === node;
  }

  getTreeItem(node: SearchNode): vscode.TreeItem {
    if (node instanceof ImageNode) {
      return node.treeItem();
    }
    if (node instanceof AccountGroup) {
      // As in the Images view: the cloud's short name in the row, its full name in the tooltip and when spoken.
      const item = new vscode.TreeItem(accountRowLabel(node.account), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `search/${node.account.id}`;
      item.description = countText(node.count);
      item.tooltip = accountLabel(node.account);
      item.accessibilityInformation = { label: spokenPair(accountSpoken(node.account), item.description) };
      item.iconPath = new vscode.ThemeIcon(node.account.sandbox ? 'beaker' : 'account');
      item.contextValue = 'searchAccount';
      return item;
    }
    if (node instanceof RegionGroup) {
      return regionItem(node);
    }
    if (node instanceof SearchErrorNode) {
      const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
      item.id = `${node.group instanceof RegionGroup ? regionItem(node.group).id : `search/${node.group.account.id}`}/error`;
      item.description = vscode.l10n.t('Click to retry');
      item.tooltip = node.detail;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.contextValue = 'searchError';
      item.command = { command: SEARCH_RETRY, title: vscode.l10n.t('Retry'), arguments: [node] };
      return item;
    }
    const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    item.id = `${regionItem(node.group).id}/note`;
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = 'searchNote';
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: SearchNode): vscode.TreeItem {
    if (node instanceof ImageNode) {
      item.tooltip = node.tooltip();
    }
    return item;
  }

  getChildren(node?: SearchNode): SearchNode[] {
    if (!node) {
      return [...this.results.accounts.values()];
    }
    if (node instanceof AccountGroup) {
      const problem = node.problem ? [new SearchErrorNode(node, node.problem.message, node.problem.detail)] : [];
      return [...problem, ...node.regions.values()];
    }
    if (node instanceof RegionGroup) {
      return regionChildren(node);
    }
    return [];
  }
}

function regionChildren(group: RegionGroup): SearchNode[] {
  const { result, target } = group;
  const children: SearchNode[] = group.images.map((image) => target.node.imageNode(image));
  if (result?.state === 'failed') {
    children.push(new SearchErrorNode(group, explain(result.error), `${userMessage(result.error)}\n\n${logLine(result.error)}`));
  } else if (result?.state === 'partial') {
    const text =
      result.total === undefined
        ? vscode.l10n.t('Searched the first {0} images of this region only', formatNumber(result.scanned))
        : vscode.l10n.t('Searched {0} of {1} images of this region only', formatNumber(result.scanned), formatNumber(result.total));
    children.push(new SearchNoteNode(group, text));
  }
  return children;
}

/** One line on the search: how far it got and what it found. */
export function searchSummary(results: SearchResults): string {
  let failed = 0;
  let partial = 0;
  let regions = 0;
  results.accounts.forEach((a) => {
    failed += a.problem ? 1 : 0;
    a.regions.forEach((r) => {
      failed += r.result?.state === 'failed' ? 1 : 0;
      partial += r.result?.state === 'partial' ? 1 : 0;
      regions += r.images.length ? 1 : 0;
    });
  });
  const found = results.found;
  const parts = [
    results.busy
      ? vscode.l10n.t('Searching… {0} of {1} regions, {2} found', formatNumber(results.done), formatNumber(results.total), formatNumber(found))
      : results.done < results.total
        ? vscode.l10n.t('Stopped after {0} of {1} regions, {2} found', formatNumber(results.done), formatNumber(results.total), formatNumber(found))
        : found
        ? vscode.l10n.t('{0} in {1} regions', countText(found), formatNumber(regions))
        : vscode.l10n.t('Nothing found in {0} regions', formatNumber(results.total)),
  ];
  if (failed) {
    parts.push(vscode.l10n.t('{0} failed', formatNumber(failed)));
  }
  if (partial) {
    parts.push(vscode.l10n.t('{0} searched in part', formatNumber(partial)));
  }
  return parts.join(' · ');
}

/** Shows the view (it is hidden while there is no search) and moves the focus to it. */
export async function showSearchView(): Promise<void> {
  await vscode.commands.executeCommand('setContext', HAS_RESULTS, true);
  await vscode.commands.executeCommand(`${SEARCH_VIEW}.focus`);
}

/** The view, its title and message, and the context keys, following the results. */
export function createSearchView(results: SearchResults, tree: ImageTreeProvider): { provider: SearchResultsView; view: vscode.TreeView<SearchNode>; disposables: vscode.Disposable[] } {
  const provider = new SearchResultsView(results, tree);
  const view = vscode.window.createTreeView(SEARCH_VIEW, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
  const update = (): void => {
    const { query } = results;
    // The query goes in the message, not the title: the workbench capitalises view titles ("Env=Prod").
    view.message = query ? vscode.l10n.t('"{0}": {1}', queryText(query), searchSummary(results)) : undefined;
    void vscode.commands.executeCommand('setContext', HAS_RESULTS, query !== undefined);
    void vscode.commands.executeCommand('setContext', RUNNING, results.busy);
  };
  return { provider, view, disposables: [view, provider, results.onDidChange(update)] };
}
