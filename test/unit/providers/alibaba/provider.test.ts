// Alibaba ECS provider over real sockets against the emulator: regions, paging to the end, errors.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { AlibabaEcsProvider } from '../../../../src/providers/alibaba/provider';
import { HttpClient } from '../../../../src/providers/transport/http';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { Cursor, Image } from '../../../../src/providers/core/model';
import { loadAllPages } from '../../../../src/providers/shared/paging';

describe('Alibaba ECS provider (against the emulator)', () => {
  let emulator: Emulator;
  let provider: AlibabaEcsProvider;
  const http = new HttpClient({ sleep: () => Promise.resolve() });

  before(async () => {
    emulator = new Emulator();
    await emulator.start();
    provider = new AlibabaEcsProvider({ http, credentials: emulator.credentials('alibaba'), endpoint: emulator.endpoints.alibaba });
  });
  after(async () => {
    await emulator.stop();
    await http.close();
  });

  it('lists regions with localised names', async () => {
    const en = await provider.listRegions();
    assert.ok(en.length >= 3);
    assert.deepEqual(en.find((r) => r.id === 'cn-hangzhou')?.name, 'China (Hangzhou)');
    const zh = await new AlibabaEcsProvider({ http, credentials: emulator.credentials('alibaba'), endpoint: emulator.endpoints.alibaba }, 'zh-CN').listRegions();
    assert.deepEqual(zh.find((r) => r.id === 'cn-hangzhou')?.name, '华东1（杭州）');
  });

  it('pages DescribeImages to TotalCount with no duplicate and no gap', async () => {
    const seen: Image[] = [];
    let cursor: Cursor | undefined;
    let total: number | undefined;
    let pages = 0;
    do {
      const page = await provider.listImages({ regionId: 'cn-hangzhou', pageSize: 37, cursor });
      seen.push(...page.items);
      total = page.total;
      cursor = page.next;
      pages++;
    } while (cursor);
    assert.ok(total && total > 300, `hundreds of images (got ${total})`);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen.map((i) => i.id)).size, total);
    assert.equal(pages, Math.ceil(total / 37));
    assert.ok(seen.some((i) => i.owner === 'system') && seen.some((i) => i.owner === 'self') && seen.some((i) => i.owner === 'shared'));
    assert.ok(seen.some((i) => /[\u4e00-\u9fff]/.test(i.name)), 'some Chinese names');
  });

  it('keeps its place when the page-size setting changes between two "Load more"', async () => {
    const whole = (await provider.listImages({ regionId: 'cn-hangzhou', pageSize: 100 })).total ?? 0;
    const seen: string[] = [];
    let cursor: Cursor | undefined;
    for (let i = 0; ; i++) {
      const page = await provider.listImages({ regionId: 'cn-hangzhou', pageSize: [50, 30, 100, 7][i % 4]!, cursor });
      seen.push(...page.items.map((x) => x.id));
      cursor = page.next;
      if (!cursor) {
        break;
      }
    }
    assert.equal(seen.length, whole, 'nothing skipped');
    assert.equal(new Set(seen).size, whole, 'nothing twice');
  });

  it('loads all at PageSize 100 whatever the tree\u2019s page size, the rest several at a time, in order', async () => {
    const mark = emulator.requestLog.length;
    const seen: Image[] = [];
    await loadAllPages((req) => provider.listImages({ regionId: 'cn-wulanchabu', ...req }), {
      pageSize: provider.maxPageSize,
      onPage: (page) => seen.push(...page.items),
    });
    const total = seen.length;
    assert.ok(total > 4000, `thousands (got ${total})`);
    assert.equal(new Set(seen.map((i) => i.id)).size, total);
    assert.equal(emulator.requestsSince(mark).length, Math.ceil(total / 100));
    const once = await provider.listImages({ regionId: 'cn-wulanchabu', pageSize: 100, cursor: { kind: 'offset', offset: 1200 } });
    assert.deepEqual(seen.slice(1200, 1300).map((i) => i.id), once.items.map((i) => i.id), 'in list order');
  });

  it('gives the same data on every run (deterministic seed)', async () => {
    const other = new Emulator();
    await other.start();
    try {
      const p2 = new AlibabaEcsProvider({ http, credentials: other.credentials('alibaba'), endpoint: other.endpoints.alibaba });
      const a = await provider.listImages({ regionId: 'cn-shanghai', pageSize: 20 });
      const b = await p2.listImages({ regionId: 'cn-shanghai', pageSize: 20 });
      assert.deepEqual(a.items.map((i) => i.id), b.items.map((i) => i.id));
    } finally {
      await other.stop();
    }
  });

  it('returns an empty last page for an empty region', async () => {
    const page = await provider.listImages({ regionId: 'eu-central-1', pageSize: 50 });
    assert.equal(page.items.length, 0);
    assert.equal(page.total, 0);
    assert.equal(page.next, undefined);
  });

  it('maps Alibaba error bodies: an unknown region', async () => {
    const err = await provider.listImages({ regionId: 'xx-nowhere-1', pageSize: 10 }).catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'InvalidRegionId.NotFound');
    assert.equal(err.httpStatus, 400);
    assert.ok(err.requestId);
    assert.equal(err.retryable, false);
  });

  it('is rejected by the emulator when the secret is wrong, and works again when it is right', async () => {
    const creds = emulator.credentials('alibaba');
    emulator.setAccessKeySecret('alibaba', creds.accessKeyId, 'rotated-secret-0000000');
    try {
      const err = await provider.listRegions().catch((e: unknown) => e);
      assert.ok(err instanceof ProviderError);
      assert.equal(err.code, 'SignatureDoesNotMatch');
    } finally {
      emulator.setAccessKeySecret('alibaba', creds.accessKeyId, creds.accessKeySecret);
    }
    assert.ok((await provider.listRegions()).length > 0);
  });

  it('rejects a reused nonce and a stale timestamp', async () => {
    const fixed = new AlibabaEcsProvider({
      http,
      credentials: emulator.credentials('alibaba'),
      endpoint: emulator.endpoints.alibaba,
      nonce: () => 'same-nonce-every-time',
    });
    await fixed.listRegions();
    const reused = await fixed.listRegions().catch((e: unknown) => e);
    assert.equal((reused as ProviderError).code, 'SignatureNonceUsed');
    const stale = new AlibabaEcsProvider({
      http,
      credentials: emulator.credentials('alibaba'),
      endpoint: emulator.endpoints.alibaba,
      now: () => new Date(Date.now() - 20 * 60 * 1000),
    });
    const expired = await stale.listRegions().catch((e: unknown) => e);
    assert.equal((expired as ProviderError).code, 'InvalidTimeStamp.Expired');
  });
});
