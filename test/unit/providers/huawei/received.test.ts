// Huawei images shared with this project (pending, accepted, rejected), accepting and rejecting them
// (BatchUpdateMembers, an async job), the image quota, and which images can be exported and how
// (fast export over 128 GB; Alibaba's refusals): over real sockets against the emulator.
import { strict as assert } from 'assert';
import { InvalidInputError } from '../../../../src/providers/rules/problems';
import { alibabaExportChoice } from '../../../../src/providers/alibaba/exportChoice';
import { huaweiExportChoice } from '../../../../src/providers/huawei/exportChoice';
import type { Image } from '../../../../src/providers/core/model';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { codeOf } from '../../helpers/providerHarness';
import { HuaweiClient } from '../../../../src/providers/huawei/client';
import { FOLLOW_MS, HuaweiReceived } from '../../../../src/providers/huawei/received';
import { ProviderError } from '../../../../src/providers/core/errors';
import { CloudSandbox } from '../../helpers/cloudSandbox';

const JOB_MS = 6_000;
const R = 'ap-southeast-1';

describe('Huawei shared with me, quota and export choices (against the emulator)', () => {
  const sandbox = new CloudSandbox({ jobDurationMs: JOB_MS });
  let provider: ImageProvider;
  before(async () => {
    await sandbox.start();
    provider = sandbox.providerOf('huawei');
  });
  after(() => sandbox.stop());
  afterEach(() => {
    sandbox.emulator.faults.clear();
    sandbox.emulator.quotas.reset();
  });

  const statuses = async (): Promise<Map<string, string>> => new Map((await provider.received!.listReceived(R)).map((r) => [r.image.id, r.membership]));
  const listed = async (id: string): Promise<boolean> => (await provider.listImages({ regionId: R, pageSize: 500 })).items.some((i) => i.id === id);

  it('lists pending, accepted and rejected shared images; only accepted ones are in the region listing', async () => {
    const received = await provider.received!.listReceived(R);
    const pending = received.filter((r) => r.membership === 'pending');
    assert.equal(pending.length, 5);
    assert.equal(received.filter((r) => r.membership === 'rejected').length, 1);
    assert.ok(received.some((r) => r.membership === 'accepted'), 'the generated shared images are accepted');
    assert.ok(received.every((r) => r.image.owner === 'shared'));
    assert.equal(await listed(pending[0]!.image.id), false);
  });

  it('accepts one and rejects another: each a job, and the image shows in the region once accepted', async () => {
    const [a, b] = (await provider.received!.listReceived(R)).filter((r) => r.membership === 'pending');
    const accepted = await provider.received!.answer(R, [a!.image.id], 'accepted');
    const rejected = await provider.received!.answer(R, [b!.image.id], 'rejected');
    assert.ok(accepted.job && rejected.job);
    assert.equal((await statuses()).get(a!.image.id), 'pending', 'nothing changes before the job has run');
    sandbox.advance(JOB_MS);
    const jobs = await provider.jobs!.describeJobs(R, [accepted.job.jobId, rejected.job.jobId]);
    assert.deepEqual(jobs.map((j) => j.state), ['succeeded', 'succeeded']);
    const now = await statuses();
    assert.equal(now.get(a!.image.id), 'accepted');
    assert.equal(now.get(b!.image.id), 'rejected');
    assert.equal(await listed(a!.image.id), true);
    assert.equal(await listed(b!.image.id), false);
  });

  it('refuses an image not shared with the project before the change is sent (a typed id), naming it', async () => {
    const own = (await provider.listImages({ regionId: R, pageSize: 50 })).items.find((i) => i.owner === 'self');
    assert.ok(own);
    const mark = sandbox.emulator.requestLog.length;
    const err = await provider.received!.answer(R, [own.id], 'accepted').catch((e: unknown) => e);
    assert.ok(err instanceof InvalidInputError);
    assert.deepEqual(err.problem, { code: 'notShared', ids: [own.id] });
    assert.deepEqual(sandbox.calls(mark, 'BatchUpdateMembers'), [], 'nothing sent');
  });

  it('answers again after throttling (refused unprocessed), sent once otherwise', async () => {
    const [p] = (await provider.received!.listReceived(R)).filter((r) => r.membership === 'pending');
    sandbox.emulator.faults.add({ kind: 'throttle', cloud: 'huawei', operation: 'BatchUpdateMembers', times: 1 });
    const mark = sandbox.emulator.requestLog.length;
    const result = await provider.received!.answer(R, [p!.image.id], 'rejected');
    assert.ok(result.job);
    assert.deepEqual(sandbox.calls(mark, 'BatchUpdateMembers'), ['429 APIGW.0308', '200']);
  });

  it('reads the quota (used and total per type) and a full shared-image quota refuses an accept', async () => {
    const quotas = await provider.quota!.quotas(R);
    assert.deepEqual(quotas.map((q) => q.type), ['image', 'image_shared', 'image_member']);
    const shared = quotas.find((q) => q.type === 'image_shared')!;
    assert.ok(shared.used >= 1 && shared.quota >= shared.used);
    sandbox.emulator.quotas.set('huawei', 'image_shared', shared.used);
    assert.equal((await provider.quota!.quotas(R)).find((q) => q.type === 'image_shared')?.quota, shared.used);
    const [pending] = (await provider.received!.listReceived(R)).filter((r) => r.membership === 'pending');
    assert.ok(pending, 'one image is still pending');
    assert.equal(await codeOf(provider.received!.answer(R, [pending.image.id], 'accepted')), 'IMG.0088');
    sandbox.emulator.faults.add({ kind: 'throttle', cloud: 'huawei', operation: 'ShowImageQuota', times: 1 });
    assert.equal((await provider.quota!.quotas(R)).length, 3);
  });

  it('a full member quota refuses a share', async () => {
    const own = (await provider.listImages({ regionId: R, pageSize: 50 })).items.find((i) => i.owner === 'self' && i.status === 'active');
    assert.ok(own);
    const member = (await provider.quota!.quotas(R)).find((q) => q.type === 'image_member')!;
    sandbox.emulator.quotas.set('huawei', 'image_member', member.used);
    assert.equal(await codeOf(provider.sharing!.addMembers(R, own.id, ['0123456789abcdef0123456789abcdef'])), 'IMG.0088');
  });

  describe('an answer whose reply is lost: the job followed to its end, then read back', () => {
    // The waits between read-backs move the emulator's clock on, as time would pass for the job.
    const waits: number[] = [];
    const following = (): HuaweiReceived =>
      new HuaweiReceived(new HuaweiClient(sandbox.context('huawei')), {
        wait: (ms) => {
          waits.push(ms);
          sandbox.advance(ms);
          return Promise.resolve();
        },
      });
    beforeEach(() => {
      waits.length = 0;
    });

    it('accepts: the reply is lost while the job runs; the image is seen accepted once the job has ended', async () => {
      const [p] = (await provider.received!.listReceived(R)).filter((r) => r.membership === 'pending');
      assert.ok(p, 'a pending image');
      sandbox.emulator.faults.add({ kind: 'drop-reply', cloud: 'huawei', operation: 'BatchUpdateMembers', times: 1 });
      const mark = sandbox.emulator.requestLog.length;
      const result = await following().answer(R, [p.image.id], 'accepted');
      assert.equal(result.confirmedBy, 'read-back', 'settled by reading back, not "not known"');
      assert.deepEqual(sandbox.calls(mark, 'BatchUpdateMembers'), ['200'], 'sent once');
      assert.ok(waits.reduce((a, b) => a + b, 0) >= JOB_MS, 'it waited for the job');
      assert.deepEqual(waits, [1_000, 2_000, 4_000], 'and no longer than it took');
      assert.equal((await statuses()).get(p.image.id), 'accepted');
    });

    it('rejects the same way, with an error reply after the cloud applied it', async () => {
      const p = (await provider.received!.listReceived(R)).find((r) => r.membership !== 'rejected');
      assert.ok(p, 'an image not rejected yet');
      sandbox.emulator.faults.add({ kind: 'error-after-apply', cloud: 'huawei', operation: 'BatchUpdateMembers', times: 1 });
      const result = await following().answer(R, [p.image.id], 'rejected');
      assert.equal(result.confirmedBy, 'read-back');
      assert.equal((await statuses()).get(p.image.id), 'rejected');
    });

    it('stays "not known" when the job never shows the answer, after a bounded number of reads', async () => {
      const p = (await provider.received!.listReceived(R)).find((r) => r.membership !== 'accepted');
      assert.ok(p, 'an image not accepted yet');
      sandbox.emulator.faults.add({ kind: 'drop-reply', cloud: 'huawei', operation: 'BatchUpdateMembers', times: 1 });
      sandbox.emulator.faults.failJobs({ cloud: 'huawei', operation: 'BatchUpdateMembers', times: 1 });
      const mark = sandbox.emulator.requestLog.length;
      const err = await following().answer(R, [p.image.id], 'accepted').catch((e: unknown) => e);
      assert.ok(ProviderError.isOutcomeUnknown(err), String(err));
      assert.equal(err.outcome?.readBack, 'no-change');
      assert.equal(waits.reduce((a, b) => a + b, 0), FOLLOW_MS);
      // Three reads of what is shared (the check before sending), then a few follow-up reads.
      assert.ok(sandbox.calls(mark, 'ListImages').length <= 15, 'a few reads, not one per second');
    });
  });

  describe('export choices', () => {
    const base: Image = { id: 'x', name: 'x', regionId: R, status: 'active', owner: 'self', tags: [], sizeGiB: 40 };

    it('Huawei: fast export offered, required over 128 GB; 1 TB and more, market, Windows and full-ECS images refused', () => {
      assert.deepEqual(huaweiExportChoice(base), { quickAvailable: true, quickRequired: false });
      assert.equal(huaweiExportChoice({ ...base, sizeGiB: 200 }).quickRequired, true);
      assert.equal(huaweiExportChoice({ ...base, sizeGiB: 1024 }).block?.code, 'tooLarge');
      assert.equal(huaweiExportChoice({ ...base, raw: { __productcode: 'abc' } }).block?.code, 'marketplace');
      assert.equal(huaweiExportChoice({ ...base, osType: 'Windows' }).block?.code, 'windows');
      assert.equal(huaweiExportChoice({ ...base, raw: { __whole_image: 'true' } }).block?.code, 'wholeImage');
      assert.equal(huaweiExportChoice({ ...base, owner: 'shared' }).block?.code, 'notOwn');
    });

    it('Alibaba: refused for others\' images, not Available, Marketplace-derived, Windows, too many or too large data disks', () => {
      const ali: Image = { ...base, status: 'Available' };
      assert.equal(alibabaExportChoice(ali).block, undefined);
      assert.equal(alibabaExportChoice({ ...ali, owner: 'system' }).block?.code, 'notOwn');
      assert.deepEqual(alibabaExportChoice({ ...ali, status: 'Creating' }).block, { code: 'notReady' });
      assert.equal(alibabaExportChoice({ ...ali, raw: { ProductCode: 'cmjj0001' } }).block?.code, 'marketplace');
      assert.equal(alibabaExportChoice({ ...ali, osType: 'windows' }).block?.code, 'windows');
      const disks = (n: number, size: number): Image['raw'] => ({ DiskDeviceMappings: { DiskDeviceMapping: Array.from({ length: n }, () => ({ Type: 'data', Size: String(size) })) } });
      assert.equal(alibabaExportChoice({ ...ali, raw: disks(5, 10) }).block?.code, 'dataDisks');
      assert.equal(alibabaExportChoice({ ...ali, raw: disks(1, 600) }).block?.code, 'dataDiskSize');
    });

    it('Huawei: the cloud refuses a standard export of an image over 128 GB and takes a fast one', async () => {
      const big = await provider.importing!.importImage(R, { bucket: 'ci-obs', object: 'big.qcow2', name: 'big one', platform: 'CentOS 7.9 64bit', architecture: 'x86', diskSizeGiB: 200 });
      sandbox.advance(JOB_MS);
      assert.equal((await provider.getImage!(R, big.imageId!))?.status, 'active');
      assert.equal(huaweiExportChoice((await provider.getImage!(R, big.imageId!))!).quickRequired, true);
      assert.equal(await codeOf(provider.exporting!.exportImage(R, big.imageId!, { bucket: 'ci-obs', object: 'big.img', format: 'qcow2' })), 'IMG.0160');
      assert.equal(await codeOf(provider.exporting!.exportImage(R, big.imageId!, { bucket: 'ci-obs', object: 'big.img', format: '', quick: true })), 'ok');
    });

    it('Huawei: a fast export is sent without a file format and the cloud takes it', async () => {
      const own = (await provider.listImages({ regionId: R, pageSize: 50 })).items.find((i) => i.owner === 'self' && i.status === 'active');
      assert.ok(own);
      const started = await provider.exporting!.exportImage(R, own.id, { bucket: 'ci-obs', object: 'fast.img', format: '', quick: true });
      assert.ok(started.job.jobId);
    });
  });
});
