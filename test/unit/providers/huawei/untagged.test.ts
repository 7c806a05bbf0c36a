// "Images without tags" through the listing filter (Huawei ListImageByTags without_any_tag), listed and
// counted before loading, over real sockets against the emulator.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { HuaweiImsProvider, tagQueryOf } from '../../../../src/providers/huawei/provider';
import { tagQueryBody } from '../../../../src/providers/huawei/tagQuery';
import { InvalidInputError } from '../../../../src/providers/rules/problems';
import type { Cursor, Image, ImageFilter } from '../../../../src/providers/core/model';
import { recordingHttp } from '../../helpers/providerHarness';

const R = 'cn-north-4';

describe('Huawei images without tags (against the emulator)', () => {
  let emulator: Emulator;
  let provider: HuaweiImsProvider;
  const { http } = recordingHttp();

  async function listAll(filter?: ImageFilter): Promise<Image[]> {
    const seen: Image[] = [];
    let cursor: Cursor | undefined;
    do {
      const page = await provider.listImages({ regionId: R, pageSize: 500, cursor, filter });
      seen.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return seen;
  }

  before(async () => {
    emulator = new Emulator();
    await emulator.start();
    provider = new HuaweiImsProvider({ http, credentials: emulator.credentials('huawei'), endpoint: emulator.endpoints.huawei });
  });
  after(async () => {
    await emulator.stop();
    await http.close();
  });

  it('lists exactly the own images without tags, and counts them in one request without listing', async () => {
    const own = (await listAll()).filter((i) => i.owner === 'self');
    const untagged = own.filter((i) => i.tags.length === 0).map((i) => i.id).sort();
    assert.ok(untagged.length > 0 && untagged.length < own.length);
    const mark = emulator.requestLog.length;
    const listed = await listAll({ untagged: true });
    assert.deepEqual(listed.map((i) => i.id).sort(), untagged);
    assert.ok(emulator.requestsSince(mark).every((r) => r.operation === 'ListImageByTags'));

    const countMark = emulator.requestLog.length;
    assert.equal(await provider.countImages(R, { untagged: true }), untagged.length);
    assert.equal(emulator.requestsSince(countMark).length, 1);
  });

  it('narrows images without tags by part of the name (matches resource_name)', async () => {
    const all = await listAll({ untagged: true });
    const word = all[0]!.name.slice(0, 4);
    const named = await listAll({ untagged: true, name: word });
    assert.ok(named.length > 0 && named.every((i) => i.name.includes(word) && i.tags.length === 0));
    assert.equal(await provider.countImages(R, { untagged: true, name: word }), named.length);
  });

  it('narrows a tag query to one image by its id (matches resource_id, exact), with or without tags; another id matches nothing', async () => {
    const untagged = (await listAll({ untagged: true }))[0]!;
    const one = await listAll({ untagged: true, name: untagged.id.toUpperCase() });
    assert.deepEqual(one.map((i) => i.id), [untagged.id]);
    assert.deepEqual(tagQueryBody(tagQueryOf({ untagged: true, name: untagged.id })!)['matches'], [{ key: 'resource_id', value: untagged.id }]);
    assert.deepEqual(tagQueryBody(tagQueryOf({ untagged: true, name: 'web' })!)['matches'], [{ key: 'resource_name', value: 'web' }]);
    assert.equal(await provider.countImages(R, { untagged: true, name: untagged.id }), 1);
    const tagged = (await listAll()).find((i) => i.owner === 'self' && i.tags.length > 0)!;
    const tag = tagged.tags[0]!;
    const byTag = await listAll({ tagQuery: { tags: [{ key: tag.key, values: [tag.value] }] }, name: tagged.id });
    assert.deepEqual(byTag.map((i) => i.id), [tagged.id]);
    assert.equal(await provider.countImages(R, { untagged: true, name: tagged.id }), 0, 'a tagged image is not among the untagged');
  });

  it('refuses "without tags" together with tag conditions, before any request', async () => {
    const mark = emulator.requestLog.length;
    const filter: ImageFilter = { untagged: true, tagQuery: { tags: [{ key: 'env', values: [] }] } };
    const err = await provider.listImages({ regionId: R, pageSize: 10, filter }).catch((e: unknown) => e);
    assert.ok(err instanceof InvalidInputError);
    assert.equal((err as InvalidInputError).problem.code, 'untaggedWithTags');
    await assert.rejects(provider.countImages(R, filter), InvalidInputError);
    assert.equal(emulator.requestsSince(mark).length, 0);
  });
});
