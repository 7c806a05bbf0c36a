// A cloud's refusal, as the emulator answers it over real sockets, reaches the user with its specific
// reason and the cloud's own code and words: Huawei IMS's documented IMG codes, QingCloud's ret_codes.
import { strict as assert } from 'assert';
import { ProviderError, errorReasonOf } from '../../../../src/providers';
import type { CopyOperations } from '../../../../src/providers/core/copying';
import type { DeleteOperations } from '../../../../src/providers/core/deleting';
import type { ImageOperations } from '../../../../src/providers/core/operations';
import type { ShareOperations } from '../../../../src/providers/core/sharing';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { HuaweiClient } from '../../../../src/providers/huawei/client';
import { QingcloudClient } from '../../../../src/providers/qingcloud/client';
import { CloudSandbox } from '../../helpers/cloudSandbox';
import { allImages } from '../../helpers/providerHarness';
import { rejection } from '../../helpers/alibabaSandbox';

const HREGION = 'cn-north-4';
type Huawei = ImageProvider & ImageOperations & { copying: CopyOperations; deleting: DeleteOperations; sharing: ShareOperations };

/** The refusal's code, reason and the cloud's words. */
async function refusal(p: Promise<unknown>): Promise<{ code: string; reason: string | undefined; message: string }> {
  const err = await rejection(p);
  assert.ok(err instanceof ProviderError, String(err));
  return { code: err.code, reason: errorReasonOf(err), message: err.message };
}

describe('Refusals reach the user with their reason and the cloud\u2019s words (against the emulator)', () => {
  const sb = new CloudSandbox({ jobDurationMs: 10_000 });
  let huawei: Huawei;

  before(async () => {
    await sb.start();
    huawei = sb.providerOf('huawei') as Huawei;
  });
  after(() => sb.stop());

  it('Huawei: deleting a public image is IMG.0094, the public image cannot be deleted', async () => {
    const gold = (await allImages(huawei, HREGION, 500)).find((i) => i.owner === 'system');
    assert.ok(gold);
    const r = await refusal(huawei.deleting.deleteImages(HREGION, [gold.id], {}));
    assert.equal(r.code, 'IMG.0094');
    assert.equal(r.reason, 'cloudPublicImage');
    assert.match(r.message, /public image cannot be deleted/);
  });

  it('Huawei: a missing KMS key is IMG.0095 and a disabled one IMG.0097', async () => {
    const own = (await allImages(huawei, HREGION, 500)).find((i) => i.owner === 'self' && i.status === 'active');
    assert.ok(own);
    const client = new HuaweiClient(sb.context('huawei'));
    const listed = await client.kms('POST', HREGION, '/v1.0/{project_id}/kms/list-keys', { body: { limit: '100', key_state: '3' }, kind: 'read' });
    // list-keys answers `keys` as the IDs (and `key_details` as the keys).
    const [disabled] = Array.isArray(listed['keys']) ? (listed['keys'] as unknown[]).filter((k): k is string => typeof k === 'string') : [];
    assert.ok(disabled, 'the sandbox has a disabled key');
    const copy = (kmsKeyId: string): Promise<unknown> =>
      huawei.copying.copyImage(HREGION, own.id, { destinationRegionId: HREGION, name: 'encrypted copy', encrypted: true, kmsKeyId });
    const missing = await refusal(copy('0d0466b0-e727-4d9c-b35d-f84bb474a37f'));
    assert.deepEqual([missing.code, missing.reason], ['IMG.0095', 'kmsKeyNotFound']);
    assert.match(missing.message, /does not exist/);
    const off = await refusal(copy(disabled));
    assert.deepEqual([off.code, off.reason], ['IMG.0097', 'kmsKeyDisabled']);
    assert.match(off.message, /is not enabled/);
  });

  it('Huawei: sharing an image with its own project is IMG.0076', async () => {
    const own = (await allImages(huawei, HREGION, 500)).find((i) => i.owner === 'self' && i.status === 'active');
    assert.ok(own);
    const project = await new HuaweiClient(sb.context('huawei')).projectId(HREGION);
    const r = await refusal(huawei.sharing.addMembers(HREGION, own.id, [project]));
    assert.deepEqual([r.code, r.reason], ['IMG.0076', 'shareSelf']);
    assert.match(r.message, /cannot share an image with yourself/);
  });

  it('QingCloud: a tag name that exists is 2110, with the cloud\u2019s words', async () => {
    const client = new QingcloudClient(sb.context('qingcloud'));
    await client.call('CreateTag', { tag_name: 'refusals' }, undefined, 'gd2');
    const r = await refusal(client.call('CreateTag', { tag_name: 'refusals' }, undefined, 'gd2'));
    assert.deepEqual([r.code, r.reason], ['2110', 'alreadyExists']);
    assert.match(r.message, /ResourceAlreadyExists/);
  });
});
