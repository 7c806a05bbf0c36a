// Alibaba BatchCompute (retired) provider over real sockets against the emulator: the region table,
// marker paging to the end, get/delete, signature errors and throttling retries.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { BatchComputeProvider } from '../../../../src/providers/batchcompute/provider';
import { HttpClient } from '../../../../src/providers/transport/http';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { Cursor, Image } from '../../../../src/providers/core/model';

describe('BatchCompute provider (against the emulator)', () => {
  let emulator: Emulator;
  let provider: BatchComputeProvider;
  const http = new HttpClient({ sleep: () => Promise.resolve() });

  function newProvider(language?: 'zh-CN' | 'en-US'): BatchComputeProvider {
    return new BatchComputeProvider({ http, credentials: emulator.credentials('batchcompute'), endpoint: emulator.endpoints.batchcompute }, language);
  }

  async function listAll(regionId: string, pageSize: number): Promise<{ images: Image[]; pages: number }> {
    const images: Image[] = [];
    let cursor: Cursor | undefined;
    let pages = 0;
    do {
      const page = await provider.listImages({ regionId, pageSize, cursor });
      images.push(...page.items);
      cursor = page.next;
      pages++;
    } while (cursor);
    return { images, pages };
  }

  before(async () => {
    emulator = new Emulator();
    await emulator.start();
    provider = newProvider();
  });
  after(async () => {
    await emulator.stop();
    await http.close();
  });

  it('lists the static region table, in English and Chinese, without a request', async () => {
    const mark = emulator.requestLog.length;
    const en = await provider.listRegions();
    assert.ok(en.some((r) => r.id === 'cn-qingdao'));
    assert.equal(en.find((r) => r.id === 'cn-hangzhou')?.name, 'China (Hangzhou)');
    assert.equal(en.find((r) => r.id === 'cn-hangzhou')?.endpoint, 'batchcompute.cn-hangzhou.aliyuncs.com');
    const zh = await newProvider('zh-CN').listRegions();
    assert.equal(zh.find((r) => r.id === 'cn-hangzhou')?.name, '华东1（杭州）');
    assert.equal(emulator.requestsSince(mark).length, 0);
  });

  it('pages ListImages by marker to the end with no duplicate and no gap: own images, then System ones', async () => {
    const { images, pages } = await listAll('cn-hangzhou', 10);
    assert.equal(images.length, 57 + 3);
    assert.equal(new Set(images.map((i) => i.id)).size, 60);
    assert.equal(pages, 6, 'the page where Self ends goes on with System');
    assert.ok(images.every((i) => /^img-[0-9a-f]{24}$/.test(i.id)));
    assert.ok(images.every((i) => i.status === 'Available' && i.regionId === 'cn-hangzhou'));
    assert.deepEqual(images.map((i) => i.owner), [...Array<string>(57).fill('self'), ...Array<string>(3).fill('system')]);
    assert.ok(images.some((i) => /[\u4e00-\u9fff]/.test(i.name)), 'some Chinese names');
    assert.ok(images.every((i) => i.osType === 'Linux' || i.osType === 'Windows'));
    assert.equal(images[0]?.raw, undefined, 'a listing leaves the raw JSON out unless asked');
    const withRaw = await provider.listImages({ regionId: 'cn-hangzhou', pageSize: 1, raw: true });
    assert.match(String(withRaw.items[0]?.raw?.['EcsImageId']), /^m-/);
    const all = await listAll('cn-hangzhou', 100);
    assert.deepEqual(all.images.map((i) => i.id), images.map((i) => i.id));
    assert.equal(all.pages, 1);
    assert.equal((await listAll('cn-beijing', 10)).images.length, 14 + 3);
  });

  it('asks for one Type when the owner filter names it, and for both (Self, then System) without one', async () => {
    const mark = emulator.requestLog.length;
    const self = await provider.listImages({ regionId: 'cn-beijing', pageSize: 100, filter: { owner: 'self' } });
    const system = await provider.listImages({ regionId: 'cn-beijing', pageSize: 100, filter: { owner: 'system' } });
    const both = await provider.listImages({ regionId: 'cn-beijing', pageSize: 100 });
    assert.ok(self.items.length === 14 && self.items.every((i) => i.owner === 'self'));
    assert.ok(system.items.length === 3 && system.items.every((i) => i.owner === 'system'));
    assert.deepEqual(both.items.map((i) => i.id), [...self.items, ...system.items].map((i) => i.id));
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'ListImages').length, 1 + 1 + 2, 'one Type a request');
    assert.deepEqual((await provider.listImages({ regionId: 'cn-beijing', pageSize: 10, filter: { owner: 'shared' } })).items, [], 'BatchCompute has no shared images');
  });

  it('returns one empty last page for a region without own images; its System images still list', async () => {
    const page = await provider.listImages({ regionId: 'cn-qingdao', pageSize: 50, filter: { owner: 'self' } });
    assert.equal(page.items.length, 0);
    assert.equal(page.next, undefined);
    const all = await provider.listImages({ regionId: 'cn-qingdao', pageSize: 50 });
    assert.ok(all.items.length === 2 && all.items.every((i) => i.owner === 'system'));
    assert.equal(all.next, undefined);
  });

  it('gets one image, and undefined for an unknown one', async () => {
    const first = (await provider.listImages({ regionId: 'cn-beijing', pageSize: 1 })).items[0];
    assert.ok(first);
    const got = await provider.getImage('cn-beijing', first.id);
    assert.equal(got?.id, first.id);
    assert.equal(got?.name, first.name);
    assert.equal(await provider.getImage('cn-beijing', 'img-000000000000000000000000'), undefined);
  });

  it('deletes an image (gone afterwards); a second delete is InvalidResource.NotFound', async () => {
    assert.equal(provider.deleting.supportsForce, false);
    const before = (await listAll('cn-shenzhen', 100)).images;
    const victim = before[3];
    assert.ok(victim);
    const mark = emulator.requestLog.length;
    assert.deepEqual(await provider.deleting.deleteImages('cn-shenzhen', [victim.id], {}), { confirmedBy: 'reply' });
    assert.deepEqual(emulator.requestsSince(mark).map((e) => `${e.operation} ${e.status}`), ['DeleteImage 204']);
    assert.equal(await provider.getImage('cn-shenzhen', victim.id), undefined);
    const after = (await listAll('cn-shenzhen', 7)).images;
    assert.deepEqual(after.map((i) => i.id), before.filter((i) => i.id !== victim.id).map((i) => i.id));
    const err = await provider.deleting.deleteImages('cn-shenzhen', [victim.id], {}).catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError);
    assert.equal(err.cloud, 'batchcompute');
    assert.equal(err.code, 'InvalidResource.NotFound');
    assert.equal(err.httpStatus, 404);
    assert.equal(err.retryable, false);
    assert.ok(err.requestId);
  });

  it('is rejected with SignatureDoesNotMatch when the secret is wrong', async () => {
    const creds = emulator.credentials('batchcompute');
    emulator.setAccessKeySecret('batchcompute', creds.accessKeyId, 'rotated-secret-0000000');
    try {
      const err = await provider.listImages({ regionId: 'cn-hangzhou', pageSize: 10 }).catch((e: unknown) => e);
      assert.ok(err instanceof ProviderError);
      assert.equal(err.code, 'SignatureDoesNotMatch');
      assert.equal(err.httpStatus, 400);
    } finally {
      emulator.setAccessKeySecret('batchcompute', creds.accessKeyId, creds.accessKeySecret);
    }
    assert.ok((await provider.listImages({ regionId: 'cn-hangzhou', pageSize: 10 })).items.length > 0);
  });

  it('rejects a reused nonce and a stale Date', async () => {
    const base = { http, credentials: emulator.credentials('batchcompute'), endpoint: emulator.endpoints.batchcompute };
    const fixed = new BatchComputeProvider({ ...base, nonce: () => 'batchcompute-same-nonce' });
    await fixed.listImages({ regionId: 'cn-hangzhou', pageSize: 1 });
    const reused = await fixed.listImages({ regionId: 'cn-hangzhou', pageSize: 1 }).catch((e: unknown) => e);
    assert.equal((reused as ProviderError).code, 'SignatureNonceUsed');
    const stale = new BatchComputeProvider({ ...base, now: () => new Date(Date.now() - 20 * 60 * 1000) });
    const expired = await stale.listImages({ regionId: 'cn-hangzhou', pageSize: 1 }).catch((e: unknown) => e);
    assert.equal((expired as ProviderError).code, 'InvalidTimeStamp.Expired');
  });

  it('retries Throttling.User and then succeeds', async () => {
    emulator.faults.add({ kind: 'throttle', cloud: 'batchcompute', operation: 'ListImages', times: 2 });
    const mark = emulator.requestLog.length;
    const page = await provider.listImages({ regionId: 'cn-hangzhou', pageSize: 5 });
    assert.equal(page.items.length, 5);
    const log = emulator.requestsSince(mark);
    assert.deepEqual(log.map((e) => e.errorCode ?? String(e.status)), ['Throttling.User', 'Throttling.User', '200']);
  });
});
