// Registers every command at activation; a command's handler is loaded on its first run (./handlers.ts is
// the bundle dist/commands.js, see scripts/build.js), so that activation loads none of them.
import type * as vscode from 'vscode';
import { EDITOR_COMMANDS } from '../editor/describe';
import type * as Handlers from './handlers';
import type { CommandContext } from './shared/context';
import { registerCommand } from './shared/register';
import { syncMenuContext } from './view/menuContext';
import { walkthroughOnFirstRun } from './view/firstRun';
import { LOCAL_ENDPOINT_COMMANDS, localEndpointDisposable } from './view/localEndpoint';

/** Every command's id: ./handlers.ts has a handler for each and for nothing else (its type says so). */
export const COMMAND_IDS = [
  ...Object.values(EDITOR_COMMANDS),
  'cloudImageExplorer.addAccount',
  'cloudImageExplorer.editAccount',
  'cloudImageExplorer.importAccounts',
  'cloudImageExplorer.removeAccount',
  'cloudImageExplorer.trySandbox',
  'cloudImageExplorer.refresh',
  'cloudImageExplorer.copyImageId',
  'cloudImageExplorer.loadMore',
  'cloudImageExplorer.loadAll',
  'cloudImageExplorer.retry',
  'cloudImageExplorer.showLog',
  'cloudImageExplorer.openDetails',
  'cloudImageExplorer.openInConsole',
  'cloudImageExplorer.showHideRegions',
  'cloudImageExplorer.tag',
  'cloudImageExplorer.untag',
  'cloudImageExplorer.share',
  'cloudImageExplorer.unshare',
  'cloudImageExplorer.export',
  'cloudImageExplorer.delete',
  'cloudImageExplorer.copy',
  'cloudImageExplorer.rename',
  'cloudImageExplorer.editDescription',
  'cloudImageExplorer.deprecate',
  'cloudImageExplorer.undeprecate',
  'cloudImageExplorer.importImage',
  'cloudImageExplorer.importFromFile',
  'cloudImageExplorer.downloadExport',
  'cloudImageExplorer.jobs.cancelTransfer',
  'cloudImageExplorer.jobs.resumeTransfer',
  'cloudImageExplorer.showInstanceTypes',
  'cloudImageExplorer.acceptShared',
  'cloudImageExplorer.rejectShared',
  'cloudImageExplorer.showQuota',
  'cloudImageExplorer.findUnusedImages',
  'cloudImageExplorer.cleanUpImages',
  'cloudImageExplorer.exportImageList',
  'cloudImageExplorer.exportPlan',
  'cloudImageExplorer.exportSearchResults',
  'cloudImageExplorer.cancelCleanUp',
  'cloudImageExplorer.jobs.refresh',
  'cloudImageExplorer.jobs.clearFinished',
  'cloudImageExplorer.filterImages',
  'cloudImageExplorer.filterImagesActive',
  'cloudImageExplorer.clearFilter',
  'cloudImageExplorer.sortBy',
  'cloudImageExplorer.groupBy',
  'cloudImageExplorer.setCloudFilter',
  'cloudImageExplorer.clearCloudFilter',
  'cloudImageExplorer.searchAll',
  'cloudImageExplorer.search.cancel',
  'cloudImageExplorer.search.clear',
  'cloudImageExplorer.search.retry',
  'cloudImageExplorer.search.reveal',
  'cloudImageExplorer.jobs.cancel',
  'cloudImageExplorer.jobs.retry',
  ...Object.values(LOCAL_ENDPOINT_COMMANDS),
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

let handlers: typeof Handlers.COMMANDS | undefined;

/** The handlers, loaded once on the first command. */
export function commandHandlers(): typeof Handlers.COMMANDS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  handlers ??= (require('./handlers') as typeof Handlers).COMMANDS;
  return handlers;
}

export { walkthroughOnFirstRun };

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    ...COMMAND_IDS.map((id) => registerCommand(ctx, id, (c, ...args) => {
      return commandHandlers()[id](c, ...args);
    })),
    localEndpointDisposable(ctx),
    syncMenuContext(ctx),
  ];
}
