// What a listing request of the sandbox would otherwise redo on every page (filter or sort a whole
// region), kept between requests so that a benchmark measures the client, not the emulator. Any
// request that may change state (and a job taking effect) drops everything: correct first, fast next.

/** Results of one computation per key, valid until the handler says its state changed. */
export class ListingIndex<V> {
  private readonly entries = new Map<string, V>();

  /** After any request that may change state (a mutation, a job taking effect). */
  changed(): void {
    this.entries.clear();
  }

  get(key: string, compute: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      if (this.entries.size >= 64) {
        this.entries.clear();
      }
      value = compute();
      this.entries.set(key, value);
    }
    return value;
  }
}

/** A request that only reads: a GET, or an RPC action named Describe* / List*. */
export function readsOnly(method: string, action?: string): boolean {
  return action === undefined ? method === 'GET' : /^(Describe|List)/.test(action);
}

/** The first index in a list sorted by `keyOf` whose key is >= `key` (binary search). */
export function lowerBound<T>(sorted: readonly T[], key: string, keyOf: (item: T) => string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(sorted[mid] as T) < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}
