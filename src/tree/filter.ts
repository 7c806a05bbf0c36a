// The instant filter over loaded images (plain text, no request): every word of the query must be
// found, ignoring case, in the image's name, ID, OS, status or tags. A word "key=value" asks for a tag
// whose key and value contain those parts ("env=" is any value of a key with "env").
//
// Matching is linear and builds no regular expression from what the user typed: the words go into one
// Aho–Corasick automaton, built once per query, and each of an image's texts is read once, whatever the
// number of words. The query itself is bounded (QUERY_LIMITS) before it gets here: see queryProblem.
import type { Image } from '../providers/core/model';

export type ImagePredicate = (image: Image) => boolean;

/** The longest query (in characters) and the most words the filter takes. */
export const QUERY_LIMITS = { length: 256, words: 16 } as const;

export type QueryProblem = 'length' | 'words';

function words(query: string): string[] {
  return query.trim().split(/\s+/u).filter(Boolean);
}

/** Why the filter refuses a query (too long, too many words); undefined when it takes it. */
export function queryProblem(query: string): QueryProblem | undefined {
  if (query.trim().length > QUERY_LIMITS.length) {
    return 'length';
  }
  return words(query).length > QUERY_LIMITS.words ? 'words' : undefined;
}

/**
 * A query saved in the workspace state, as a reload finds it: kept when the filter takes it, else dropped
 * with the reason (too long, too many words, or not text at all).
 */
export function restoredQuery(saved: unknown): { query?: string; dropped?: QueryProblem | 'notText' } {
  if (saved === undefined) {
    return {};
  }
  if (typeof saved !== 'string') {
    return { dropped: 'notText' };
  }
  const problem = queryProblem(saved);
  return problem ? { dropped: problem } : { query: saved };
}

/** Counts the steps of matching (tests assert on work done, not on time). */
export interface MatchMeter {
  steps: number;
}

const folded = new Map<number, number>();

/** A UTF-16 code unit in lower case (simple case folding of one unit; ASCII without a lookup). */
function fold(c: number): number {
  if (c < 128) {
    return c >= 65 && c <= 90 ? c + 32 : c;
  }
  let f = folded.get(c);
  if (f === undefined) {
    const lower = String.fromCharCode(c).toLowerCase();
    f = lower.length === 1 ? lower.charCodeAt(0) : c;
    folded.set(c, f);
  }
  return f;
}

/**
 * Every pattern found in a text, each text read once: node 0 is the root; `out[n]` is the pattern that
 * ends at node n (or -1) and `dict[n]` the next node down the failure chain that ends a pattern (or -1).
 */
class Automaton {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly out: number[] = [-1];
  private fail: Int32Array = new Int32Array(1);
  private dict: Int32Array = new Int32Array(1);
  readonly patterns: string[] = [];

  /** The pattern's index (one per distinct text, folded). */
  add(text: string): number {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      let child = this.next[node].get(c);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.out.push(-1);
        this.next[node].set(c, child);
      }
      node = child;
    }
    if (this.out[node] < 0) {
      this.out[node] = this.patterns.length;
      this.patterns.push(text);
    }
    return this.out[node];
  }

  /** Failure and output links, breadth first. */
  seal(): void {
    const n = this.next.length;
    this.fail = new Int32Array(n);
    this.dict = new Int32Array(n).fill(-1);
    const queue: number[] = [];
    for (const child of this.next[0].values()) {
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      for (const [c, child] of this.next[node]) {
        let f = this.fail[node];
        while (f !== 0 && !this.next[f].has(c)) {
          f = this.fail[f];
        }
        const target = this.next[f].get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const via = this.fail[child];
        this.dict[child] = this.out[via] >= 0 ? via : this.dict[via];
        queue.push(child);
      }
    }
  }

  /**
   * Reads a text once and stamps, in `seen`, each pattern it contains. Down a node's output chain it stops
   * at the first pattern already stamped (its own chain was stamped with it), so the work is linear in the
   * text plus the patterns found. `onFirst` hears each pattern stamped for the first time with `stamp`.
   */
  scan(text: string, seen: Int32Array, stamp: number, meter: MatchMeter, onFirst?: (pattern: number) => void): void {
    let node = 0;
    let steps = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      let child = this.next[node].get(c);
      while (child === undefined && node !== 0) {
        node = this.fail[node];
        child = this.next[node].get(c);
        steps++;
      }
      node = child ?? 0;
      steps++;
      for (let t = this.out[node] >= 0 ? node : this.dict[node]; t >= 0; t = this.dict[t]) {
        const p = this.out[t];
        if (seen[p] === stamp) {
          break;
        }
        seen[p] = stamp;
        steps++;
        onFirst?.(p);
      }
    }
    meter.steps += steps;
  }
}

