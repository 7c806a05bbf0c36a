// How many of one cloud account's regions a search asks at once: additive increase, multiplicative
// decrease (AIMD). It starts high, grows by one with each region answered unthrottled, and when the
// cloud throttles it halves (once per throttling event: what was started before the cut is the same
// event) and pauses, the pause doubling while the throttling goes on. After pausing this long in a row
// with no unthrottled answer it is exhausted: its owner stops retrying and reports the throttling.

export interface LimiterOptions {
  readonly initial: number;
  readonly max: number;
  /** The first pause after throttling, and the longest it doubles to. */
  readonly pause: { readonly first: number; readonly max: number };
  /** Exhausted once the pauses in a row (no unthrottled answer between them) add up to this. */
  readonly giveUpAfterMs: number;
  /** Waits `ms`, or less when `signal` aborts; never rejects. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

export class AdaptiveLimiter {
  private limitNow: number;
  private runningNow = 0;
  /** Slots taken, and the number of the last one taken before the last cut. */
  private taken = 0;
  private cutAt = 0;
  private pauseMs: number;
  private pausedInARow = 0;
  private pausing: Promise<void> | undefined;
  private waiters: Array<() => void> = [];

  constructor(
    private readonly options: LimiterOptions,
    private readonly signal: AbortSignal,
  ) {
    this.limitNow = Math.max(1, Math.min(options.initial, options.max));
    this.pauseMs = options.pause.first;
    signal.addEventListener('abort', () => this.wake(), { once: true });
  }

  /** How many at once now. */
  get limit(): number {
    return this.limitNow;
  }

  get running(): number {
    return this.runningNow;
  }

  /** Paused for throttling now. */
  get paused(): boolean {
    return this.pausing !== undefined;
  }

  /** Throttled for `giveUpAfterMs` of pauses with no unthrottled answer between them. */
  get exhausted(): boolean {
    return this.pausedInARow >= this.options.giveUpAfterMs;
  }

  /**
   * A slot once one is free and no pause is on: its number, for `throttled` and `release`. Undefined
   * when the search is cancelled first.
   */
  async acquire(): Promise<number | undefined> {
    for (;;) {
      if (this.signal.aborted) {
        return undefined;
      }
      if (this.pausing) {
        await this.pausing;
      } else if (this.runningNow < this.limitNow) {
        this.runningNow++;
        return ++this.taken;
      } else {
        await new Promise<void>((resolve) => this.waiters.push(resolve));
      }
    }
  }

  /** The cloud throttled a request of slot `slot`: halve and pause, unless this event was already counted. */
  throttled(slot: number): void {
    if (slot <= this.cutAt) {
      return;
    }
    this.cutAt = this.taken;
    this.limitNow = Math.max(1, Math.floor(this.limitNow / 2));
    const ms = this.pauseMs;
    this.pauseMs = Math.min(this.options.pause.max, ms * 2);
    this.pausedInARow += ms;
    this.pausing = this.options.sleep(ms, this.signal).then(() => {
      this.pausing = undefined;
      this.wake();
    });
  }

  /** Slot `slot` is done; `unthrottled`: it was answered without throttling (then the limit grows). */
  release(slot: number, unthrottled: boolean): void {
    this.runningNow--;
    if (unthrottled && slot > this.cutAt) {
      this.limitNow = Math.min(this.options.max, this.limitNow + 1);
      this.pauseMs = this.options.pause.first;
      this.pausedInARow = 0;
    }
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((resolve) => resolve());
  }
}
