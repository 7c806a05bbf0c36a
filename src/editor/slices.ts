// Long work on the extension host's thread in bounded slices: the work checks in often, and once a
// slice has run its time the thread is given back to the event loop (timers, typing, other extensions)
// before it goes on. An abort signal ends the work at the next check-in. Plain Node, unit-tested.
import { abortError } from '../providers/core/errors';

/** How long one slice may hold the thread. */
export const SLICE_MS = 8;

export interface SliceOptions {
  readonly signal?: AbortSignal;
  readonly sliceMs?: number;
  /** Injected in tests. */
  readonly now?: () => number;
  /** Gives the thread back; injected in tests. */
  readonly yieldNow?: () => Promise<void>;
}

const giveBack = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class Slicer {
  private started: number;
  private readonly now: () => number;
  /** How many times the work gave the thread back. */
  yields = 0;

  constructor(private readonly options: SliceOptions = {}) {
    this.now = options.now ?? ((): number => performance.now());
    this.started = this.now();
  }

  /** Throws an abort error once the signal aborted. */
  check(): void {
    if (this.options.signal?.aborted) {
      throw abortError('local');
    }
  }

  /** A check-in: gives the thread back when the slice is used up; rejects once the signal aborted. */
  async tick(): Promise<void> {
    this.check();
    if (this.now() - this.started < (this.options.sliceMs ?? SLICE_MS)) {
      return;
    }
    await (this.options.yieldNow ?? giveBack)();
    this.yields++;
    this.check();
    this.started = this.now();
  }
}

/** Runs a step function until it says it is done, checking in between steps. */
export async function runSliced(step: () => boolean, slicer: Slicer): Promise<void> {
  slicer.check();
  while (!step()) {
    await slicer.tick();
  }
}
