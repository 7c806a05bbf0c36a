// The shared HTTP layer, over real sockets against the emulator: retry on throttling and 5xx,
// give up after the limit with the cloud's Code and RequestId, and honour cancellation.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { AlibabaEcsProvider } from '../../../../src/providers/alibaba/provider';
import { HttpClient, regionOf } from '../../../../src/providers/transport/http';
import { AlibabaRpcClient, ECS_API } from '../../../../src/providers/alibaba/client';
import { ProviderError } from '../../../../src/providers/core/errors';

describe('HTTP layer (against the emulator)', () => {
  let emulator: Emulator;
  const sleeps: number[] = [];
  const fastSleep = (ms: number): Promise<void> => {
    sleeps.push(ms);
    return Promise.resolve();
  };

  before(async () => {
    emulator = new Emulator({ hangMs: 2_000 });
    await emulator.start();
  });
  after(() => emulator.stop());
  beforeEach(() => {
    emulator.faults.clear();
    sleeps.length = 0;
  });

  function provider(http: HttpClient): AlibabaEcsProvider {
    return new AlibabaEcsProvider({ http, credentials: emulator.credentials('alibaba'), endpoint: emulator.endpoints.alibaba });
  }

  it('retries a throttled request and then succeeds', async () => {
    emulator.faults.add({ kind: 'throttle', cloud: 'alibaba', operation: 'DescribeRegions', times: 2 });
    const mark = emulator.requestLog.length;
    const regions = await provider(new HttpClient({ sleep: fastSleep })).listRegions();
    assert.ok(regions.length >= 3);
    const calls = emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeRegions');
    assert.deepEqual(calls.map((c) => c.errorCode ?? 'ok'), ['Throttling.User', 'Throttling.User', 'ok']);
    assert.equal(sleeps.length, 2);
    assert.ok(sleeps[1]! >= sleeps[0]! / 2, 'backoff does not shrink');
  });

  it('gives up after its limit with a ProviderError that carries the cloud Code and RequestId', async () => {
    emulator.faults.add({ kind: 'throttle', cloud: 'alibaba', operation: 'DescribeRegions' });
    const mark = emulator.requestLog.length;
    const err = await provider(new HttpClient({ sleep: fastSleep, maxAttempts: 3 })).listRegions().then(
      () => assert.fail('should have failed'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'Throttling.User');
    assert.equal(err.cloud, 'alibaba');
    assert.equal(err.httpStatus, 400);
    assert.match(err.requestId ?? '', /^[0-9A-F-]{36}$/);
    assert.equal(err.attempts, 3);
    assert.equal(emulator.requestsSince(mark).length, 3);
  });

  it('retries a 5xx and a connection reset', async () => {
    emulator.faults.add({ kind: 'server-error', cloud: 'alibaba', operation: 'DescribeRegions', times: 1 });
    emulator.faults.add({ kind: 'reset', cloud: 'alibaba', operation: 'DescribeRegions', times: 1 });
    const regions = await provider(new HttpClient({ sleep: fastSleep })).listRegions();
    assert.ok(regions.length > 0);
    assert.equal(sleeps.length, 2);
  });

  it('does not retry a signature error, and says so', async () => {
    const http = new HttpClient({ sleep: fastSleep });
    const bad = new AlibabaEcsProvider({
      http,
      credentials: { accessKeyId: emulator.credentials('alibaba').accessKeyId, accessKeySecret: 'not-the-secret' },
      endpoint: emulator.endpoints.alibaba,
    });
    const err = await bad.listRegions().catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'SignatureDoesNotMatch');
    assert.equal(err.attempts, 1);
    assert.equal(sleeps.length, 0);
  });

  it('asks a read again after a malformed 2xx body, and maps one that stays malformed to BadResponse', async () => {
    emulator.faults.add({ kind: 'malformed', cloud: 'alibaba', operation: 'DescribeRegions', times: 1 });
    assert.ok((await provider(new HttpClient({ sleep: fastSleep })).listRegions()).length > 0);
    assert.equal(sleeps.length, 1);
    emulator.faults.add({ kind: 'malformed', cloud: 'alibaba', operation: 'DescribeRegions' });
    const err = await provider(new HttpClient({ sleep: fastSleep, maxAttempts: 2 })).listRegions().catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'BadResponse');
    assert.equal(err.attempts, 2);
  });

  it('refuses a body larger than its cap without keeping it, and does not ask again', async () => {
    const mark = emulator.requestLog.length;
    const err = await provider(new HttpClient({ sleep: fastSleep, maxBodyBytes: 2_000 }))
      .listImages({ regionId: 'cn-hangzhou', pageSize: 100 })
      .catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'ResponseTooLarge');
    assert.match(err.message, /larger than/);
    assert.equal(emulator.requestsSince(mark).length, 1);
    // Under the cap, the same page is read whole.
    const page = await provider(new HttpClient({ sleep: fastSleep })).listImages({ regionId: 'cn-hangzhou', pageSize: 100 });
    assert.equal(page.items.length, 100);
  });

  it('times out a request that hangs, then retries it', async () => {
    emulator.faults.add({ kind: 'timeout', cloud: 'alibaba', operation: 'DescribeRegions', times: 1 });
    const regions = await provider(new HttpClient({ sleep: fastSleep, timeoutMs: 300 })).listRegions();
    assert.ok(regions.length > 0);
    assert.equal(sleeps.length, 1);
  });

  it('stops at once when the caller aborts', async () => {
    emulator.faults.add({ kind: 'timeout', cloud: 'alibaba', operation: 'DescribeRegions', times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const http = new HttpClient({ sleep: fastSleep, timeoutMs: 5_000 });
    const err = await provider(http).listRegions(controller.signal).catch((e: unknown) => e);
    assert.ok(ProviderError.isAbort(err), String(err));
    assert.equal(sleeps.length, 0);
  });

  describe('a reply that sends its headers and then nothing (the emulator\'s stall fault)', () => {
    // The emulator holds a stalled reply for 2 s; the overall timeout is far longer (30 s): only the idle
    // timeout can end these reads before mocha's 20 s.
    const stalled = (): HttpClient => new HttpClient({ sleep: fastSleep, idleTimeoutMs: 150 });

    it('gives up a stalled read after the idle timeout and asks again once, which gets the answer', async () => {
      emulator.faults.add({ kind: 'stall', cloud: 'alibaba', operation: 'DescribeImages', times: 1 });
      const mark = emulator.requestLog.length;
      const page = await provider(stalled()).listImages({ regionId: 'cn-hangzhou', pageSize: 10 });
      assert.equal(page.items.length, 10);
      const calls = emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeImages');
      assert.deepEqual(calls.map((c) => c.fault ?? 'ok'), ['stall', 'ok']);
    });

    it('says which cloud and region stalled when it stalls again, and Retry then works', async () => {
      emulator.faults.add({ kind: 'stall', cloud: 'alibaba', operation: 'DescribeImages', times: 2 });
      const mark = emulator.requestLog.length;
      const http = stalled();
      const err = await provider(http).listImages({ regionId: 'cn-beijing', pageSize: 10 }).catch((e: unknown) => e);
      assert.ok(err instanceof ProviderError, String(err));
      assert.equal(err.code, 'Timeout');
      assert.equal(err.retryable, true);
      assert.equal(err.attempts, 2, 'one more attempt after a stall, not four');
      assert.match(err.message, /Alibaba Cloud ECS \(region cn-beijing\) sent the headers of its answer \(HTTP 200\) and then nothing for 0\.2 s/);
      assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeImages').length, 2);
      // The user's Retry: the same read again, the server answering this time.
      const page = await provider(http).listImages({ regionId: 'cn-beijing', pageSize: 10 });
      assert.equal(page.items.length, 10);
    });

    it('never sends a change twice: a stalled mutation ends with its outcome unknown, sent once', async () => {
      const [image] = (await provider(stalled()).listImages({ regionId: 'cn-hangzhou', pageSize: 1, filter: { owner: 'self' } })).items;
      assert.ok(image);
      emulator.faults.add({ kind: 'stall', cloud: 'alibaba', operation: 'ModifyImageAttribute', times: 1 });
      const mark = emulator.requestLog.length;
      const rpc = new AlibabaRpcClient({ http: stalled(), credentials: emulator.credentials('alibaba'), endpoint: emulator.endpoints.alibaba }, ECS_API);
      const err = await rpc.mutate('ModifyImageAttribute', { RegionId: 'cn-hangzhou', ImageId: image.id, Description: 'stalled' }).catch((e: unknown) => e);
      assert.ok(ProviderError.isOutcomeUnknown(err), String(err));
      assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'ModifyImageAttribute').length, 1);
    });

    it('finds the region of a request in its parameters, its form body or its host', () => {
      assert.equal(regionOf({ method: 'GET', url: 'http://127.0.0.1:1/?Action=X&RegionId=cn-shanghai', headers: {} }), 'cn-shanghai');
      assert.equal(regionOf({ method: 'POST', url: 'http://127.0.0.1:1/iaas/', headers: {}, body: 'action=DescribeImages&zone=pek3' }), 'pek3');
      assert.equal(regionOf({ method: 'GET', url: 'https://ims.cn-north-4.myhuaweicloud.com/v2/cloudimages', headers: {} }), 'cn-north-4');
      assert.equal(regionOf({ method: 'GET', url: 'https://x/', headers: {}, region: 'ap-southeast-1' }), 'ap-southeast-1');
      assert.equal(regionOf({ method: 'GET', url: 'https://ecs.aliyuncs.com/', headers: {} }), undefined);
    });
  });
});
