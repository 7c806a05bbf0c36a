// An intermediate node under a region when the view groups images (by OS or by image family).
import * as vscode from 'vscode';
import type { Image } from '../providers/core/model';
import { formatNumber } from '../util/format';
import type { Node, RegionNode } from './nodes';

export class GroupNode implements Node {
  readonly kind = 'group' as const;
  readonly id: string;

  constructor(
    readonly parent: RegionNode,
    /** undefined: the images the cloud says nothing about. */
    readonly key: string | undefined,
    readonly label: string,
    /** The group's images, in the view's order. */
    readonly images: readonly Image[],
  ) {
    this.id = `${parent.id}/group:${key ?? ''}`;
  }

  async children(): Promise<Node[]> {
    return this.images.map((image) => this.parent.imageNode(image));
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = formatNumber(this.images.length);
    item.iconPath = new vscode.ThemeIcon('folder');
    item.contextValue = 'group';
    return item;
  }
}
