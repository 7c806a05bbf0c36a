// Changes over several images, over real sockets against the emulator: the tags an account already uses
// (Alibaba DescribeTags, Huawei ListImagesTags, QingCloud DescribeTags), and per-image outcomes when the
// cloud refuses one image: a refused batch is attributed by reading back, then each image alone; the
// others are changed, and only the refused one fails, with the cloud's error.
import { strict as assert } from 'assert';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { CloudKind, Image } from '../../../../src/providers/core/model';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { imageFailures } from '../../../../src/providers/shared/reconcile';
import { createProvider } from '../../../../src/providers/stack';
import { imageInUse } from '../../../../src/sandbox/alibaba/world';
import { CloudSandbox } from '../../helpers/cloudSandbox';
import { allImages, codeOf } from '../../helpers/providerHarness';

const REGION: Readonly<Record<'alibaba' | 'huawei' | 'qingcloud', string>> = { alibaba: 'cn-hangzhou', huawei: 'cn-north-4', qingcloud: 'pek3' };
const READY: Readonly<Record<'alibaba' | 'huawei' | 'qingcloud', string>> = { alibaba: 'Available', huawei: 'active', qingcloud: 'available' };
const USED_TAGS_OP: Readonly<Record<'alibaba' | 'huawei' | 'qingcloud', string>> = { alibaba: 'DescribeTags', huawei: 'ListImagesTags', qingcloud: 'DescribeTags' };
const BAD_KEY_CODE: Readonly<Record<'alibaba' | 'huawei' | 'qingcloud', string>> = { alibaba: 'InvalidAccessKeyId.NotFound', huawei: 'APIGW.0301', qingcloud: '1200' };

