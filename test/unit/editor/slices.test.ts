// Long work in slices: the thread is given back once a slice has run its time, the work goes on where it
// stopped, and an abort ends it at the next check-in. The clock is injected: no timing in the test.
import { strict as assert } from 'assert';
import { ProviderError } from '../../../src/providers/core/errors';
import { runSliced, Slicer, Turn } from '../../../src/editor/slices';

describe('Work in slices', () => {
  it('gives the thread back each time a slice has run its time, and finishes the work', async () => {
    let clock = 0;
    let gaveBack = 0;
    const slicer = new Slicer({ sliceMs: 10, now: () => clock, yieldNow: () => Promise.resolve(void gaveBack++) });
    let steps = 0;
    await runSliced(() => {
      clock += 3; // each step costs 3 ms
      return ++steps === 20;
    }, slicer);
    assert.equal(steps, 20);
    // 60 ms of work in slices of 10 ms: given back after every fourth step (12 ms), five times before the last.
    assert.equal(gaveBack, 4);
    assert.equal(slicer.yields, 4);
  });

  it('counts the time of every work sharing the turn: a work started after another held the thread gives it back at once', async () => {
    let clock = 0;
    const turn = new Turn(() => clock);
    const gaveBack: string[] = [];
    const slicer = (name: string, shared?: Turn): Slicer =>
      new Slicer({ sliceMs: 10, now: () => clock, ...(shared ? { turn: shared } : {}), yieldNow: () => Promise.resolve(void gaveBack.push(name)) });
    const first = slicer('first', turn);
    clock += 6;
    await first.tick(); // 6 ms of the turn used: goes on
    const second = slicer('second', turn);
    clock += 6;
    await second.tick(); // 12 ms of the turn used, 6 of them its own: gives the thread back
    assert.deepEqual(gaveBack, ['second']);
    // Given back, the turn starts afresh for whoever goes on.
    clock += 3;
    await first.tick();
    assert.deepEqual(gaveBack, ['second']);
    // A work with a turn of its own counts only its own time.
    const alone = slicer('alone');
    clock += 9;
    await alone.tick();
    assert.deepEqual(gaveBack, ['second']);
  });

  it('stops at the next check-in once the signal aborts, with an abort error', async () => {
    const controller = new AbortController();
    let clock = 0;
    const slicer = new Slicer({
      signal: controller.signal,
      sliceMs: 5,
      now: () => clock,
      yieldNow: () => {
        controller.abort();
        return Promise.resolve();
      },
    });
    let steps = 0;
    await assert.rejects(
      runSliced(() => {
        clock += 5;
        steps++;
        return false;
      }, slicer),
      (err: unknown) => ProviderError.isAbort(err),
    );
    assert.equal(steps, 1, 'no step after the abort');
  });

  it('does not start when the signal has already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let steps = 0;
    await assert.rejects(runSliced(() => ++steps > 0, new Slicer({ signal: controller.signal })));
    assert.equal(steps, 0);
  });
});
