// Regions named in sentences about jobs as the tree names them ("China (Shanghai)", "华东2（上海）"), not by
// their ID: the tree's own region label. A region the tree has not listed (yet) keeps its ID.
import type * as vscode from 'vscode';
import type { ImageTreeProvider } from '../tree/treeProvider';

type Namer = (accountId: string, regionId: string) => string | undefined;

let namer: Namer = () => undefined;

/** From now on, job labels name regions as this tree does (until the returned disposable is disposed). */
export function nameRegionsAsTree(tree: Pick<ImageTreeProvider, 'findRegion'>): vscode.Disposable {
  const mine: Namer = (accountId, regionId) => tree.findRegion(accountId, regionId)?.region.name;
  namer = mine;
  return { dispose: () => { if (namer === mine) { namer = () => undefined; } } };
}

/** The region's name as the tree shows it, else its ID. */
export function regionName(accountId: string, regionId: string): string {
  return namer(accountId, regionId) || regionId;
}
