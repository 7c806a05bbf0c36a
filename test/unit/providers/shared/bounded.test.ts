// eachBounded: never more than the bound in flight, fewer after the cloud throttles (halved once per
// event), back up by one per call answered unthrottled; a failure stops new calls and is thrown once the
// running ones have ended.
import { strict as assert } from 'assert';
import { eachBounded } from '../../../../src/providers/shared/bounded';

/** Calls that end only when the test says so, recording how many were running at each start. */
class Gate {
  running = 0;
  readonly atStart: number[] = [];
  readonly waiting: Array<{ item: number; end: (error?: unknown) => void; throttled: () => void }> = [];

  readonly fn = (item: number, throttled: () => void): Promise<void> => {
    this.running++;
    this.atStart.push(this.running);
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({
        item,
        throttled,
        end: (error?: unknown) => {
          this.running--;
          if (error === undefined) {
            resolve();
          } else {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
      });
    });
  };

  /** Ends the oldest running call (after letting the pool react to the previous end). */
  async endOne(error?: unknown): Promise<number> {
    await Promise.resolve();
    const call = this.waiting.shift();
    assert.ok(call, 'a call is running');
    call.end(error);
    await new Promise((r) => setImmediate(r));
    return call.item;
  }
}

const items = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('eachBounded', () => {
  it('runs every item, at most the bound at once and exactly the bound while there is work', async () => {
    const gate = new Gate();
    const done = eachBounded(items(50), 8, gate.fn);
    const ended: number[] = [];
    while (ended.length < 50) {
      assert.equal(gate.running, Math.min(8, 50 - ended.length), `running after ${ended.length} ended`);
      ended.push(await gate.endOne());
    }
    await done;
    assert.deepEqual(ended, items(50));
    assert.equal(Math.max(...gate.atStart), 8);
  });

  it('halves at a throttling answer (once for the calls already running), then grows back by one per unthrottled answer', async () => {
    const gate = new Gate();
    const done = eachBounded(items(40), 8, gate.fn);
    await Promise.resolve();
    // Two of the running eight are throttled: one event, one cut.
    gate.waiting[0]!.throttled();
    gate.waiting[1]!.throttled();
    await gate.endOne();
    await gate.endOne();
    assert.equal(gate.running, 6, 'nothing new starts above the halved limit of 4');
    await gate.endOne();
    await gate.endOne();
    assert.equal(gate.running, 4, 'still 4: the calls started before the cut do not grow it');
    for (let n = 0; n < 4; n++) {
      await gate.endOne();
      assert.equal(gate.running, 4, 'the other calls started before the cut end: still 4');
    }
    // Answers of calls started after the cut grow the limit by one each.
    await gate.endOne();
    assert.equal(gate.running, 5);
    await gate.endOne();
    assert.equal(gate.running, 6);
    while (gate.waiting.length) {
      await gate.endOne();
    }
    await done;
    assert.ok(gate.atStart.every((n) => n <= 8));
  });

  it('stops starting calls after a failure and throws it once the running ones have ended', async () => {
    const gate = new Gate();
    const done = eachBounded(items(20), 5, gate.fn);
    let settled = false;
    done.catch(() => undefined).finally(() => (settled = true));
    await gate.endOne(new Error('refused'));
    assert.equal(gate.running, 4, 'no new call after the failure');
    while (gate.waiting.length > 1) {
      await gate.endOne();
    }
    assert.equal(settled, false, 'waits for the last running call');
    await gate.endOne();
    await assert.rejects(done, /refused/);
    assert.equal(gate.atStart.length, 5);
  });

  it('resolves at once for no items', async () => {
    await eachBounded([], 8, () => Promise.reject(new Error('not called')));
  });
});
