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

/** How an empty-state row looks besides its label, where it differs from the plain "info" row. */
export interface EmptyLook {
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon?: string;
}

export class EmptyNode implements Node {
  readonly kind = 'empty' as const;
  readonly id: string;

  constructor(
    readonly parent: Node,
    readonly label: string,
    /** What a click does, if anything. */
    readonly command?: vscode.Command,
    readonly look: EmptyLook = {},
  ) {
    this.id = `${parent.id}/empty`;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.look.icon ?? 'info');
    item.description = this.look.description;
    item.tooltip = this.look.tooltip;
    item.contextValue = 'empty';
    item.command = this.command;
    return item;
  }
}

/**
 * What an account shows while some of its regions are hidden: after the regions it shows, a row that counts
 * the hidden ones ("12 regions hidden", in the label, which the sidebar cuts last); when all are hidden, that
 * row alone. A click chooses again (Show/Hide Regions…).
 */
export function hiddenRegionsNode(account: Node, hidden: number, total: number): EmptyNode {
  const command = { command: 'cloudImageExplorer.showHideRegions', title: vscode.l10n.t('Show/Hide Regions…'), arguments: [account] };
  if (hidden >= total) {
    return new EmptyNode(account, vscode.l10n.t('All regions are hidden. Click to choose which to show.'), command);
  }
  const label = hidden === 1 ? vscode.l10n.t('1 region hidden') : vscode.l10n.t('{0} regions hidden', formatNumber(hidden));
  return new EmptyNode(account, label, command, {
    description: vscode.l10n.t('Show/Hide Regions…'),
    tooltip: vscode.l10n.t('{0} of {1} regions are shown. Click to choose which this account shows.', formatNumber(total - hidden), formatNumber(total)),
    icon: 'eye-closed',
  });
}
