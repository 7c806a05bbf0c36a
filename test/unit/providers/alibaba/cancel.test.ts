// A cancelled Alibaba job leaves no result, over real sockets against the emulator whose clock the test
// moves: CancelTask on an import leaves no new image (not even once the import's time has passed), on an
// export no file in the bucket; a copy cancelled with CancelCopyImage leaves no new image (documented).
// A finished task cannot be cancelled (InvalidTaskId.IncorrectTaskStatus, as documented).
import { strict as assert } from 'assert';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { Image } from '../../../../src/providers/core/model';
import type { CopyOperations } from '../../../../src/providers/core/copying';
import type { ExportOperations } from '../../../../src/providers/core/exporting';
import type { ImageOperations } from '../../../../src/providers/core/operations';
import type { ImportOperations } from '../../../../src/providers/core/importing';
import type { JobOperations } from '../../../../src/providers/core/jobs';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { CloudSandbox } from '../../helpers/cloudSandbox';
import { allImages } from '../../helpers/providerHarness';
import { rejection } from '../../helpers/alibabaSandbox';

type Alibaba = ImageProvider & ImageOperations & { copying: CopyOperations; jobs: JobOperations; exporting: ExportOperations; importing: ImportOperations };

const REGION = 'cn-hangzhou';

describe('Alibaba: a cancelled job leaves no result (against the emulator)', () => {
  const sb = new CloudSandbox({ jobDurationMs: 10_000 });
  let p: Alibaba;
  let own: Image[];

  before(async () => {
    await sb.start();
    p = sb.providerOf('alibaba') as Alibaba;
    own = (await allImages(p, REGION, 100)).filter((i) => i.owner === 'self' && i.status === 'Available');
    assert.ok(own.length >= 3, 'enough own images');
  });
  after(() => sb.stop());

  it('cancels an import: the task ends Cancelled and the image it was making is gone, also after the import\'s time', async () => {
    const started = await p.importing.importImage(REGION, { bucket: 'image-drop', object: 'disk.qcow2', name: 'to-cancel', format: 'QCOW2', osType: 'linux', platform: 'Ubuntu', architecture: 'x86_64', diskSizeGiB: 20 });
    assert.ok(started.imageId, 'the cloud names the new image at once');
    assert.ok(await p.getImage!(REGION, started.imageId), 'listed while it is being made');
    sb.advance(2_000);
    await p.jobs.cancelJob!(REGION, started.job.jobId);
    const [status] = await p.jobs.describeJobs(REGION, [started.job.jobId]);
    assert.equal(status?.state, 'cancelled');
    assert.equal(status?.cloudState, 'Cancelled');
    assert.equal(await p.getImage!(REGION, started.imageId), undefined, 'no new image');
    sb.advance(20_000);
    assert.equal(await p.getImage!(REGION, started.imageId), undefined, 'still none once the import would have finished');
    assert.ok(!(await allImages(p, REGION, 100)).some((i) => i.name === 'to-cancel'));
  });

  it('cancels an export: the task ends Cancelled and the file it had begun to write is gone from the bucket', async () => {
    const image = own[0]!;
    const started = await p.exporting.exportImage(REGION, image.id, { bucket: 'cancel-exports', object: 'x', format: 'qcow2' });
    const bucket = sb.emulator.storage.stores.alibaba.buckets.get('cancel-exports');
    assert.ok(bucket && [...bucket.objects.keys()].some((k) => k.startsWith('x')), 'being written');
    sb.advance(2_000);
    await p.jobs.cancelJob!(REGION, started.job.jobId);
    const [status] = await p.jobs.describeJobs(REGION, [started.job.jobId]);
    assert.equal(status?.state, 'cancelled');
    assert.deepEqual([...bucket.objects.keys()].filter((k) => k.startsWith('x')), [], 'no half-written object');
    assert.equal((await p.getImage!(REGION, image.id))?.status, 'Available', 'the image stays as it was');
  });

  it('refuses to cancel a finished task with the documented error', async () => {
    const started = await p.exporting.exportImage(REGION, own[1]!.id, { bucket: 'cancel-exports', object: 'y', format: 'raw' });
    sb.advance(11_000);
    const err = await rejection(p.jobs.cancelJob!(REGION, started.job.jobId));
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'InvalidTaskId.IncorrectTaskStatus');
    const [status] = await p.jobs.describeJobs(REGION, [started.job.jobId]);
    assert.equal(status?.state, 'succeeded');
  });

  it('cancels a copy: its unfinished image in the destination region is gone (as CancelCopyImage documents)', async () => {
    const started = await p.copying.copyImage(REGION, own[2]!.id, { destinationRegionId: 'cn-shanghai', name: 'copy-to-cancel' });
    sb.advance(2_000);
    await p.copying.cancelCopy!('cn-shanghai', started.job.jobId);
    sb.advance(20_000);
    assert.equal(await p.getImage!('cn-shanghai', started.job.jobId), undefined);
    assert.equal((await p.getImage!(REGION, own[2]!.id))?.status, 'Available', 'the source stays as it was');
  });
});
