// Long work on the extension host's thread in bounded slices: the work checks in often, and once a
// slice has run its time the thread is given back to the event loop (timers, typing, other extensions)
// before it goes on. An abort signal ends the work at the next check-in. Plain Node, unit-tested.
//
// The slice is the thread's, not each work's: works under way at once (files checked side by side, a
// scan beside a lookup) share one turn, and when they give the thread back they wait in one queue of
// which one is resumed per turn of the event loop. Several works resumed together (one setImmediate
// each) would each run a whole slice before any timer fires, and their slices would add up.
import { abortError } from '../providers/core/errors';

/** How long sliced work may hold the thread at once. */
export const SLICE_MS = 8;

/** The time sliced work has held the thread since it was last given back. */
export class Turn {
  private start = 0;
  private open = false;

  /** `autoClose`: the turn also ends at the event loop's next check phase (the thread was given back by then). */
  constructor(
    private readonly now: () => number,
    private readonly autoClose = false,
  ) {}

  /** How long the thread has been held in this turn (one starts now if none is open). */
  used(): number {
    const now = this.now();
    if (!this.open) {
      this.open = true;
      this.start = now;
      if (this.autoClose) {
        setImmediate(() => (this.open = false));
      }
    }
    return now - this.start;
  }

  /** The thread was given back: a new turn starts now. */
  restart(): void {
    this.open = false;
    this.used();
  }
}

/** The extension host's one turn, shared by every slicer that does not bring its own. */
const HOST_TURN = new Turn(() => performance.now(), true);

/** Works waiting for the thread, resumed one per turn of the event loop, first come first served. */
const waiting: Array<() => void> = [];
let pumping = false;

function pump(): void {
  const next = waiting.shift();
  if (waiting.length) {
    setImmediate(pump);
  } else {
    pumping = false;
  }
  next?.();
}

/** Resolves on a later turn of the event loop, once the works that gave the thread back before have had theirs. */
function giveBack(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  });
}

export interface SliceOptions {
  readonly signal?: AbortSignal;
  readonly sliceMs?: number;
  /** Injected in tests. */
  readonly now?: () => number;
  /** Gives the thread back; injected in tests. */
  readonly yieldNow?: () => Promise<void>;
  /** The turn shared with other work (tests); the host's by default, a turn of its own when `now` or `yieldNow` is injected. */
  readonly turn?: Turn;
}

export class Slicer {
  private readonly turn: Turn;
  /** How many times the work gave the thread back. */
  yields = 0;

  constructor(private readonly options: SliceOptions = {}) {
    this.turn = options.turn ?? (options.now || options.yieldNow ? new Turn(options.now ?? ((): number => performance.now())) : HOST_TURN);
    this.turn.used();
  }

  /** Throws an abort error once the signal aborted. */
  check(): void {
    if (this.options.signal?.aborted) {
      throw abortError('local');
    }
  }

  /** A check-in: gives the thread back when the turn is used up; rejects once the signal aborted. */
  async tick(): Promise<void> {
    this.check();
    if (this.turn.used() < (this.options.sliceMs ?? SLICE_MS)) {
      return;
    }
    await (this.options.yieldNow ?? giveBack)();
    this.yields++;
    this.check();
    this.turn.restart();
  }
}

/** Runs a step function until it says it is done, checking in between steps. */
export async function runSliced(step: () => boolean, slicer: Slicer): Promise<void> {
  slicer.check();
  while (!step()) {
    await slicer.tick();
  }
}
