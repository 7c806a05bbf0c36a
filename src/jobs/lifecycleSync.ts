// What the end of an import or of an answer to a shared image means for the tree: the region is read
// again, so that an imported image shows as ready (or failed) and an accepted shared image joins the
// region's images; its "Shared with Me" group reads its images again when next shown.
import type * as vscode from 'vscode';
import { existingSharedGroup } from '../tree/sharedWithMe';
import type { ImageTreeProvider } from '../tree/treeProvider';
import type { JobTracker } from './tracker';

export function syncTreeWithLifecycleJobs(jobs: JobTracker, tree: ImageTreeProvider): vscode.Disposable {
  return jobs.onDidFinish((job) => {
    if (job.kind !== 'import' && job.kind !== 'accept' && job.kind !== 'reject') {
      return;
    }
    const region = tree.findRegion(job.accountId, job.regionId);
    if (!region) {
      return;
    }
    existingSharedGroup(region)?.forget();
    tree.refresh(region);
  });
}
