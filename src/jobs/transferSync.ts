// What a transfer means for the tree: once the import after an upload has started, its region is
// reloaded and the new image shows there (being made); the import job then follows it to ready.
import type * as vscode from 'vscode';
import type { ImageTreeProvider } from '../tree/treeProvider';
import type { TransferManager } from './transfers';

export function syncTreeWithTransfers(transfers: TransferManager, tree: ImageTreeProvider): vscode.Disposable {
  return transfers.onDidStartImport((job) => {
    const region = tree.findRegion(job.accountId, job.regionId);
    if (region) {
      tree.refresh(region);
    }
  });
}
