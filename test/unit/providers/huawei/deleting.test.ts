// Huawei IMS deletes refused as IMS documents them (API reference "错误码"), each read as its own reason:
// a public image IMG.0094, a Marketplace image IMG.0093, another project's image IMG.0092, one still being
// made IMG.0090, a delete body that is not `{"delete_backup": Boolean}` IMG.0016, and a whole-machine image
// whose backup cannot be deleted IMG.0176 (then nothing is deleted, and the image can be deleted alone).
import { strict as assert } from 'assert';
import { errorReasonOf } from '../../../../src/providers';
import { HuaweiClient } from '../../../../src/providers/huawei/client';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { Image } from '../../../../src/providers/core/model';
import { WHOLE_IMAGE_REGION } from '../../../../src/sandbox/huawei/wholeImages';
import { CloudSandbox, useSandbox } from '../../helpers/cloudSandbox';
import { allImages } from '../../helpers/providerHarness';

const R = 'cn-north-4';

describe('Huawei IMS delete refusals (against the emulator)', () => {
  const sb = new CloudSandbox();
  const providers = useSandbox(sb);

  async function refusal(regionId: string, imageId: string, deleteBackup = false): Promise<{ code: string; status?: number; reason?: string }> {
    const err = await providers.huawei.deleting!.deleteImages(regionId, [imageId], deleteBackup ? { deleteBackupOf: [imageId] } : {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof ProviderError, `deleting ${imageId} is refused`);
    return { code: err.code, status: err.httpStatus, reason: errorReasonOf(err) };
  }

  const first = (images: Image[], test: (i: Image) => boolean, what: string): Image => {
    const found = images.find(test);
    assert.ok(found, what);
    return found;
  };

  it('refuses public, Marketplace, shared and unfinished images with their own codes and reasons', async () => {
    const images = await allImages(providers.huawei, R, 500);
    const mark = sb.emulator.requestLog.length;
    assert.deepEqual(await refusal(R, first(images, (i) => i.owner === 'system', 'a public image').id), { code: 'IMG.0094', status: 400, reason: 'cloudPublicImage' });
    assert.deepEqual(await refusal(R, first(images, (i) => i.owner === 'marketplace', 'a Marketplace image').id), { code: 'IMG.0093', status: 400, reason: 'marketplaceImage' });
    assert.deepEqual(await refusal(R, first(images, (i) => i.owner === 'shared', 'a shared image').id), { code: 'IMG.0092', status: 400, reason: 'notOwner' });
    const unfinished = first(images, (i) => i.owner === 'self' && (i.status === 'saving' || i.status === 'queued'), 'an own image being made');
    assert.deepEqual(await refusal(R, unfinished.id), { code: 'IMG.0090', status: 400, reason: 'imageCreating' });
    assert.deepEqual(sb.calls(mark, 'GlanceDeleteImage'), ['400 IMG.0094', '400 IMG.0093', '400 IMG.0092', '400 IMG.0090'], 'one request each, none repeated');
    const after = await allImages(providers.huawei, R, 500);
    assert.equal(after.length, images.length, 'nothing was deleted');
  });

  it('answers a delete body that is not {"delete_backup": Boolean} with IMG.0016', async () => {
    const client = new HuaweiClient(sb.context('huawei'));
    const own = first(await allImages(providers.huawei, R, 500), (i) => i.owner === 'self' && i.status === 'active' && !i.tags.length, 'an own active image').id;
    for (const body of [{ delete_backup: 'yes' }, { delete_backup: 1 }]) {
      const err = await client.ims('DELETE', R, `/v2/images/${own}`, { body }).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(err instanceof ProviderError);
      assert.deepEqual([err.code, err.httpStatus], ['IMG.0016', 400], JSON.stringify(body));
    }
    await client.ims('DELETE', R, `/v2/images/${own}`, { body: { delete_backup: false } });
    assert.equal(await providers.huawei.getImage!(R, own), undefined, 'a Boolean is taken');
  });

  it('keeps a whole-machine image when its backup cannot be deleted (IMG.0176); then it can be deleted alone', async () => {
    const whole = first(await allImages(providers.huawei, WHOLE_IMAGE_REGION, 500), (i) => i.wholeMachine !== undefined, 'a whole-machine image');
    const backupId = whole.wholeMachine?.backupId;
    assert.ok(backupId);
    sb.emulator.holdBackup('huawei', backupId);
    assert.deepEqual(await refusal(WHOLE_IMAGE_REGION, whole.id, true), { code: 'IMG.0176', status: 400, reason: 'backupNotDeleted' });
    assert.ok(await providers.huawei.getImage!(WHOLE_IMAGE_REGION, whole.id), 'the image is still there');
    assert.ok(sb.emulator.backupExists('huawei', backupId), 'and so is its backup');
    const result = await providers.huawei.deleting!.deleteImages(WHOLE_IMAGE_REGION, [whole.id], {});
    assert.equal(result.failed, undefined);
    assert.equal(await providers.huawei.getImage!(WHOLE_IMAGE_REGION, whole.id), undefined, 'deleted without its backup');
    assert.ok(sb.emulator.backupExists('huawei', backupId), 'the backup stays');
    sb.emulator.holdBackup('huawei', backupId, false);
  });
});
