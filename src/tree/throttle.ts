// Runs an action at most once per interval however often it is asked for: at once the first time,
// then once at the end of each interval in which it was asked for again.

export interface Throttled {
  request(): void;
  /** Drops a run still due (the caller runs the action itself once it is done). */
  cancel(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export function throttle(action: () => void, intervalMs: number, timers: Timers = realTimers): Throttled {
  let timer: unknown;
  let pending = false;
  const tick = (): void => {
    if (pending) {
      pending = false;
      action();
      timer = timers.setTimeout(tick, intervalMs);
    } else {
      timer = undefined;
    }
  };
  return {
    request: () => {
      if (timer === undefined) {
        action();
        timer = timers.setTimeout(tick, intervalMs);
      } else {
        pending = true;
      }
    },
    cancel: () => {
      if (timer !== undefined) {
        timers.clearTimeout(timer);
      }
      timer = undefined;
      pending = false;
    },
  };
}