interface TagWord {
  readonly key: number;
  /** -1 for any value ("env="). */
  readonly value: number;
}

/** The predicate for a query; undefined when the query has no word (nothing is filtered out). */
export function imageFilter(query: string, meter: MatchMeter = { steps: 0 }): ImagePredicate | undefined {
  const list = words(query);
  if (!list.length) {
    return undefined;
  }
  const automaton = new Automaton();
  const plain = new Set<number>();
  const tagWords: TagWord[] = [];
  for (const word of list) {
    const eq = word.indexOf('=');
    if (eq > 0) {
      const value = word.slice(eq + 1);
      tagWords.push({ key: automaton.add(word.slice(0, eq)), value: value ? automaton.add(value) : -1 });
    } else {
      plain.add(automaton.add(word));
    }
  }
  automaton.seal();
  const count = automaton.patterns.length;
  const isPlain = new Uint8Array(count);
  for (const p of plain) {
    isPlain[p] = 1;
  }
  // Tag words by their key's pattern, each kept once (two equal words are one condition).
  const byKey = new Map<number, TagWord[]>();
  for (const w of tagWords) {
    const list = byKey.get(w.key) ?? [];
    if (!list.some((x) => x.value === w.value)) {
      list.push(w);
    }
    byKey.set(w.key, list);
  }
  const tagWordCount = [...byKey.values()].reduce((n, l) => n + l.length, 0);
  // Stamps instead of clearing arrays per image: an entry counts only when it holds the current stamp.
  const inImage = new Int32Array(count);
  const inValue = new Int32Array(count);
  const inKey = new Int32Array(count);
  const tagWordDone = new Map<TagWord, number>();
  let stamp = 0;
  let plainFound = 0;
  let tagWordsFound = 0;
  let imageStamp = 0;

  const onPlain = (p: number): void => {
    if (isPlain[p]) {
      plainFound++;
    }
  };
  const onKey = (p: number): void => {
    for (const w of byKey.get(p) ?? []) {
      if ((w.value < 0 || inValue[w.value] === stamp) && tagWordDone.get(w) !== imageStamp) {
        tagWordDone.set(w, imageStamp);
        tagWordsFound++;
      }
    }
  };
  const scan = (text: string | undefined): void => {
    if (text !== undefined && plainFound < plain.size) {
      automaton.scan(text, inImage, imageStamp, meter, onPlain);
    }
  };

  return (image) => {
    imageStamp = ++stamp;
    plainFound = 0;
    tagWordsFound = 0;
    scan(image.name);
    scan(image.id);
    scan(image.status);
    scan(image.osName);
    scan(image.osType);
    for (const tag of image.tags) {
      scan(tag.key);
      scan(tag.value);
      if (tagWordsFound < tagWordCount) {
        // This tag's value, then its key: a tag word holds when both parts are in the same tag.
        const tagStamp = ++stamp;
        automaton.scan(tag.value, inValue, tagStamp, meter);
        automaton.scan(tag.key, inKey, tagStamp, meter, onKey);
      }
      if (plainFound === plain.size && tagWordsFound === tagWordCount) {
        return true;
      }
    }
    return plainFound === plain.size && tagWordsFound === tagWordCount;
  };
}
