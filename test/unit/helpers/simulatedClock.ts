// A clock for the job tracker whose time jumps from one timer to the next (a minute of polling in a
// moment): used by the tracker's unit tests and the benchmark. Each timer's work (a poll) is awaited
// until it sets its next timer, so the run is deterministic.
import type { TrackerClock } from '../../../src/jobs/tracker';

/** Timers on a clock that jumps from one to the next; each timer's work (a poll) is awaited before the next. */
export class SimulatedClock implements TrackerClock {
  private t = Date.now();
  private seq = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  private onSet: (() => void) | undefined;

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, fn });
    this.onSet?.();
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** A promise that resolves `ms` later on this clock, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const id = this.setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => (this.clearTimeout(id), resolve()), { once: true });
    });
  }

  /**
   * Moves the clock `ms` on, running the timers due on the way in order, each followed by the promise
   * jobs it starts (for work that sets no next timer, unlike runUntil's polls).
   */
  async advance(ms: number): Promise<void> {
    const until = this.t + ms;
    for (;;) {
      await settle();
      const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > until) {
        this.t = until;
        await settle();
        return;
      }
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      next[1].fn();
    }
  }

  /** Runs timers until `until`; returns how many ran (polls). */
  async runUntil(until: number): Promise<number> {
    let runs = 0;
    for (;;) {
      const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > until) {
        this.t = until;
        return runs;
      }
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      const rescheduled = new Promise<void>((resolve) => (this.onSet = resolve));
      next[1].fn();
      await rescheduled;
      this.onSet = undefined;
      runs++;
    }
  }
}


/** Lets every pending promise job run (a macrotask turn). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
