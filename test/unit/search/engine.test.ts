// The search across accounts over real sockets against the emulator: every cloud's accounts and
// regions at once, results grouped by account and region (server-side filters where the cloud narrows
// to a superset, exact matching on the listed pages otherwise), IDs by shape only where they can be,
// a bound on what one region lists, a failing region reported while the others succeed, and Cancel
// asking nothing more.
import { strict as assert } from 'assert';
import { AlibabaEcsProvider } from '../../../src/providers/alibaba/provider';
import { BatchComputeProvider } from '../../../src/providers/batchcompute/provider';
import { HttpClient } from '../../../src/providers/transport/http';
import { HuaweiImsProvider } from '../../../src/providers/huawei/provider';
import type { AccountConfig, CloudKind, Image } from '../../../src/providers/core/model';
import type { ImageProvider } from '../../../src/providers/core/provider';
import { QingcloudProvider } from '../../../src/providers/qingcloud/provider';
import { ALIBABA_FILTERS } from '../../../src/providers/alibaba/provider';
import { BATCHCOMPUTE_FILTERS } from '../../../src/providers/batchcompute/provider';
import { HUAWEI_FILTERS } from '../../../src/providers/huawei/provider';
import { QINGCLOUD_FILTERS } from '../../../src/providers/qingcloud/provider';
import { LANE_GIVE_UP_MS, LANE_PAUSE_MS, listingPlan, searchAll, type RegionResult, type SearchTarget } from '../../../src/search/engine';
import { parseSearchQuery, type SearchQuery } from '../../../src/search/query';
import { Emulator } from '../../../src/sandbox/emulator';

function query(text: string): SearchQuery {
  const q = parseSearchQuery(text);
  assert.ok(typeof q !== 'string', `"${text}" is a query`);
  return q;
}

/** "cloud/region" -> ids found there, for the regions that found something. */
function grouped(results: readonly RegionResult[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const r of results) {
    for (const image of r.images) {
      assert.equal(image.regionId, r.target.region.id, 'an image is reported under its own region');
    }
    if (r.images.length) {
      out[`${r.target.account.cloud}/${r.target.region.id}`] = r.images.map((i) => i.id).sort();
    }
  }
  return out;
}

/** Each cloud's filter support, as its provider describes it (what the search reads from the provider). */
const FILTERS = { alibaba: ALIBABA_FILTERS, huawei: HUAWEI_FILTERS, qingcloud: QINGCLOUD_FILTERS, batchcompute: BATCHCOMPUTE_FILTERS };

