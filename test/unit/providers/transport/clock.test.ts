// A request refused because this machine's clock is off is reported as clock skew, with the skew the
// answer's Date header shows, on every cloud; a refusal with agreeing clocks keeps the cloud's reason.
import { strict as assert } from 'assert';
import { createProvider } from '../../../../src/providers/stack';
import { ClockSkewError, interpretWithClock } from '../../../../src/providers/transport/clock';
import { ProviderError } from '../../../../src/providers/core/errors';
import { HttpClient, type HttpResponse } from '../../../../src/providers/transport/http';
import { HUAWEI_CLOCK, interpretHuawei } from '../../../../src/providers/huawei/client';
import type { CloudKind } from '../../../../src/providers/core/model';
import { Emulator } from '../../../../src/sandbox/emulator';

const MINUTE = 60_000;
const REGION: Record<CloudKind, string> = { alibaba: 'cn-hangzhou', huawei: 'cn-north-4', qingcloud: 'pek3', batchcompute: 'cn-hangzhou' };

describe('Clock skew', () => {
  // Whole seconds, as the Date header has them: the measured skew is then exact.
  const cloudNow = Math.floor(Date.now() / 1000) * 1000;
  const emulator = new Emulator({ now: () => cloudNow });
  const http = new HttpClient({ sleep: () => Promise.resolve() });

  before(() => emulator.start());
  after(async () => {
    await http.close();
    await emulator.stop();
  });

  async function refusal(cloud: CloudKind, offsetMs: number): Promise<unknown> {
    const provider = createProvider(cloud, {
      http,
      credentials: emulator.credentials(cloud),
      endpoint: emulator.endpoints[cloud],
      now: () => new Date(cloudNow + offsetMs),
    });
    return provider.listImages({ regionId: REGION[cloud], pageSize: 10 }).catch((e: unknown) => e);
  }

  for (const cloud of ['alibaba', 'huawei', 'batchcompute'] as const) {
    it(`${cloud}: a clock 20 minutes slow is reported as 20 minutes behind, not retried`, async () => {
      const err = await refusal(cloud, -20 * MINUTE);
      assert.ok(err instanceof ClockSkewError, String(err));
      assert.equal(err.skewMs, 20 * MINUTE);
      assert.equal(err.allowedMs, 15 * MINUTE);
      assert.equal(err.attempts, 1);
      assert.match(err.message, /1200 s behind/);
    });
  }

  it('qingcloud: a clock 5 minutes fast is reported as ahead (1300, 60 s accepted)', async () => {
    const err = await refusal('qingcloud', 5 * MINUTE);
    assert.ok(err instanceof ClockSkewError, String(err));
    assert.deepEqual([err.code, err.skewMs, err.allowedMs], ['1300', -5 * MINUTE, MINUTE]);
    assert.match(err.message, /300 s ahead of/);
  });

  it('works within the window: 10 minutes on Alibaba, 30 s on QingCloud', async () => {
    const alibaba = createProvider('alibaba', { http, credentials: emulator.credentials('alibaba'), endpoint: emulator.endpoints.alibaba, now: () => new Date(cloudNow - 10 * MINUTE) });
    assert.ok((await alibaba.listRegions()).length > 0);
    const qingcloud = createProvider('qingcloud', { http, credentials: emulator.credentials('qingcloud'), endpoint: emulator.endpoints.qingcloud, now: () => new Date(cloudNow + 30_000) });
    assert.ok((await qingcloud.listRegions()).length > 0);
  });

  describe('the Huawei gateway, which answers a stale X-Sdk-Date with its authentication code', () => {
    const answer = (date: number, message: string): HttpResponse => ({
      status: 401,
      headers: { date: new Date(date).toUTCString(), 'content-type': 'application/json' },
      body: JSON.stringify({ error_code: 'APIGW.0301', error_msg: `Incorrect IAM authentication information: ${message}`, request_id: 'r1' }),
    });
    const now = new Date(cloudNow);
    const outcome = (res: HttpResponse): unknown => {
      try {
        return interpretWithClock(interpretHuawei, res, now, HUAWEI_CLOCK);
      } catch (err) {
        return err;
      }
    };

    it('is clock skew when the clocks measurably differ beyond 15 minutes', () => {
      const err = outcome(answer(cloudNow + 16 * MINUTE, 'verify aksk signature fail'));
      assert.ok(err instanceof ClockSkewError);
      assert.equal(err.skewMs, 16 * MINUTE);
      assert.equal(err.code, 'APIGW.0301');
    });

    it('stays a signature failure when the clocks agree', () => {
      const err = outcome(answer(cloudNow + 2_000, 'verify aksk signature fail'));
      assert.ok(err instanceof ProviderError && !(err instanceof ClockSkewError));
    });

    it('is clock skew, unmeasured, when the gateway says "signature expired" and sends no Date', () => {
      const res = answer(cloudNow, 'signature expired, signature time:20230527T000431Z,server time:20230527T020608Z');
      const err = outcome({ ...res, headers: { 'content-type': 'application/json' } });
      assert.ok(err instanceof ClockSkewError);
      assert.equal(err.skewMs, undefined);
    });
  });
});
