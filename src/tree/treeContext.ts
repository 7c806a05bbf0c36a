// What the tree's nodes need to load their own children: the account sessions, the view's state and
// filters, and the provider's hooks to redraw, report and retry. The tree provider builds one and hands it
// to every account node (Azure Resources' model items: each node loads its children).
import type { RegionChoice } from '../accounts/regionChoice';
import type { Sessions } from '../accounts/session';
import type { Node } from './nodes';
import type { RegionFilters } from './regionFilters';
import type { ViewState } from './viewState';

export interface TreeContext {
  readonly sessions: Sessions;
  readonly state: ViewState;
  readonly regionChoice: RegionChoice;
  readonly filters: RegionFilters;
  /** Redraws a node (or the whole view) without forgetting anything. */
  redraw(node?: Node): void;
  /** The view's message has new counts to show though no node changed (a first page arrived). */
  countsChanged(): void;
  /** Logs a failure (cancellations are not failures). */
  report(err: unknown): void;
  /** Refreshes a node, forgetting what it loaded. */
  refresh(node: Node): void;
}