describe('Search across accounts (against the emulator)', function () {
  this.timeout(60_000);
  const emulator = new Emulator();
  const http = new HttpClient({ sleep: () => Promise.resolve() });
  const providers = new Map<CloudKind, ImageProvider>();
  const targets: SearchTarget[] = [];

  function provider<T extends ImageProvider>(cloud: CloudKind): T {
    return providers.get(cloud) as T;
  }

  async function ownImage(cloud: CloudKind, regionId: string): Promise<Image> {
    const page = await provider(cloud).listImages({ regionId, pageSize: 50, filter: { owner: 'self' } });
    const image = page.items.find((i) => i.owner === 'self');
    assert.ok(image, `an own image in ${cloud}/${regionId}`);
    return image;
  }

  before(async () => {
    await emulator.start();
    const ctx = (cloud: CloudKind) => ({ http, credentials: emulator.credentials(cloud), endpoint: emulator.endpoints[cloud] });
    providers.set('alibaba', new AlibabaEcsProvider(ctx('alibaba')));
    providers.set('huawei', new HuaweiImsProvider(ctx('huawei')));
    providers.set('qingcloud', new QingcloudProvider(ctx('qingcloud')));
    providers.set('batchcompute', new BatchComputeProvider(ctx('batchcompute')));
    for (const [cloud, p] of providers) {
      const account: AccountConfig = { id: `acct-${cloud}`, name: `Sandbox ${cloud}`, cloud, sandbox: true };
      for (const region of await p.listRegions()) {
        targets.push({ account, region, provider: () => Promise.resolve(p) });
      }
    }
    assert.ok(targets.length > 20, 'every region of four clouds');
  });
  beforeEach(() => emulator.faults.clear());
  after(async () => {
    await emulator.stop();
    await http.close();
  });

  it('reads what was typed: IDs by their shape, tags, names', () => {
    assert.deepEqual(query('m-bp1abcdefghijklmnop'), { kind: 'id', ids: [{ id: 'm-bp1abcdefghijklmnop', clouds: ['alibaba'] }] });
    assert.deepEqual(query('img-abcd1234, img-abcd1234'), { kind: 'id', ids: [{ id: 'img-abcd1234', clouds: ['qingcloud'] }] });
    assert.deepEqual(query('env=prod'), { kind: 'tag', key: 'env', value: 'prod' });
    assert.deepEqual(query('env='), { kind: 'tag', key: 'env' });
    assert.deepEqual(query('tag:team'), { kind: 'tag', key: 'team' });
    assert.deepEqual(query('ubuntu 22'), { kind: 'name', text: 'ubuntu 22' });
    assert.deepEqual(query('name:a=b'), { kind: 'name', text: 'a=b' });
    assert.equal(parseSearchQuery('   '), 'empty');
    assert.equal(parseSearchQuery('=prod'), 'emptyKey');
  });

  it('sends the cloud a filter only where it narrows to a superset of the query', () => {
    assert.deepEqual(listingPlan({ kind: 'name', text: 'ubu' }, 'alibaba', FILTERS.alibaba).filter, { name: 'ubu' });
    assert.equal(listingPlan({ kind: 'name', text: 'ubu' }, 'huawei', FILTERS.huawei).filter, undefined, 'IMS matches whole names only');
    assert.deepEqual(listingPlan({ kind: 'tag', key: 'env', value: 'prod' }, 'huawei', FILTERS.huawei).filter, { tag: { key: 'env', value: 'prod' } });
    assert.equal(listingPlan({ kind: 'tag', key: 'env' }, 'huawei', FILTERS.huawei).filter, undefined, '"env." would ask for an empty value');
    assert.equal(listingPlan({ kind: 'tag', key: 'a.b', value: 'c' }, 'huawei', FILTERS.huawei).filter, undefined, 'a dotted key cannot be said to IMS');
    assert.deepEqual(listingPlan({ kind: 'tag', key: 'env', value: 'prod' }, 'qingcloud', FILTERS.qingcloud).filter, { tag: { key: 'env', value: '' } });
    assert.equal(listingPlan({ kind: 'name', text: 'x' }, 'batchcompute', FILTERS.batchcompute).filter, undefined);
  });

  it('finds a tag in every cloud at once, grouped by account and region; a key alone matches any value', async () => {
    const ali = await ownImage('alibaba', 'cn-shanghai');
    const hw = await ownImage('huawei', 'cn-east-3');
    const qc = await ownImage('qingcloud', 'sh1a');
    await provider('alibaba').tags!.addTags('cn-shanghai', [ali.id], [{ key: 'search-test', value: 'found' }]);
    await provider('huawei').tags!.addTags('cn-east-3', [hw.id], [{ key: 'search-test', value: 'found' }]);
    await provider('qingcloud').tags!.addTags('sh1a', [qc.id], [{ key: 'search-test', value: '' }]);

    const seen: string[] = [];
    const byValue = await searchAll(query('search-test=found'), targets, {
      signal: new AbortController().signal,
      onResult: (r) => seen.push(`${r.target.account.cloud}/${r.target.region.id}`),
    });
    assert.equal(byValue.length, targets.length, 'every region has an outcome');
    assert.equal(seen.length, targets.length, 'each reported as it came');
    assert.ok(byValue.every((r) => r.state === 'done'));
    // QingCloud tags are names without values: "search-test=found" is on no QingCloud image.
    assert.deepEqual(grouped(byValue), { 'alibaba/cn-shanghai': [ali.id], 'huawei/cn-east-3': [hw.id] });

    const byKey = await searchAll(query('search-test='), targets, { signal: new AbortController().signal });
    assert.deepEqual(grouped(byKey), { 'alibaba/cn-shanghai': [ali.id], 'huawei/cn-east-3': [hw.id], 'qingcloud/sh1a': [qc.id] });
  });

  it('looks an ID up only in the clouds its shape belongs to, with the batched lookups', async () => {
    const hw = await ownImage('huawei', 'cn-south-1');
    const qc = await ownImage('qingcloud', 'gd2');
    const mark = emulator.requestLog.length;
    const results = await searchAll(query(`${hw.id} ${qc.id}`), targets, { signal: new AbortController().signal });
    assert.deepEqual(grouped(results), { 'huawei/cn-south-1': [hw.id], 'qingcloud/gd2': [qc.id] });
    assert.ok(results.every((r) => r.target.account.cloud === 'huawei' || r.target.account.cloud === 'qingcloud'), 'no Alibaba or BatchCompute region is asked');
    const clouds = new Set(emulator.requestsSince(mark).map((r) => r.cloud));
    assert.deepEqual([...clouds].sort(), ['huawei', 'qingcloud']);
  });

  it('matches part of a name on the listed pages where the cloud matches whole names only', async () => {
    const hw = await ownImage('huawei', 'ap-southeast-1');
    const part = hw.name.slice(1, -1);
    const only = targets.filter((t) => t.account.cloud === 'huawei' && t.region.id === 'ap-southeast-1');
    const [result] = await searchAll(query(`name:${part}`), only, { signal: new AbortController().signal });
    assert.ok(result?.images.some((i) => i.id === hw.id), `"${part}" finds "${hw.name}"`);
    assert.ok(result.images.every((i) => i.name.toLowerCase().includes(part.toLowerCase())));
  });

  it('lists at most the bound in one region and says it searched only part of it', async () => {
    const big = targets.filter((t) => t.account.cloud === 'alibaba' && t.region.id === 'cn-wulanchabu');
    const mark = emulator.requestLog.length;
    const [result] = await searchAll(query('tag:env'), big, { signal: new AbortController().signal, maxScanned: 150 });
    assert.equal(result?.state, 'partial');
    assert.ok(result.scanned >= 150 && result.total !== undefined && result.scanned < result.total, `${result.scanned} of ${result.total}`);
    assert.ok(result.images.length > 0 && result.images.every((i) => i.tags.some((t) => t.key === 'env')));
    const pages = emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeImages').length;
    assert.ok(pages <= 4, `${pages} pages of 100 for a bound of 150`);
  });

  it('reports a failing region while the others succeed', async () => {
    emulator.faults.add({ kind: 'server-error', cloud: 'huawei', operation: 'ListImages' });
    const some = targets.filter((t) => (t.account.cloud === 'huawei' && t.region.id === 'cn-north-4') || t.account.cloud === 'qingcloud');
    const results = await searchAll(query('name:a'), some, { signal: new AbortController().signal });
    const failed = results.filter((r) => r.state === 'failed');
    assert.deepEqual(failed.map((r) => `${r.target.account.cloud}/${r.target.region.id}`), ['huawei/cn-north-4']);
    assert.ok(failed[0]!.error !== undefined);
    const others = results.filter((r) => r.target.account.cloud === 'qingcloud');
    assert.ok(others.every((r) => r.state === 'done'));
    assert.ok(others.some((r) => r.images.length > 0), 'the other regions found their images');
  });

  it('backs off a throttling account: fewer regions at once after each throttling, with growing pauses; the others and the end of the storm go on', async () => {
    const alibaba = targets.filter((t) => t.account.cloud === 'alibaba');
    const qingcloud = targets.filter((t) => t.account.cloud === 'qingcloud');
    assert.ok(alibaba.length >= 7, `${alibaba.length} Alibaba regions`);
    const lane = { initial: 4, max: 8 }; // the sandbox's 7 Alibaba regions: a lane narrower than LANE_LIMITS
    // A storm: every Alibaba listing throttled until the second pause, when it ends.
    emulator.faults.add({ kind: 'throttle', cloud: 'alibaba', operation: 'DescribeImages' });
    const pauses: number[] = [];
    /** The pause count when each Alibaba region was first asked. */
    const startedAt = new Map<string, number>();
    const counted = [...alibaba, ...qingcloud].map((t) => ({
      ...t,
      provider: async (): Promise<ImageProvider> => {
        const p = await t.provider();
        return Object.assign(Object.create(p) as ImageProvider, {
          listImages: (req: Parameters<ImageProvider['listImages']>[0]) => {
            if (t.account.cloud === 'alibaba' && !startedAt.has(t.region.id)) {
              startedAt.set(t.region.id, pauses.length);
            }
            return p.listImages(req);
          },
        });
      },
    }));
    const mark = emulator.requestLog.length;
    let beforeFirstPause = -1;
    const results = await searchAll(query('name:e'), counted, {
      signal: new AbortController().signal,
      lane,
      sleep: (ms) => {
        if (!pauses.length) {
          beforeFirstPause = emulator.requestsSince(mark).filter((r) => r.cloud === 'alibaba').length;
        }
        pauses.push(ms);
        if (pauses.length === 2) {
          emulator.faults.clear();
        }
        return Promise.resolve();
      },
    });
    const startsBetween = (n: number): number => [...startedAt.values()].filter((at) => at === n).length;
    assert.ok(startsBetween(0) <= lane.initial, `${startsBetween(0)} regions before the first pause`);
    assert.ok(startsBetween(1) <= lane.initial / 2, `${startsBetween(1)} regions between the first and second pauses`);
    assert.deepEqual(pauses, [LANE_PAUSE_MS.first, LANE_PAUSE_MS.first * 2], 'the second pause twice the first; none once the storm is over');
    // The requests sent into the storm before the first pause: those of the first regions only, not of every region.
    const perRegionMax = beforeFirstPause / Math.max(1, startsBetween(0));
    assert.ok(beforeFirstPause > 0 && startsBetween(0) < alibaba.length, `${beforeFirstPause} requests (${perRegionMax} per region) before the first pause`);
    // After the storm, the rest of the regions are searched; QingCloud (another lane) was never held up.
    const byCloud = (cloud: CloudKind, state: string): number => results.filter((r) => r.target.account.cloud === cloud && r.state === state).length;
    assert.equal(byCloud('qingcloud', 'done'), qingcloud.length);
    assert.equal(byCloud('alibaba', 'done') + byCloud('alibaba', 'partial'), alibaba.length, 'the regions stopped by the storm were asked again after it: every one done');
    assert.ok(startsBetween(2) > 0, 'some regions were left for after the storm');
    assert.equal(startedAt.size, alibaba.length, 'every Alibaba region was searched');
    // Each try sends one throttled request (no HTTP retries into the storm): the first burst, then half of it.
    const throttled = emulator.requestsSince(mark).filter((r) => r.fault === 'throttle').length;
    assert.ok(throttled <= lane.initial + lane.initial / 2, `${throttled} throttled requests`);
  });

  it('Huawei and BatchCompute lanes hear throttling at its first answer too: one request per try, every region done after the storm', async () => {
    const some = targets.filter((t) => t.account.cloud === 'huawei' || t.account.cloud === 'batchcompute');
    emulator.faults.add({ kind: 'throttle', cloud: 'huawei' });
    emulator.faults.add({ kind: 'throttle', cloud: 'batchcompute' });
    const lane = { initial: 4, max: 8 };
    let pauses = 0;
    const mark = emulator.requestLog.length;
    const results = await searchAll(query('name:e'), some, {
      signal: new AbortController().signal,
      lane,
      sleep: () => {
        if (++pauses === 4) {
          emulator.faults.clear(); // two pauses of each lane, about
        }
        return Promise.resolve();
      },
    });
    assert.ok(results.every((r) => r.state === 'done' || r.state === 'partial'), results.map((r) => r.state).join());
    for (const cloud of ['huawei', 'batchcompute'] as const) {
      const throttled = emulator.requestsSince(mark).filter((r) => r.cloud === cloud && r.fault === 'throttle').length;
      assert.ok(throttled > 0 && throttled <= 2 * lane.initial, `${cloud}: ${throttled} throttled requests`);
    }
  });

  it('gives up on an account the cloud keeps throttling: its regions fail with the throttling, the rest unasked', async () => {
    const alibaba = targets.filter((t) => t.account.cloud === 'alibaba');
    emulator.faults.add({ kind: 'throttle', cloud: 'alibaba', operation: 'DescribeImages' });
    const pauses: number[] = [];
    const mark = emulator.requestLog.length;
    const results = await searchAll(query('name:e'), alibaba, {
      signal: new AbortController().signal,
      lane: { initial: 4, max: 8 },
      sleep: (ms) => (pauses.push(ms), Promise.resolve()),
    });
    assert.ok(results.every((r) => r.state === 'failed'), results.map((r) => r.state).join());
    assert.ok(pauses.reduce((a, b) => a + b, 0) >= LANE_GIVE_UP_MS, `${pauses.length} pauses`);
    assert.ok(pauses.every((ms) => ms <= LANE_PAUSE_MS.max));
    const sent = emulator.requestsSince(mark).length;
    // One request per try (4, then 2, then one after each pause); the last try, once the lane gives up, with
    // its retries (the paging helper's 2 tries of the HTTP layer's 4 attempts) to report the cloud's own error.
    assert.ok(sent <= 4 + 2 + pauses.length + 2 * 4, `${sent} requests for ${pauses.length} pauses`);
    assert.ok(results.some((r) => r.error !== undefined));
  });

  it('Cancel stops the search: no region starts after it, and nothing more is asked', async () => {
    emulator.faults.addLatency({ ms: 100 });
    const controller = new AbortController();
    let asked = 0;
    let askedAfterCancel = 0;
    let cancelled = false;
    // The same providers, counting the listings asked for (and those asked once Cancel came).
    const counted = targets.map((t) => ({
      ...t,
      provider: async (): Promise<ImageProvider> => {
        const p = await t.provider();
        return Object.assign(Object.create(p) as ImageProvider, {
          listImages: (req: Parameters<ImageProvider['listImages']>[0]) => {
            asked++;
            askedAfterCancel += controller.signal.aborted ? 1 : 0;
            return p.listImages(req);
          },
        });
      },
    }));
    const results = await searchAll(query('name:e'), counted, {
      signal: controller.signal,
      concurrency: 2,
      onResult: () => {
        if (!cancelled) {
          cancelled = true;
          controller.abort();
        }
      },
    });
    assert.ok(asked > 0);
    assert.equal(askedAfterCancel, 0, 'no listing is asked for after Cancel');
    const stopped = results.filter((r) => r.state === 'cancelled');
    // One region ended (and cancelled the search), at most one other was under way; none of the rest started.
    assert.ok(stopped.length >= targets.length - 2, `${stopped.length} of ${targets.length} regions cancelled`);
    assert.ok(results.length === targets.length);
  });
});
