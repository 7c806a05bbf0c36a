// How a job's and a transfer's state read in the Jobs view's hover: our word once, the cloud's own word only
// where it says more (quoted, through l10n), never an internal English word in the Chinese UI; a cancelled
// transfer looks like a cancelled job (not an error); the hover names the region as the tree does.
import { strict as assert } from 'assert';
import { installVscodeShim } from '../helpers/vscodeShim';
installVscodeShim(); // before the labels (they import `vscode`)

import type { TrackedJob } from '../../../src/jobs/model';
import type { TransferJob } from '../../../src/jobs/transferModel';
import type { RegionNode } from '../../../src/tree/nodes';
import { inChinese } from '../helpers/zhWords';

type Labels = typeof import('../../../src/jobs/labels');
type TransferLabels = typeof import('../../../src/jobs/transferLabels');
type Names = typeof import('../../../src/jobs/regionNames');
let labels: Labels;
let transfers: TransferLabels;
let names: Names;

function job(over: Partial<TrackedJob>): TrackedJob {
  return { accountId: 'a1', cloud: 'alibaba', regionId: 'cn-hangzhou', jobId: 't-1', kind: 'export', imageId: 'm-1', imageName: 'web', startedAt: 0, state: 'running', ...over };
}

function transfer(over: Partial<TransferJob>): TransferJob {
  return { id: 'x1', transfer: 'upload', accountId: 'a1', cloud: 'alibaba', regionId: 'cn-hangzhou', local: '/tmp/disk.qcow2', bucket: 'b', key: 'disk.qcow2', startedAt: 0, status: 'running', ...over };
}

const tree = {
  findRegion: (accountId: string, regionId: string): RegionNode | undefined =>
    accountId === 'a1' && regionId === 'cn-hangzhou' ? ({ region: { id: regionId, name: 'China (Hangzhou)' } } as unknown as RegionNode) : undefined,
};

describe('Job and transfer states in words', () => {
  before(async () => {
    labels = await import('../../../src/jobs/labels');
    transfers = await import('../../../src/jobs/transferLabels');
    names = await import('../../../src/jobs/regionNames');
  });

  it('says our state once, and the cloud\'s own word only where it differs, quoted', () => {
    assert.equal(labels.stateWithCloud(job({ state: 'cancelled', reason: 'cancelled', cloudState: 'Cancelled' })), 'Cancelled');
    assert.equal(labels.stateWithCloud(job({ state: 'cancelled', cloudState: 'CANCELED' })), 'Cancelled');
    assert.equal(labels.stateWithCloud(job({ state: 'succeeded', cloudState: 'Finished' })), 'Succeeded (the cloud\'s status: "Finished")');
    assert.equal(labels.stateWithCloud(job({ state: 'running' })), 'Running', 'no internal word ("running") where the cloud gave none');
    // A job that ended for a reason of ours carries no word of the cloud's.
    assert.equal(labels.stateWithCloud(job({ state: 'failed', reason: 'lost', cloudState: 'unknown' })), 'Failed');
  });

  it('explains a failure without a reason without our internal word', () => {
    assert.equal(labels.failureText(job({ state: 'failed', cloudState: 'Failed' })), 'The job failed; the cloud gave no reason.');
    assert.equal(labels.failureText(job({ state: 'failed' })), 'The job failed; the cloud gave no reason.');
    assert.equal(labels.failureText(job({ state: 'failed', cloudState: 'CreateFailed' })), 'The job failed; the cloud gave no reason (its status: "CreateFailed").');
  });

  it('in Chinese, puts the cloud\'s word in Chinese punctuation and no English word of ours', () => {
    inChinese(() => {
      assert.equal(labels.stateWithCloud(job({ state: 'cancelled', reason: 'cancelled', cloudState: 'Cancelled' })), '已取消');
      const finished = labels.stateWithCloud(job({ state: 'succeeded', cloudState: 'Finished' }));
      assert.match(finished, /（云端状态：“Finished”）$/);
      assert.doesNotMatch(labels.failureText(job({ state: 'failed' })) ?? '', /[a-z]/i);
      // Two sentences of a cancel follow each other without a space.
      assert.doesNotMatch(labels.cancelText(job({ state: 'cancelled', reason: 'cancelled' })) ?? '', /。 /);
    });
  });

  it('shows a cancelled transfer as a cancelled job shows, and a failed one as an error', () => {
    const cancelled = transfers.transferItem(transfer({ status: 'cancelled', finishedAt: 1000 })).iconPath as { id: string; color?: { id: string } };
    assert.deepEqual([cancelled.id, cancelled.color?.id], ['circle-slash', 'disabledForeground']);
    const failed = transfers.transferItem(transfer({ status: 'failed', finishedAt: 1000 })).iconPath as { id: string; color?: { id: string } };
    assert.deepEqual([failed.id, failed.color?.id], ['error', 'list.errorForeground']);
  });

  it('names the transfer\'s region as the tree does in its hover', () => {
    const named = names.nameRegionsAsTree(tree);
    try {
      const hover = (transfers.transferItem(transfer({})).tooltip as { value: string }).value.replace(/\\(.)/g, '$1');
      assert.match(hover, /China \(Hangzhou\) · Running/);
      assert.doesNotMatch(hover, /cn-hangzhou/);
    } finally {
      named.dispose();
    }
  });
});
