// The job tracker's plain logic: batching per account and region, back-off with age, stopping.
import { strict as assert } from 'assert';
import { applyStatus, cancellable, retryable, type TrackedJob } from '../../../src/jobs/model';
import { SLOW_PROGRESS_MS, dueGroups, markPolled, nextWake, pollDelayMs, progressWanted, prune, type ProgressWatch } from '../../../src/jobs/schedule';
import { jobKey } from '../../../src/jobs/model';

function job(over: Partial<TrackedJob> & { jobId: string }): TrackedJob {
  return { accountId: 'a1', cloud: 'alibaba', regionId: 'cn-hangzhou', kind: 'export', imageId: 'm-1', imageName: 'img', startedAt: 0, state: 'running', ...over };
}

describe('Job scheduling', () => {
  it('backs off as a job ages, within 1 s and 30 s', () => {
    const delays = [0, 5_000, 30_000, 120_000, 600_000, 3_600_000].map((age) => pollDelayMs(age));
    assert.deepEqual(delays, [1_000, 1_000, 3_000, 12_000, 30_000, 30_000]);
    for (let i = 1; i < delays.length; i++) {
      assert.ok(delays[i]! >= delays[i - 1]!);
    }
  });

  it('polls a job that costs a request of its own and that nobody looks at at most 3 times a minute, less as it ages', () => {
    const delays = [0, 30_000, 300_000, 3_600_000].map((age) => pollDelayMs(age, undefined, 'unwatched'));
    assert.deepEqual(delays, [20_000, 20_000, 60_000, 120_000]);
    // Even where the user set a shorter fixed interval; a longer one is kept.
    assert.equal(pollDelayMs(0, 5_000, 'unwatched'), 20_000);
    assert.equal(pollDelayMs(0, 90_000, 'unwatched'), 90_000);
  });

  it('groups active jobs by account and region so each group is one batched request', () => {
    const jobs = [
      job({ jobId: 't1' }),
      job({ jobId: 't2' }),
      job({ jobId: 't3', regionId: 'cn-shanghai' }),
      job({ jobId: 't4', accountId: 'a2' }),
      job({ jobId: 't5', state: 'succeeded' }),
    ];
    const groups = dueGroups(jobs, 10);
    assert.deepEqual(
      groups.map((g) => [g.accountId, g.regionId, g.jobs.map((j) => j.jobId)]),
      [
        ['a1', 'cn-hangzhou', ['t1', 't2']],
        ['a1', 'cn-shanghai', ['t3']],
        ['a2', 'cn-hangzhou', ['t4']],
      ],
    );
  });

  it('polls at the interval the user set instead, whatever the age', () => {
    assert.deepEqual([0, 600_000, 3_600_000].map((age) => pollDelayMs(age, 5_000)), [5_000, 5_000, 5_000]);
    const j = job({ jobId: 'fixed' });
    markPolled(j, 1_000, 7_000);
    assert.equal(j.nextPollAt, 8_000);
  });

  it('polls copies followed by their new image in their destination region, apart from the region\'s jobs', () => {
    const jobs = [
      job({ jobId: 't1' }),
      job({ jobId: 'm-new1', kind: 'copy', follow: 'image', pollRegionId: 'cn-beijing' }),
      job({ jobId: 'm-new2', kind: 'copy', follow: 'image', pollRegionId: 'cn-beijing' }),
      job({ jobId: 'm-new3', kind: 'copy', follow: 'image' }),
    ];
    assert.deepEqual(
      dueGroups(jobs, 10).map((g) => [g.regionId, g.follow ?? 'job', g.jobs.map((j) => j.jobId)]),
      [
        ['cn-hangzhou', 'job', ['t1']],
        ['cn-beijing', 'image', ['m-new1', 'm-new2']],
        ['cn-hangzhou', 'image', ['m-new3']],
      ],
    );
  });

  it('polls a group only when one of its jobs is due, and takes the others along', () => {
    const a = job({ jobId: 'a' });
    const b = job({ jobId: 'b' });
    markPolled(a, 1_000);
    markPolled(b, 1_000);
    assert.deepEqual(dueGroups([a, b], 1_500), []);
    b.nextPollAt = 1_200;
    assert.deepEqual(dueGroups([a, b], 1_500)[0]!.jobs.map((j) => j.jobId), ['a', 'b']);
  });

  it('stops when nothing runs', () => {
    const done = job({ jobId: 'x', state: 'failed' });
    assert.equal(nextWake([done], 5), undefined);
    const run = job({ jobId: 'y' });
    markPolled(run, 100);
    assert.equal(nextWake([done, run], 100), run.nextPollAt);
  });

  it('reports the finish once, and a success is 100 %', () => {
    const j = job({ jobId: 'z', percent: 40 });
    assert.equal(applyStatus(j, { jobId: 'z', state: 'running', percent: 70, cloudState: 'Processing' }, 1), false);
    assert.equal(j.percent, 70);
    assert.equal(applyStatus(j, { jobId: 'z', state: 'succeeded', cloudState: 'Finished' }, 2), true);
    assert.equal(j.percent, 100);
    assert.equal(j.finishedAt, 2);
    assert.equal(applyStatus(j, { jobId: 'z', state: 'succeeded', cloudState: 'Finished' }, 3), false);
  });

  it('keeps every active job and only the most recent finished ones', () => {
    const jobs = [
      ...Array.from({ length: 40 }, (_, i) => job({ jobId: `d${i}`, state: 'succeeded', finishedAt: i })),
      job({ jobId: 'live' }),
    ];
    const kept = prune(jobs, 5);
    assert.deepEqual(kept.map((j) => j.jobId).sort(), ['d35', 'd36', 'd37', 'd38', 'd39', 'live'].sort());
  });

  it('asks for a percentage only for jobs someone looks at: an open panel every poll, the visible Jobs view now and then', () => {
    const a = job({ jobId: 'a', imageId: 'm-a' });
    const b = job({ jobId: 'b', imageId: 'm-b' });
    const c = job({ jobId: 'c', imageId: 'm-c' });
    const ids = (watches: ProgressWatch[], asked = new Map<string, number>(), now = 100_000): string[] =>
      progressWanted([a, b, c], watches, asked, now).map((j) => j.jobId);
    assert.deepEqual(ids([]), [], 'nobody looking: no percentage asked for');
    const panel: ProgressWatch = { cadence: 'live', matches: (j) => j.imageId === 'm-b' };
    assert.deepEqual(ids([panel], new Map([[jobKey(b), 99_999]])), ['b'], 'the open panel\u2019s job, every poll');
    const view: ProgressWatch = { cadence: 'slow', matches: () => true };
    assert.deepEqual(ids([view]), ['a', 'b', 'c'], 'the Jobs view just shown: all once');
    const recently = new Map([[jobKey(a), 100_000 - SLOW_PROGRESS_MS + 1], [jobKey(b), 100_000 - SLOW_PROGRESS_MS], [jobKey(c), 99_000]]);
    assert.deepEqual(ids([view], recently), ['b'], 'then each when its percentage is old');
    assert.deepEqual(ids([view, panel], recently), ['b'], 'a job in both, as the panel wants it');
  });

  it('offers Cancel only where the cloud can cancel, Retry only for a failed job whose input was kept', () => {
    const copy = job({ jobId: 'm-new', kind: 'copy', follow: 'image' });
    assert.equal(cancellable(copy), true);
    assert.equal(cancellable(job({ jobId: 't-1' })), true, 'an Alibaba export task');
    assert.equal(cancellable(job({ jobId: 'j-1', cloud: 'huawei', kind: 'copy' })), false, 'IMS has no cancel');
    assert.equal(cancellable(job({ jobId: 'd', kind: 'delete' })), false);
    assert.equal(retryable(copy), false, 'still running');
    const request = { destinationRegionId: 'cn-beijing', name: 'again' };
    assert.equal(retryable(job({ jobId: 'f', kind: 'copy', state: 'failed', rerun: { kind: 'copy', request } })), true);
    assert.equal(retryable(job({ jobId: 'f', kind: 'copy', state: 'failed' })), false, 'nothing to send again');
    assert.equal(retryable(job({ jobId: 'f', kind: 'copy', state: 'failed', reason: 'accountRemoved', rerun: { kind: 'copy', request } })), false);
  });

  it('learns a copy\'s new image from the job that made it (Huawei entities.image_id)', () => {
    const j = job({ jobId: 'j', cloud: 'huawei', kind: 'copy', target: { regionId: 'cn-east-3' } });
    applyStatus(j, { jobId: 'j', state: 'succeeded', cloudState: 'SUCCESS', imageId: 'new-id' }, 5);
    assert.equal(j.target?.imageId, 'new-id');
  });
});
