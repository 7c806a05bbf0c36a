// A change whose reply is lost, over real sockets against the emulator of each cloud: the emulator applies
// the request and then drops the connection ('drop-reply') or answers 5xx ('error-after-apply'). The
// change must reach the cloud exactly once (the emulator's request log and state) and be reported as what
// happened: done, a job to follow, or, where reading back cannot tell, an unknown outcome, never a failure.
import { strict as assert } from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { createProvider } from '../../../../src/providers/stack';
import { ProviderError } from '../../../../src/providers/core/errors';
import { HttpClient } from '../../../../src/providers/transport/http';
import type { CloudKind, Image } from '../../../../src/providers/core/model';
import { imageInUse } from '../../../../src/sandbox/alibaba/ecs';
import { FaultPlan, type FaultKind } from '../../../../src/sandbox/faults';
import { CloudSandbox, useSandbox } from '../../helpers/cloudSandbox';
import { allImages } from '../../helpers/providerHarness';

const REGION: Readonly<Record<CloudKind, string>> = { alibaba: 'cn-hangzhou', huawei: 'cn-north-4', qingcloud: 'pek3a', batchcompute: 'cn-shenzhen' };
const LOST: readonly FaultKind[] = ['drop-reply', 'error-after-apply'];
const TO_OSS = { bucket: 'image-archive', object: 'lost', format: 'qcow2' };
const TO_OBS = { bucket: 'my-obs-bucket', object: 'lost.qcow2', format: 'qcow2' };

/** An own image any change can be made to: available, unshared, untagged, not in use. */
function plain(cloud: CloudKind, i: Image): boolean {
  switch (cloud) {
    case 'alibaba':
      return i.owner === 'self' && i.status === 'Available' && i.raw?.['IsSelfShared'] !== 'True' && !imageInUse(i.id);
    case 'huawei':
      return i.owner === 'self' && i.status === 'active' && !i.tags.length;
    case 'qingcloud':
      return i.owner === 'self' && i.status === 'available' && !i.tags.length && !i.raw?.['transition_status'];
    case 'batchcompute':
      return true;
  }
}

