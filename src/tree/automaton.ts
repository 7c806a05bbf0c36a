// Every word of a query found in a text, ignoring case, each text read once (Aho–Corasick). Built once per
// query; the texts are read one UTF-16 unit at a time through a table of transitions (a state × a
// character of the query → the next state), so a character costs one array read whatever the words.
// Characters in no word all share column 0 (back to the start). A query too large for the table (far
// over the filter's limits: QUERY_LIMITS) follows the failure links instead: as linear, with a Map lookup
// per character.

/** Counts the steps of matching (tests assert on work done, not on time). */
export interface MatchMeter {
  steps: number;
}

/** The most table cells (states × distinct characters of the query + 1) the automaton builds. */
const TABLE_LIMIT = 1 << 20;

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

/** A unit other than printable ASCII, tab or line break (the rest take the unit-by-unit way: the same result). */
const NOT_ASCII = /[^ -~\t\n\r]/u;

/**
 * A text with every UTF-16 unit folded as the automaton folds it (same length, unit for unit), so that a
 * folded word is in a folded text exactly where the automaton finds it. The text itself when nothing
 * changes (no new string), else a new flat one.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (lower === text) {
    // (A unit whose lower case depends on its neighbours, Σ, always changes: unchanged here is unchanged unit by unit.)
    return text;
  }
  if (!NOT_ASCII.test(text)) {
    return lower;
  }
  const units = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    units[i] = fold(text.charCodeAt(i));
  }
  let out = '';
  for (let i = 0; i < units.length; i += 4096) {
    out += String.fromCharCode(...units.slice(i, i + 4096));
  }
  return out;
}

/**
 * Node 0 is the root; `out[n]` is the pattern that ends at node n (or -1) and `dict[n]` the next node down
 * the failure chain that ends a pattern (or -1); `first[n]` is n when it ends a pattern, else `dict[n]`.
 */
export class Automaton {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly ends: number[] = [-1];
  private out = new Int32Array(1);
  private fail = new Int32Array(1);
  private dict = new Int32Array(1);
  private first = new Int32Array(1);
  /** A folded character of the patterns → its column (from 1); any other character is column 0. */
  private readonly columnOfFolded = new Map<number, number>();
  /** The column of each ASCII unit as it comes (both cases). */
  private readonly ascii = new Int32Array(128);
  /** The column of each other unit met while scanning, as it comes (folded once). */
  private readonly other = new Map<number, number>();
  private columns = 1;
  private table: Int32Array | undefined;
  readonly patterns: string[] = [];

  /** The pattern's index (one per distinct text, folded). */
  add(text: string): number {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      if (!this.columnOfFolded.has(c)) {
        this.columnOfFolded.set(c, this.columns++);
      }
      let child = this.next[node]!.get(c);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.ends.push(-1);
        this.next[node]!.set(c, child);
      }
      node = child;
    }
    if (this.ends[node]! < 0) {
      this.ends[node] = this.patterns.length;
      this.patterns.push(text);
    }
    return this.ends[node]!;
  }

  /** Failure and output links breadth first, and the table of transitions when it is small enough. */
  seal(): void {
    const n = this.next.length;
    const columns = this.columns;
    this.out = Int32Array.from(this.ends);
    this.fail = new Int32Array(n);
    this.dict = new Int32Array(n).fill(-1);
    this.first = new Int32Array(n).fill(-1);
    for (let c = 0; c < 128; c++) {
      this.ascii[c] = this.columnOfFolded.get(fold(c)) ?? 0;
    }
    const table = n * columns <= TABLE_LIMIT ? new Int32Array(n * columns) : undefined;
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      if (table && node !== 0) {
        // What no edge of this node takes goes where its failure node goes (a shallower row, built already).
        table.copyWithin(node * columns, this.fail[node]! * columns, (this.fail[node]! + 1) * columns);
      }
      for (const [c, child] of this.next[node]!) {
        if (table) {
          table[node * columns + this.columnOfFolded.get(c)!] = child;
        }
        this.fail[child] = node === 0 ? 0 : this.failTarget(this.fail[node]!, c);
        const via = this.fail[child]!;
        this.dict[child] = this.out[via]! >= 0 ? via : this.dict[via]!;
        queue.push(child);
      }
      this.first[node] = this.out[node]! >= 0 ? node : this.dict[node]!;
    }
    this.table = table;
  }

  /** Where the character `c` leads from node `f` down its failure chain (the root when nowhere). */
  private failTarget(f: number, c: number): number {
    let child = this.next[f]!.get(c);
    while (child === undefined && f !== 0) {
      f = this.fail[f]!;
      child = this.next[f]!.get(c);
    }
    return child ?? 0;
  }

  private column(c: number): number {
    let col = this.other.get(c);
    if (col === undefined) {
      col = this.columnOfFolded.get(fold(c)) ?? 0;
      this.other.set(c, col);
    }
    return col;
  }

  /**
   * Reads a text once and stamps, in `seen`, each pattern it contains. Down a node's output chain it stops
   * at the first pattern already stamped (its own chain was stamped with it), so the work is linear in the
   * text plus the patterns found. `onFirst` hears each pattern stamped for the first time with `stamp`.
   */
  scan(text: string, seen: Int32Array, stamp: number, meter: MatchMeter, onFirst?: (pattern: number) => void): void {
    const { table, ascii, first, out, dict, columns } = this;
    if (!table) {
      this.scanByLinks(text, seen, stamp, meter, onFirst);
      return;
    }
    let node = 0;
    let steps = text.length;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      node = table[node * columns + (c < 128 ? ascii[c]! : this.column(c))]!;
      for (let t = first[node]!; t >= 0; t = dict[t]!) {
        const p = out[t]!;
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

  /**
   * `scan` for the instant filter's own texts (an image's name and ID): returns how many patterns it
   * stamped for the first time among those `counted` marks, with no call per pattern.
   */
  scanCounting(text: string, seen: Int32Array, stamp: number, meter: MatchMeter, counted: Uint8Array): number {
    const { table, ascii, first, out, dict, columns } = this;
    if (!table) {
      let found = 0;
      this.scanByLinks(text, seen, stamp, meter, (p) => (found += counted[p]!));
      return found;
    }
    let node = 0;
    let steps = text.length;
    let found = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      node = table[node * columns + (c < 128 ? ascii[c]! : this.column(c))]!;
      for (let t = first[node]!; t >= 0; t = dict[t]!) {
        const p = out[t]!;
        if (seen[p] === stamp) {
          break;
        }
        seen[p] = stamp;
        steps++;
        found += counted[p]!;
      }
    }
    meter.steps += steps;
    return found;
  }

  /** The same without the table: the trie's edges and the failure links. */
  private scanByLinks(text: string, seen: Int32Array, stamp: number, meter: MatchMeter, onFirst?: (pattern: number) => void): void {
    let node = 0;
    let steps = 0;
    for (let i = 0; i < text.length; i++) {
      const c = fold(text.charCodeAt(i));
      let child = this.next[node]!.get(c);
      while (child === undefined && node !== 0) {
        node = this.fail[node]!;
        child = this.next[node]!.get(c);
        steps++;
      }
      node = child ?? 0;
      steps++;
      for (let t = this.first[node]!; t >= 0; t = this.dict[t]!) {
        const p = this.out[t]!;
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
