// QingCloud DescribeImages filters (processor_type, os_family, visibility) and lookups by id with ids the
// zone does not know (the cloud answers 2100, not an empty set), over real sockets against the emulator.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { QingcloudProvider } from '../../../../src/providers/qingcloud/provider';
import { QingcloudClient } from '../../../../src/providers/qingcloud/client';
import { QINGCLOUD_SPLIT_MAX, QingcloudLookup } from '../../../../src/providers/qingcloud/lookup';
import { InvalidInputError } from '../../../../src/providers/rules/problems';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { ImageFilter } from '../../../../src/providers/core/model';
import { allImages, codeOf, recordingHttp } from '../../helpers/providerHarness';

describe('QingCloud filters and lookups by id (against the emulator)', () => {
  let emulator: Emulator;
  let provider: QingcloudProvider;
  const { http } = recordingHttp();

  before(async () => {
    emulator = new Emulator();
    await emulator.start();
    provider = new QingcloudProvider({ http, credentials: emulator.credentials('qingcloud'), endpoint: emulator.endpoints.qingcloud });
  });
  after(async () => {
    await emulator.stop();
    await http.close();
  });
  beforeEach(() => emulator.faults.clear());

  async function listed(filter: ImageFilter): Promise<Array<Record<string, unknown>>> {
    const out: Array<Record<string, unknown>> = [];
    let cursor;
    do {
      const page = await provider.listImages({ regionId: 'pek3', pageSize: 100, filter, cursor, raw: true });
      out.push(...page.items.map((i) => i.raw as Record<string, unknown>));
      cursor = page.next;
    } while (cursor);
    return out;
  }

  it('narrows by os_family, processor_type and visibility on the server, each as the cloud words it', async () => {
    const all = (await allImages(provider, 'pek3', 100)).map((i) => i.raw as Record<string, unknown>);
    const ubuntu = await listed({ attributes: { osFamily: 'ubuntu' } });
    assert.ok(ubuntu.length > 0 && ubuntu.length < all.length);
    assert.ok(ubuntu.every((i) => i['os_family'] === 'ubuntu'));
    // Narrowed by the cloud: its total_count is the matches', not the zone's.
    const first = await provider.listImages({ regionId: 'pek3', pageSize: 10, filter: { attributes: { osFamily: 'ubuntu' } } });
    assert.equal(first.total, all.filter((i) => i['os_family'] === 'ubuntu').length);

    const bits32 = await listed({ attributes: { processorType: '32bit' } });
    assert.ok(bits32.length > 0 && bits32.every((i) => i['processor_type'] === '32bit'));
    assert.equal(bits32.length, all.filter((i) => i['processor_type'] === '32bit').length);

    const publicOnes = await listed({ attributes: { visibility: 'public' }, owner: 'system' });
    assert.ok(publicOnes.length > 0 && publicOnes.every((i) => i['visibility'] === 'public' && i['provider'] === 'system'));
    const privateUbuntu = await listed({ attributes: { visibility: 'private', osFamily: 'ubuntu', processorType: '64bit' } });
    assert.ok(privateUbuntu.every((i) => i['visibility'] === 'private' && i['os_family'] === 'ubuntu' && i['processor_type'] === '64bit'));
  });

  it('refuses a value the cloud does not take before any request; the emulator answers such a value with 1100', async () => {
    const mark = emulator.requestLog.length;
    for (const filter of [{ attributes: { processorType: '128bit' } }, { attributes: { visibility: 'shared' } }, { attributes: { osFamily: 'red hat' } }, { attributes: { usage: 'instance' } }]) {
      const err = await provider.listImages({ regionId: 'pek3', pageSize: 10, filter }).catch((e: unknown) => e);
      assert.ok(err instanceof InvalidInputError, JSON.stringify(filter));
    }
    assert.equal(emulator.requestsSince(mark).length, 0);
    const client = new QingcloudClient({ http, credentials: emulator.credentials('qingcloud'), endpoint: emulator.endpoints.qingcloud });
    assert.equal(await codeOf(client.call('DescribeImages', { processor_type: '128bit' }, undefined, 'pek3')), '1100');
    assert.equal(await codeOf(client.call('DescribeImages', { visibility: 'shared' }, undefined, 'pek3')), '1100');
  });

  it('has the emulator answer an unknown image id with 2100, as the cloud documents, even among known ones', async () => {
    const client = new QingcloudClient({ http, credentials: emulator.credentials('qingcloud'), endpoint: emulator.endpoints.qingcloud });
    const err = await client.call('DescribeImages', { 'images.1': 'centos79x64a', 'images.2': 'img-gone0000' }, undefined, 'pek3').catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, '2100');
    assert.match(err.message, /ResourceNotFound/);
  });

  it('resolves the known ids of a batch holding one unknown id, in a bounded number of requests', async () => {
    const live = (await provider.listImages({ regionId: 'pek3', pageSize: 100 })).items.map((i) => i.id);
    assert.equal(live.length, 100);
    const ids = [...live.slice(0, 60), 'img-gone0000', ...live.slice(60, 99)];
    const mark = emulator.requestLog.length;
    const found = await provider.findImages('pek3', ids);
    assert.deepEqual(found.map((i) => i.id).sort(), live.slice(0, 99).sort());
    // The batch (2100), then the zone's own, system and shared images, 100 a page: 260 images in all.
    const calls = emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeImages');
    assert.ok(calls.length >= 4 && calls.length <= 1 + Math.ceil(260 / 100) + 2, String(calls.length));
    assert.equal(calls[0]!.errorCode, '2100');
  });

  it('settles every refused batch of a large lookup with one listing of the zone, not one per batch', async () => {
    const live = await allImages(provider, 'pek3', 100);
    assert.ok(live.length > 200, `${live.length} images in pek3`);
    const known = live.slice(0, 250).map((i) => i.id);
    const ids = [...known.slice(0, 100), 'img-gone0001', ...known.slice(100, 200), 'img-gone0002', ...known.slice(200)];
    const mark = emulator.requestLog.length;
    const found = await provider.findImages('pek3', ids);
    assert.deepEqual(found.map((i) => i.id).sort(), [...new Set(known)].sort());
    const calls = emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeImages');
    const refused = calls.filter((r) => r.errorCode === '2100').length;
    assert.equal(refused, 2, 'the two batches naming an unknown id');
    // Three batches by id, then one listing (own, system and shared images, 100 a page).
    assert.ok(calls.length <= 3 + Math.ceil(live.length / 100) + 3, String(calls.length));
  });

  it('resolves a few ids with an unknown one by dropping the id the error names: one more request', async () => {
    const live = (await provider.listImages({ regionId: 'pek3', pageSize: 3 })).items.map((i) => i.id);
    const mark = emulator.requestLog.length;
    const found = await provider.findImages('pek3', [live[0]!, 'img-gone0000', live[1]!, live[2]!]);
    assert.deepEqual(found.map((i) => i.id).sort(), [...live].sort());
    assert.deepEqual(emulator.requestsSince(mark).map((r) => r.errorCode ?? 'ok'), ['2100', 'ok']);
    assert.equal(await provider.getImage('pek3', 'img-gone0000'), undefined);
  });

  it('halves a few ids when the error names none; asks a zone that has none of them a bounded number of times', async () => {
    const known = new Set(['img-live0001', 'img-live0002', 'img-live0003']);
    let calls = 0;
    const client = {
      call: (_action: string, params: Record<string, string>): Promise<Record<string, unknown>> => {
        calls++;
        const asked = Object.entries(params).filter(([k]) => k.startsWith('images.')).map(([, v]) => v);
        if (asked.some((id) => !known.has(id))) {
          // A cloud whose 2100 message names no id: the lookup cannot drop one by name.
          return Promise.reject(new ProviderError({ cloud: 'qingcloud', code: '2100', message: 'ResourceNotFound' }));
        }
        return Promise.resolve({ image_set: asked.map((image_id) => ({ image_id, status: 'available' })), total_count: asked.length, ret_code: 0 });
      },
    };
    const found = await new QingcloudLookup(client).describe('pek3', ['img-live0001', 'img-gone0001', 'img-live0002', 'img-live0003']);
    assert.deepEqual(found.map((i) => i.id).sort(), [...known]);
    assert.ok(calls >= 3 && calls <= 2 * QINGCLOUD_SPLIT_MAX - 1, String(calls));

    // A zone holding none of 50 ids: one batch, then one listing per kind of image (empty here).
    const mark = emulator.requestLog.length;
    const none = await provider.findImages('ap2a', Array.from({ length: 50 }, (_, n) => `img-else${String(n).padStart(4, '0')}`));
    assert.deepEqual(none, []);
    assert.equal(emulator.requestsSince(mark).length, 4);
  });
});