describe('A change whose reply is lost is applied once and reported as what happened (against the emulator)', () => {
  const sb = new CloudSandbox();
  const p = useSandbox(sb);
  const used = new Set<string>();

  async function fresh(cloud: CloudKind): Promise<Image> {
    const image = (await allImages(p[cloud], REGION[cloud], 100)).find((i) => plain(cloud, i) && !used.has(i.id));
    assert.ok(image, `a plain own ${cloud} image`);
    used.add(image.id);
    return image;
  }

  /** The next request of the operation is applied and then its reply is lost. */
  function lose(cloud: CloudKind, operation: string, kind: FaultKind = 'drop-reply'): number {
    sb.emulator.faults.add({ kind, cloud, operation, times: 1 });
    return sb.emulator.requestLog.length;
  }

  async function unknown(change: Promise<unknown>): Promise<ProviderError> {
    const err = await change.then(
      () => assert.fail('the outcome should be unknown'),
      (e: unknown) => e,
    );
    assert.ok(ProviderError.isOutcomeUnknown(err), String(err));
    return err;
  }

  describe('delete', () => {
    const sync: ReadonlyArray<[CloudKind, string]> = [
      ['alibaba', 'DeleteImage'],
      ['huawei', 'GlanceDeleteImage'],
      ['batchcompute', 'DeleteImage'],
    ];
    for (const [cloud, operation] of sync) {
      for (const fault of LOST) {
        it(`${cloud}, ${fault}: deleted once, reported deleted (the image read back is gone), no 404`, async () => {
          const image = await fresh(cloud);
          const mark = lose(cloud, operation, fault);
          const result = await p[cloud].deleting!.deleteImages(REGION[cloud], [image.id], {});
          assert.deepEqual(result, { confirmedBy: 'read-back' });
          assert.equal(sb.calls(mark, operation).length, 1, 'sent once');
          assert.match(sb.calls(mark, operation)[0]!, /^20[04]$/, 'and applied');
          assert.deepEqual(sb.sleeps, [], 'never sent again');
          assert.equal(await p[cloud].getImage!(REGION[cloud], image.id), undefined);
        });
      }
    }

    for (const fault of LOST) {
      it(`qingcloud, ${fault}: DeleteImages sent once; the running job that deletes the image is found and followed to the end`, async () => {
        const image = await fresh('qingcloud');
        const mark = lose('qingcloud', 'DeleteImages', fault);
        const result = await p.qingcloud.deleting!.deleteImages(REGION.qingcloud, [image.id], {});
        assert.equal(result.confirmedBy, 'read-back');
        assert.match(String(result.job?.jobId), /^j-/);
        assert.deepEqual(sb.calls(mark, 'DeleteImages'), ['200']);
        sb.advance(10_000);
        const [done] = await p.qingcloud.jobs!.describeJobs(REGION.qingcloud, [result.job!.jobId]);
        assert.equal(done?.state, 'succeeded');
        assert.equal(await p.qingcloud.getImage!(REGION.qingcloud, image.id), undefined);
      });
    }
  });

  describe('export', () => {
    for (const fault of LOST) {
      it(`alibaba, ${fault}: ExportImage sent once; its running task is found (DescribeTasks by image) and followed`, async () => {
        const image = await fresh('alibaba');
        const mark = lose('alibaba', 'ExportImage', fault);
        const started = await p.alibaba.exporting!.exportImage(REGION.alibaba, image.id, TO_OSS);
        assert.equal(started.confirmedBy, 'read-back');
        assert.deepEqual(sb.calls(mark, 'ExportImage'), ['200']);
        const tasks = await p.alibaba.jobs!.describeJobs(REGION.alibaba, [started.job.jobId]);
        assert.deepEqual(tasks.map((t) => t.state), ['queued']);
        sb.advance(10_000);
        assert.equal((await p.alibaba.jobs!.describeJobs(REGION.alibaba, [started.job.jobId]))[0]?.state, 'succeeded');
      });
    }

    it('huawei: ExportImage sent once; IMS lists no jobs and the image does not show an export, so the outcome is unknown (undecidable)', async () => {
      const image = await fresh('huawei');
      const mark = lose('huawei', 'ExportImage');
      const err = await unknown(p.huawei.exporting!.exportImage(REGION.huawei, image.id, TO_OBS));
      assert.deepEqual(err.outcome, { change: 'export', imageIds: [image.id], readBack: 'undecidable' });
      assert.equal((err.cause as ProviderError).code, 'NetworkError');
      assert.deepEqual(sb.calls(mark, 'ExportImage'), ['200'], 'applied once, not sent again');
      assert.deepEqual(sb.sleeps, []);
    });
  });

  describe('share', () => {
    const sync: ReadonlyArray<[CloudKind, string, string]> = [
      ['alibaba', 'ModifyImageSharePermission', '1000000000000042'],
      ['qingcloud', 'GrantImageToUsers', 'usr-lost0001'],
    ];
    for (const [cloud, operation, member] of sync) {
      for (const fault of LOST) {
        it(`${cloud}, ${fault}: shared once, reported shared (the members read back list it)`, async () => {
          const image = await fresh(cloud);
          const mark = lose(cloud, operation, fault);
          assert.deepEqual(await p[cloud].sharing!.addMembers(REGION[cloud], image.id, [member]), { confirmedBy: 'read-back' });
          assert.deepEqual(sb.calls(mark, operation), ['200']);
          assert.deepEqual((await p[cloud].sharing!.listMembers(REGION[cloud], image.id)).map((m) => m.id), [member]);
        });
      }
    }

    it('huawei: BatchAddMembers sent once; while its job runs the members show no change: unknown, and the job then adds them once', async () => {
      const image = await fresh('huawei');
      const project = '0123456789abcdef0123456789abcdef';
      const mark = lose('huawei', 'BatchAddMembers');
      const err = await unknown(p.huawei.sharing!.addMembers(REGION.huawei, image.id, [project]));
      assert.deepEqual(err.outcome, { change: 'share', imageIds: [image.id], readBack: 'no-change' });
      assert.deepEqual(sb.calls(mark, 'BatchAddMembers'), ['200']);
      sb.advance(10_000);
      assert.deepEqual((await p.huawei.sharing!.listMembers(REGION.huawei, image.id)).map((m) => m.id), [project]);
    });
  });

  it('takes the lost-reply faults from CIE_EMULATOR_FAULTS, per cloud, operation and times', () => {
    const plan = FaultPlan.fromEnv({ CIE_EMULATOR_FAULTS: '[{"kind":"drop-reply","cloud":"huawei","operation":"ExportImage","times":1},{"kind":"error-after-apply","cloud":"alibaba"}]' });
    assert.equal(plan.take('alibaba', 'ExportImage'), 'error-after-apply');
    assert.equal(plan.take('huawei', 'GlanceDeleteImage'), undefined);
    assert.equal(plan.take('huawei', 'ExportImage'), 'drop-reply');
    assert.equal(plan.take('huawei', 'ExportImage'), undefined, 'once');
  });

  describe('what may and may not be sent again', () => {
    it('a reset after the request was written (not applied): sent once, read back, the outcome stays unknown (no change seen)', async () => {
      const image = await fresh('alibaba');
      const mark = lose('alibaba', 'ExportImage', 'reset');
      const err = await unknown(p.alibaba.exporting!.exportImage(REGION.alibaba, image.id, TO_OSS));
      assert.deepEqual(err.outcome, { change: 'export', imageIds: [image.id], readBack: 'no-change' });
      assert.equal(sb.calls(mark, 'ExportImage').length, 1);
      assert.deepEqual(sb.sleeps, []);
    });

    it('a 5xx before anything was applied: sent once; the image read back is still there, so "no change", not a false success', async () => {
      const image = await fresh('huawei');
      const mark = lose('huawei', 'GlanceDeleteImage', 'server-error');
      const err = await unknown(p.huawei.deleting!.deleteImages(REGION.huawei, [image.id], {}));
      assert.deepEqual(err.outcome, { change: 'delete', imageIds: [image.id], readBack: 'no-change' });
      assert.equal((err.cause as ProviderError).code, 'IMG.0999');
      assert.equal(sb.calls(mark, 'GlanceDeleteImage').length, 1);
      assert.ok(await p.huawei.getImage!(REGION.huawei, image.id));
    });

    it('throttling the cloud documents as refused unprocessed (Alibaba Throttling.*, Huawei APIGW.0308): retried', async () => {
      const [a, h] = [await fresh('alibaba'), await fresh('huawei')];
      const markA = lose('alibaba', 'ExportImage', 'throttle');
      assert.equal((await p.alibaba.exporting!.exportImage(REGION.alibaba, a.id, TO_OSS)).confirmedBy, 'reply');
      assert.deepEqual(sb.calls(markA, 'ExportImage'), ['400 Throttling.User', '200']);
      const markH = lose('huawei', 'ExportImage', 'throttle');
      assert.equal((await p.huawei.exporting!.exportImage(REGION.huawei, h.id, TO_OBS)).confirmedBy, 'reply');
      assert.deepEqual(sb.calls(markH, 'ExportImage'), ['429 APIGW.0308', '200']);
      assert.equal(sb.sleeps.length, 2);
    });

    it('a connection that was never made (refused): a change is tried again, and ends as a network error, not an unknown outcome', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const client = new HttpClient({ sleep: () => Promise.resolve(), maxAttempts: 3 });
      try {
        const nowhere = createProvider('batchcompute', { ...sb.context('batchcompute'), http: client, endpoint: `http://127.0.0.1:${port}` });
        const err = await nowhere.deleting!.deleteImages(REGION.batchcompute, ['img-0000000000000000000000'], {}).catch((e: unknown) => e);
        assert.ok(err instanceof ProviderError);
        assert.equal(err.code, 'NetworkError');
        assert.match(err.message, /ECONNREFUSED/);
        assert.equal(err.attempts, 3);
      } finally {
        await client.close();
      }
    });
  });
});
