// The server-side filters the Images view offers (each provider's `filters`), over real sockets against the
// emulator: owner, several statuses, name, tag conditions per cloud, Huawei's tag query listed and counted,
// and a filter a cloud cannot take refused before any request. Expected answers come from full listings.
import { strict as assert } from 'assert';
import { AlibabaEcsProvider, ALIBABA_IMAGE_STATUSES } from '../../../../src/providers/alibaba/provider';
import { BatchComputeProvider } from '../../../../src/providers/batchcompute/provider';
import { InvalidInputError } from '../../../../src/providers/rules/problems';
import { HuaweiImsProvider } from '../../../../src/providers/huawei/provider';
import type { Cursor, Image, ImageFilter, Tag } from '../../../../src/providers/core/model';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { QingcloudProvider } from '../../../../src/providers/qingcloud/provider';
import { Emulator } from '../../../../src/sandbox/emulator';
import { recordingHttp } from '../../helpers/providerHarness';

async function listAll(provider: ImageProvider, regionId: string, filter?: ImageFilter, pageSize = 100): Promise<Image[]> {
  const seen: Image[] = [];
  let cursor: Cursor | undefined;
  do {
    const page = await provider.listImages({ regionId, pageSize, cursor, filter });
    seen.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return seen;
}

const ids = (images: readonly Image[]): string[] => images.map((i) => i.id).sort();

/** The most common tag among images (a key and its value). */
function commonTag(images: readonly Image[]): Tag {
  const counts = new Map<string, { tag: Tag; n: number }>();
  for (const tag of images.flatMap((i) => i.tags)) {
    const k = `${tag.key}\u0000${tag.value}`;
    const c = counts.get(k) ?? { tag, n: 0 };
    c.n++;
    counts.set(k, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  assert.ok(best, 'some image carries a tag');
  return best.tag;
}

describe('Server-side filters per cloud (against the emulator)', () => {
  let emulator: Emulator;
  const { http } = recordingHttp();

  before(async () => {
    emulator = new Emulator();
    await emulator.start();
  });
  after(async () => {
    await emulator.stop();
    await http.close();
  });

  const ctx = (cloud: 'alibaba' | 'huawei' | 'qingcloud' | 'batchcompute'): ConstructorParameters<typeof AlibabaEcsProvider>[0] => ({
    http,
    credentials: emulator.credentials(cloud),
    endpoint: emulator.endpoints[cloud],
  });

  /** Asserts the call is refused as invalid input and that no request reached the emulator. */
  async function refusedBeforeAnyRequest(call: () => Promise<unknown>, problem: string): Promise<void> {
    const mark = emulator.requestLog.length;
    await assert.rejects(call(), (err: unknown) => err instanceof InvalidInputError && err.problem.code === problem);
    assert.equal(emulator.requestsSince(mark).length, 0, 'no request was sent');
  }

  describe('Alibaba ECS DescribeImages', () => {
    const R = 'cn-hangzhou';
    let p: AlibabaEcsProvider;
    let every: Image[];

    before(async () => {
      p = new AlibabaEcsProvider(ctx('alibaba'));
      every = await listAll(p, R, { statuses: ALIBABA_IMAGE_STATUSES });
    });

    it('describes what it filters by', () => {
      assert.deepEqual(p.filters.owners, ['self', 'system', 'shared', 'marketplace', 'community']);
      assert.ok(p.filters.manyStatuses);
      assert.deepEqual(p.filters.tagLists, ['tags']);
    });

    it('narrows to an owner and several statuses (Status as a comma list)', async () => {
      const wanted = ['Creating', 'CreateFailed', 'Available'];
      const got = await listAll(p, R, { owner: 'self', statuses: wanted });
      assert.deepEqual(ids(got), ids(every.filter((i) => i.owner === 'self' && wanted.includes(i.status))));
      assert.ok(got.some((i) => i.status !== 'Available'), 'own images in other statuses are there');
    });

    it('narrows by part of the name and by Tag.N (a key without a value matches any value)', async () => {
      const tag = commonTag(every.filter((i) => i.owner === 'self'));
      const byTag = await listAll(p, R, { statuses: ALIBABA_IMAGE_STATUSES, tagQuery: { tags: [{ key: tag.key, values: [tag.value] }] } });
      assert.deepEqual(ids(byTag), ids(every.filter((i) => i.tags.some((t) => t.key === tag.key && t.value === tag.value))));
      const anyValue = await listAll(p, R, { statuses: ALIBABA_IMAGE_STATUSES, tagQuery: { tags: [{ key: tag.key, values: [] }] } });
      assert.deepEqual(ids(anyValue), ids(every.filter((i) => i.tags.some((t) => t.key === tag.key))));
      const part = every.find((i) => i.owner === 'self')!.name.slice(0, 6);
      const byName = await listAll(p, R, { statuses: ALIBABA_IMAGE_STATUSES, name: part });
      assert.deepEqual(ids(byName), ids(every.filter((i) => i.name.toLowerCase().includes(part.toLowerCase()))));
    });

    it('refuses before any request: a tag key too long, more than 20 keys, two values of a key, a list it does not have', async () => {
      await refusedBeforeAnyRequest(() => p.listImages({ regionId: R, pageSize: 10, filter: { tagQuery: { tags: [{ key: 'k'.repeat(129), values: [] }] } } }), 'tooLong');
      const many = Array.from({ length: 21 }, (_, n) => ({ key: `k${n}`, values: [] }));
      await refusedBeforeAnyRequest(() => p.listImages({ regionId: R, pageSize: 10, filter: { tagQuery: { tags: many } } }), 'tooManyFilterKeys');
      await refusedBeforeAnyRequest(() => p.listImages({ regionId: R, pageSize: 10, filter: { tagQuery: { tags: [{ key: 'env', values: ['a', 'b'] }] } } }), 'tooManyFilterValues');
      await refusedBeforeAnyRequest(() => p.listImages({ regionId: R, pageSize: 10, filter: { tagQuery: { notTagsAny: [{ key: 'env', values: [] }] } } }), 'notSearchable');
    });
  });

  describe('Huawei IMS: ListImages filters and the tag query', () => {
    const R = 'cn-north-4';
    let p: HuaweiImsProvider;
    let every: Image[];

    before(async () => {
      p = new HuaweiImsProvider(ctx('huawei'));
      every = await listAll(p, R, undefined, 500);
    });

    it('narrows to an owner (__imagetype) and one status', async () => {
      const got = await listAll(p, R, { owner: 'self', statuses: ['active'] }, 500);
      assert.deepEqual(ids(got), ids(every.filter((i) => i.owner === 'self' && i.status === 'active')));
      assert.ok(got.length > 0);
    });

    it('lists by tag conditions through resource_instances (own images), paged by offset, and counts them first', async () => {
      const own = every.filter((i) => i.owner === 'self');
      const tag = commonTag(own);
      const filter: ImageFilter = { tagQuery: { tags: [{ key: tag.key, values: [tag.value] }] } };
      const mark = emulator.requestLog.length;
      const count = await p.countImages(R, filter);
      assert.deepEqual(emulator.requestsSince(mark).map((r) => r.operation), ['ListImageByTags']);
      const got = await listAll(p, R, filter, 7);
      const expected = own.filter((i) => i.tags.some((t) => t.key === tag.key && t.value === tag.value));
      assert.deepEqual(ids(got), ids(expected));
      assert.equal(count, expected.length);
      assert.ok(count! > 0 && count! < own.length, `${count} of ${own.length}`);
      const none = await listAll(p, R, { tagQuery: { notTagsAny: [{ key: tag.key, values: [] }] } }, 1000);
      assert.deepEqual(ids(none), ids(own.filter((i) => !i.tags.some((t) => t.key === tag.key))));
      assert.equal(await p.countImages(R, { owner: 'self' }), undefined, 'no count without tag conditions');
    });

    it('refuses before any request: a key over 127 characters, 11 keys, 11 values, two statuses', async () => {
      await refusedBeforeAnyRequest(() => p.countImages(R, { tagQuery: { tags: [{ key: 'k'.repeat(128), values: [] }] } }), 'tooLong');
      const keys = Array.from({ length: 11 }, (_, n) => ({ key: `k${n}`, values: [] }));
      await refusedBeforeAnyRequest(() => p.listImages({ regionId: R, pageSize: 10, filter: { tagQuery: { tagsAny: keys } } }), 'tooManyFilterKeys');
      const values = Array.from({ length: 11 }, (_, n) => `v${n}`);
      await refusedBeforeAnyRequest(() => p.listImages({ regionId: R, pageSize: 10, filter: { tagQuery: { notTags: [{ key: 'env', values }] } } }), 'tooManyFilterValues');
      await refusedBeforeAnyRequest(() => p.listImages({ regionId: R, pageSize: 10, filter: { statuses: ['active', 'saving'] } }), 'oneStatusOnly');
    });
  });

  describe('QingCloud DescribeImages', () => {
    const Z = 'pek3a';
    let p: QingcloudProvider;
    let every: Image[];

    before(async () => {
      p = new QingcloudProvider(ctx('qingcloud'));
      every = await listAll(p, Z, { statuses: p.filters.statuses });
    });

    it('narrows to an owner (provider) and several statuses (status.N)', async () => {
      const wanted = ['available', 'deprecated'];
      const got = await listAll(p, Z, { owner: 'self', statuses: wanted });
      assert.deepEqual(ids(got), ids(every.filter((i) => i.owner === 'self' && wanted.includes(i.status))));
    });

    it('narrows by search_word (name or ID) and by tag names (tags.N: any of them)', async () => {
      const own = every.filter((i) => i.owner === 'self');
      const word = own[0]!.id.slice(-5);
      const got = await listAll(p, Z, { statuses: p.filters.statuses, name: word });
      assert.deepEqual(ids(got), ids(every.filter((i) => i.id.toLowerCase().includes(word.toLowerCase()) || i.name.toLowerCase().includes(word.toLowerCase()))));
      const tag = commonTag(own);
      const byTag = await listAll(p, Z, { statuses: p.filters.statuses, tagQuery: { tagsAny: [{ key: tag.key, values: [] }, { key: 'no-such-tag', values: [] }] } });
      assert.deepEqual(ids(byTag), ids(every.filter((i) => i.tags.some((t) => t.key === tag.key))));
    });

    it('refuses a tag value (QingCloud tags are names) before any request', async () => {
      await refusedBeforeAnyRequest(() => p.listImages({ regionId: Z, pageSize: 10, filter: { tagQuery: { tagsAny: [{ key: 'web', values: ['x'] }] } } }), 'tooManyFilterValues');
    });
  });

  describe('BatchCompute ListImages', () => {
    it('lists System or Self images by Type', async () => {
      const p = new BatchComputeProvider(ctx('batchcompute'));
      const system = await listAll(p, 'cn-hangzhou', { owner: 'system' });
      const self = await listAll(p, 'cn-hangzhou', { owner: 'self' });
      assert.ok(system.length > 0 && system.every((i) => i.owner === 'system'));
      assert.ok(self.length > 0 && self.every((i) => i.owner === 'self'));
      assert.deepEqual(p.filters.owners, ['self', 'system']);
    });
  });
});
