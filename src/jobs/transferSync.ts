// What transfers mean for the tree: once the import after an upload has started, its region is
// reloaded and the new image shows there (being made); the import job then follows it to ready. An
// image with a finished export (this session's or one kept from before) is marked "has-export" so that
// its menu offers Download Exported Image…
import * as vscode from 'vscode';
import { addImageMarker } from '../tree/imageMarks';
import type { ImageTreeProvider } from '../tree/treeProvider';
import type { JobTracker } from './tracker';
import { downloadableExport } from './transferModel';
import type { TransferManager } from './transfers';

const key = (accountId: string, regionId: string, imageId: string): string => `${accountId}\n${regionId}\n${imageId}`;

export function syncTreeWithTransfers(transfers: TransferManager, tree: ImageTreeProvider, jobs: JobTracker): vscode.Disposable {
  let exported = new Set<string>();
  const remark = (): void => {
    const now = new Set(jobs.list().filter(downloadableExport).map((j) => key(j.accountId, j.regionId, j.imageId)));
    const changed = [...now].filter((x) => !exported.has(x)).concat([...exported].filter((x) => !now.has(x)));
    // The marker reads the new set: a node redrawn below (or built meanwhile) gets its mark right.
    exported = now;
    for (const k of changed) {
      const [accountId, regionId, imageId] = k.split('\n') as [string, string, string];
      const node = tree.findRegion(accountId, regionId)?.findImage(imageId);
      if (node) {
        node.invalidate();
        tree.redraw(node);
      }
    }
  };
  remark();
  return vscode.Disposable.from(
    addImageMarker((accountId, regionId, imageId) => (exported.has(key(accountId, regionId, imageId)) ? 'has-export' : undefined)),
    jobs.onDidChange(remark),
    transfers.onDidStartImport((job) => {
      const region = tree.findRegion(job.accountId, job.regionId);
      if (region) {
        tree.refresh(region);
      }
    }),
  );
}
