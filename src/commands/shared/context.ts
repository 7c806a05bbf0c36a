import type * as vscode from 'vscode';
import type { RegionChoice } from '../../accounts/regionChoice';
import type { AccountStore } from '../../accounts/store';
import type { Sessions } from '../../accounts/session';
import type { SearchResults } from '../../search/results';
import type { ImageTreeProvider } from '../../tree/treeProvider';
import type { JobTracker } from '../../jobs/tracker';
import type { TransferManager } from '../../jobs/transfers';
import type { Log } from '../../util/log';
import type { UserInput } from '../../util/userInput';
import type { DetailsPanels } from '../../webviews/detailsPanel';
import type { ChangesInFlight } from './inFlight';

/** What every command may use. */
export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly accounts: AccountStore;
  readonly sessions: Sessions;
  readonly tree: ImageTreeProvider;
  readonly treeView: vscode.TreeView<unknown>;
  readonly log: Log;
  readonly jobs: JobTracker;
  /** Uploads and downloads of image files, as jobs. */
  readonly transfers: TransferManager;
  /** Every prompt, confirmation, notification and file dialog; tests install a scripted double. */
  readonly ui: UserInput;
  readonly panels: DetailsPanels;
  /** At most one change of a kind in flight per image. */
  readonly changes: ChangesInFlight;
  /** The search across every account and its results. */
  readonly search: SearchResults;
  /** Which regions each account shows. */
  readonly regions: RegionChoice;
}
