// Encryption with a KMS key, over real sockets against the emulator: the key listings (Huawei DEW/KMS
// list-keys, Alibaba KMS ListKeys), a Huawei in-region copy and an import with cmk_id (the new image is
// encrypted with that key and says so), an Alibaba copy with KMSKeyId; bad keys refused before any
// request, the clouds' errors mapped, and the listings' published variants read alike.
import { strict as assert } from 'assert';
import { ProviderError } from '../../../../src/providers/core/errors';
import { InvalidInputError } from '../../../../src/providers/rules/problems';
import type { CloudKind, Image } from '../../../../src/providers/core/model';
import type { CopyOperations } from '../../../../src/providers/core/copying';
import type { ImageOperations } from '../../../../src/providers/core/operations';
import type { KeyOperations } from '../../../../src/providers/core/keys';
import type { ImportOperations } from '../../../../src/providers/core/importing';
import type { JobOperations } from '../../../../src/providers/core/jobs';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { keysOfPage as huaweiKeysOfPage } from '../../../../src/providers/huawei/keys';
import { keysOfPage as alibabaKeysOfPage } from '../../../../src/providers/alibaba/keys';
import { CloudSandbox } from '../../helpers/cloudSandbox';
import { allImages } from '../../helpers/providerHarness';
import { rejection } from '../../helpers/alibabaSandbox';

type Encrypting = ImageProvider & ImageOperations & { copying: CopyOperations; jobs: JobOperations; keys: KeyOperations; importing: ImportOperations };

const HREGION = 'cn-north-4';
const AREGION = 'cn-beijing';

