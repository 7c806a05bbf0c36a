// Huawei IMS image operations over real sockets against the emulator: tags, members (async jobs),
// export (a job), delete, job progress, error mapping and throttling. The emulator and the provider
// share one hand-moved clock, so jobs move on when the test says so.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { HuaweiImsProvider } from '../../../../src/providers/huawei/provider';
import { HUAWEI_CONCURRENCY, HuaweiClient, interpretHuawei, mapLimited } from '../../../../src/providers/huawei/client';
import { jobPercent, mapJob } from '../../../../src/providers/huawei/mapping';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { Image } from '../../../../src/providers/core/model';
import type { JobStatus } from '../../../../src/providers/core/jobs';
import type { ProviderContext } from '../../../../src/providers/core/provider';
import { allImages, codeOf, recordingHttp } from '../../helpers/providerHarness';

const JOB_MS = 6_000;
const R = 'cn-north-4';
const PROJECT_A = '0123456789abcdef0123456789abcdef';
const PROJECT_B = 'fedcba9876543210fedcba9876543210';

describe('Huawei IMS image operations (against the emulator)', () => {
  let emulator: Emulator;
  let provider: HuaweiImsProvider;
  let client: HuaweiClient;
  let clock = Date.now();
  const { http, sleeps } = recordingHttp();

  const allImagesOf = (regionId: string): Promise<Image[]> => allImages(provider, regionId, 500);

  /** Own, active, untagged images that no earlier test touched. */
  const used = new Set<string>();
  async function fresh(count: number, regionId = R): Promise<Image[]> {
    const picked = (await allImagesOf(regionId)).filter((i) => i.owner === 'self' && i.status === 'active' && !i.tags.length && !used.has(i.id)).slice(0, count);
    assert.equal(picked.length, count, `${count} own untagged images in ${regionId}`);
    picked.forEach((i) => used.add(i.id));
    return picked;
  }

  async function gold(): Promise<Image> {
    const image = (await allImagesOf(R)).find((i) => i.owner === 'system');
    assert.ok(image);
    return image;
  }

  async function job(jobId: string, regionId = R): Promise<JobStatus> {
    const [s] = await provider.jobs.describeJobs(regionId, [jobId]);
    assert.ok(s, `job ${jobId} is known`);
    return s;
  }

  const operations = (mark: number, op: string): string[] =>
    emulator
      .requestsSince(mark)
      .filter((r) => r.operation === op)
      .map((r) => r.errorCode ?? 'ok');

  before(async () => {
    emulator = new Emulator({ now: () => clock, jobDurationMs: JOB_MS });
    await emulator.start();
    const ctx: ProviderContext = { http, credentials: emulator.credentials('huawei'), endpoint: emulator.endpoints.huawei, now: () => new Date(clock) };
    provider = new HuaweiImsProvider(ctx);
    client = new HuaweiClient(ctx);
  });
  after(async () => {
    await emulator.stop();
    await http.close();
  });
  beforeEach(() => {
    emulator.faults.clear();
    sleeps.length = 0;
    clock += 1000;
  });

  it('carries tags, sharing, exporting, deleting and jobs', () => {
    assert.ok(provider.tags && provider.sharing && provider.exporting && provider.deleting && provider.jobs);
    assert.deepEqual(provider.tags.rules.limits, { maxKeyLength: 36, maxValueLength: 43, maxTagsPerCall: 10, maxResourcesPerCall: 1, namesOnly: false, maxTagsPerImage: 10 });
    assert.equal(provider.sharing.rules.format, 'huaweiProject');
    assert.ok(provider.sharing.rules.pattern.test(PROJECT_A));
    assert.ok(!provider.sharing.rules.pattern.test(PROJECT_A.toUpperCase()));
    assert.deepEqual([...provider.exporting.rules.formats], ['qcow2', 'vhd', 'zvhd', 'vmdk']);
    assert.equal(provider.deleting.supportsForce, false);
  });

  it('adds, overwrites, lists and removes tags, one call per image, seen in ListImages too', async () => {
    const [a, b] = await fresh(2);
    const mark = emulator.requestLog.length;
    await provider.tags.addTags(R, [a!.id, b!.id], [{ key: 'env', value: 'prod' }, { key: '团队', value: '数据平台' }]);
    assert.deepEqual(operations(mark, 'BatchAddOrDeleteTags'), ['ok', 'ok'], 'one call per image');
    for (const img of [a!, b!]) {
      assert.deepEqual(await provider.tags.listTags(R, img.id), [{ key: 'env', value: 'prod' }, { key: '团队', value: '数据平台' }]);
      assert.deepEqual((await provider.getImage(R, img.id))?.tags, [{ key: 'env', value: 'prod' }, { key: '团队', value: '数据平台' }]);
      assert.deepEqual((await provider.getImage(R, img.id))?.raw?.['tags'], ['env.prod', '团队.数据平台'], 'Glance-style strings on the wire');
    }
    const listed = (await allImagesOf(R)).find((i) => i.id === a!.id);
    assert.deepEqual(listed?.tags.map((t) => t.key), ['env', '团队']);

    await provider.tags.addTags(R, [a!.id], [{ key: 'env', value: 'staging' }, { key: 'empty', value: '' }]);
    assert.deepEqual(await provider.tags.listTags(R, a!.id), [{ key: '团队', value: '数据平台' }, { key: 'env', value: 'staging' }, { key: 'empty', value: '' }]);
    await provider.tags.removeTags(R, [a!.id], ['env', 'no-such-key', 'empty']);
    assert.deepEqual(await provider.tags.listTags(R, a!.id), [{ key: '团队', value: '数据平台' }]);
    assert.deepEqual((await provider.getImage(R, a!.id))?.tags, [{ key: '团队', value: '数据平台' }]);
  });

  it('sends ten tags in one call, refuses eleven before any request, and the emulator caps an image at 10 tags', async () => {
    const [img] = await fresh(1);
    const ten = Array.from({ length: 10 }, (_, n) => ({ key: `k${n}`, value: `v${n}` }));
    const mark = emulator.requestLog.length;
    await provider.tags.addTags(R, [img!.id], ten);
    assert.deepEqual(operations(mark, 'BatchAddOrDeleteTags'), ['ok']);
    assert.equal((await provider.tags.listTags(R, img!.id)).length, 10);
    const mark2 = emulator.requestLog.length;
    assert.equal(await codeOf(provider.tags.addTags(R, [img!.id], [...ten, { key: 'k10', value: '' }])), 'InvalidInput');
    assert.equal(emulator.requestsSince(mark2).length, 0, 'refused before any request');
    assert.equal(await codeOf(provider.tags.addTags(R, [img!.id], [{ key: 'one-more', value: '' }])), 'IMG.0116');
    assert.equal((await provider.tags.listTags(R, img!.id)).length, 10, 'nothing added by the refused call');
  });

  it('maps tag errors: local limits, key rules (IMG.0115), a public image (IMG.0106, 403), an unknown image (IMG.0027, 404)', async () => {
    const [img] = await fresh(1);
    assert.equal(await codeOf(provider.tags.addTags(R, [img!.id], [{ key: 'k'.repeat(37), value: '' }])), 'InvalidInput');
    assert.equal(await codeOf(provider.tags.addTags(R, [img!.id], [{ key: 'k', value: 'v'.repeat(44) }])), 'InvalidInput');
    assert.equal(await codeOf(provider.tags.addTags(R, [img!.id], [{ key: 'a/b', value: '' }])), 'InvalidInput');
    // The emulator applies the same rules to a request that skips the provider's check.
    const path = `/v2/${await client.projectId(R)}/images/${img!.id}/tags/action`;
    assert.equal(await codeOf(client.ims('POST', R, path, { body: { action: 'create', tags: [{ key: 'a/b', value: '' }] } })), 'IMG.0115');
    const pub = await gold();
    const err = await provider.tags.addTags(R, [pub.id], [{ key: 'env', value: 'x' }]).catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError);
    assert.deepEqual([err.code, err.httpStatus, err.retryable], ['IMG.0106', 403, false]);
    assert.ok(err.requestId);
    assert.deepEqual(await provider.tags.listTags(R, pub.id), [], 'a public image can be read: no tags');
    const unknown = await provider.tags.listTags(R, '00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    assert.deepEqual([(unknown as ProviderError).code, (unknown as ProviderError).httpStatus], ['IMG.0027', 404]);
    // The path's project must be the caller's.
    const projectId = await client.projectId(R);
    const other = await client.projectId('cn-east-3');
    const mismatch = await client.request('GET', `/v2/${other}/images/${img!.id}/tags`, { projectId }).catch((e: unknown) => e);
    assert.equal((mismatch as ProviderError).code, 'IMG.0001');
  });

  it('adds members by a job; they appear (pending) when the job has succeeded; removes likewise', async () => {
    const [img] = await fresh(1);
    const mark = emulator.requestLog.length;
    const start = await provider.sharing.addMembers(R, img!.id, [PROJECT_A, PROJECT_B, PROJECT_A]);
    assert.match(String(start.job?.jobId), /^[0-9a-f]{32}$/);
    assert.deepEqual(operations(mark, 'BatchAddMembers'), ['ok']);
    const queued = await job(start.job!.jobId);
    assert.deepEqual([queued.state, queued.cloudState, queued.percent], ['queued', 'INIT', 0]);
    assert.deepEqual(await provider.sharing.listMembers(R, img!.id), [], 'nothing before the job is done');
    clock += JOB_MS / 2;
    const running = await job(start.job!.jobId);
    assert.deepEqual([running.state, running.cloudState], ['running', 'RUNNING']);
    assert.ok(running.percent! >= 40 && running.percent! < 100);
    clock += JOB_MS;
    const done = await job(start.job!.jobId);
    assert.deepEqual([done.state, done.cloudState, done.percent, done.error], ['succeeded', 'SUCCESS', 100, undefined]);
    assert.ok(done.startedAt && done.finishedAt && done.finishedAt > done.startedAt);
    const members = await provider.sharing.listMembers(R, img!.id);
    assert.deepEqual(members.map((m) => m.id).sort(), [PROJECT_A, PROJECT_B].sort());
    assert.ok(members.every((m) => m.status === 'pending' && typeof m.sharedAt === 'string'));

    const removal = await provider.sharing.removeMembers(R, img!.id, [PROJECT_A]);
    assert.equal((await provider.sharing.listMembers(R, img!.id)).length, 2, 'still both while the job runs');
    clock += JOB_MS + 1000;
    assert.equal((await job(removal.job!.jobId)).state, 'succeeded');
    assert.deepEqual((await provider.sharing.listMembers(R, img!.id)).map((m) => m.id), [PROJECT_B]);
    assert.equal((await provider.sharing.addMembers(R, img!.id, [])).job, undefined, 'no members: no call, no job');
  });

  it('maps sharing errors: bad project ids (local and IMG.0001), own project (IMG.0076), public image (403), unknown image (404)', async () => {
    const [img] = await fresh(1);
    assert.equal(await codeOf(provider.sharing.addMembers(R, img!.id, ['not-a-project'])), 'InvalidInput');
    const raw = await client.ims('POST', R, '/v1/cloudimages/members', { body: { images: [img!.id], projects: ['ABC'] } }).catch((e: unknown) => e);
    assert.equal((raw as ProviderError).code, 'IMG.0001');
    const own = await client.projectId(R);
    assert.equal(await codeOf(provider.sharing.addMembers(R, img!.id, [own])), 'IMG.0076');
    assert.equal(await codeOf(provider.sharing.addMembers(R, (await gold()).id, [PROJECT_A])), 'IMG.0106');
    assert.equal(await codeOf(provider.sharing.listMembers(R, (await gold()).id)), 'IMG.0106');
    assert.equal(await codeOf(provider.sharing.removeMembers(R, '00000000-0000-4000-8000-000000000000', [PROJECT_A])), 'IMG.0027');
    const shared = (await allImagesOf(R)).find((i) => i.owner === 'shared');
    assert.ok(shared);
    assert.deepEqual(await provider.sharing.listMembers(R, shared.id), []);
    assert.equal(await codeOf(provider.sharing.addMembers(R, shared.id, [PROJECT_A])), 'IMG.0106');
  });

  it('exports by a job whose percentage rises until it succeeds', async () => {
    const [img] = await fresh(1);
    const mark = emulator.requestLog.length;
    const start = await provider.exporting.exportImage(R, img!.id, { bucket: 'my-obs-bucket', object: 'exports/web.qcow2', format: 'qcow2' });
    assert.deepEqual(operations(mark, 'ExportImage'), ['ok']);
    const seen: number[] = [];
    for (let n = 0; n < 4; n++) {
      clock += 1200;
      const s = await job(start.job.jobId);
      assert.equal(s.state, 'running');
      seen.push(s.percent ?? -1);
    }
    assert.deepEqual(seen, [...seen].sort((x, y) => x - y));
    assert.ok(seen[0]! > 0 && seen[3]! > seen[0]! && seen[3]! < 100, String(seen));
    clock += JOB_MS;
    const done = await job(start.job.jobId);
    assert.deepEqual([done.state, done.percent], ['succeeded', 100]);
    const wire = await client.ims('GET', R, `/v1/cloudimages/job/${start.job.jobId}`);
    assert.equal(wire['job_type'], 'imsNativeExportImageJob');
    assert.equal((wire['entities'] as Record<string, unknown>)['image_id'], img!.id);
  });

  it('maps export errors: format (local and IMG.0001), bucket (IMG.0001), a public image (IMG.0106)', async () => {
    const [img] = await fresh(1);
    assert.equal(await codeOf(provider.exporting.exportImage(R, img!.id, { bucket: 'b-ok', object: 'x', format: 'raw' })), 'InvalidInput');
    const raw = await client
      .ims('POST', R, `/v1/cloudimages/${img!.id}/file`, { body: { bucket_url: 'b-ok:x', file_format: 'raw', is_quick_export: false } })
      .catch((e: unknown) => e);
    assert.equal((raw as ProviderError).code, 'IMG.0001');
    assert.equal(await codeOf(provider.exporting.exportImage(R, img!.id, { bucket: 'Bad_Bucket', object: 'x', format: 'vhd' })), 'InvalidInput');
    for (const bucketUrl of ['Bad_Bucket:x', 'b-ok:']) {
      const refused = await client
        .ims('POST', R, `/v1/cloudimages/${img!.id}/file`, { body: { bucket_url: bucketUrl, file_format: 'vhd', is_quick_export: false } })
        .catch((e: unknown) => e);
      assert.equal((refused as ProviderError).code, 'IMG.0001', bucketUrl);
    }
    assert.equal(await codeOf(provider.exporting.exportImage(R, (await gold()).id, { bucket: 'b-ok', object: 'x', format: 'vmdk' })), 'IMG.0106');
  });

  it('reports a job made to fail (FaultPlan.failJobs) as FAIL with its reason, and applies nothing', async () => {
    const [a, b] = await fresh(2);
    emulator.faults.failJobs({ cloud: 'huawei', operation: 'ExportImage', message: 'The OBS bucket is not writable.' });
    emulator.faults.failJobs({ cloud: 'huawei', operation: 'BatchAddMembers', message: 'Sharing quota exceeded.' });
    const exp = await provider.exporting.exportImage(R, a!.id, { bucket: 'my-obs-bucket', object: 'a.vhd', format: 'vhd' });
    const share = await provider.sharing.addMembers(R, b!.id, [PROJECT_A]);
    clock += JOB_MS;
    const failed = await job(exp.job.jobId);
    assert.deepEqual([failed.state, failed.cloudState, failed.percent], ['failed', 'FAIL', 50]);
    assert.equal(failed.error, 'IMG.1001: The OBS bucket is not writable.');
    assert.ok(failed.finishedAt);
    assert.equal((await job(share.job!.jobId)).error, 'IMG.1001: Sharing quota exceeded.');
    assert.deepEqual(await provider.sharing.listMembers(R, b!.id), []);
    // The rule was used up: the next export succeeds.
    const again = await provider.exporting.exportImage(R, a!.id, { bucket: 'my-obs-bucket', object: 'a.vhd', format: 'vhd' });
    clock += JOB_MS;
    assert.equal((await job(again.job.jobId)).state, 'succeeded');
  });

  it('describes jobs one call each, at most five at a time, leaving unknown and other projects\u2019 jobs out', async () => {
    const imgs = await fresh(7);
    const starts = await Promise.all(imgs.map((i) => provider.exporting.exportImage(R, i.id, { bucket: 'bkt', object: i.id, format: 'zvhd' })));
    const ids = starts.map((s) => s.job.jobId);
    const mark = emulator.requestLog.length;
    const statuses = await provider.jobs.describeJobs(R, [...ids, 'ffffffffffffffffffffffffffffffff', ids[0]!]);
    assert.deepEqual(statuses.map((s) => s.jobId), ids, 'in order, unknown left out, duplicates once');
    assert.deepEqual(operations(mark, 'ShowJobProgress'), [...ids.map(() => 'ok'), 'IMG.0056']);
    assert.deepEqual(await provider.jobs.describeJobs('cn-east-3', ids.slice(0, 2)), [], 'another project: unknown');
    assert.deepEqual(await provider.jobs.describeJobs(R, []), []);
  });

  it('deletes own images (204, synchronous); then they are gone; public and unknown ones are refused', async () => {
    const [a, b] = await fresh(2);
    await provider.tags.addTags(R, [a!.id], [{ key: 'doomed', value: 'yes' }]);
    const mark = emulator.requestLog.length;
    assert.deepEqual(await provider.deleting.deleteImages(R, [a!.id, b!.id, a!.id], {}), { confirmedBy: 'reply' }, 'synchronous: no job');
    assert.deepEqual(operations(mark, 'GlanceDeleteImage'), ['ok', 'ok']);
    assert.equal(emulator.requestsSince(mark).find((r) => r.operation === 'GlanceDeleteImage')?.status, 204);
    assert.equal(await provider.getImage(R, a!.id), undefined);
    assert.ok(!(await allImagesOf(R)).some((i) => i.id === a!.id || i.id === b!.id));
    const again = await provider.deleting.deleteImages(R, [a!.id], {}).catch((e: unknown) => e);
    assert.deepEqual([(again as ProviderError).code, (again as ProviderError).httpStatus], ['IMG.0027', 404]);
    const pub = await provider.deleting.deleteImages(R, [(await gold()).id], {}).catch((e: unknown) => e);
    assert.deepEqual([(pub as ProviderError).code, (pub as ProviderError).httpStatus], ['IMG.0094', 400], 'the public image cannot be deleted');
  });

  it('retries throttling (APIGW.0308, 429) and then succeeds', async () => {
    const [img] = await fresh(1);
    const start = await provider.exporting.exportImage(R, img!.id, { bucket: 'bkt', object: 'o', format: 'vmdk' });
    emulator.faults.add({ kind: 'throttle', cloud: 'huawei', operation: 'ShowJobProgress', times: 2 });
    const mark = emulator.requestLog.length;
    assert.equal((await job(start.job.jobId)).jobId, start.job.jobId);
    assert.deepEqual(operations(mark, 'ShowJobProgress'), ['APIGW.0308', 'APIGW.0308', 'ok']);
    assert.equal(sleeps.length, 2);
    emulator.faults.add({ kind: 'throttle', cloud: 'huawei', operation: 'BatchAddOrDeleteTags', times: 2 });
    const mark2 = emulator.requestLog.length;
    await provider.tags.addTags(R, [img!.id], [{ key: 'retried', value: 'yes' }]);
    assert.deepEqual(operations(mark2, 'BatchAddOrDeleteTags'), ['APIGW.0308', 'APIGW.0308', 'ok']);
    assert.deepEqual(await provider.tags.listTags(R, img!.id), [{ key: 'retried', value: 'yes' }]);
  });

  it('maps job progress: states, both percentage scales, failures', () => {
    assert.equal(jobPercent(0.35), 35);
    assert.equal(jobPercent('0.5'), 50);
    assert.equal(jobPercent(1), 1);
    assert.equal(jobPercent(35), 35);
    assert.equal(jobPercent(100), 100);
    assert.equal(jobPercent(250), 100);
    assert.equal(jobPercent(null), undefined);
    const base = { job_id: 'j1', job_type: 'imsNativeExportImageJob', begin_time: '2024-01-01T00:00:00Z', end_time: '' };
    assert.deepEqual([mapJob({ ...base, status: 'INIT' }).state, mapJob({ ...base, status: 'RUNNING', entities: { process_percent: 0.42 } }).percent], ['queued', 42]);
    const ok = mapJob({ ...base, status: 'SUCCESS', end_time: '2024-01-01T00:05:00Z', entities: {} });
    assert.deepEqual([ok.state, ok.percent, ok.finishedAt], ['succeeded', 100, '2024-01-01T00:05:00Z']);
    assert.equal(mapJob({ ...base, status: 'FAIL', fail_reason: 'no space' }).error, 'no space');
    assert.equal(mapJob({ ...base, status: 'FAIL', error_code: null, fail_reason: null }).error, undefined, 'no made-up text');
    // A failed job's own error_code in a 200 is data, not an error body.
    const body = '{"job_id":"j1","status":"FAIL","error_code":"IMG.1001","fail_reason":"no space"}';
    assert.equal(interpretHuawei({ status: 200, headers: {}, body })['fail_reason'], 'no space');
    assert.throws(() => interpretHuawei({ status: 200, headers: {}, body: '{"error_code":"APIGW.0301","error_msg":"bad"}' }), ProviderError);
  });

  it('runs per-item calls at most five at a time, in order, and stops starting new ones after a failure', async () => {
    let inFlight = 0;
    let peak = 0;
    const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
    const out = await mapLimited([...Array(12).keys()], HUAWEI_CONCURRENCY, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await tick();
      inFlight--;
      return n * 2;
    });
    assert.equal(HUAWEI_CONCURRENCY, 5);
    assert.equal(peak, 5);
    assert.deepEqual(out, [...Array(12).keys()].map((n) => n * 2));
    const started: number[] = [];
    const err = await mapLimited([...Array(12).keys()], 5, async (n) => {
      started.push(n);
      await tick();
      if (n === 1) {
        throw new Error('boom');
      }
      return n;
    }).catch((e: unknown) => e);
    assert.equal((err as Error).message, 'boom');
    assert.ok(started.length < 12, String(started));
  });
});
