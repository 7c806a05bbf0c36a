// The tree's leaves besides images: "Load more…", an error with Retry, and an empty state.
import * as vscode from 'vscode';
import { formatNumber } from '../util/format';
import type { Node, RegionNode } from './nodes';

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
export function hiddenRegionsNode(account: Node): EmptyNode {
  return new EmptyNode(account, vscode.l10n.t('All regions are hidden. Click to choose which to show.'), {
    command: 'cloudImageExplorer.showHideRegions',
    title: vscode.l10n.t('Show/Hide Regions…'),
    arguments: [account],
  });
}
