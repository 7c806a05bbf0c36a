import type * as vscode from 'vscode';
import { addAccount } from './addAccount';
import { editAccount } from './editAccount';
import { importAccounts } from './importAccounts';
import type { CommandContext } from './context';
import { copyImage } from './copy';
import { copyImageId } from './copyImageId';
import { deleteImages } from './delete';
import { deprecateImage, editDescription, renameImage, undeprecateImage } from './editImage';
import { exportImage } from './export';
import { cancelJob, retryJob } from './jobActions';
import { importImage } from './importImage';
import { showQuota } from './quota';
import { acceptShared, rejectShared } from './sharedWithMe';
import { clearFinishedJobs, refreshJobs } from './jobsCommands';
import { openDetails } from './openDetails';
import { openInConsole } from './openInConsole';
import { showHideRegions } from './showHideRegions';
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
import { cancelSearch, clearSearch, retrySearch, revealSearchResult, searchAll } from './search';
import { showLog } from './showLog';
import { trySandbox } from './trySandbox';
import { clearCloudFilter, setCloudFilter } from './cloudFilter';
import { clearFilter, filterImages, groupBy, sortBy } from './viewFilter';

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
  'cloudImageExplorer.openInConsole': openInConsole,
  'cloudImageExplorer.showHideRegions': showHideRegions,
  'cloudImageExplorer.tag': tag,
  'cloudImageExplorer.untag': untag,
  'cloudImageExplorer.share': share,
  'cloudImageExplorer.unshare': unshare,
  'cloudImageExplorer.export': exportImage,
  'cloudImageExplorer.delete': deleteImages,
  'cloudImageExplorer.copy': copyImage,
  'cloudImageExplorer.rename': renameImage,
  'cloudImageExplorer.editDescription': editDescription,
  'cloudImageExplorer.deprecate': deprecateImage,
  'cloudImageExplorer.undeprecate': undeprecateImage,
  'cloudImageExplorer.importImage': importImage,
  'cloudImageExplorer.acceptShared': acceptShared,
  'cloudImageExplorer.rejectShared': rejectShared,
  'cloudImageExplorer.showQuota': showQuota,
  'cloudImageExplorer.jobs.refresh': refreshJobs,
  'cloudImageExplorer.jobs.clearFinished': clearFinishedJobs,
  'cloudImageExplorer.filterImages': filterImages,
  'cloudImageExplorer.filterImagesActive': filterImages,
  'cloudImageExplorer.clearFilter': clearFilter,
  'cloudImageExplorer.sortBy': sortBy,
  'cloudImageExplorer.groupBy': groupBy,
  'cloudImageExplorer.setCloudFilter': setCloudFilter,
  'cloudImageExplorer.clearCloudFilter': clearCloudFilter,
  'cloudImageExplorer.searchAll': searchAll,
  'cloudImageExplorer.search.cancel': cancelSearch,
  'cloudImageExplorer.search.clear': clearSearch,
  'cloudImageExplorer.search.retry': retrySearch,
  'cloudImageExplorer.search.reveal': revealSearchResult,
  'cloudImageExplorer.jobs.cancel': cancelJob,
  'cloudImageExplorer.jobs.retry': retryJob,
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) => registerCommand(ctx, id, handler));
}