describe('Changes over several images (against the emulator)', () => {
  const sb = new CloudSandbox();
  const providers = new Map<CloudKind, ImageProvider>();
  const used = new Set<string>();

  /** Own, ready, untagged, unshared images no other test touched (Alibaba: none in use either). */
  async function fresh(cloud: 'alibaba' | 'huawei' | 'qingcloud', count: number): Promise<Image[]> {
    const all = await allImages(providers.get(cloud)!, REGION[cloud], cloud === 'huawei' ? 500 : 100);
    const picked = all
      .filter((i) => i.owner === 'self' && i.status === READY[cloud] && !i.tags.length && !used.has(i.id))
      .filter((i) => cloud !== 'alibaba' || (!imageInUse(i.id) && i.raw?.['IsSelfShared'] !== 'True'))
      .slice(0, count);
    assert.equal(picked.length, count, `${count} fresh images of ${cloud}`);
    picked.forEach((i) => used.add(i.id));
    return picked;
  }

  before(async () => {
    await sb.start();
    for (const cloud of ['alibaba', 'huawei', 'qingcloud'] as const) {
      providers.set(cloud, sb.providerOf(cloud));
    }
  });
  after(() => sb.stop());
  beforeEach(() => {
    sb.emulator.faults.clear();
    sb.sleeps.length = 0;
  });

  for (const cloud of ['alibaba', 'huawei', 'qingcloud'] as const) {
    describe(`${cloud}: the tags the account uses`, () => {
      it('lists a key with the value an image was given, once, sorted', async () => {
        const p = providers.get(cloud)!;
        const [image] = await fresh(cloud, 1);
        const tag = cloud === 'qingcloud' ? { key: 'bulk-used', value: '' } : { key: 'bulk-used', value: 'v1' };
        await p.tags!.addTags(REGION[cloud], [image!.id], [tag]);
        const usedTags = await p.tags!.usedTags(REGION[cloud]);
        const entry = usedTags.find((u) => u.key === 'bulk-used');
        assert.ok(entry, `bulk-used among ${usedTags.map((u) => u.key).join(', ')}`);
        assert.deepEqual(entry.values, cloud === 'qingcloud' ? [] : ['v1']);
        assert.deepEqual(usedTags.map((u) => u.key), [...usedTags.map((u) => u.key)].sort((a, b) => a.localeCompare(b)));
        assert.equal(new Set(usedTags.map((u) => u.key)).size, usedTags.length, 'each key once');
      });

      it("maps the cloud's error body (an AccessKey it does not know)", async () => {
        const stranger = createProvider(cloud, sb.context(cloud, { accessKeyId: 'LTAIunknownKey000000', accessKeySecret: 'not-the-secret' }));
        assert.equal(await codeOf(stranger.tags!.usedTags(REGION[cloud])), BAD_KEY_CODE[cloud]);
      });

      it('is throttled twice, backs off, then succeeds', async () => {
        const mark = sb.emulator.requestLog.length;
        sb.emulator.faults.add({ kind: 'throttle', cloud, operation: USED_TAGS_OP[cloud], times: 2 });
        const list = await providers.get(cloud)!.tags!.usedTags(REGION[cloud]);
        assert.ok(list.length > 0);
        assert.equal(sb.calls(mark, USED_TAGS_OP[cloud]).length, 3, 'two throttled, one answered');
        assert.equal(sb.sleeps.length, 2);
      });
    });
  }

  it('Alibaba: a TagResources refused for one image tags the others; only that one fails, with the cloud error', async () => {
    const p = providers.get('alibaba')!;
    const images = await fresh('alibaba', 3);
    const bad = images[1]!.id;
    sb.emulator.faults.refuseImage({ cloud: 'alibaba', operation: 'TagResources', imageId: bad, message: 'Refused here.' });
    const mark = sb.emulator.requestLog.length;
    const result = await p.tags!.addTags(REGION.alibaba, images.map((i) => i.id), [{ key: 'bulk', value: 'one-fails' }]);
    assert.deepEqual(result.failed?.map((f) => f.imageId), [bad]);
    const err = result.failed![0]!.error;
    assert.ok(err instanceof ProviderError && err.code === 'InvalidParameter' && /Refused here/.test(err.message), String(err));
    // One batch (refused), then each image alone: the refused one once more, never a batch again.
    assert.deepEqual(sb.calls(mark, 'TagResources'), ['400 InvalidParameter', '200', '400 InvalidParameter', '200']);
    for (const image of images) {
      const tags = await p.tags!.listTags(REGION.alibaba, image.id);
      assert.equal(tags.some((t) => t.key === 'bulk'), image.id !== bad, image.id);
    }
  });

  it('Alibaba: deletes go on after one is refused; the others are gone', async () => {
    const p = providers.get('alibaba')!;
    const images = await fresh('alibaba', 3);
    const bad = images[0]!.id;
    sb.emulator.faults.refuseImage({ cloud: 'alibaba', operation: 'DeleteImage', imageId: bad });
    const result = await p.deleting!.deleteImages(REGION.alibaba, images.map((i) => i.id), {});
    assert.deepEqual(result.failed?.map((f) => f.imageId), [bad]);
    for (const image of images) {
      assert.equal((await p.getImage!(REGION.alibaba, image.id)) !== undefined, image.id === bad, image.id);
    }
  });

  it("Alibaba: a refusal 'unless Force=true' refuses the plain delete and lets the forced one through", async () => {
    const p = providers.get('alibaba')!;
    const images = await fresh('alibaba', 2);
    for (const image of images) {
      sb.emulator.faults.refuseImage({ cloud: 'alibaba', operation: 'DeleteImage', imageId: image.id, unless: 'Force=true' });
    }
    // A change whose every image is refused fails with that refusal.
    await assert.rejects(p.deleting!.deleteImages(REGION.alibaba, [images[0]!.id], {}), /injected fault/);
    const forced = await p.deleting!.deleteImages(REGION.alibaba, [images[1]!.id], { force: true });
    assert.deepEqual(forced.failed ?? [], []);
    assert.notEqual(await p.getImage!(REGION.alibaba, images[0]!.id), undefined);
    assert.equal(await p.getImage!(REGION.alibaba, images[1]!.id), undefined);
  });

  it('Huawei: tags every image but the refused one', async () => {
    const p = providers.get('huawei')!;
    const images = await fresh('huawei', 3);
    const bad = images[2]!.id;
    sb.emulator.faults.refuseImage({ cloud: 'huawei', operation: 'BatchAddOrDeleteTags', imageId: bad });
    const result = await p.tags!.addTags(REGION.huawei, images.map((i) => i.id), [{ key: 'bulk', value: 'h' }]);
    assert.deepEqual(result.failed?.map((f) => f.imageId), [bad]);
    for (const image of images) {
      assert.equal((await p.tags!.listTags(REGION.huawei, image.id)).some((t) => t.key === 'bulk'), image.id !== bad, image.id);
    }
  });

  it('QingCloud: a DeleteImages refused for one image deletes the others, each with its own job', async () => {
    const p = providers.get('qingcloud')!;
    const images = await fresh('qingcloud', 3);
    const bad = images[1]!.id;
    sb.emulator.faults.refuseImage({ cloud: 'qingcloud', operation: 'DeleteImages', imageId: bad });
    const mark = sb.emulator.requestLog.length;
    const result = await p.deleting!.deleteImages(REGION.qingcloud, images.map((i) => i.id), {});
    assert.deepEqual(result.failed?.map((f) => f.imageId), [bad]);
    assert.equal(result.job, undefined, 'no job for the whole batch');
    assert.deepEqual(result.jobs?.map((j) => j.imageId).sort(), images.filter((i) => i.id !== bad).map((i) => i.id).sort());
    assert.deepEqual(sb.calls(mark, 'DeleteImages'), ['200 1100', '200', '200 1100', '200']);
  });

  it('QingCloud: AttachTags refused for one image attaches the others', async () => {
    const p = providers.get('qingcloud')!;
    const images = await fresh('qingcloud', 2);
    const bad = images[0]!.id;
    sb.emulator.faults.refuseImage({ cloud: 'qingcloud', operation: 'AttachTags', imageId: bad });
    const result = await p.tags!.addTags(REGION.qingcloud, images.map((i) => i.id), [{ key: 'bulkq', value: '' }]);
    assert.deepEqual(result.failed?.map((f) => f.imageId), [bad]);
    assert.ok((await p.tags!.listTags(REGION.qingcloud, images[1]!.id)).some((t) => t.key === 'bulkq'));
    assert.ok(!(await p.tags!.listTags(REGION.qingcloud, bad)).some((t) => t.key === 'bulkq'));
  });

  it('when every image is refused, the change fails with the first error, and each image keeps its own', async () => {
    const p = providers.get('alibaba')!;
    const images = await fresh('alibaba', 2);
    for (const image of images) {
      sb.emulator.faults.refuseImage({ cloud: 'alibaba', operation: 'DeleteImage', imageId: image.id, message: `No ${image.id}.` });
    }
    const err = await p.deleting!.deleteImages(REGION.alibaba, images.map((i) => i.id), {}).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof ProviderError && err.code === 'InvalidParameter');
    const each = imageFailures(err);
    assert.deepEqual(each?.map((f) => f.imageId), images.map((i) => i.id));
    each!.forEach((f) => assert.match((f.error as ProviderError).message, new RegExp(`No ${f.imageId}`)));
  });

  it('a batch whose reply was lost is never sent again, even image by image', async () => {
    const p = providers.get('alibaba')!;
    const images = await fresh('alibaba', 2);
    // Refused before anything is applied, and the refusal itself is then lost (a 5xx): the outcome is unknown.
    sb.emulator.faults.add({ kind: 'server-error', cloud: 'alibaba', operation: 'TagResources', times: 1 });
    const mark = sb.emulator.requestLog.length;
    const err = await p.tags!.addTags(REGION.alibaba, images.map((i) => i.id), [{ key: 'lost', value: 'x' }]).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(ProviderError.isOutcomeUnknown(err), String(err));
    assert.equal(sb.calls(mark, 'TagResources').length, 1, 'sent once');
  });
});
