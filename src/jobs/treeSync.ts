// What a finished job means for the tree: a deleted image disappears, a failed delete shows its
// error on the node, a share change refreshes the image (and so its open panel), a finished copy
// reloads its destination region, where the new image then shows; a cancelled copy's new image is gone.
import type * as vscode from 'vscode';
import type { AccountStore } from '../accounts/store';
import type { Sessions } from '../accounts/session';
import type { ImageTreeProvider } from '../tree/treeProvider';
import type { JobTracker } from './tracker';
import { nameRegionsAsTree } from './regionNames';

export function syncTreeWithJobs(jobs: JobTracker, tree: ImageTreeProvider, accounts: AccountStore, sessions: Sessions): vscode.Disposable {
  // A failure here (the account's provider cannot be built, the read-back fails) leaves the node as it
  // was: the job's own end was already announced, and the next refresh shows the truth.
  const finished = jobs.onDidFinish((job) => void apply(job).catch(() => undefined));
  // Sentences about jobs (the Jobs view, notifications, the panel) name regions as the tree does.
  const names = nameRegionsAsTree(tree);
  return { dispose: () => { finished.dispose(); names.dispose(); } };

  async function apply(job: Parameters<Parameters<JobTracker['onDidFinish']>[0]>[0]): Promise<void> {
    if (job.kind === 'copy') {
      // A cancelled copy leaves no new image (CancelCopyImage deletes it): gone from the tree and its open panel.
      if (job.state === 'cancelled' && job.target?.imageId) {
        tree.removeImage(job.accountId, job.target.regionId, job.target.imageId);
        return;
      }
      // The new image appears in its region (reloaded where it is shown); the source did not change.
      const region = job.state === 'succeeded' && job.target ? tree.findRegion(job.accountId, job.target.regionId) : undefined;
      if (region) {
        tree.refresh(region);
      }
      return;
    }
    if (job.kind === 'delete' && job.state === 'succeeded') {
      tree.removeImage(job.accountId, job.regionId, job.imageId);
      return;
    }
    const node = tree.findRegion(job.accountId, job.regionId)?.findImage(job.imageId);
    if (job.kind === 'delete' && node) {
      tree.setBusy(node, undefined, job.error);
      return;
    }
    const account = accounts.get(job.accountId);
    if (!account) {
      return;
    }
    const provider = await sessions.provider(account);
    const fresh = await provider.getImage?.(job.regionId, job.imageId).catch(() => undefined);
    if (fresh) {
      tree.updateImage(job.accountId, job.regionId, fresh);
    }
  }
}
