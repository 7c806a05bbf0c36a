// Data disks, over real sockets against the emulator: an Alibaba ImportImage whose system disk brings
// data disks' files along (DiskDeviceMapping.2..N), and a Huawei data disk image from an OBS file
// (dataimages/action), each an async job followed to the new image; bad input refused before any
// request, the clouds' errors mapped, throttling retried (a read) or sent once (a change).
import { strict as assert } from 'assert';
import { ProviderError } from '../../../../src/providers/core/errors';
import { InvalidInputError } from '../../../../src/providers/rules/problems';
import type { ImageOperations } from '../../../../src/providers/core/operations';
import type { KeyOperations } from '../../../../src/providers/core/keys';
import type { ImportOperations } from '../../../../src/providers/core/importing';
import type { JobOperations } from '../../../../src/providers/core/jobs';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { CloudSandbox } from '../../helpers/cloudSandbox';
import { rejection } from '../../helpers/alibabaSandbox';

type Importing = ImageProvider & ImageOperations & { importing: ImportOperations; jobs: JobOperations; keys: KeyOperations };

const AREGION = 'cn-hangzhou';
const HREGION = 'cn-north-4';
const SYSTEM = { bucket: 'images', object: 'web.qcow2', format: 'QCOW2', osType: 'linux', platform: 'CentOS', architecture: 'x86_64', diskSizeGiB: 40 } as const;

