// Alibaba export tasks, task status and delete over real sockets against the emulator, whose clock
// the test moves: percentages rise, tasks finish or fail as injected, deleted images are gone.
import { strict as assert } from 'assert';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { Image } from '../../../../src/providers/core/model';
import { imageInUse } from '../../../../src/sandbox/alibaba/ecs';
import { FaultPlan } from '../../../../src/sandbox/faults';
import { AlibabaSandbox, rejection } from '../../helpers/alibabaSandbox';

const REGION = 'cn-hangzhou';
const TO_OSS = { bucket: 'image-archive', object: 'nightly', format: 'qcow2' };

describe('Alibaba export, tasks and delete (against the emulator)', () => {
  const sb = new AlibabaSandbox({ jobDurationMs: 10_000 });
  let own: Image[];

  before(async () => {
    await sb.start();
    own = (await sb.plainOwnImages(REGION)).filter((i) => !imageInUse(i.id));
    assert.ok(own.length > 124, `enough own images (${own.length})`);
  });
  after(() => sb.stop());
  beforeEach(() => sb.emulator.faults.clear());

  it('exports an image: the task is queued, its percent rises, then it succeeds', async () => {
    const { job: { jobId } } = await sb.provider.exporting.exportImage(REGION, own[0]!.id, TO_OSS);
    assert.match(jobId, /^t-/);
    const seen: Array<{ state: string; percent?: number }> = [];
    for (const step of [0, 3_000, 3_000, 5_000]) {
      sb.advance(step);
      const [status] = await sb.provider.jobs.describeJobs(REGION, [jobId]);
      assert.equal(status?.jobId, jobId);
      seen.push({ state: status!.state, percent: status!.percent });
    }
    assert.deepEqual(seen, [
      { state: 'queued', percent: 0 },
      { state: 'running', percent: 30 },
      { state: 'running', percent: 60 },
      { state: 'succeeded', percent: 100 },
    ]);
    const [done] = await sb.provider.jobs.describeJobs(REGION, [jobId]);
    assert.equal(done?.cloudState, 'Finished');
    assert.ok(done?.startedAt && done.finishedAt && done.finishedAt > done.startedAt);
  });

  it('reports an injected failure with the cloud error text; the next export succeeds', async () => {
    sb.emulator.faults.failJobs({ cloud: 'alibaba', operation: 'ExportImage', times: 1, message: 'The OSS bucket denied the write.' });
    const failing = await sb.provider.exporting.exportImage(REGION, own[1]!.id, TO_OSS);
    const fine = await sb.provider.exporting.exportImage(REGION, own[2]!.id, TO_OSS);
    sb.advance(10_000);
    const statuses = await sb.provider.jobs.describeJobs(REGION, [failing.job.jobId, fine.job.jobId]);
    const failed = statuses.find((s) => s.jobId === failing.job.jobId);
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.cloudState, 'Failed');
    assert.equal(failed?.error, 'The OSS bucket denied the write.');
    assert.equal(statuses.find((s) => s.jobId === fine.job.jobId)?.state, 'succeeded');
  });

  it('asks DescribeTasks for 100 ids a call and DescribeTaskAttribute only for unfinished tasks; unknown ids are left out', async () => {
    const jobs = [];
    for (const image of own.slice(3, 108)) {
      jobs.push((await sb.provider.exporting.exportImage(REGION, image.id, TO_OSS)).job.jobId);
    }
    sb.advance(10_000);
    const running = await sb.provider.exporting.exportImage(REGION, own[108]!.id, TO_OSS);
    sb.advance(2_000);
    const mark = sb.emulator.requestLog.length;
    const statuses = await sb.provider.jobs.describeJobs(REGION, [...jobs, running.job.jobId, 't-bpunknown00000000']);
    assert.equal(statuses.length, 106);
    assert.ok(statuses.filter((s) => s.jobId !== running.job.jobId).every((s) => s.state === 'succeeded' && s.percent === 100));
    assert.equal(statuses.find((s) => s.jobId === running.job.jobId)?.percent, 20);
    assert.deepEqual(sb.calls(mark, 'DescribeTasks'), ['200', '200']);
    assert.deepEqual(sb.calls(mark, 'DescribeTaskAttribute'), ['200']);
  });

  it('asks DescribeTaskAttribute only for the running tasks whose percentage is wanted (and for a failed one\u2019s error)', async () => {
    sb.emulator.faults.failJobs({ cloud: 'alibaba', operation: 'ExportImage', times: 1, message: 'No space in the bucket.' });
    const failing = (await sb.provider.exporting.exportImage(REGION, own[109]!.id, TO_OSS)).job;
    sb.advance(6_000);
    const watched = (await sb.provider.exporting.exportImage(REGION, own[114]!.id, TO_OSS)).job;
    const others: string[] = [];
    for (const image of own.slice(115, 125)) {
      others.push((await sb.provider.exporting.exportImage(REGION, image.id, TO_OSS)).job.jobId);
    }
    sb.advance(3_000);
    const mark = sb.emulator.requestLog.length;
    const statuses = await sb.provider.jobs.describeJobs(REGION, [failing.jobId, watched.jobId, ...others], undefined, { progressOf: [watched.jobId] });
    assert.deepEqual(sb.calls(mark, 'DescribeTasks'), ['200'], 'one batched call for the region');
    assert.deepEqual(sb.calls(mark, 'DescribeTaskAttribute'), ['200', '200'], 'the watched task and the failed one');
    assert.equal(statuses.find((s) => s.jobId === watched.jobId)?.percent, 30);
    assert.equal(statuses.find((s) => s.jobId === failing.jobId)?.error, 'No space in the bucket.');
    const unwatched = statuses.filter((s) => others.includes(s.jobId));
    assert.equal(unwatched.length, 10);
    assert.ok(unwatched.every((s) => s.state === 'running' && s.percent === undefined), 'running, percentage not asked for');
  });

  it("maps the export errors: the cloud's for a missing bucket and a system image, ours for a format", async () => {
    const bucket = await rejection(sb.provider.exporting.exportImage(REGION, own[0]!.id, { ...TO_OSS, bucket: 'missing-archive' }));
    assert.ok(bucket instanceof ProviderError);
    assert.equal(bucket.code, 'InvalidOSSBucket.NotFound');
    assert.equal(bucket.httpStatus, 404);
    const system = (await sb.images(REGION, { owner: 'system' }))[0]!;
    const notOwn = await rejection(sb.provider.exporting.exportImage(REGION, system.id, TO_OSS));
    assert.equal((notOwn as ProviderError).code, 'InvalidImageId.NotFound');
    const format = await rejection(sb.provider.exporting.exportImage(REGION, own[0]!.id, { ...TO_OSS, format: 'iso' }));
    assert.equal((format as ProviderError).cloud, 'local');
  });

  it('refuses to delete an image in use without Force; with Force it is deleted and gone from the listing', async () => {
    const inUse = (await sb.plainOwnImages(REGION)).find((i) => imageInUse(i.id))!;
    const err = await rejection(sb.provider.deleting.deleteImages(REGION, [inUse.id], {}));
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'ImageUsingByInstance');
    assert.equal(err.httpStatus, 403);
    assert.ok(await sb.provider.getImage(REGION, inUse.id));
    assert.equal((await sb.provider.deleting.deleteImages(REGION, [inUse.id], { force: true })).job, undefined);
    assert.equal(await sb.provider.getImage(REGION, inUse.id), undefined);
    assert.ok(!(await sb.images(REGION, { owner: 'self' })).some((i) => i.id === inUse.id));
  });

  it('deletes several images one call each, retrying a throttled one; a shared or exporting image is refused', async () => {
    const ids = [own[110]!.id, own[111]!.id];
    sb.emulator.faults.add({ kind: 'throttle', cloud: 'alibaba', operation: 'DeleteImage', times: 1 });
    const mark = sb.emulator.requestLog.length;
    await sb.provider.deleting.deleteImages(REGION, ids, {});
    assert.deepEqual(sb.calls(mark, 'DeleteImage'), ['400 Throttling.User', '200', '200']);
    for (const id of ids) {
      assert.equal(await sb.provider.getImage(REGION, id), undefined);
    }
    const shared = own[112]!.id;
    await sb.provider.sharing.addMembers(REGION, shared, ['1000000000000001']);
    assert.equal(((await rejection(sb.provider.deleting.deleteImages(REGION, [shared], { force: true }))) as ProviderError).code, 'ImageUseShared');
    const exporting = own[113]!.id;
    await sb.provider.exporting.exportImage(REGION, exporting, TO_OSS);
    assert.equal(((await rejection(sb.provider.deleting.deleteImages(REGION, [exporting], {}))) as ProviderError).code, 'ImageIsExporting');
  });

  it('reads job failures from CIE_EMULATOR_FAULTS', () => {
    const plan = FaultPlan.fromEnv({ CIE_EMULATOR_FAULTS: '[{"kind":"fail-job","cloud":"alibaba","operation":"ExportImage","times":1,"message":"boom"}]' });
    assert.equal(plan.takeJobFailure('alibaba', 'DeleteImage'), undefined);
    assert.equal(plan.takeJobFailure('alibaba', 'ExportImage'), 'boom');
    assert.equal(plan.takeJobFailure('alibaba', 'ExportImage'), undefined);
  });
});
