// Lookups that several callers may want at once (a file's diagnostics, a hover, a CodeLens): a key is
// asked for by at most one lookup at a time, answers are kept for a while, and a lookup that nobody
// waits for any more is aborted. Plain Node (no vscode), so it is unit-tested against the emulator.
// A file may ask for a hundred thousand keys at once: every loop over them (sorting them into kept,
// joined and new, keeping the answers, handing them out) runs in slices that give the thread back.
import { abortError } from '../providers/core/errors';
import { Slicer, type SliceOptions } from './slices';

/** Keys handled between two check-ins. */
const STEP = 256;

/** Looks the keys up; answers only for the keys it could settle. */
export type LookupRun<V> = (keys: readonly string[], signal: AbortSignal) => Promise<ReadonlyMap<string, V>>;

export interface FlightOptions<V> {
  /** How long an answer is used without asking again. */
  readonly ttlMs: number;
  /** Which answers to keep (e.g. not failures); all when absent. */
  readonly keep?: (value: V) => boolean;
  /** Injected in tests. */
  readonly now?: () => number;
  /** How the loops over the keys give the thread back (the host's turn by default); injected in tests. */
  readonly slicing?: Omit<SliceOptions, 'signal'>;
}

interface Flight<V> {
  /** Claimed one by one by the caller that opened the lookup; it runs once they are all claimed. */
  readonly keys: string[];
  readonly controller: AbortController;
  done: Promise<ReadonlyMap<string, V>>;
  waiters: number;
  settled: boolean;
}

export class Flights<V> {
  private readonly kept = new Map<string, { readonly value: V; readonly at: number }>();
  private readonly inflight = new Map<string, Flight<V>>();

  constructor(
    private readonly run: LookupRun<V>,
    private readonly options: FlightOptions<V>,
  ) {}

  /** The kept answer for a key while it is fresh (or at any age with `stale`); never a request. */
  peek(key: string, stale = false): V | undefined {
    const entry = this.kept.get(key);
    return entry && (stale || this.now() - entry.at < this.options.ttlMs) ? entry.value : undefined;
  }

  /** Whether a lookup of the key is under way. */
  inFlight(key: string): boolean {
    return this.inflight.has(key);
  }

  /**
   * Answers for the keys: fresh kept ones (unless `refresh`), those of lookups already under way (joined,
   * not asked again), and one new lookup for all the rest. Rejects with an abort error when `signal`
   * aborts; the lookup itself is aborted only when no other caller still waits for it.
   */
  async get(keys: readonly string[], signal?: AbortSignal, refresh = false): Promise<Map<string, V>> {
    const slicer = new Slicer({ ...this.options.slicing, ...(signal ? { signal } : {}) });
    slicer.check();
    const out = new Map<string, V>();
    // The keys are sorted in slices: each key without a kept answer or a lookup under way is claimed at
    // once by this caller's new lookup (so no other caller asks for it meanwhile), which runs once all are.
    const { flight: mine, launch } = this.open();
    const waits = new Map<Flight<V>, Promise<ReadonlyMap<string, V>>>();
    const join = (flight: Flight<V>): void => {
      if (!waits.has(flight)) {
        const wait = this.wait(flight, signal);
        wait.catch(() => undefined); // observed below; a wait left by an abort is not an unhandled rejection
        waits.set(flight, wait);
      }
    };
    join(mine);
    const asked: string[] = [];
    try {
      const seen = new Set<string>();
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (!seen.has(key)) {
          seen.add(key);
          const kept = refresh ? undefined : this.peek(key);
          const flying = this.inflight.get(key);
          if (kept !== undefined) {
            out.set(key, kept);
          } else {
            asked.push(key);
            if (flying) {
              join(flying);
            } else {
              mine.keys.push(key);
              this.inflight.set(key, mine);
            }
          }
        }
        if (i % STEP === STEP - 1) {
          await slicer.tick();
        }
      }
    } finally {
      // The lookup runs with what was claimed, for whoever waits for it (none left: it is aborted).
      launch();
    }
    const answers = await Promise.all(waits.values());
    for (let i = 0; i < asked.length; i++) {
      const key = asked[i]!;
      for (const answer of answers) {
        const value = answer.get(key);
        if (value !== undefined) {
          out.set(key, value);
          break;
        }
      }
      if (i % STEP === STEP - 1) {
        await slicer.tick();
      }
    }
    return out;
  }

  /** Keeps an answer learnt elsewhere (e.g. the tree saw the image change or go). */
  set(key: string, value: V): void {
    this.kept.set(key, { value, at: this.now() });
  }

  /** Forgets kept answers: one key's, or all. */
  forget(key?: string): void {
    if (key === undefined) {
      this.kept.clear();
    } else {
      this.kept.delete(key);
    }
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  /** A lookup whose keys are claimed one by one, run by `launch` (no request when none were claimed). */
  private open(): { flight: Flight<V>; launch: () => void } {
    let settle!: (answers: Promise<ReadonlyMap<string, V>>) => void;
    const flight: Flight<V> = {
      keys: [],
      controller: new AbortController(),
      done: new Promise((resolve) => (settle = resolve)),
      waiters: 0,
      settled: false,
    };
    // Waiters observe the outcome; a lookup aborted after its last waiter left is nobody's error.
    flight.done.catch(() => undefined);
    return { flight, launch: () => settle(this.launched(flight)) };
  }

  /** Runs a lookup (the request starts at once), keeps its answers, and lets go of its keys. */
  private async launched(flight: Flight<V>): Promise<ReadonlyMap<string, V>> {
    const { signal } = flight.controller;
    try {
      if (signal.aborted) {
        throw abortError('local');
      }
      const answers = flight.keys.length ? await this.run(flight.keys, signal) : new Map<string, V>();
      if (!signal.aborted) {
        await this.keepAll(answers);
      }
      return answers;
    } finally {
      flight.settled = true;
      this.release(flight);
    }
  }

  /** Keeps a lookup's answers (those `keep` wants), in slices. */
  private async keepAll(answers: ReadonlyMap<string, V>): Promise<void> {
    const slicer = new Slicer(this.options.slicing);
    const at = this.now();
    let n = 0;
    for (const [key, value] of answers) {
      if (!this.options.keep || this.options.keep(value)) {
        this.kept.set(key, { value, at });
      }
      if (++n % STEP === 0) {
        await slicer.tick();
      }
    }
  }

  /** New callers start a new lookup for these keys from now on. */
  private release(flight: Flight<V>): void {
    for (const key of flight.keys) {
      if (this.inflight.get(key) === flight) {
        this.inflight.delete(key);
      }
    }
  }

  private wait(flight: Flight<V>, signal: AbortSignal | undefined): Promise<ReadonlyMap<string, V>> {
    flight.waiters++;
    return new Promise((resolve, reject) => {
      let gone = false;
      const leave = (): void => {
        if (!gone) {
          gone = true;
          signal?.removeEventListener('abort', onAbort);
          flight.waiters--;
        }
      };
      const onAbort = (): void => {
        if (gone) {
          return;
        }
        leave();
        if (flight.waiters === 0 && !flight.settled) {
          this.release(flight);
          flight.controller.abort();
        }
        reject(abortError('local'));
      };
      if (signal?.aborted) {
        onAbort();
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.done.then(
        (answers) => {
          leave();
          resolve(answers);
        },
        (err: unknown) => {
          leave();
          reject(err);
        },
      );
    });
  }
}
