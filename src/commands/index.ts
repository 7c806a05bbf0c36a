import type * as vscode from 'vscode';
import { addAccount } from './addAccount';
import { editAccount } from './editAccount';
import { importAccounts } from './importAccounts';
import type { CommandContext } from './context';
import { copyImageId } from './copyImageId';
import { deleteImages } from './delete';
import { exportImage } from './export';
import { importImage } from './importImage';
import { showQuota } from './quota';
import { acceptShared, rejectShared } from './sharedWithMe';
import { clearFinishedJobs, refreshJobs } from './jobsCommands';
import { openDetails } from './openDetails';
import { share } from './share';
import { tag } from './tag';
import { unshare } from './unshare';
import { untag } from './untag';
import { loadAll } from './loadAll';
import { loadMore } from './loadMore';
import { refresh } from './refresh';
import { registerCommand, type CommandHandler } from './register';
import { removeAccount } from './removeAccount';
import { retry } from './retry';
import { showLog } from './showLog';
import { trySandbox } from './trySandbox';

const COMMANDS: Record<string, CommandHandler> = {
  'cloudImageExplorer.addAccount': addAccount,
  'cloudImageExplorer.editAccount': editAccount,
  'cloudImageExplorer.importAccounts': importAccounts,
  'cloudImageExplorer.removeAccount': removeAccount,
  'cloudImageExplorer.trySandbox': trySandbox,
  'cloudImageExplorer.refresh': refresh,
  'cloudImageExplorer.copyImageId': copyImageId,
  'cloudImageExplorer.loadMore': loadMore,
  'cloudImageExplorer.loadAll': loadAll,
  'cloudImageExplorer.retry': retry,
  'cloudImageExplorer.showLog': showLog,
  'cloudImageExplorer.openDetails': openDetails,
  'cloudImageExplorer.tag': tag,
  'cloudImageExplorer.untag': untag,
  'cloudImageExplorer.share': share,
  'cloudImageExplorer.unshare': unshare,
  'cloudImageExplorer.export': exportImage,
  'cloudImageExplorer.delete': deleteImages,
  'cloudImageExplorer.importImage': importImage,
  'cloudImageExplorer.acceptShared': acceptShared,
  'cloudImageExplorer.rejectShared': rejectShared,
  'cloudImageExplorer.showQuota': showQuota,
  'cloudImageExplorer.jobs.refresh': refreshJobs,
  'cloudImageExplorer.jobs.clearFinished': clearFinishedJobs,
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) => registerCommand(ctx, id, handler));
}
