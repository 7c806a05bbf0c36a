// Reading what a window of text says as pairs, for launchContext.ts: a key or value token (quoted or
// bare), a `key = "value"` / `"key": "value"` / `key: value` pair, the pairs directly inside a `{…}` block,
// and YAML's pairs by indentation level around an offset. Plain character walks that stop at the limit
// they are given (no regular expression runs on the text), so each costs at most the characters it may
// read. Plain Node.
import { launchKey, plainValue } from '../providers/rules/launchKeys';

/** Longest key and value read. */
export const MAX_TOKEN = 128;
/** A resource's `provider = <name>.<alias>` (Terraform), naming the provider block it is created with. */
export const PROVIDER_KEY = 'provider';

export type Pairs = Map<string, string>;

const isKeyChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
export const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
/** A bare number in HCL (`system_disk_size = 40`) is a literal, not an expression. */
const isWholeNumber = (v: string): boolean => /^\d{1,9}$/.test(v);

/** The offset of the next "\n" at or after `i`, or `limit` when none comes before it: a scan that stops at `limit`. */
export function lineEnd(text: string, i: number, limit: number): number {
  for (let j = i; j < limit; j++) {
    if (text.charCodeAt(j) === 10) {
      return j;
    }
  }
  return limit;
}

/** Where the line holding offset `i - 1` starts, looking back no further than `floor`: -1 when no line break is found from `floor` on. */
function lineStart(text: string, i: number, floor: number): number {
  for (let j = i - 1; j >= floor; j--) {
    if (text.charCodeAt(j) === 10) {
      return j + 1;
    }
  }
  return -1;
}

/** The offset of the quote closing the string opened at `open` (or of the line's end, or `limit`). */
export function stringEnd(text: string, open: number, limit: number): number {
  for (let i = open + 1; i < limit; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '"' || c === '\n') {
      return i;
    }
  }
  return limit;
}

/** A key or value token at `i`: quoted (its inside) or bare; with where it ends and whether it was quoted. */
export function token(text: string, i: number, limit: number): { value: string; end: number; quoted: boolean } | undefined {
  if (text[i] === '"' || text[i] === "'") {
    const quote = text[i];
    let j = i + 1;
    while (j < limit && j - i <= MAX_TOKEN && text[j] !== quote && text[j] !== '\n') {
      j++;
    }
    return text[j] === quote ? { value: text.slice(i + 1, j), end: j + 1, quoted: true } : undefined;
  }
  let j = i;
  while (j < limit && j - i <= MAX_TOKEN && isKeyChar(text.charCodeAt(j))) {
    j++;
  }
  return j > i ? { value: text.slice(i, j), end: j, quoted: false } : undefined;
}

/** `key = "v"`, `"key": "v"` or `key: v` at `i`: the pair and where it ends. A `=` value counts only quoted or a whole number (else it is an expression). */
function pairAt(text: string, i: number, limit: number): { key: string; value?: string; end: number } | undefined {
  const key = token(text, i, limit);
  if (!key) {
    return undefined;
  }
  let j = key.end;
  while (isBlank(text[j])) {
    j++;
  }
  const sep = text[j];
  if (sep !== '=' && sep !== ':') {
    return { key: key.value, end: key.end };
  }
  j++;
  while (isBlank(text[j])) {
    j++;
  }
  const value = token(text, j, limit);
  // A Terraform `provider = alicloud.hz` is a reference, not an expression: read bare.
  const bare = value && (sep === ':' || launchKey(key.value) === PROVIDER_KEY || isWholeNumber(value.value));
  const literal = value && (value.quoted || bare) && plainValue(value.value) ? value.value : undefined;
  return { key: key.value, value: literal, end: value ? value.end : j };
}

/** The pairs directly inside the block opened at `open` (not in blocks nested in it), up to its `}` or `limit`. */
export function blockPairs(text: string, open: number, limit: number): Pairs {
  const pairs: Pairs = new Map();
  let depth = 0;
  for (let i = open + 1; i < limit; i++) {
    const c = text[i]!;
    if (c === '}') {
      if (depth === 0) {
        break;
      }
      depth--;
    } else if (c === '{') {
      depth++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      i = lineEnd(text, i, limit);
    } else if (depth === 0 && (c === '"' || isKeyChar(c.charCodeAt(0)))) {
      const pair = pairAt(text, i, limit);
      if (pair?.value !== undefined && !pairs.has(launchKey(pair.key))) {
        pairs.set(launchKey(pair.key), pair.value);
      }
      i = Math.max(i, (pair?.end ?? i + 1) - 1);
      if (text[i] === '"' && !pair) {
        i = stringEnd(text, i, limit);
      }
    } else if (c === '"') {
      i = stringEnd(text, i, limit);
    }
  }
  return pairs;
}

/** A line: where it starts, its indent (a list item's "- " counts as indent) and its `key: value` pair. */
interface Line {
  readonly start: number;
  readonly end: number;
  readonly indent: number;
  readonly blank: boolean;
}

function lineAt(text: string, start: number, limit: number): Line {
  const end = lineEnd(text, start, limit);
  let i = start;
  while (i < end && (isBlank(text[i]) || (text[i] === '-' && isBlank(text[i + 1])))) {
    i++;
  }
  return { start, end, indent: i - start, blank: i >= end || text[i] === '#' || text[i] === '\r' };
}

/**
 * YAML: the pairs of the ID's own level (its siblings above and below, up to a line indented less) and,
 * outward, of each parent level above it: one map per level, innermost first. Read within [from, to),
 * `from` being the text's start when `fromTextStart`.
 */
export function indentPairs(text: string, at: number, from: number, to: number, fromTextStart: boolean): Pairs[] {
  const found = lineStart(text, at, from);
  const ownStart = found < 0 && fromTextStart ? from : found;
  if (ownStart < 0) {
    // A line longer than the window (minified text): not laid out by indentation.
    return [new Map()];
  }
  const own = lineAt(text, ownStart, to);
  const levels: Pairs[] = [new Map()];
  const add = (pairs: Pairs, line: Line): void => {
    const pair = pairAt(text, line.start + line.indent, line.end);
    if (pair?.value !== undefined && !pairs.has(launchKey(pair.key))) {
      pairs.set(launchKey(pair.key), pair.value);
    }
  };
  add(levels[0]!, own);
  // Below: the same level until a line indented less.
  for (let start = own.end + 1; start < to; ) {
    const line = lineAt(text, start, to);
    if (!line.blank) {
      if (line.indent < own.indent) {
        break;
      }
      if (line.indent === own.indent) {
        add(levels[0]!, line);
      }
    }
    start = line.end + 1;
  }
  // Above: the same level, then each parent's level.
  let level = own.indent;
  for (let end = ownStart - 1; end > from; ) {
    const found = lineStart(text, end, from);
    const start = found < 0 ? from : found;
    const line = lineAt(text, start, end);
    if (!line.blank) {
      if (line.indent < level) {
        level = line.indent;
        levels.push(new Map());
      }
      if (line.indent === level) {
        add(levels[levels.length - 1]!, line);
      }
    }
    end = start - 1;
  }
  return levels;
}

/** The value of the first of `keys` the pairs hold. */
export function first(pairs: Pairs, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = pairs.get(key);
    if (value !== undefined) {
      return value;
    }
  }
  return undefined;
}
