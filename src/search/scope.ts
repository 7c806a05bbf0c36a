// Where a search looks: every account of the Images view and the regions the view shows for it (its
// visible regions), with the view's own region nodes, so that a result is an image node of that view.
import type { Sessions } from '../accounts/session';
import type { AccountConfig } from '../providers/core/model';
import { AccountNode, ErrorNode, RegionNode } from '../tree/nodes';
import type { ImageTreeProvider } from '../tree/treeProvider';
import type { SearchTarget } from './engine';

export interface ScopedTarget extends SearchTarget {
  readonly node: RegionNode;
}

/** An account whose regions could not be read: the tree's error, its words and its detail. */
export interface AccountProblem {
  readonly account: AccountConfig;
  readonly node: AccountNode;
  readonly message: string;
  readonly detail: string;
}

export interface SearchScope {
  readonly targets: ScopedTarget[];
  readonly problems: AccountProblem[];
}

/** The targets of one account as the tree shows it (its regions loaded if they were not). */
export async function accountScope(tree: ImageTreeProvider, sessions: Sessions, node: AccountNode): Promise<SearchScope> {
  const children = await tree.getChildren(node);
  const targets = children
    .filter((n): n is RegionNode => n instanceof RegionNode)
    .map((r) => ({ account: node.account, region: r.region, node: r, provider: () => sessions.provider(node.account) }));
  const problems = children
    .filter((n): n is ErrorNode => n instanceof ErrorNode)
    .map((e) => ({ account: node.account, node, message: e.message, detail: e.detail }));
  return { targets, problems };
}

/** Every account × visible region of the Images view. */
export async function searchScope(tree: ImageTreeProvider, sessions: Sessions): Promise<SearchScope> {
  const accounts = (await tree.getChildren()).filter((n): n is AccountNode => n instanceof AccountNode);
  const scopes = await Promise.all(accounts.map((a) => accountScope(tree, sessions, a)));
  return { targets: scopes.flatMap((s) => s.targets), problems: scopes.flatMap((s) => s.problems) };
}
