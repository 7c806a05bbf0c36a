// Copying images over real sockets against the emulator of each cloud, whose clock the test moves:
// Alibaba CopyImage followed by the new image's Progress in the destination region (five at once per
// region, the sixth waits), CancelCopyImage and CancelTask; Huawei in-region and cross-region copy jobs
// whose new image lands in its region; QingCloud CloneImages. Each: success, the cloud's error mapped,
// throttling then success, bad input refused before any request, a lost reply read back (sent once).
import { strict as assert } from 'assert';
import { ProviderError } from '../../../../src/providers/core/errors';
import { InvalidInputError } from '../../../../src/providers/rules/problems';
import { checkCopy } from '../../../../src/providers/rules/copy';
import { ALIBABA_COPY_RULES } from '../../../../src/providers/alibaba/rules';
import { HUAWEI_COPY_RULES } from '../../../../src/providers/huawei/rules';
import type { CloudKind, Image } from '../../../../src/providers/core/model';
import type { CopyOperations } from '../../../../src/providers/core/copying';
import type { ImageOperations } from '../../../../src/providers/core/operations';
import type { JobOperations } from '../../../../src/providers/core/jobs';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { CloudSandbox } from '../../helpers/cloudSandbox';
import { allImages } from '../../helpers/providerHarness';
import { rejection } from '../../helpers/alibabaSandbox';

type WithCopy = ImageProvider & ImageOperations & { copying: CopyOperations; jobs: JobOperations };

const AREGION = 'cn-beijing';
const HREGION = 'cn-north-4';
const ZONE = 'pek3a';