describe('Data disk imports (against the emulator)', () => {
  const sb = new CloudSandbox({ jobDurationMs: 10_000 });
  let alibaba: Importing;
  let huawei: Importing;

  before(async () => {
    await sb.start();
    alibaba = sb.providerOf('alibaba') as Importing;
    huawei = sb.providerOf('huawei') as Importing;
  });
  after(() => sb.stop());
  beforeEach(() => sb.emulator.faults.clear());

  it('imports an Alibaba system disk with two data disks: DiskDeviceMapping.2 and .3 sent, the image lists all three disks, Available when the task ends', async () => {
    const mark = sb.emulator.requestLog.length;
    const started = await alibaba.importing.importImage(AREGION, {
      ...SYSTEM,
      name: 'with-data-disks',
      dataDisks: [
        { bucket: 'images', object: 'data1.raw', format: 'RAW', sizeGiB: 100 },
        { bucket: 'images', object: 'data2.vhd', format: 'VHD', sizeGiB: 200 },
      ],
    });
    const sent = sb.emulator.requestsSince(mark).filter((r) => r.operation === 'ImportImage');
    assert.deepEqual(sent.map((r) => r.status), [200], 'sent once');
    const image = await alibaba.getImage!(AREGION, started.imageId!);
    const disks = (image?.raw?.['DiskDeviceMappings'] as { DiskDeviceMapping: Array<Record<string, unknown>> }).DiskDeviceMapping;
    assert.deepEqual(
      disks.map((d) => [d['Type'], d['Device'], d['Size'], d['Format'], d['ImportOSSObject']]),
      [
        ['system', '/dev/xvda', '40', 'QCOW2', 'web.qcow2'],
        ['data', '/dev/xvdb', '100', 'RAW', 'data1.raw'],
        ['data', '/dev/xvdc', '200', 'VHD', 'data2.vhd'],
      ],
    );
    sb.advance(11_000);
    const [done] = await alibaba.jobs.describeJobs(AREGION, [started.job.jobId]);
    assert.equal(done?.state, 'succeeded');
    assert.equal((await alibaba.getImage!(AREGION, started.imageId!))?.status, 'Available');
  });

  it('refuses bad data disks before any request (size, format, object, count) and maps the cloud\u2019s error for a missing data disk file', async () => {
    const before = sb.emulator.requestLog.length;
    const disk = { bucket: 'images', object: 'd.raw', format: 'RAW', sizeGiB: 50 };
    for (const dataDisks of [
      [{ ...disk, sizeGiB: 4 }],
      [{ ...disk, sizeGiB: 2001 }],
      [{ ...disk, format: 'ISO' }],
      [{ ...disk, object: '/abs.raw' }],
      Array.from({ length: 17 }, () => disk),
    ]) {
      const err = await rejection(alibaba.importing.importImage(AREGION, { ...SYSTEM, name: 'bad-data', dataDisks }));
      assert.ok(err instanceof InvalidInputError, JSON.stringify(dataDisks[0]));
    }
    assert.equal(sb.emulator.requestsSince(before).length, 0);
    const err = await rejection(alibaba.importing.importImage(AREGION, { ...SYSTEM, name: 'missing-data', dataDisks: [{ ...disk, object: 'missing.raw' }] }));
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'InvalidOSSObject.NotFound');
  });

  it('refuses data disks on a cloud that imports none with a system disk (Huawei) before any request', async () => {
    const before = sb.emulator.requestLog.length;
    const err = await rejection(
      huawei.importing.importImage(HREGION, { bucket: 'images', object: 'a.qcow2', name: 'x', platform: 'CentOS 7.9 64bit', architecture: 'x86', diskSizeGiB: 40, dataDisks: [{ bucket: 'images', object: 'd.raw', sizeGiB: 50 }] }),
    );
    assert.ok(err instanceof InvalidInputError);
    assert.equal(err.problem.code, 'noDataDisks');
    assert.equal(sb.emulator.requestsSince(before).length, 0);
  });

  it('makes a Huawei data disk image from an OBS file: one CreateDataImage, a job naming the new image, a DataImage active when it succeeds', async () => {
    const mark = sb.emulator.requestLog.length;
    const started = await huawei.importing.importDataImage!(HREGION, { bucket: 'images', object: 'data.qcow2', name: 'data-disk', description: 'logs', diskSizeGiB: 100 });
    assert.deepEqual(sb.calls(mark, 'CreateDataImage'), ['200']);
    assert.ok(started.imageId, 'the job names the image');
    const saving = await huawei.getImage!(HREGION, started.imageId);
    assert.equal(saving?.status, 'saving');
    assert.equal(saving?.raw?.['virtual_env_type'], 'DataImage');
    assert.equal(saving?.raw?.['min_disk'], 100);
    sb.advance(11_000);
    const [done] = await huawei.jobs.describeJobs(HREGION, [started.job.jobId]);
    assert.equal(done?.state, 'succeeded');
    assert.equal(done?.imageId, started.imageId);
    assert.equal((await huawei.getImage!(HREGION, started.imageId))?.status, 'active');
  });

  it('encrypts a Huawei data disk image with a listed key (cmk_id)', async () => {
    const [key] = await huawei.keys.listKeys(HREGION);
    const started = await huawei.importing.importDataImage!(HREGION, { bucket: 'images', object: 'secret.qcow2', name: 'encrypted-data', diskSizeGiB: 40, kmsKeyId: key!.id });
    const image = await huawei.getImage!(HREGION, started.imageId!);
    assert.equal(image?.raw?.['__system__cmkid'], key!.id);
    sb.advance(11_000);
  });

  it('refuses a bad Huawei data disk image before any request (size 40 to 2,048, os_type, key), maps a missing file, and sends a throttled change once', async () => {
    const base = { bucket: 'images', object: 'data.qcow2', name: 'data-disk', diskSizeGiB: 100 };
    const before = sb.emulator.requestLog.length;
    for (const request of [{ ...base, diskSizeGiB: 39 }, { ...base, diskSizeGiB: 2049 }, { ...base, osType: 'Windows' }, { ...base, kmsKeyId: 'x' }, { ...base, name: 'bad<name>' }]) {
      assert.ok((await rejection(huawei.importing.importDataImage!(HREGION, request))) instanceof InvalidInputError, JSON.stringify(request));
    }
    assert.equal(sb.emulator.requestsSince(before).length, 0);
    const missing = await rejection(huawei.importing.importDataImage!(HREGION, { ...base, object: 'missing.qcow2' }));
    assert.ok(missing instanceof ProviderError);
    assert.equal(missing.code, 'IMG.0057');
    // The gateway's throttling refuses a request unprocessed: sent again, and made once.
    sb.emulator.faults.add({ kind: 'throttle', cloud: 'huawei', operation: 'CreateDataImage', times: 1 });
    const mark = sb.emulator.requestLog.length;
    await huawei.importing.importDataImage!(HREGION, { ...base, name: 'after-throttle' });
    assert.deepEqual(sb.calls(mark, 'CreateDataImage'), ['429 APIGW.0308', '200']);
    sb.advance(11_000);
  });
});
