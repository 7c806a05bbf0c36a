// Deleting many images at once, over real sockets against the emulator: a bounded number of requests in
// flight per region (the emulator's request log counts them), fewer after throttling with back-off, each
// image sent once; QingCloud's DeleteImages in batches of at most 100 images.N, each with its own job.
import { strict as assert } from 'assert';
import { CHANGES_IN_FLIGHT } from '../../../../src/providers/shared/bounded';
import { QINGCLOUD_DELETE_BATCH } from '../../../../src/providers/qingcloud/jobs';
import { CloudSandbox, useSandbox } from '../../helpers/cloudSandbox';

describe('Bulk delete (against the emulator)', () => {
  const sb = new CloudSandbox();
  const providers = useSandbox(sb);

  it('Alibaba: 60 DeleteImage calls, at least 5 and at most the bound in flight, every image gone', async () => {
    const ids = sb.emulator.seedImages('alibaba', 'eu-central-1', 60);
    sb.emulator.faults.addLatency({ cloud: 'alibaba', operation: 'DeleteImage', ms: 25 });
    const mark = sb.emulator.requestLog.length;
    const result = await providers.alibaba.deleting!.deleteImages('eu-central-1', ids, {});
    assert.equal(result.failed, undefined);
    const deletes = sb.emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage');
    assert.equal(deletes.length, 60, 'one request per image');
    const most = Math.max(...deletes.map((r) => r.inFlight ?? 0));
    assert.ok(most >= 5 && most <= CHANGES_IN_FLIGHT, `${most} in flight at most`);
    assert.deepEqual(await providers.alibaba.findImages('eu-central-1', ids), [], 'every image gone');
  });

  it('Alibaba: throttled answers are waited out and sent again (refused unprocessed); each image is deleted once', async () => {
    const ids = sb.emulator.seedImages('alibaba', 'eu-central-1', 30);
    sb.emulator.faults.add({ kind: 'throttle', cloud: 'alibaba', operation: 'DeleteImage', times: 4 });
    const mark = sb.emulator.requestLog.length;
    const result = await providers.alibaba.deleting!.deleteImages('eu-central-1', ids, {});
    assert.equal(result.failed, undefined);
    const calls = sb.calls(mark, 'DeleteImage');
    assert.equal(calls.filter((c) => c.startsWith('400 Throttling')).length, 4);
    assert.equal(calls.filter((c) => c === '200').length, 30, 'each image deleted by one request');
    assert.equal(sb.sleeps.length, 4, 'a back-off before each resend');
  });

  it(`QingCloud: 250 images in ${Math.ceil(250 / QINGCLOUD_DELETE_BATCH)} DeleteImages calls of at most ${QINGCLOUD_DELETE_BATCH}, a job each, every image deleted`, async () => {
    const ids = sb.emulator.seedImages('qingcloud', 'pek3a', 250);
    const mark = sb.emulator.requestLog.length;
    const result = await providers.qingcloud.deleting!.deleteImages('pek3a', ids, {});
    assert.deepEqual(sb.calls(mark, 'DeleteImages'), ['200', '200', '200']);
    assert.equal(result.job, undefined, 'no one job for every image');
    const perJob = new Map<string, string[]>();
    for (const { imageId, job } of result.jobs ?? []) {
      perJob.set(job.jobId, [...(perJob.get(job.jobId) ?? []), imageId]);
    }
    assert.deepEqual([...perJob.values()].map((b) => b.length).sort((a, b) => a - b), [50, 100, 100]);
    assert.deepEqual(new Set([...perJob.values()].flat()), new Set(ids), 'every image tied to the job of its batch');
    sb.advance(60_000);
    const statuses = await providers.qingcloud.jobs!.describeJobs('pek3a', [...perJob.keys()]);
    assert.deepEqual(statuses.map((s) => s.state), ['succeeded', 'succeeded', 'succeeded']);
    const left = new Set((await providers.qingcloud.findImages('pek3a', ids)).map((i) => i.id));
    assert.equal(left.size, 0, 'every image deleted');
  });

  it('QingCloud: up to 100 images is one call answered with its job, as before', async () => {
    const ids = sb.emulator.seedImages('qingcloud', 'pek3a', QINGCLOUD_DELETE_BATCH);
    const mark = sb.emulator.requestLog.length;
    const result = await providers.qingcloud.deleting!.deleteImages('pek3a', ids, {});
    assert.deepEqual(sb.calls(mark, 'DeleteImages'), ['200']);
    assert.ok(result.job?.jobId);
    assert.equal(result.jobs, undefined);
  });
});
