// The sandbox's imports read the object store and its exports write to it, through the providers and
// the object-storage client over real sockets: an uploaded file is imported, a missing one (or one in
// a bucket the cloud refuses) is refused with the cloud's code, an export leaves a file to download.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ImportRequest } from '../../../../src/providers/core/importing';
import { readDiskImage } from '../../../../src/providers/storage/diskImage';
import { ObjectStorageClient } from '../../../../src/providers/storage/objects';
import { downloadObject } from '../../../../src/providers/storage/transfer/download';
import { uploadFile } from '../../../../src/providers/storage/transfer/upload';
import { allImages, codeOf } from '../../helpers/providerHarness';
import { CloudSandbox } from '../../helpers/cloudSandbox';

const CASES = [
  {
    cloud: 'alibaba' as const,
    region: 'cn-hangzhou',
    bucket: 'cie-images-cn-hangzhou',
    otherRegion: 'cie-images-cn-shanghai',
    missing: 'InvalidOSSObject.NotFound',
    available: 'Available',
    otherRegionCode: 'InvalidOSSBucket.NotFound',
    request: { name: 'from-file', format: 'QCOW2', osType: 'linux', platform: 'Ubuntu', architecture: 'x86_64', diskSizeGiB: 20 },
    exportTo: { bucket: 'cie-exports-cn-hangzhou', object: 'exp', format: 'qcow2' },
  },
  {
    cloud: 'huawei' as const,
    region: 'cn-north-4',
    bucket: 'cie-obs-cn-north-4',
    otherRegion: 'cie-obs-cn-north-1',
    missing: 'IMG.0057',
    available: 'active',
    otherRegionCode: 'IMG.0058',
    request: { name: 'from file', platform: 'Ubuntu 22.04 server 64bit', architecture: 'x86', diskSizeGiB: 20 },
    exportTo: { bucket: 'cie-obs-exports-cn-north-4', object: 'exp/m.qcow2', format: 'qcow2' },
  },
];

describe('Sandbox imports and exports meet the object store', () => {
  const sandbox = new CloudSandbox();
  let dir: string;
  before(async () => {
    await sandbox.start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-imagefiles-'));
  });
  after(async () => {
    await sandbox.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    describe(c.cloud, () => {
      it('imports an uploaded file, and refuses a missing one or one in another region\'s bucket', async () => {
        const provider = sandbox.providerOf(c.cloud);
        const client = new ObjectStorageClient(sandbox.context(c.cloud), c.cloud, c.region);
        const file = path.join(dir, `${c.cloud}.qcow2`);
        fs.writeFileSync(file, Buffer.alloc(300 * 1024, 7));
        await uploadFile({ client, file, bucket: c.bucket, key: 'uploads/disk.qcow2', partSize: 100 * 1024 });
        const request: ImportRequest = { ...c.request, bucket: c.bucket, object: 'uploads/disk.qcow2' };
        const started = await provider.importing!.importImage(c.region, request);
        assert.ok(started.job.jobId);
        assert.equal(await codeOf(provider.importing!.importImage(c.region, { ...request, name: `${c.request.name}-2`, object: 'uploads/never-sent.qcow2' })), c.missing);
        assert.equal(await codeOf(provider.importing!.importImage(c.region, { ...request, name: `${c.request.name}-3`, bucket: c.otherRegion })), c.otherRegionCode);
      });

      it('exports into the bucket a file that lists and downloads', async () => {
        const provider = sandbox.providerOf(c.cloud);
        const image = (await allImages(provider, c.region, 100)).find((i) => i.owner === 'self' && i.status === c.available);
        assert.ok(image, 'an own image to export');
        await provider.exporting!.exportImage(c.region, image.id, c.exportTo);
        const client = new ObjectStorageClient(sandbox.context(c.cloud), c.cloud, c.region);
        const page = await client.listObjects(c.exportTo.bucket, 'exp');
        assert.equal(page.items.length, 1);
        const target = path.join(dir, `${c.cloud}-export.qcow2`);
        await downloadObject({ client, bucket: c.exportTo.bucket, key: page.items[0]?.key ?? '', target });
        const info = await readDiskImage(target);
        assert.equal(info.format, 'qcow2');
        assert.ok((info.virtualSize ?? 0) >= 1024 ** 3);
      });
    });
  }

  it('Huawei refuses an import from a bucket that is not Standard', async () => {
    const provider = sandbox.providerOf('huawei');
    const client = new ObjectStorageClient(sandbox.context('huawei'), 'huawei', 'cn-north-4');
    const file = path.join(dir, 'warm.raw');
    fs.writeFileSync(file, Buffer.alloc(1000, 1));
    await client.putObject('cie-obs-warm-cn-north-4', 'warm.raw', () => fs.createReadStream(file), 1000);
    const err = await provider.importing!.importImage('cn-north-4', { ...CASES[1]!.request, name: 'warm one', bucket: 'cie-obs-warm-cn-north-4', object: 'warm.raw' }).catch((e: unknown) => e);
    assert.match(String((err as Error).message), /Standard/);
  });
});
