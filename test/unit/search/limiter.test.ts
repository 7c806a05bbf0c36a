// The search's per-account limiter on a simulated clock: additive increase on unthrottled answers,
// halving once per throttling event, pauses that double while the throttling goes on and reset after it,
// giving up after a long storm, and a 60-second storm against a cloud model: the requests sent into it
// stay few, and the limit climbs back once it is over.
import { strict as assert } from 'assert';
import { AdaptiveLimiter, type LimiterOptions } from '../../../src/search/limiter';
import { SimulatedClock } from '../helpers/simulatedClock';

const PAUSE = { first: 1_000, max: 30_000 };

function limiterOn(clock: SimulatedClock, over: Partial<LimiterOptions> = {}, signal = new AbortController().signal): AdaptiveLimiter {
  return new AdaptiveLimiter({ initial: 8, max: 16, pause: PAUSE, giveUpAfterMs: 120_000, sleep: (ms, s) => clock.sleep(ms, s), ...over }, signal);
}

/** Whether `p` has settled once the clock has moved `ms` on. */
async function settledAfter(clock: SimulatedClock, p: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void p.then(() => (settled = true));
  await clock.advance(ms);
  return settled;
}

describe('AdaptiveLimiter (simulated clock)', () => {
  it('starts at its initial limit and grows by one with each unthrottled answer, up to its maximum', async () => {
    const clock = new SimulatedClock();
    const limiter = limiterOn(clock, { initial: 2, max: 3 });
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    const third = limiter.acquire();
    assert.equal(await settledAfter(clock, third, 0), false, 'a third waits at a limit of 2');
    limiter.release(a!, true);
    assert.equal(limiter.limit, 3);
    assert.equal(await settledAfter(clock, third, 0), true, 'a release lets the waiting one go');
    limiter.release(b!, true);
    limiter.release((await third)!, true);
    assert.equal(limiter.limit, 3, 'never above its maximum');
  });

  it('halves once per throttling event: what was under way before the cut is the same event', async () => {
    const clock = new SimulatedClock();
    const limiter = limiterOn(clock);
    const slots = await Promise.all(Array.from({ length: 8 }, () => limiter.acquire()));
    slots.forEach((s) => limiter.throttled(s!));
    assert.equal(limiter.limit, 4, 'eight throttled answers of one burst: halved once');
    slots.forEach((s) => limiter.release(s!, false));
    await clock.advance(PAUSE.first);
    const next = await limiter.acquire();
    limiter.throttled(next!);
    assert.equal(limiter.limit, 2, 'a request started after the cut is a new event');
    limiter.release(next!, false);
  });

  it('pauses after throttling, the pause doubling while it goes on and back to the first after an unthrottled answer', async () => {
    const clock = new SimulatedClock();
    const limiter = limiterOn(clock);
    const first = (await limiter.acquire())!;
    limiter.throttled(first);
    limiter.release(first, false);
    assert.ok(limiter.paused);
    const duringFirst = limiter.acquire();
    assert.equal(await settledAfter(clock, duringFirst, PAUSE.first - 1), false, 'nothing starts during the pause');
    assert.equal(await settledAfter(clock, duringFirst, 1), true, 'the first pause is over');
    const second = (await duringFirst)!;
    limiter.throttled(second);
    limiter.release(second, false);
    const duringSecond = limiter.acquire();
    assert.equal(await settledAfter(clock, duringSecond, 2 * PAUSE.first - 1), false, 'the second pause is twice the first');
    assert.equal(await settledAfter(clock, duringSecond, 1), true);
    limiter.release((await duringSecond)!, true);
    const third = (await limiter.acquire())!;
    limiter.throttled(third);
    limiter.release(third, false);
    assert.equal(await settledAfter(clock, limiter.acquire(), PAUSE.first), true, 'after an unthrottled answer the pause is the first again');
  });

  it('is exhausted once its pauses in a row add up to the give-up time, and not before', async () => {
    const clock = new SimulatedClock();
    const limiter = limiterOn(clock, { giveUpAfterMs: 7_000 });
    for (const pause of [1_000, 2_000, 4_000]) {
      assert.equal(limiter.exhausted, false);
      const slot = (await limiter.acquire())!;
      limiter.throttled(slot);
      limiter.release(slot, false);
      await clock.advance(pause);
    }
    assert.equal(limiter.exhausted, true, 'after 1 + 2 + 4 s of pauses');
    const slot = (await limiter.acquire())!;
    limiter.release(slot, true);
    assert.equal(limiter.exhausted, false, 'an unthrottled answer starts the count again');
  });

  it('a cancelled search waits no more: its pause and its waiting acquisitions end at once', async () => {
    const clock = new SimulatedClock();
    const controller = new AbortController();
    const limiter = limiterOn(clock, { initial: 1 }, controller.signal);
    limiter.throttled((await limiter.acquire())!);
    const waiting = limiter.acquire();
    controller.abort();
    assert.equal(await settledAfter(clock, waiting, 0), true);
    assert.equal(await waiting, undefined);
  });

  it('in a 60-second storm sends few requests into it, and is back at its maximum soon after it ends', async () => {
    const clock = new SimulatedClock();
    const start = clock.now();
    const stormEnds = start + 60_000;
    const limiter = limiterOn(clock);
    let inStorm = 0;
    let afterStorm = 0;
    let highest = 0;
    const ROUND_TRIP = 50;
    // 200 requests to make, each one round trip; the cloud throttles every one answered in the storm.
    let left = 200;
    const worker = async (): Promise<void> => {
      for (;;) {
        const slot = await limiter.acquire();
        if (slot === undefined || left <= 0) {
          if (slot !== undefined) {
            limiter.release(slot, false);
          }
          return;
        }
        left--;
        highest = Math.max(highest, limiter.running);
        await clock.sleep(ROUND_TRIP);
        if (clock.now() < stormEnds) {
          inStorm++;
          left++; // to be asked again
          limiter.throttled(slot);
          limiter.release(slot, false);
        } else {
          afterStorm++;
          limiter.release(slot, true);
        }
      }
    };
    const workers = Promise.all(Array.from({ length: 16 }, worker));
    await clock.advance(120_000);
    await workers;
    assert.equal(afterStorm, 200, 'every request made once the storm was over');
    // 8 at the start, then 4, 2 and 1 per pause (1, 2, 4, 8, 16, 30 s): about 20, against 336 without back-off.
    assert.ok(inStorm <= 2 * 8 + 6, `${inStorm} requests sent into the storm`);
    assert.ok(inStorm >= 8, 'the first burst is the initial limit');
    assert.equal(limiter.limit, 16, 'back at its maximum after the storm');
    assert.ok(highest <= 16);
  });
});
