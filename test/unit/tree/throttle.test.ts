// Redraws during Load All: the first page at once, then at most one redraw per interval, none after cancel.
import { strict as assert } from 'assert';
import { throttle, type Timers } from '../../../src/tree/throttle';

/** Timers on a clock the test moves. */
function manualTimers(): Timers & { advance(ms: number): void } {
  let now = 0;
  let due: { at: number; fn: () => void } | undefined;
  return {
    setTimeout: (fn, ms) => (due = { at: now + ms, fn }),
    clearTimeout: (handle) => {
      if (handle === due) {
        due = undefined;
      }
    },
    advance(ms) {
      const end = now + ms;
      while (due && due.at <= end) {
        const { at, fn } = due;
        due = undefined;
        now = at;
        fn();
      }
      now = end;
    },
  };
}

describe('throttle', () => {
  it('redraws at once, then once per interval while pages keep arriving, and not after it is cancelled', () => {
    const timers = manualTimers();
    let runs = 0;
    const redraw = throttle(() => runs++, 250, timers);
    redraw.request();
    assert.equal(runs, 1, 'the first page shows at once');
    // 48 pages over about a second: one every 20 ms.
    for (let page = 1; page < 48; page++) {
      timers.advance(20);
      redraw.request();
    }
    assert.ok(runs >= 4 && runs <= 5, `${runs} redraws for 48 pages`);
    redraw.request();
    redraw.cancel();
    const before = runs;
    timers.advance(1000);
    assert.equal(runs, before, 'nothing after cancel');
    redraw.request();
    assert.equal(runs, before + 1, 'a new burst starts at once');
  });
});
