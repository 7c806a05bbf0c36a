// Huawei whole-machine (full-ECS) images against the emulator: recognised from `__whole_image` with their
// backup (`__backup_id`), even in the tree's listing (no raw JSON); export refused before any request;
// not copied within their region (IMG.0130); deleted with `{"delete_backup": true}` only when asked, which
// deletes the backup too.
import { strict as assert } from 'assert';
import { errorReasonOf } from '../../../../src/providers';
import { ProviderError } from '../../../../src/providers/core/errors';
import { huaweiExportChoice } from '../../../../src/providers/huawei/exportChoice';
import { collectPages } from '../../../../src/providers/shared/paging';
import { WHOLE_IMAGE_REGION } from '../../../../src/sandbox/huawei/wholeImages';
import { CloudSandbox, useSandbox } from '../../helpers/cloudSandbox';

describe('Huawei whole-machine images (against the emulator)', () => {
  const sb = new CloudSandbox();
  const providers = useSandbox(sb);

  it('are recognised in the listing, refused for export, and deleted with their backup when asked', async () => {
    const huawei = providers.huawei;
    const listed = await collectPages((req) => huawei.listImages({ regionId: WHOLE_IMAGE_REGION, ...req }), 100);
    const whole = listed.filter((i) => i.wholeMachine);
    assert.equal(whole.length, 1, 'one whole-machine image in the region');
    const image = whole[0]!;
    assert.equal(image.raw, undefined, 'the listing keeps no raw JSON');
    const backupId = image.wholeMachine?.backupId;
    assert.ok(backupId, 'its backup is known');
    assert.ok(listed.filter((i) => !i.wholeMachine).every((i) => i.wholeMachine === undefined));
    assert.deepEqual(huaweiExportChoice(image).block, { code: 'wholeImage' });
    assert.ok(sb.emulator.backupExists('huawei', backupId));
    // Not copied within its region (IMS user guide): IMG.0130, read as a whole-machine image's refusal.
    const copy = await huawei.copying!.copyImage(WHOLE_IMAGE_REGION, image.id, { destinationRegionId: WHOLE_IMAGE_REGION, name: 'whole-copy' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(copy instanceof ProviderError);
    assert.deepEqual([copy.code, errorReasonOf(copy)], ['IMG.0130', 'wholeImage']);
    const mark = sb.emulator.requestLog.length;
    const result = await huawei.deleting!.deleteImages(WHOLE_IMAGE_REGION, [image.id], { deleteBackupOf: [image.id] });
    assert.equal(result.failed, undefined);
    assert.deepEqual(sb.calls(mark, 'GlanceDeleteImage'), ['204']);
    assert.equal(sb.emulator.backupExists('huawei', backupId), false, 'the backup went with it');
    assert.deepEqual(await huawei.findImages(WHOLE_IMAGE_REGION, [image.id]), []);
  });
});
