import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { Node } from '../../../src/tree/nodes';

export const EXTENSION_ID = 'cloud-image-explorer.cloud-image-explorer';

export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) {
    throw new Error(`${EXTENSION_ID} is not installed in this host`);
  }
  return ext.activate();
}

export function label(node: Node): string {
  const l = node.treeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

/** Children of a node the way the view asks for them. */
export async function children(a: ExtensionApi, node?: Node): Promise<Node[]> {
  return (await a.tree.getChildren(node)) ?? [];
}
