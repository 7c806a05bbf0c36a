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

