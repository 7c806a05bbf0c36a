// Lookups that several callers may want at once (a file's diagnostics, a hover, a CodeLens): a key is
// asked for by at most one lookup at a time, answers are kept for a while, and a lookup that nobody
// waits for any more is aborted. Plain Node (no vscode), so it is unit-tested against the emulator.
import { abortError } from '../providers/core/errors';

/** Looks the keys up; answers only for the keys it could settle. */
export type LookupRun<V> = (keys: readonly string[], signal: AbortSignal) => Promise<ReadonlyMap<string, V>>;

export interface FlightOptions<V> {
  /** How long an answer is used without asking again. */
  readonly ttlMs: number;
  /** Which answers to keep (e.g. not failures); all when absent. */
  readonly keep?: (value: V) => boolean;
  /** Injected in tests. */
  readonly now?: () => number;
}

interface Flight<V> {
  readonly keys: readonly string[];
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
    const out = new Map<string, V>();
    const joined = new Set<Flight<V>>();
    const fresh: string[] = [];
    for (const key of new Set(keys)) {
      const kept = refresh ? undefined : this.peek(key);
      const flying = this.inflight.get(key);
      if (kept !== undefined) {
        out.set(key, kept);
      } else if (flying) {
        joined.add(flying);
      } else {
        fresh.push(key);
      }
    }
    if (fresh.length) {
      joined.add(this.start(fresh));
    }
    const answers = await Promise.all([...joined].map((flight) => this.wait(flight, signal)));
    for (const answer of answers) {
      for (const key of keys) {
        const value = answer.get(key);
        if (value !== undefined && !out.has(key)) {
          out.set(key, value);
        }
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

  private start(keys: readonly string[]): Flight<V> {
    const controller = new AbortController();
    const flight: Flight<V> = { keys, controller, done: Promise.resolve(new Map()), waiters: 0, settled: false };
    flight.done = this.run(keys, controller.signal)
      .then((answers) => {
        if (!controller.signal.aborted) {
          for (const [key, value] of answers) {
            if (!this.options.keep || this.options.keep(value)) {
              this.set(key, value);
            }
          }
        }
        return answers;
      })
      .finally(() => {
        flight.settled = true;
        this.release(flight);
      });
    // Waiters observe the outcome; a lookup aborted after its last waiter left is nobody's error.
    flight.done.catch(() => undefined);
    for (const key of keys) {
      this.inflight.set(key, flight);
    }
    return flight;
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
