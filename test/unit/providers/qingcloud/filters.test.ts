// QingCloud DescribeImages filters (processor_type, os_family, visibility) and lookups by id with ids the
// zone does not know (the cloud answers 2100, not an empty set), over real sockets against the emulator.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { QingcloudProvider } from '../../../../src/providers/qingcloud/provider';
import { QingcloudClient } from '../../../../src/providers/qingcloud/client';
import { QINGCLOUD_LOOKUP_REQUESTS, QingcloudLookup } from '../../../../src/providers/qingcloud/lookup';
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
    const calls = emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeImages');
    // The first answer names the unknown id: the rest are asked again once.
    assert.equal(calls.length, 2);
    assert.equal(await provider.getImage('pek3', 'img-gone0000'), undefined);
  });

  it('halves a batch when the error names no id, still within the bound', async () => {
    // A cloud whose 2100 message names no id: the lookup cannot drop an id by name and splits the batch.
    const known = new Set(Array.from({ length: 97 }, (_, n) => `img-live${String(n).padStart(4, '0')}`));
    const ids = [...known];
    ids.splice(13, 0, 'img-gone0001');
    ids.splice(50, 0, 'img-gone0002');
    ids.push('img-gone0003');
    let calls = 0;
    const client = {
      call: (_action: string, params: Record<string, string>): Promise<Record<string, unknown>> => {
        calls++;
        const asked = Object.entries(params).filter(([k]) => k.startsWith('images.')).map(([, v]) => v);
        if (asked.some((id) => !known.has(id))) {
          return Promise.reject(new ProviderError({ cloud: 'qingcloud', code: '2100', message: 'ResourceNotFound' }));
        }
        return Promise.resolve({ image_set: asked.map((image_id) => ({ image_id, status: 'available' })), total_count: asked.length, ret_code: 0 });
      },
    };
    const found = await new QingcloudLookup(client).describe('pek3', ids);
    assert.deepEqual(found.map((i) => i.id).sort(), [...known].sort());
    assert.ok(calls > 2 && calls <= QINGCLOUD_LOOKUP_REQUESTS, String(calls));

    // Past the bound the cloud's error is passed on, not swallowed.
    const everyOther = ids.map((id, n) => (n % 3 === 0 ? `img-gone9${String(n).padStart(3, '0')}` : id));
    calls = 0;
    const err = await new QingcloudLookup(client).describe('pek3', everyOther).catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError && err.code === '2100');
    assert.ok(calls <= QINGCLOUD_LOOKUP_REQUESTS);
  });
});
