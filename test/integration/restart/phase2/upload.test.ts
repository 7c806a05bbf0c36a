// Phase 2, after a real window reload: the upload recorded in phase 1 continued on its own from the parts
// the bucket holds (none of them sent again: the emulator's request log counts each part stored once),
// completed, and its import was started once and followed to the new image.
import { strict as assert } from 'assert';
import { api, until } from '../../suite/helpers';
import { requestLog } from '../control';
import { loadUpload } from '../shared';

describe('Reload during an upload — after', () => {
  it('continues from the parts in the bucket, completes, and imports the image', async function () {
    this.timeout(150_000);
    const rec = loadUpload();
    const a = await api();
    assert.ok(a.transfers.get(rec.transferId), 'the transfer survived the reload');
    const job = (await a.transfers.settled(rec.transferId))!;
    assert.equal(job.status, 'succeeded', job.error);
    assert.equal(job.progress?.bytesDone, rec.partsTotal * 8 * 1024 * 1024);
    assert.equal(job.partsReused, rec.partsBefore, 'the parts stored before the reload were found in the bucket');
    assert.equal(job.partsSent, rec.partsTotal - rec.partsBefore, 'only the missing parts were sent');
    const stored = (await requestLog()).filter((r) => r.operation === 'UploadPart' && r.status === 200 && decodeURIComponent(r.path) === rec.objectPath);
    assert.equal(stored.length, rec.partsTotal, 'each part stored exactly once: none stored before the reload was sent again');
    // The import was started once the file was whole: its job succeeds and the new image is there (read from
    // the cloud, not the tree: phase 1 left an instant filter on the view).
    assert.ok(job.importJobId && job.importImageId, 'the import was started');
    await until('the import to succeed', () => a.jobs.list().find((j) => j.kind === 'import' && j.jobId === job.importJobId && j.state === 'succeeded'), 90_000);
    const provider = await a.provider(a.accounts.get(job.accountId)!);
    const image = await provider.getImage!(job.regionId, job.importImageId);
    assert.equal(image?.name, rec.imageName);
    assert.equal(image?.status, 'Available');
  });
});
