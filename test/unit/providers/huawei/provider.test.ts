// Huawei IMS provider over real sockets against the emulator: static regions, the project id per
// region, marker paging to the end, error bodies, signature checks and throttling.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { HuaweiImsProvider } from '../../../../src/providers/huawei/provider';
import { HuaweiClient, interpretHuawei } from '../../../../src/providers/huawei/client';
import { HttpClient } from '../../../../src/providers/transport/http';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { Cursor, Image } from '../../../../src/providers/core/model';
import type { ProviderContext } from '../../../../src/providers/core/provider';

describe('Huawei IMS provider (against the emulator)', () => {
  let emulator: Emulator;
  const http = new HttpClient({ sleep: () => Promise.resolve() });

  function ctx(extra: Partial<ProviderContext> = {}): ProviderContext {
    return { http, credentials: emulator.credentials('huawei'), endpoint: emulator.endpoints.huawei, ...extra };
  }

  async function listAll(provider: HuaweiImsProvider, regionId: string, pageSize: number): Promise<{ images: Image[]; pages: number[] }> {
    const images: Image[] = [];
    const pages: number[] = [];
    let cursor: Cursor | undefined;
    do {
      const page = await provider.listImages({ regionId, pageSize, cursor });
      images.push(...page.items);
      pages.push(page.items.length);
      cursor = page.next;
    } while (cursor);
    return { images, pages };
  }

  before(async () => {
    emulator = new Emulator();
    await emulator.start();
  });
  beforeEach(() => emulator.faults.clear());
  after(async () => {
    await emulator.stop();
    await http.close();
  });

  it('lists regions from the static table, in English and Chinese, asking only for the account\u2019s projects (once, ahead of the first region)', async () => {
    const chinese = new HuaweiImsProvider(ctx(), 'zh-CN');
    const zh = await chinese.listRegions();
    await chinese.listImages({ regionId: 'cn-south-1', pageSize: 1 });
    const mark = emulator.requestLog.length;
    const provider = new HuaweiImsProvider(ctx());
    const en = await provider.listRegions();
    for (const id of ['cn-north-4', 'cn-east-3', 'cn-south-1', 'cn-southwest-2', 'ap-southeast-1', 'ap-southeast-3', 'af-south-1', 'la-south-2', 'tr-west-1', 'me-east-1', 'eu-west-0', 'ru-moscow-1']) {
      assert.ok(en.some((r) => r.id === id), id);
    }
    assert.equal(en.find((r) => r.id === 'cn-north-4')?.name, 'CN North-Beijing4');
    assert.equal(zh.find((r) => r.id === 'cn-north-4')?.name, '华北-北京四');
    assert.equal(en.find((r) => r.id === 'cn-north-4')?.endpoint, 'ims.cn-north-4.myhuaweicloud.com');
    await provider.listImages({ regionId: 'cn-east-3', pageSize: 10 });
    await provider.listImages({ regionId: 'cn-north-4', pageSize: 10 });
    assert.deepEqual(
      emulator.requestsSince(mark).map((r) => r.operation),
      ['KeystoneListProjects', 'ListImages', 'ListImages'],
      'one lookup for the account, none per region',
    );
  });

  it('pages ListImages by marker to the end with no duplicate and no gap, looking the project up once', async () => {
    const provider = new HuaweiImsProvider(ctx());
    const mark = emulator.requestLog.length;
    const { images, pages } = await listAll(provider, 'cn-north-4', 37);
    assert.equal(images.length, 310);
    assert.equal(new Set(images.map((i) => i.id)).size, 310);
    assert.deepEqual(pages, [37, 37, 37, 37, 37, 37, 37, 37, 14]);
    const ops = emulator.requestsSince(mark).map((r) => r.operation);
    assert.equal(ops.filter((o) => o === 'KeystoneListProjects').length, 1);
    assert.equal(ops.filter((o) => o === 'ListImages').length, 9);
    assert.ok(images.every((i) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(i.id)));
    for (const owner of ['system', 'self', 'shared', 'marketplace']) {
      assert.ok(images.some((i) => i.owner === owner), owner);
    }
    assert.ok(images.some((i) => i.name === 'CentOS 7.9 64bit' && i.osType === 'Linux'));
    assert.ok(images.some((i) => /[\u4e00-\u9fff]/.test(i.name)), 'some Chinese names');
    assert.ok(images.some((i) => i.tags.length > 0));
    const created = images.map((i) => i.createdAt ?? '');
    assert.deepEqual(created, [...created].sort().reverse(), 'newest first');

    // Another region, and the same one again: no more lookups (the account's projects are all known).
    const mark2 = emulator.requestLog.length;
    await provider.listImages({ regionId: 'cn-east-3', pageSize: 10 });
    await provider.listImages({ regionId: 'cn-east-3', pageSize: 10 });
    await provider.listImages({ regionId: 'cn-north-4', pageSize: 10 });
    assert.equal(emulator.requestsSince(mark2).filter((r) => r.operation === 'KeystoneListProjects').length, 0);
  });

  it('ends with an empty page when the total is a multiple of the page size', async () => {
    const { images, pages } = await listAll(new HuaweiImsProvider(ctx()), 'cn-north-4', 31);
    assert.equal(new Set(images.map((i) => i.id)).size, 310);
    assert.equal(pages.length, 11);
    assert.equal(pages[10], 0);
    const big = await listAll(new HuaweiImsProvider(ctx()), 'cn-east-3', 5000);
    assert.deepEqual(big.pages, [76], 'page size capped at 500, one short page (75 images and the whole-machine one)');
  });

  it('returns one empty page for an empty region', async () => {
    const page = await new HuaweiImsProvider(ctx()).listImages({ regionId: 'af-south-1', pageSize: 50 });
    assert.equal(page.items.length, 0);
    assert.equal(page.next, undefined);
  });

  it('finds one image by id', async () => {
    const provider = new HuaweiImsProvider(ctx());
    const first = (await provider.listImages({ regionId: 'ap-southeast-1', pageSize: 5 })).items[0];
    assert.ok(first);
    assert.equal((await provider.getImage('ap-southeast-1', first.id))?.name, first.name);
    assert.equal(await provider.getImage('ap-southeast-1', '00000000-0000-4000-8000-000000000000'), undefined);
  });

  it('maps IMS error bodies: missing or unknown project, bad limit, unknown marker', async () => {
    const client = new HuaweiClient(ctx());
    for (const projectId of [undefined, '0123456789abcdef0123456789abcdef']) {
      const err = await client.request('GET', '/v2/cloudimages', { projectId }).catch((e: unknown) => e);
      assert.ok(err instanceof ProviderError);
      assert.equal(err.code, 'IMG.0001');
      assert.equal(err.httpStatus, 400);
      assert.ok(err.requestId, 'request id from the x-request-id header');
      assert.equal(err.retryable, false);
    }
    const projectId = await client.projectId('cn-north-4');
    const limit = await client.request('GET', '/v2/cloudimages', { projectId, query: { limit: '501' } }).catch((e: unknown) => e);
    assert.equal((limit as ProviderError).code, 'IMG.0001');
    const marker = await new HuaweiImsProvider(ctx())
      .listImages({ regionId: 'cn-north-4', pageSize: 10, cursor: { kind: 'marker', marker: 'no-such-image' } })
      .catch((e: unknown) => e);
    assert.equal((marker as ProviderError).code, 'IMG.0001');
    const region = await new HuaweiImsProvider(ctx()).listImages({ regionId: 'xx-nowhere-1', pageSize: 10 }).catch((e: unknown) => e);
    assert.equal((region as ProviderError).code, 'ProjectNotFound');
  });

  it('is rejected (APIGW.0301, with a request id) when the secret is wrong; the failed lookup is not cached', async () => {
    const creds = emulator.credentials('huawei');
    const provider = new HuaweiImsProvider(ctx());
    emulator.setAccessKeySecret('huawei', creds.accessKeyId, 'rotated-secret-00000000000000');
    try {
      const err = await provider.listImages({ regionId: 'cn-south-1', pageSize: 10 }).catch((e: unknown) => e);
      assert.ok(err instanceof ProviderError);
      assert.equal(err.code, 'APIGW.0301');
      assert.equal(err.httpStatus, 401);
      assert.ok(err.requestId);
    } finally {
      emulator.setAccessKeySecret('huawei', creds.accessKeyId, creds.accessKeySecret);
    }
    assert.equal((await provider.listImages({ regionId: 'cn-south-1', pageSize: 50 })).items.length, 12);
  });

  it('rejects an unknown access key and a stale X-Sdk-Date', async () => {
    const unknown = new HuaweiImsProvider(ctx({ credentials: { accessKeyId: 'NOSUCHKEY00000000000', accessKeySecret: 'x' } }));
    const err = await unknown.listImages({ regionId: 'cn-north-4', pageSize: 10 }).catch((e: unknown) => e);
    assert.equal((err as ProviderError).code, 'APIGW.0301');
    const stale = new HuaweiImsProvider(ctx({ now: () => new Date(Date.now() - 20 * 60 * 1000) }));
    const expired = await stale.listImages({ regionId: 'cn-north-4', pageSize: 10 }).catch((e: unknown) => e);
    assert.equal((expired as ProviderError).code, 'APIGW.0301');
    assert.match((expired as ProviderError).message, /date/);
  });

  it('retries throttling (APIGW.0308) and then succeeds', async () => {
    const provider = new HuaweiImsProvider(ctx());
    await provider.listImages({ regionId: 'cn-north-4', pageSize: 1 }); // project id cached
    emulator.faults.add({ kind: 'throttle', cloud: 'huawei', operation: 'ListImages', times: 2 });
    const mark = emulator.requestLog.length;
    const page = await provider.listImages({ regionId: 'cn-north-4', pageSize: 20 });
    assert.equal(page.items.length, 20);
    const calls = emulator.requestsSince(mark).filter((r) => r.operation === 'ListImages');
    assert.deepEqual(calls.map((c) => c.errorCode ?? 'ok'), ['APIGW.0308', 'APIGW.0308', 'ok']);
  });

  it('gives up on repeated server errors with the IMS code, marked retryable', async () => {
    emulator.faults.add({ kind: 'server-error', cloud: 'huawei', operation: 'ListImages' });
    const err = await new HuaweiImsProvider(ctx()).listImages({ regionId: 'cn-east-3', pageSize: 10 }).catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'IMG.0999');
    assert.equal(err.retryable, true);
    assert.equal(err.attempts, 4);
  });
});

describe('interpretHuawei', () => {
  it('reads the gateway form and the IMS form', () => {
    const gw = (() => {
      try {
        interpretHuawei({ status: 429, headers: {}, body: '{"error_code":"APIG.0308","error_msg":"too many","request_id":"r1"}' });
      } catch (e) {
        return e as ProviderError;
      }
      return undefined;
    })();
    assert.equal(gw?.code, 'APIG.0308');
    assert.equal(gw?.requestId, 'r1');
    assert.equal(gw?.retryable, true);
    assert.throws(
      () => interpretHuawei({ status: 404, headers: { 'x-request-id': 'r2' }, body: '{"error":{"code":"IMG.0027","message":"gone"}}' }),
      (e: unknown) => e instanceof ProviderError && e.code === 'IMG.0027' && e.requestId === 'r2' && !e.retryable && e.message === 'gone',
    );
    assert.deepEqual(interpretHuawei({ status: 200, headers: {}, body: '{"images":[]}' }), { images: [] });
  });
});