describe('Copying images (against the emulator)', () => {
  const sb = new CloudSandbox({ jobDurationMs: 10_000 });
  const p = {} as Record<CloudKind, WithCopy>;
  const own = {} as Record<CloudKind, Image[]>;

  before(async () => {
    await sb.start();
    for (const cloud of ['alibaba', 'huawei', 'qingcloud'] as const) {
      p[cloud] = sb.providerOf(cloud) as WithCopy;
    }
    own.alibaba = (await allImages(p.alibaba, AREGION, 100)).filter((i) => i.owner === 'self' && i.status === 'Available');
    own.huawei = (await allImages(p.huawei, HREGION, 500)).filter((i) => i.owner === 'self' && i.status === 'active');
    own.qingcloud = (await allImages(p.qingcloud, ZONE, 100)).filter((i) => i.owner === 'self' && i.status === 'available' && !i.raw?.['transition_status']);
    assert.ok(own.alibaba.length >= 8 && own.huawei.length >= 4 && own.qingcloud.length >= 3, 'enough own images');
  });
  after(() => sb.stop());
  beforeEach(() => sb.emulator.faults.clear());

  describe('Alibaba CopyImage', () => {
    it('copies to another region: the new image waits, shows its Progress there, then is Available with the name asked for', async () => {
      const src = own.alibaba[0]!;
      const started = await p.alibaba.copying.copyImage(AREGION, src.id, { destinationRegionId: 'cn-shenzhen', name: 'copy-of-web', description: 'A copy for the south.' });
      assert.equal(started.follow, 'image');
      assert.equal(started.followRegionId, 'cn-shenzhen');
      assert.match(started.job.jobId, /^m-/);
      assert.equal(started.newImageId, started.job.jobId);
      const seen: Array<[string, number | undefined]> = [];
      for (const step of [0, 3_000, 8_000]) {
        sb.advance(step);
        const [s] = await p.alibaba.copying.describeCopies!('cn-shenzhen', [started.job.jobId]);
        seen.push([s!.state, s!.percent]);
      }
      assert.deepEqual(seen, [['queued', 0], ['running', 30], ['succeeded', 100]]);
      const copy = await p.alibaba.getImage!('cn-shenzhen', started.job.jobId);
      assert.equal(copy?.name, 'copy-of-web');
      assert.equal(copy?.description, 'A copy for the south.');
      assert.equal(copy?.status, 'Available');
      assert.equal(await p.alibaba.getImage!(AREGION, started.job.jobId), undefined, 'not in the source region');
    });

    it('runs five copies at once in a region; the sixth waits until a slot frees, and activeCopies counts them', async () => {
      const ids: string[] = [];
      for (const src of own.alibaba.slice(1, 7)) {
        ids.push((await p.alibaba.copying.copyImage(AREGION, src.id, { destinationRegionId: 'ap-southeast-1', name: `six-${ids.length}` })).job.jobId);
      }
      sb.advance(2_000);
      assert.equal(await p.alibaba.copying.activeCopies!('ap-southeast-1'), 6);
      const states = await p.alibaba.copying.describeCopies!('ap-southeast-1', ids);
      assert.deepEqual(ids.map((id) => states.find((s) => s.jobId === id)?.state), ['running', 'running', 'running', 'running', 'running', 'queued']);
      sb.advance(9_000);
      await p.alibaba.copying.describeCopies!('ap-southeast-1', ids); // the first five are done: the sixth starts
      sb.advance(2_000);
      const later = await p.alibaba.copying.describeCopies!('ap-southeast-1', ids);
      assert.equal(later.find((s) => s.jobId === ids[5])?.state, 'running', 'the sixth started once the first five were done');
      assert.equal(p.alibaba.copying.maxConcurrentPerRegion, 5);
      sb.advance(10_000);
    });

    it('cancels a running copy (the unfinished image is deleted); a finished one is refused with the cloud error', async () => {
      const running = await p.alibaba.copying.copyImage(AREGION, own.alibaba[7]!.id, { destinationRegionId: 'cn-shanghai', name: 'to-cancel' });
      sb.advance(3_000);
      await p.alibaba.copying.cancelCopy!('cn-shanghai', running.job.jobId);
      assert.equal(await p.alibaba.getImage!('cn-shanghai', running.job.jobId), undefined);
      assert.deepEqual(await p.alibaba.copying.describeCopies!('cn-shanghai', [running.job.jobId]), []);
      const done = await p.alibaba.copying.copyImage(AREGION, own.alibaba[7]!.id, { destinationRegionId: 'cn-shanghai', name: 'finished' });
      sb.advance(10_000);
      const err = await rejection(p.alibaba.copying.cancelCopy!('cn-shanghai', done.job.jobId));
      assert.ok(err instanceof ProviderError);
      assert.equal(err.code, 'IncorrectImageStatus');
    });

    it('maps the cloud error for an unknown image, and retries a throttled CopyImage once it is let through', async () => {
      const err = await rejection(p.alibaba.copying.copyImage(AREGION, 'm-2ze000000000000000', { destinationRegionId: 'cn-shanghai', name: 'nothing' }));
      assert.ok(err instanceof ProviderError);
      assert.equal(err.code, 'InvalidImageId.NotFound');
      sb.emulator.faults.add({ kind: 'throttle', cloud: 'alibaba', operation: 'CopyImage', times: 1 });
      const mark = sb.emulator.requestLog.length;
      const ok = await p.alibaba.copying.copyImage(AREGION, own.alibaba[0]!.id, { destinationRegionId: AREGION, name: 'after-throttle' });
      assert.deepEqual(sb.calls(mark, 'CopyImage'), ['400 Throttling.User', '200']);
      assert.ok(await p.alibaba.getImage!(AREGION, ok.job.jobId));
    });

    it('refuses a bad name, description or key before any request', async () => {
      const mark = sb.emulator.requestLog.length;
      for (const request of [
        { destinationRegionId: 'cn-shanghai', name: '1starts-with-a-digit' },
        { destinationRegionId: 'cn-shanghai', name: 'aliyun-copy' },
        { destinationRegionId: 'cn-shanghai', name: 'ok-name', description: 'https://example.com' },
        { destinationRegionId: 'cn-shanghai', name: 'ok-name', encrypted: true, kmsKeyId: 'has space' },
        { destinationRegionId: '', name: 'ok-name' },
      ]) {
        assert.ok((await rejection(p.alibaba.copying.copyImage(AREGION, own.alibaba[0]!.id, request))) instanceof InvalidInputError, JSON.stringify(request));
      }
      assert.equal(sb.emulator.requestsSince(mark).length, 0);
    });

    it('a lost CopyImage reply is read back as the copy under way, sent once', async () => {
      sb.emulator.faults.add({ kind: 'drop-reply', cloud: 'alibaba', operation: 'CopyImage', times: 1 });
      const mark = sb.emulator.requestLog.length;
      const result = await p.alibaba.copying.copyImage(AREGION, own.alibaba[1]!.id, { destinationRegionId: 'cn-shenzhen', name: 'lost-reply-copy' });
      assert.equal(result.confirmedBy, 'read-back');
      assert.equal(sb.calls(mark, 'CopyImage').length, 1, 'sent once');
      assert.equal((await p.alibaba.getImage!('cn-shenzhen', result.job.jobId))?.name, 'lost-reply-copy');
      sb.advance(10_000);
    });

    it('cancels an export task with CancelTask: the task ends Cancelled (its own state, not failed); cancelling it again is refused', async () => {
      const started = await p.alibaba.exporting!.exportImage(AREGION, own.alibaba[2]!.id, { bucket: 'image-archive', object: 'x', format: 'qcow2' });
      sb.advance(2_000);
      await p.alibaba.jobs.cancelJob!(AREGION, started.job.jobId);
      const [s] = await p.alibaba.jobs.describeJobs(AREGION, [started.job.jobId]);
      assert.equal(s?.state, 'cancelled');
      assert.equal(s?.cloudState, 'Cancelled');
      const err = await rejection(p.alibaba.jobs.cancelJob!(AREGION, started.job.jobId));
      assert.ok(err instanceof ProviderError);
      assert.equal(err.code, 'InvalidTaskId.IncorrectTaskStatus');
    });
  });

  describe('Huawei copy', () => {
    it('copies within the region and to another: jobs run to SUCCESS and the new images appear where asked', async () => {
      const inRegion = await p.huawei.copying.copyImage(HREGION, own.huawei[0]!.id, { destinationRegionId: HREGION, name: 'copy in region', description: 'same place' });
      const across = await p.huawei.copying.copyImage(HREGION, own.huawei[1]!.id, { destinationRegionId: 'cn-east-3', name: 'copy-east', agencyName: 'ims_admin_agency' });
      assert.equal(across.follow, 'job');
      assert.equal(across.followRegionId, HREGION);
      sb.advance(3_000);
      const running = await p.huawei.jobs.describeJobs(HREGION, [inRegion.job.jobId, across.job.jobId]);
      assert.ok(running.every((s) => s.state === 'running' && s.percent === 30));
      sb.advance(8_000);
      const done = await p.huawei.jobs.describeJobs(HREGION, [inRegion.job.jobId, across.job.jobId]);
      assert.ok(done.every((s) => s.state === 'succeeded' && s.imageId), JSON.stringify(done));
      const east = done.find((s) => s.jobId === across.job.jobId)!;
      assert.equal((await p.huawei.getImage!('cn-east-3', east.imageId!))?.name, 'copy-east');
      const here = done.find((s) => s.jobId === inRegion.job.jobId)!;
      assert.equal((await p.huawei.getImage!(HREGION, here.imageId!))?.description, 'same place');
    });

    it('maps the cloud error for a foreign image, retries a throttled copy, and refuses bad input (and a missing agency) before any request', async () => {
      const foreign = (await allImages(p.huawei, HREGION, 500)).find((i) => i.owner === 'system')!;
      const err = await rejection(p.huawei.copying.copyImage(HREGION, foreign.id, { destinationRegionId: HREGION, name: 'nope' }));
      assert.ok(err instanceof ProviderError);
      assert.equal(err.code, 'IMG.0106');
      sb.emulator.faults.add({ kind: 'throttle', cloud: 'huawei', operation: 'CopyImageInRegion', times: 1 });
      const mark = sb.emulator.requestLog.length;
      await p.huawei.copying.copyImage(HREGION, own.huawei[2]!.id, { destinationRegionId: HREGION, name: 'after-throttle' });
      assert.deepEqual(sb.calls(mark, 'CopyImageInRegion'), ['429 APIGW.0308', '200']);
      const before = sb.emulator.requestLog.length;
      for (const request of [
        { destinationRegionId: HREGION, name: 'bad<name>' },
        { destinationRegionId: HREGION, name: 'ok', description: '<script>' },
        { destinationRegionId: 'cn-east-3', name: 'no-agency' },
      ]) {
        assert.ok((await rejection(p.huawei.copying.copyImage(HREGION, own.huawei[3]!.id, request))) instanceof InvalidInputError, JSON.stringify(request));
      }
      assert.equal(sb.emulator.requestsSince(before).length, 0);
      sb.advance(10_000);
    });
  });

  describe('QingCloud CloneImages', () => {
    it('clones within the zone: the new image is named at once and available when its job succeeds', async () => {
      const started = await p.qingcloud.copying.copyImage(ZONE, own.qingcloud[0]!.id, { destinationRegionId: ZONE, name: 'clone-1' });
      assert.equal(started.follow, 'job');
      assert.match(started.newImageId ?? '', /^img-/);
      sb.advance(3_000);
      assert.equal((await p.qingcloud.jobs.describeJobs(ZONE, [started.job.jobId]))[0]?.state, 'running');
      assert.equal((await p.qingcloud.getImage!(ZONE, started.newImageId!))?.status, 'pending');
      sb.advance(8_000);
      assert.equal((await p.qingcloud.jobs.describeJobs(ZONE, [started.job.jobId]))[0]?.state, 'succeeded');
      const clone = await p.qingcloud.getImage!(ZONE, started.newImageId!);
      assert.equal(clone?.name, 'clone-1');
      assert.equal(clone?.status, 'available');
    });

    it('refuses another zone before any request, maps the cloud error, retries a throttled call, and reads a lost reply back', async () => {
      const mark = sb.emulator.requestLog.length;
      const other = await rejection(p.qingcloud.copying.copyImage(ZONE, own.qingcloud[1]!.id, { destinationRegionId: 'sh1a', name: 'x' }));
      assert.ok(other instanceof InvalidInputError);
      assert.equal(sb.emulator.requestsSince(mark).length, 0);
      const err = await rejection(p.qingcloud.copying.copyImage(ZONE, 'img-00000000', { destinationRegionId: ZONE, name: 'x' }));
      assert.ok(err instanceof ProviderError);
      assert.equal(err.code, '2100');
      // QingCloud's busy answer (5100) does not prove the clone was not made: not re-sent, read back (nothing
      // under way), so the outcome stays unknown; the next user action goes through.
      sb.emulator.faults.add({ kind: 'throttle', cloud: 'qingcloud', operation: 'CloneImages', times: 1 });
      const m2 = sb.emulator.requestLog.length;
      const busy = await rejection(p.qingcloud.copying.copyImage(ZONE, own.qingcloud[1]!.id, { destinationRegionId: ZONE, name: 'busy' }));
      assert.ok(ProviderError.isOutcomeUnknown(busy));
      assert.deepEqual(busy.outcome, { change: 'copy', imageIds: [own.qingcloud[1]!.id], readBack: 'no-change' });
      assert.deepEqual(sb.calls(m2, 'CloneImages'), ['200 5100']);
      await p.qingcloud.copying.copyImage(ZONE, own.qingcloud[1]!.id, { destinationRegionId: ZONE, name: 'after-throttle' });
      assert.deepEqual(sb.calls(m2, 'CloneImages'), ['200 5100', '200']);
      sb.advance(10_000);
      sb.emulator.faults.add({ kind: 'drop-reply', cloud: 'qingcloud', operation: 'CloneImages', times: 1 });
      const m3 = sb.emulator.requestLog.length;
      const lost = await p.qingcloud.copying.copyImage(ZONE, own.qingcloud[2]!.id, { destinationRegionId: ZONE, name: 'lost' });
      assert.equal(lost.confirmedBy, 'read-back');
      assert.equal(sb.calls(m3, 'CloneImages').length, 1, 'sent once');
      assert.match(lost.newImageId ?? '', /^img-/);
    });
  });
});

describe('checkCopy: a Huawei whole-machine image', () => {
  const request = { name: 'copy', description: '' };
  it('is refused a copy within its own region before any request, and allowed one to another region', () => {
    const whole = { wholeMachine: { backupId: 'b-1' } };
    assert.deepEqual(checkCopy(HUAWEI_COPY_RULES, HREGION, { ...request, destinationRegionId: HREGION }, whole), { code: 'wholeMachineInRegion' });
    assert.equal(checkCopy(HUAWEI_COPY_RULES, HREGION, { ...request, destinationRegionId: HREGION }, {}), undefined, 'another image may');
    assert.deepEqual(checkCopy(HUAWEI_COPY_RULES, HREGION, { ...request, destinationRegionId: 'cn-east-3', agencyName: 'ims_admin_agency' }, whole), undefined);
    assert.equal(checkCopy(ALIBABA_COPY_RULES, AREGION, { ...request, destinationRegionId: AREGION }, whole), undefined, 'a rule of Huawei only');
  });
});
