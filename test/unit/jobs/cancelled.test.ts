// A cancelled job is a state of its own: "Cancelled", not "Failed", in its label, its hover text and its
// announcement; a finished group never shows a percentage below 100; a group counts once among the running.
import { strict as assert } from 'assert';
import { installVscodeShim } from '../helpers/vscodeShim';
installVscodeShim(); // before the labels and the tracker (they import `vscode`)

import type { AccountStore } from '../../../src/accounts/store';
import type { Sessions } from '../../../src/accounts/session';
import { restored, retryable, runningCount, type TrackedJob } from '../../../src/jobs/model';
import type { JobStatus } from '../../../src/providers/core/jobs';
import type { Log } from '../../../src/util/log';
import type { UserInput } from '../../../src/util/userInput';
import { SimulatedClock } from '../helpers/simulatedClock';

type Labels = typeof import('../../../src/jobs/labels');
let labels: Labels;

function job(over: Partial<TrackedJob> & { jobId: string }): TrackedJob {
  return { accountId: 'a1', cloud: 'alibaba', regionId: 'cn-hangzhou', kind: 'export', imageId: 'm-1', imageName: 'web', startedAt: 0, state: 'running', ...over };
}

function copyTo(region: string, over: Partial<TrackedJob>): TrackedJob {
  return job({ jobId: `m-${region}`, kind: 'copy', follow: 'image', group: 'g1', target: { regionId: region }, ...over });
}

describe('Cancelled jobs', () => {
  before(async () => {
    labels = await import('../../../src/jobs/labels');
  });

  it('labels a cancelled job "Cancelled", with who cancelled it, never as a failure', () => {
    const mine = job({ jobId: 't-1', state: 'cancelled', reason: 'cancelled', detail: 'my-bucket/exports (qcow2)' });
    assert.equal(labels.stateLabel(mine), 'Cancelled');
    assert.equal(labels.failureText(mine), undefined);
    assert.match(labels.cancelText(mine) ?? '', /^You cancelled it\. The export stops\. .* check my-bucket\/exports \(qcow2\) for a partly written file/);
    const elsewhere = job({ jobId: 't-2', kind: 'import', imageName: 'from-console', state: 'cancelled' });
    assert.match(labels.cancelText(elsewhere) ?? '', /^The cloud reports it cancelled .* check that "from-console" is no longer listed in cn-hangzhou/);
    assert.equal(labels.cancelText(job({ jobId: 't-3', state: 'failed' })), undefined);
    // A copy's cancel is documented (the unfinished copy is deleted): nothing to check.
    assert.equal(labels.cancelText(copyTo('cn-beijing', { state: 'cancelled', reason: 'cancelled' })), 'You cancelled it.');
  });

  it('reads a job an earlier version kept as "failed, reason cancelled" as cancelled; a cancelled job can be run again', () => {
    const old = restored(job({ jobId: 't-1', state: 'failed', reason: 'cancelled', rerun: { kind: 'export', request: { bucket: 'b', object: 'o', format: 'qcow2' } } }));
    assert.equal(old.state, 'cancelled');
    assert.equal(retryable(old), true);
    assert.equal(restored(job({ jobId: 't-2', state: 'failed', error: 'x' })).state, 'failed');
  });

  it('shows a finished group at 100 % or by what each job ended as, never below 100 %; a running one counts finished jobs as 100 %', () => {
    const running = [copyTo('cn-beijing', { state: 'cancelled', reason: 'cancelled', percent: 30 }), copyTo('cn-shenzhen', { percent: 50 })];
    assert.equal(labels.groupProgress(running), '1/2 done · 75%');
    const mixed = [
      copyTo('cn-beijing', { state: 'cancelled', reason: 'cancelled', percent: 30 }),
      copyTo('cn-shenzhen', { state: 'succeeded', percent: 100 }),
      copyTo('ap-southeast-1', { state: 'failed', percent: 50 }),
    ];
    const shown = labels.groupProgress(mixed);
    assert.equal(shown, '1 done · 1 failed · 1 cancelled');
    assert.doesNotMatch(shown, /%/);
    assert.equal(labels.groupProgress(mixed.map((j) => ({ ...j, state: 'succeeded' as const }))), '3/3 done · 100%');
    assert.equal(labels.groupOutcome(mixed.slice(0, 2)), 'cn-beijing cancelled; cn-shenzhen done');
  });

  it('names the Cancel confirmation\'s buttons by what they do in Chinese too: never 取消 beside 取消任务', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const zh = require('../../../../l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    const buttons = ['Stop the Export', 'Stop the Import', 'Stop the Copy', 'Stop the Job', 'Keep Running'].map((b) => zh[b]);
    assert.deepEqual(buttons, ['停止导出', '停止导入', '停止复制', '停止任务', '继续运行']);
    assert.ok(!buttons.some((b) => b?.includes('取消')));
    assert.equal(zh['Stop "{0}"?'], '要停止“{0}”吗？');
  });

  it('counts a running group once among the running jobs', () => {
    const jobs = [copyTo('cn-beijing', {}), copyTo('cn-shenzhen', { state: 'queued' }), job({ jobId: 't-9' }), job({ jobId: 't-8', state: 'cancelled' })];
    assert.equal(runningCount(jobs), 2);
    assert.equal(runningCount([]), 0);
  });

  it('cancels through the cloud once, ends the job as cancelled and announces it as a warning, not an error', async () => {
    const { JobTracker } = await import('../../../src/jobs/tracker');
    const cancelled: string[] = [];
    const provider = {
      jobs: {
        describeJobs: (_r: string, ids: readonly string[]): Promise<JobStatus[]> => Promise.resolve(ids.map((jobId) => ({ jobId, state: 'running', cloudState: 'Processing' }))),
        cancelJob: (_r: string, id: string): Promise<void> => (cancelled.push(id), Promise.resolve()),
      },
    };
    const shown: Array<{ severity: string; message: string }> = [];
    const memento = { get: <T>(_k: string, fallback?: T) => fallback, update: () => Promise.resolve(), keys: () => [] };
    const tracker = new JobTracker(
      memento as never,
      { get: () => ({ id: 'a1', name: 'a', cloud: 'alibaba', sandbox: true }) } as unknown as AccountStore,
      { provider: () => Promise.resolve(provider) } as unknown as Sessions,
      { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Log,
      { notify: (severity: string, message: string) => (shown.push({ severity, message }), Promise.resolve(undefined)) } as unknown as UserInput,
      new SimulatedClock(),
    );
    const tracked = await tracker.track(job({ jobId: 't-5', detail: 'b/exports (raw)' }));
    await tracker.cancel(tracked);
    assert.deepEqual(cancelled, ['t-5']);
    assert.equal(tracked.state, 'cancelled');
    assert.deepEqual(
      shown.map((s) => s.severity),
      ['warning'],
    );
    assert.match(shown[0]!.message, /^Export of image web: cancelled\. You cancelled it\. The export stops\./);
    await tracker.cancel(tracked); // no longer running: nothing is sent again
    assert.deepEqual(cancelled, ['t-5']);
    tracker.dispose();
  });
});
