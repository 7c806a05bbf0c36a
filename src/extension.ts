// Wiring only: build the pieces, register them, hand tests a small API.
import * as vscode from 'vscode';
import { Sessions } from './accounts/session';
import { RegionChoice } from './accounts/regionChoice';
import { SandboxHost } from './accounts/sandboxHost';
import { AccountStore } from './accounts/store';
import { registerCommands, walkthroughOnFirstRun } from './commands';
import { ChangesInFlight } from './commands/shared/inFlight';
import { MENU_CONTEXT } from './commands/view/menuContext';
import type { CommandContext } from './commands/shared/context';
import { registerImageIds, type ImageIdsApi } from './editor';
import { JobsViewProvider } from './jobs/jobsView';
import { ElsewhereJobs } from './jobs/elsewhere';
import { JobTracker } from './jobs/tracker';
import { TransferManager } from './jobs/transfers';
import { syncTreeWithTransfers } from './jobs/transferSync';
import { syncTreeWithJobs } from './jobs/treeSync';
import { syncTreeWithLifecycleJobs } from './jobs/lifecycleSync';
import type { AccountConfig } from './providers/core/model';
import type { ImageProvider } from './providers/core/provider';
import type { Emulator } from './sandbox/emulator';
import { SearchResults } from './search/results';
import { createSearchView, type SearchResultsView } from './search/view';
import { ImageTreeProvider } from './tree/treeProvider';
import { ViewState } from './tree/viewState';
import { Log, logCount } from './util/log';
import { ReplaceableUserInput, type UserInput, VsCodeUserInput } from './util/userInput';
import { DetailsPanels } from './webviews/detailsPanel';
import { panelActions } from './webviews/panelActions';

export interface ExtensionApi {
  readonly tree: ImageTreeProvider;
  readonly accounts: AccountStore;
  /**
   * Tests: answer every prompt (picks, input boxes, confirmations, dialogs) and receive every
   * notification through `ui` from now on; undefined puts VS Code's own prompts back.
   */
  useUserInput(ui: UserInput | undefined): void;
  readonly jobs: JobTracker;
  /** Uploads and downloads of image files (the Jobs view shows them too). */
  readonly transfers: TransferManager;
  /** The Jobs view's data (its items as shown) and the status bar's count. */
  readonly jobsView: JobsViewProvider;
  readonly panels: DetailsPanels;
  /** The search across every account and its results, and the Search Results view's data. */
  readonly search: SearchResults;
  readonly searchView: SearchResultsView;
  /** The in-process emulator behind the Sandbox account (started on first use). */
  sandbox(): Promise<Emulator>;
  /** The provider the extension uses for an account. */
  provider(account: AccountConfig): Promise<ImageProvider>;
  /** Where VS Code keeps this extension's logs (the output channel's file is under it). */
  readonly logUri: vscode.Uri;
  /** Image IDs in open editors: when a document's diagnostics are up to date. */
  readonly imageIds: ImageIdsApi;
  /** The context keys the menus, the palette and the keybindings read, as last set (commands/view/menuContext.ts). */
  readonly menuContext: ReadonlyMap<string, unknown>;
}

let sandboxHost: SandboxHost | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = new Log();
  const accounts = new AccountStore(context.globalState, context.secrets);
  void accounts.migrate().then(
    (moved) => moved && log.info(`Moved the AccessKey IDs of ${logCount(moved, 'account')} from global state to Secret Storage.`),
    (err: unknown) => log.warn(`Could not move AccessKey IDs to Secret Storage: ${String(err)}`),
  );
  const sandbox = new SandboxHost(context.extensionPath);
  sandboxHost = sandbox;
  const sessions = new Sessions(accounts, sandbox, log);
  const regions = new RegionChoice(context.globalState);
  const ui = new ReplaceableUserInput(new VsCodeUserInput());
  const viewState = new ViewState(context.workspaceState, (message) => void ui.notify('info', message));
  const tree = new ImageTreeProvider(accounts, sessions, log, viewState, regions);
  const treeView = vscode.window.createTreeView('cloudImageExplorer.images', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const jobs = new JobTracker(context.globalState, accounts, sessions, log, ui, undefined, () => {
    const seconds = vscode.workspace.getConfiguration('cloudImageExplorer.jobs').get<number>('pollIntervalSeconds', 0);
    return seconds > 0 ? Math.max(1, seconds) * 1000 : undefined;
  });
  const transfers = new TransferManager(context.globalState, accounts, sessions, jobs, log, ui);
  const elsewhere = new ElsewhereJobs(
    jobs,
    sessions,
    () => tree.shownRegions().map((r) => ({ account: r.account, regionId: r.region.id, imageName: (id: string) => r.findImage(id)?.image.name })),
    log,
    () => {
      const seconds = vscode.workspace.getConfiguration('cloudImageExplorer.jobs').get<number>('pollIntervalSeconds', 0);
      return seconds > 0 ? Math.max(1, seconds) * 1000 : undefined;
    },
  );
  const jobsView = new JobsViewProvider(jobs, transfers);
  const jobsTreeView = vscode.window.createTreeView('cloudImageExplorer.jobs', { treeDataProvider: jobsView });
  const panels = new DetailsPanels(context.extensionUri, accounts, sessions, jobs, tree, log, panelActions(tree), ui);
  const search = new SearchResults(tree, sessions);
  const searchView = createSearchView(search, tree);
  const ctx: CommandContext = {
    extension: context, accounts, sessions, tree, treeView, log, ui, jobs, panels, changes: new ChangesInFlight(jobs, transfers), search, regions, transfers,
  };
  context.subscriptions.push(
    log, accounts, sessions, viewState, regions, tree, treeView, jobs, elsewhere, jobsView, panels,
    tree.bindMessage(treeView),
    jobsTreeView,
    jobsView.followVisibility(jobsTreeView),
    syncTreeWithJobs(jobs, tree, accounts, sessions),
    syncTreeWithLifecycleJobs(jobs, tree),
    transfers,
    syncTreeWithTransfers(transfers, tree, jobs),
    ...registerCommands(ctx),
    search,
    ...searchView.disposables,
  );
  const imageIds = registerImageIds({ accounts, sessions, tree, log });
  context.subscriptions.push(...imageIds.disposables);
  // Nothing but registrations at activation: the first listing of jobs started elsewhere and the
  // first-run walkthrough wait until the host has finished activating the extension.
  const afterActivation = setTimeout(() => {
    elsewhere.start();
    walkthroughOnFirstRun(ctx);
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(afterActivation) });
  return {
    tree,
    accounts,
    useUserInput: (replacement) => ui.use(replacement),
    jobs,
    transfers,
    jobsView,
    panels,
    search,
    searchView: searchView.provider,
    sandbox: () => sandbox.instance(),
    provider: (account) => sessions.provider(account),
    logUri: context.logUri,
    imageIds: imageIds.api,
    menuContext: MENU_CONTEXT,
  };
}

export async function deactivate(): Promise<void> {
  await sandboxHost?.dispose();
  sandboxHost = undefined;
}
