// Batched lookups of image IDs over real sockets against the emulator: each cloud's batch form (Alibaba's
// ImageId list, QingCloud's images.N, Huawei's id filter or listing, BatchCompute by GET or listing), and the
// shared lookups above them: one lookup per ID at a time, answers kept, abandoned lookups aborted.
import { strict as assert } from 'assert';
import { Flights } from '../../../src/editor/flights';
import { AlibabaEcsProvider } from '../../../src/providers/alibaba/provider';
import { BatchComputeProvider } from '../../../src/providers/batchcompute/provider';
import { ProviderError } from '../../../src/providers/core/errors';
import { HttpClient } from '../../../src/providers/transport/http';
import { HuaweiImsProvider } from '../../../src/providers/huawei/provider';
import type { CloudKind, Image } from '../../../src/providers/core/model';
import type { ImageProvider } from '../../../src/providers/core/provider';
import { QingcloudProvider } from '../../../src/providers/qingcloud/provider';
import { Emulator } from '../../../src/sandbox/emulator';
import { allImages } from '../helpers/providerHarness';

describe('Batched image lookups (against the emulator)', () => {
  const emulator = new Emulator();
  const http = new HttpClient({ sleep: () => Promise.resolve() });
  let alibaba: AlibabaEcsProvider;
  let huawei: HuaweiImsProvider;
  let qingcloud: QingcloudProvider;
  let batchcompute: BatchComputeProvider;

  function ctx(cloud: CloudKind): ConstructorParameters<typeof AlibabaEcsProvider>[0] {
    return { http, credentials: emulator.credentials(cloud), endpoint: emulator.endpoints[cloud] };
  }

  /** Requests of one operation since a mark. */
  function calls(mark: number, cloud: CloudKind, operation: string): number {
    return emulator.requestsSince(mark).filter((r) => r.cloud === cloud && r.operation === operation).length;
  }

  function idsOf(images: readonly Image[]): string[] {
    return images.map((i) => i.id).sort();
  }

  before(async () => {
    await emulator.start();
    alibaba = new AlibabaEcsProvider(ctx('alibaba'));
    huawei = new HuaweiImsProvider(ctx('huawei'));
    qingcloud = new QingcloudProvider(ctx('qingcloud'));
    batchcompute = new BatchComputeProvider(ctx('batchcompute'));
  });
  beforeEach(() => emulator.faults.clear());
  after(async () => {
    await emulator.stop();
    await http.close();
  });

  it('Alibaba: 100 IDs a DescribeImages request, in any status; unknown and repeated IDs cost nothing more', async () => {
    const available = (await allImages(alibaba, 'cn-hangzhou', 100)).filter((i) => i.id.startsWith('m-') && i.status === 'Available');
    const creating = (await alibaba.listImages({ regionId: 'cn-hangzhou', pageSize: 100, filter: { status: 'Creating' } })).items;
    assert.ok(creating.length > 0);
    const known = [...creating, ...available].slice(0, 150);
    const asked = [...known.map((i) => i.id), 'm-bp000000000000000000', 'm-bp000000000000000001', known[0]!.id];
    const mark = emulator.requestLog.length;
    const found = await alibaba.findImages('cn-hangzhou', asked);
    assert.deepEqual(idsOf(found), idsOf(known));
    assert.equal(calls(mark, 'alibaba', 'DescribeImages'), 2, '152 distinct IDs: 100 + 52');
    assert.deepEqual(await alibaba.findImages('cn-shanghai', known.slice(0, 3).map((i) => i.id)), [], 'another region does not have them');
  });

  it('QingCloud: 100 IDs a DescribeImages request (images.N); a batch with an unknown ID (2100) still resolves', async () => {
    const known = (await allImages(qingcloud, 'pek3', 100)).filter((i) => /^img-/.test(i.id)).slice(0, 120);
    let mark = emulator.requestLog.length;
    const first = await qingcloud.findImages('pek3', known.slice(0, 100).map((i) => i.id));
    assert.deepEqual(idsOf(first), idsOf(known.slice(0, 100)));
    assert.equal(calls(mark, 'qingcloud', 'DescribeImages'), 1);
    mark = emulator.requestLog.length;
    const found = await qingcloud.findImages('pek3', [...known.map((i) => i.id), 'img-zzzzzzzz']);
    assert.deepEqual(idsOf(found), idsOf(known));
    // The full batch, the one with the unknown ID (2100, as QingCloud documents), then the zone's own,
    // system and shared images by pages of 100 until every ID was seen (260 images in pek3).
    const n = calls(mark, 'qingcloud', 'DescribeImages');
    assert.ok(n >= 3 && n <= 2 + Math.ceil(260 / 100) + 2, String(n));
  });

  it('Huawei: a few IDs by the id filter, more by one listing of the region', async () => {
    const known = (await allImages(huawei, 'cn-north-4', 500)).slice(0, 40);
    const unknown = '00000000-0000-4000-8000-000000000000';
    let mark = emulator.requestLog.length;
    const few = await huawei.findImages('cn-north-4', [known[0]!.id, known[1]!.id, unknown]);
    assert.deepEqual(idsOf(few), idsOf(known.slice(0, 2)));
    assert.equal(calls(mark, 'huawei', 'ListImages'), 3, 'one ListImages ?id= each');
    mark = emulator.requestLog.length;
    const many = await huawei.findImages('cn-north-4', [...known.map((i) => i.id), unknown]);
    assert.deepEqual(idsOf(many), idsOf(known));
    assert.equal(calls(mark, 'huawei', 'ListImages'), 1, '310 images: one page of 500');
  });

  it('BatchCompute: a few IDs one GetImage each, more from one listing of the region (no batch form)', async () => {
    const listed = await allImages(batchcompute, 'cn-beijing', 100);
    const few = listed.slice(0, 2);
    let mark = emulator.requestLog.length;
    const foundFew = await batchcompute.findImages('cn-beijing', [...few.map((i) => i.id), 'img-000000000000000000000000']);
    assert.deepEqual(idsOf(foundFew), idsOf(few));
    assert.equal(calls(mark, 'batchcompute', 'GetImage'), 3);
    assert.equal(calls(mark, 'batchcompute', 'ListImages'), 0);

    const many = listed.filter((_, n) => n % 2 === 0);
    const unknown = Array.from({ length: 995 }, (_, n) => `img-${String(n).padStart(24, '0')}`);
    mark = emulator.requestLog.length;
    const foundMany = await batchcompute.findImages('cn-beijing', [...many.map((i) => i.id), ...unknown]);
    assert.deepEqual(idsOf(foundMany), idsOf(many));
    assert.equal(calls(mark, 'batchcompute', 'GetImage'), 0, 'no request per ID');
    assert.equal(calls(mark, 'batchcompute', 'ListImages'), Math.ceil(listed.length / 100) + 1, 'one listing: its pages and the end of each type');
  });

  describe('shared lookups', () => {
    let images: Image[];
    let runs: Promise<unknown>[];
    let clock: number;

    function flightsOver(provider: ImageProvider, regionId: string): Flights<Image> {
      return new Flights<Image>(
        (ids, signal) => {
          const run = provider.findImages(regionId, ids, signal).then((found) => new Map(found.map((i) => [i.id, i])));
          runs.push(run.catch((e: unknown) => e));
          return run;
        },
        { ttlMs: 60_000, now: () => clock },
      );
    }

    before(async () => {
      images = (await allImages(alibaba, 'cn-beijing', 100)).filter((i) => i.id.startsWith('m-'));
    });
    beforeEach(() => {
      runs = [];
      clock = 0;
    });

    it('asks for an ID once while it is being looked up, keeps the answer, and asks again on refresh', async () => {
      const flights = flightsOver(alibaba, 'cn-beijing');
      const [a, b, c] = images.map((i) => i.id);
      const mark = emulator.requestLog.length;
      const [first, second] = await Promise.all([flights.get([a!, b!]), flights.get([b!])]);
      assert.deepEqual([...first.keys()].sort(), [a!, b!].sort());
      assert.equal(second.get(b!)?.id, b);
      assert.equal(calls(mark, 'alibaba', 'DescribeImages'), 1, 'the second caller joined the first lookup');
      const third = await flights.get([a!, c!]);
      assert.equal(third.size, 2);
      assert.equal(calls(mark, 'alibaba', 'DescribeImages'), 2, 'only c was asked for');
      await flights.get([a!, b!]);
      assert.equal(calls(mark, 'alibaba', 'DescribeImages'), 2, 'kept answers');
      clock += 60_000;
      assert.equal(flights.peek(a!), undefined, 'too old to use');
      assert.equal(flights.peek(a!, true)?.id, a, 'still there to draw with');
      await flights.get([a!], undefined, true);
      assert.equal(calls(mark, 'alibaba', 'DescribeImages'), 3);
    });

    it('aborts a lookup when its only caller goes away, and starts afresh for the next', async () => {
      emulator.faults.addLatency({ cloud: 'alibaba', operation: 'DescribeImages', ms: 300 });
      const flights = flightsOver(alibaba, 'cn-beijing');
      const id = images[3]!.id;
      const gone = new AbortController();
      const pending = flights.get([id], gone.signal);
      assert.ok(flights.inFlight(id));
      gone.abort();
      await assert.rejects(pending, (e: unknown) => ProviderError.isAbort(e));
      assert.ok(!flights.inFlight(id), 'a new caller will not join the aborted lookup');
      assert.ok(ProviderError.isAbort(await runs[0]), 'the request itself was aborted');
      const again = await flights.get([id]);
      assert.equal(again.get(id)?.id, id);
      assert.equal(runs.length, 2);
    });

    it('keeps a lookup going while another caller still waits for it', async () => {
      emulator.faults.addLatency({ cloud: 'alibaba', operation: 'DescribeImages', ms: 300 });
      const flights = flightsOver(alibaba, 'cn-beijing');
      const id = images[4]!.id;
      const hover = new AbortController();
      const fromHover = flights.get([id], hover.signal);
      const fromCheck = flights.get([id]);
      hover.abort();
      await assert.rejects(fromHover, (e: unknown) => ProviderError.isAbort(e));
      assert.equal((await fromCheck).get(id)?.id, id);
      assert.equal(runs.length, 1);
      assert.ok(!(await runs[0] instanceof Error), 'the shared request was not aborted');
    });
  });
});
