// Every command's handler by id: its own bundle (dist/commands.js, see scripts/build.js), loaded on the
// first command, so that activation registers the ids (./index.ts) without loading any handler.
import { IMAGE_ID_COMMANDS } from './editor/imageIdCommands';
import { addAccount } from './accounts/addAccount';
import { editAccount } from './accounts/editAccount';
import { importAccounts } from './accounts/importAccounts';
import { copyImage } from './images/copy';
import { copyImageId } from './images/copyImageId';
import { deleteImages } from './images/delete';
import { deprecateImage, editDescription, renameImage, undeprecateImage } from './images/editImage';
import { exportImage } from './images/export';
import { cancelJob, retryJob } from './jobs/jobActions';
import { importImage } from './images/importImage';
import { importFromFile } from './images/importFromFile';
import { downloadExport } from './images/downloadExport';
import { cancelTransfer, resumeTransfer } from './jobs/transferActions';
import { showInstanceTypes } from './images/instanceTypes';
import { showQuota } from './images/quota';
import { cancelCleanUp, cleanUp } from './hygiene/cleanUp';
import { exportImageList, exportPlan, exportSearchResults } from './hygiene/exportList';
import { findUnusedImages } from './hygiene/findUnused';
import { acceptShared, rejectShared } from './images/sharedWithMe';
import { clearFinishedJobs, refreshJobs } from './jobs/jobsCommands';
import { openDetails } from './images/openDetails';
import { openInConsole } from './images/openInConsole';
import { showHideRegions } from './view/showHideRegions';
import { share } from './images/share';
import { tag } from './images/tag';
import { unshare } from './images/unshare';
import { untag } from './images/untag';
import { loadAll } from './view/loadAll';
import { loadMore } from './view/loadMore';
import { refresh } from './view/refresh';
import type { CommandId } from './index';
import type { CommandHandler } from './shared/register';
import { removeAccount } from './accounts/removeAccount';
import { retry } from './view/retry';
import { cancelSearch, clearSearch, retrySearch, revealSearchResult, searchAll } from './view/search';
import { showLog } from './view/showLog';
import { trySandbox } from './accounts/trySandbox';
import { clearCloudFilter, setCloudFilter } from './view/cloudFilter';
import { clearFilter, filterImages, groupBy, sortBy } from './view/viewFilter';
import { copyLocalEndpointEnvironment, LOCAL_ENDPOINT_COMMANDS, localEndpointMenu, startLocalEndpoint, stopLocalEndpoint } from './view/localEndpoint';

export const COMMANDS: Record<CommandId, CommandHandler> = {
  ...IMAGE_ID_COMMANDS,
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
  'cloudImageExplorer.importFromFile': importFromFile,
  'cloudImageExplorer.downloadExport': downloadExport,
  'cloudImageExplorer.jobs.cancelTransfer': cancelTransfer,
  'cloudImageExplorer.jobs.resumeTransfer': resumeTransfer,
  'cloudImageExplorer.showInstanceTypes': showInstanceTypes,
  'cloudImageExplorer.acceptShared': acceptShared,
  'cloudImageExplorer.rejectShared': rejectShared,
  'cloudImageExplorer.showQuota': showQuota,
  'cloudImageExplorer.findUnusedImages': findUnusedImages,
  'cloudImageExplorer.cleanUpImages': cleanUp,
  'cloudImageExplorer.exportImageList': exportImageList,
  'cloudImageExplorer.exportPlan': exportPlan,
  'cloudImageExplorer.exportSearchResults': exportSearchResults,
  'cloudImageExplorer.cancelCleanUp': cancelCleanUp,
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
  [LOCAL_ENDPOINT_COMMANDS.start]: startLocalEndpoint,
  [LOCAL_ENDPOINT_COMMANDS.stop]: stopLocalEndpoint,
  [LOCAL_ENDPOINT_COMMANDS.copyEnvironment]: copyLocalEndpointEnvironment,
  [LOCAL_ENDPOINT_COMMANDS.menu]: localEndpointMenu,
};