describe('Encryption with KMS keys (against the emulator)', () => {
  const sb = new CloudSandbox({ jobDurationMs: 10_000 });
  const p = {} as Record<'alibaba' | 'huawei', Encrypting>;
  const own = {} as Record<'alibaba' | 'huawei', Image[]>;

  before(async () => {
    await sb.start();
    for (const cloud of ['alibaba', 'huawei'] as const satisfies readonly CloudKind[]) {
      p[cloud] = sb.providerOf(cloud) as Encrypting;
    }
    own.alibaba = (await allImages(p.alibaba, AREGION, 100)).filter((i) => i.owner === 'self' && i.status === 'Available');
    own.huawei = (await allImages(p.huawei, HREGION, 500)).filter((i) => i.owner === 'self' && i.status === 'active');
  });
  after(() => sb.stop());
  beforeEach(() => sb.emulator.faults.clear());

  it('lists the enabled Huawei keys of the region (the disabled one left out), with alias and the default flag', async () => {
    const mark = sb.emulator.requestLog.length;
    const keys = await p.huawei.keys.listKeys(HREGION);
    assert.deepEqual(sb.calls(mark, 'ListKeys'), ['200']);
    assert.deepEqual(keys.map((k) => k.alias), ['ims/default', 'images-prod', 'images-backup']);
    assert.ok(keys.every((k) => /^[0-9a-f-]{36}$/.test(k.id) && k.state === '2'));
    assert.equal(keys.filter((k) => k.isDefault).length, 1);
    const other = await p.huawei.keys.listKeys('cn-east-3');
    assert.ok(other.every((k) => !keys.some((x) => x.id === k.id)), 'each region has keys of its own');
  });

  it('retries a throttled Huawei key listing, then succeeds', async () => {
    sb.emulator.faults.add({ kind: 'throttle', cloud: 'huawei', operation: 'ListKeys', times: 1 });
    const mark = sb.emulator.requestLog.length;
    assert.equal((await p.huawei.keys.listKeys(HREGION)).length, 3);
    assert.deepEqual(sb.calls(mark, 'ListKeys'), ['429 APIGW.0308', '200']);
  });

  it('copies a Huawei image within its region encrypted with a listed key: the copy carries __system__encrypted and the key', async () => {
    const [key] = (await p.huawei.keys.listKeys(HREGION)).filter((k) => !k.isDefault);
    const mark = sb.emulator.requestLog.length;
    const started = await p.huawei.copying.copyImage(HREGION, own.huawei[0]!.id, { destinationRegionId: HREGION, name: 'encrypted copy', encrypted: true, kmsKeyId: key!.id });
    const sent = sb.emulator.requestsSince(mark).find((r) => r.operation === 'CopyImageInRegion');
    assert.equal(sent?.status, 200);
    sb.advance(11_000);
    const [done] = await p.huawei.jobs.describeJobs(HREGION, [started.job.jobId]);
    assert.equal(done?.state, 'succeeded');
    const copy = await p.huawei.getImage!(HREGION, done!.imageId!);
    assert.equal(copy?.raw?.['__system__encrypted'], '1');
    assert.equal(copy?.raw?.['__system__cmkid'], key!.id);
  });

  it('refuses before any request: a malformed key, a key on a cross-region copy, "encrypted" without a key (no default key on IMS)', async () => {
    const before = sb.emulator.requestLog.length;
    for (const request of [
      { destinationRegionId: HREGION, name: 'x', encrypted: true, kmsKeyId: 'not-a-key' },
      { destinationRegionId: 'cn-east-3', name: 'x', agencyName: 'ims_admin_agency', encrypted: true, kmsKeyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f' },
      { destinationRegionId: HREGION, name: 'x', encrypted: true },
    ]) {
      const err = await rejection(p.huawei.copying.copyImage(HREGION, own.huawei[1]!.id, request));
      assert.ok(err instanceof InvalidInputError, JSON.stringify(request));
    }
    const codes = await Promise.all(
      [{ kmsKeyId: 'short' }, {}].map(async (extra) => {
        const err = await rejection(p.huawei.copying.copyImage(HREGION, own.huawei[1]!.id, { destinationRegionId: 'cn-east-3', name: 'x', agencyName: 'a', encrypted: true, ...extra }));
        return err instanceof InvalidInputError ? err.problem.code : 'sent';
      }),
    );
    assert.deepEqual(codes, ['kmsKeyInRegionOnly', 'required']);
    assert.equal(sb.emulator.requestsSince(before).length, 0);
  });

  it('maps IMS\u2019s refusal of a well-formed key the project does not have', async () => {
    const all = (await p.huawei.keys.listKeys(HREGION)).map((k) => k.id);
    const unknown = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
    assert.ok(!all.includes(unknown));
    const err = await rejection(p.huawei.copying.copyImage(HREGION, own.huawei[1]!.id, { destinationRegionId: HREGION, name: 'x', encrypted: true, kmsKeyId: unknown }));
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'IMG.0095');
  });

  it('imports an OBS file into an encrypted Huawei image (cmk_id)', async () => {
    const [key] = await p.huawei.keys.listKeys(HREGION);
    const started = await p.huawei.importing.importImage(HREGION, {
      bucket: 'images',
      object: 'web.qcow2',
      name: 'encrypted-import',
      platform: 'CentOS 7.9 64bit',
      architecture: 'x86',
      diskSizeGiB: 40,
      kmsKeyId: key!.id,
    });
    const image = await p.huawei.getImage!(HREGION, started.imageId!);
    assert.equal(image?.raw?.['__system__encrypted'], '1');
    assert.equal(image?.raw?.['__system__cmkid'], key!.id);
    sb.advance(11_000);
    const before = sb.emulator.requestLog.length;
    const err = await rejection(p.huawei.importing.importImage(HREGION, { bucket: 'images', object: 'a.qcow2', name: 'x', platform: 'CentOS 7.9 64bit', architecture: 'x86', diskSizeGiB: 40, kmsKeyId: 'nope' }));
    assert.ok(err instanceof InvalidInputError);
    assert.equal(sb.emulator.requestsSince(before).length, 0);
  });

  it('lists the Alibaba KMS keys of a region (ListKeys, paged) and copies encrypted with one; an unknown key is the cloud\u2019s InvalidKMSKeyId.NotFound', async () => {
    const mark = sb.emulator.requestLog.length;
    const keys = await p.alibaba.keys.listKeys(AREGION);
    assert.deepEqual(sb.calls(mark, 'ListKeys'), ['200']);
    assert.equal(keys.length, 3);
    const started = await p.alibaba.copying.copyImage(AREGION, own.alibaba[0]!.id, { destinationRegionId: AREGION, name: 'encrypted-copy', encrypted: true, kmsKeyId: keys[1]!.id });
    const copy = await p.alibaba.getImage!(AREGION, started.newImageId!);
    const disks = (copy?.raw?.['DiskDeviceMappings'] as { DiskDeviceMapping: Array<Record<string, unknown>> }).DiskDeviceMapping;
    assert.equal(disks[0]?.['Encrypted'], 'true');
    const err = await rejection(p.alibaba.copying.copyImage(AREGION, own.alibaba[1]!.id, { destinationRegionId: 'cn-hangzhou', name: 'elsewhere', encrypted: true, kmsKeyId: keys[0]!.id }));
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'InvalidKMSKeyId.NotFound');
    // The default key: Encrypted=true alone is the cloud's own default.
    const byDefault = await p.alibaba.copying.copyImage(AREGION, own.alibaba[2]!.id, { destinationRegionId: AREGION, name: 'default-key', encrypted: true });
    assert.ok(byDefault.newImageId);
  });

  it('reads every published form of the listings: key_details or bare key ids (Huawei); Keys.Key[] or a bare Keys list (Alibaba)', () => {
    const id = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
    assert.deepEqual(huaweiKeysOfPage({ keys: [id], key_details: [{ key_id: id, key_alias: 'a', key_state: '2', default_key_flag: '0' }] }), [{ id, alias: 'a', state: '2' }]);
    assert.deepEqual(huaweiKeysOfPage({ keys: [id] }), [{ id }]);
    assert.deepEqual(huaweiKeysOfPage({}), []);
    assert.deepEqual(alibabaKeysOfPage({ Keys: { Key: [{ KeyId: id, KeyArn: 'acs:kms:x' }] } }), [{ id }]);
    assert.deepEqual(alibabaKeysOfPage({ Keys: [{ KeyId: id }] }), [{ id }]);
  });
});
