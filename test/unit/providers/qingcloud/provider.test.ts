// QingCloud IaaS provider over real sockets against the emulator: zones, paging to the end, errors, retries.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { QingcloudProvider } from '../../../../src/providers/qingcloud/provider';
import { QingcloudClient } from '../../../../src/providers/qingcloud/client';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { Cursor, Image } from '../../../../src/providers/core/model';
import type { ProviderContext } from '../../../../src/providers/core/provider';
import { recordingHttp } from '../../helpers/providerHarness';

describe('QingCloud IaaS provider (against the emulator)', () => {
  let emulator: Emulator;
  let provider: QingcloudProvider;
  const { http, sleeps } = recordingHttp();
  const ctx = (extra: Partial<ProviderContext> = {}): ProviderContext => ({
    http,
    credentials: emulator.credentials('qingcloud'),
    endpoint: emulator.endpoints.qingcloud,
    ...extra,
  });

  before(async () => {
    emulator = new Emulator();
    await emulator.start();
    provider = new QingcloudProvider(ctx());
  });
  after(async () => {
    await emulator.stop();
    await http.close();
  });
  beforeEach(() => {
    emulator.faults.clear();
    sleeps.length = 0;
  });

  it('lists the active zones with readable names', async () => {
    const zones = await provider.listRegions();
    assert.deepEqual(zones.map((z) => z.id).sort(), ['ap2a', 'gd2', 'pek3', 'pek3a', 'sh1a']);
    assert.equal(zones.find((z) => z.id === 'pek3')?.name, 'Beijing 3');
    const zh = await new QingcloudProvider(ctx(), 'zh-CN').listRegions();
    assert.equal(zh.find((z) => z.id === 'pek3')?.name, '北京3区');
  });

  it('pages DescribeImages to total_count with no duplicate and no gap', async () => {
    const seen: Image[] = [];
    let cursor: Cursor | undefined;
    let total: number | undefined;
    let pages = 0;
    do {
      const page = await provider.listImages({ regionId: 'pek3', pageSize: 37, cursor });
      seen.push(...page.items);
      total = page.total;
      cursor = page.next;
      pages++;
    } while (cursor);
    assert.equal(total, 260);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen.map((i) => i.id)).size, total);
    assert.equal(pages, Math.ceil(total / 37));
    assert.ok(seen.some((i) => i.owner === 'system') && seen.some((i) => i.owner === 'self') && seen.some((i) => i.owner === 'shared'));
    assert.ok(seen.some((i) => /[\u4e00-\u9fff]/.test(i.name)), 'some Chinese names');
    assert.ok(seen.some((i) => i.status === 'pending') && seen.some((i) => i.status === 'deprecated'));
    const centos = seen.find((i) => i.id === 'centos79x64a');
    assert.equal(centos?.name, 'CentOS 7.9 64bit');
    assert.equal(centos?.owner, 'system');
    assert.equal(centos?.osName, 'CentOS 7.9 64bit', 'a system image is named after its OS');
    const own = seen.filter((i) => i.owner !== 'system');
    assert.ok(own.some((i) => i.osName === 'Rocky Linux' || i.osName === 'openEuler' || i.osName === 'CentOS'), 'families by their names');
    assert.ok(own.every((i) => !i.osName || !/^[a-z]+$/.test(i.osName)), `no lower-case family ids: ${[...new Set(own.map((i) => i.osName))].join(', ')}`);
    assert.ok(seen.filter((i) => i.owner !== 'system').every((i) => /^img-[0-9a-z]{8}$/.test(i.id)));
    const tagged = seen.find((i) => i.tags.length > 0);
    assert.ok(tagged, 'some images carry tags');
    assert.ok(tagged.tags.every((t) => t.key.length > 0 && t.value === ''));
  });

  it('caps the page size at 100', async () => {
    const page = await provider.listImages({ regionId: 'pek3', pageSize: 500 });
    assert.equal(page.items.length, 100);
    assert.deepEqual(page.next, { kind: 'offset', offset: 100 });
  });

  it('has the emulator check zone, limit and filters as the cloud does (1100)', async () => {
    const client = new QingcloudClient(ctx());
    const codeOf = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: unknown) => (e as ProviderError).code);
    assert.equal(await codeOf(client.call('DescribeImages', { limit: '10' })), '1100');
    assert.equal(await codeOf(client.call('DescribeImages', { limit: '101' }, undefined, 'pek3')), '1100');
    assert.equal(await codeOf(client.call('DescribeImages', { offset: '-1' }, undefined, 'pek3')), '1100');
    assert.equal(await codeOf(client.call('DescribeImages', { provider: 'nobody' }, undefined, 'pek3')), '1100');
    const own = await client.call('DescribeImages', { provider: 'self', 'status.1': 'pending', limit: '100' }, undefined, 'pek3');
    const set = own['image_set'] as Array<Record<string, unknown>>;
    assert.ok(set.length > 0 && set.every((i) => i['provider'] === 'self' && i['status'] === 'pending'));
    const one = await client.call('DescribeImages', { 'images.1': 'centos79x64a', search_word: 'CENTOS 7' }, undefined, 'pek3');
    assert.equal(one['total_count'], 1);
  });

  it('returns an empty last page for an empty zone', async () => {
    const page = await provider.listImages({ regionId: 'ap2a', pageSize: 50 });
    assert.equal(page.items.length, 0);
    assert.equal(page.total, 0);
    assert.equal(page.next, undefined);
  });

  it('maps QingCloud error bodies: an unknown zone', async () => {
    const err = await provider.listImages({ regionId: 'xx9', pageSize: 10 }).catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError);
    assert.equal(err.cloud, 'qingcloud');
    assert.equal(err.code, '2100');
    assert.match(err.message, /ResourceNotFound/);
    assert.equal(err.httpStatus, 200);
    assert.equal(err.retryable, false);
  });

  it('is rejected with 1200 when the secret is wrong, and works again when it is right', async () => {
    const creds = emulator.credentials('qingcloud');
    emulator.setAccessKeySecret('qingcloud', creds.accessKeyId, 'rotated-secret-0000000');
    try {
      const err = await provider.listRegions().catch((e: unknown) => e);
      assert.ok(err instanceof ProviderError);
      assert.equal(err.code, '1200');
      assert.equal(err.attempts, 1);
    } finally {
      emulator.setAccessKeySecret('qingcloud', creds.accessKeyId, creds.accessKeySecret);
    }
    assert.ok((await provider.listRegions()).length > 0);
  });

  it('rejects a stale time_stamp and a replayed signature with 1300', async () => {
    const stale = new QingcloudProvider(ctx({ now: () => new Date(Date.now() - 2 * 60 * 1000) }));
    const expired = await stale.listRegions().catch((e: unknown) => e);
    assert.ok(expired instanceof ProviderError);
    assert.equal(expired.code, '1300');
    assert.equal(expired.retryable, false);
    const fixedTime = new Date();
    const replaying = new QingcloudProvider(ctx({ now: () => fixedTime, nonce: () => 'same-req-id' }));
    await replaying.listRegions();
    const replayed = await replaying.listRegions().catch((e: unknown) => e);
    assert.equal((replayed as ProviderError).code, '1300');
  });

  it('retries ServerBusy (5100) and then succeeds', async () => {
    emulator.faults.add({ kind: 'throttle', cloud: 'qingcloud', operation: 'DescribeImages', times: 2 });
    const mark = emulator.requestLog.length;
    const page = await provider.listImages({ regionId: 'sh1a', pageSize: 20 });
    assert.equal(page.total, 90);
    const calls = emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeImages');
    assert.deepEqual(calls.map((c) => c.errorCode ?? 'ok'), ['5100', '5100', 'ok']);
    assert.equal(sleeps.length, 2);
  });

  it('retries an internal error (HTTP 500, 5000)', async () => {
    emulator.faults.add({ kind: 'server-error', cloud: 'qingcloud', operation: 'DescribeZones', times: 1 });
    assert.ok((await provider.listRegions()).length > 0);
    assert.equal(sleeps.length, 1);
  });

  it('gives the same data on every run (deterministic seed)', async () => {
    const other = new Emulator();
    await other.start();
    try {
      const p2 = new QingcloudProvider({ http, credentials: other.credentials('qingcloud'), endpoint: other.endpoints.qingcloud });
      const a = await provider.listImages({ regionId: 'gd2', pageSize: 20 });
      const b = await p2.listImages({ regionId: 'gd2', pageSize: 20 });
      assert.deepEqual(a.items.map((i) => i.id), b.items.map((i) => i.id));
      assert.equal(a.total, 35);
    } finally {
      await other.stop();
    }
  });
});
