// Finds the image IDs in a text: each cloud's shape from the provider rules, and for the clouds whose
// IDs are too common a shape (Huawei's UUIDs), only where the key they are the value of names an image.
// Plain text in, offsets out: no vscode here, so the rules are unit-tested on their own.
// The text is read in windows, and every regular expression runs on a bounded piece of it, so the cost
// is linear in the text's size whatever it holds (one 2 MB line, a 50 MB log); `scanImageIds` does the
// same work in slices that give the thread back, and stops when its signal aborts. The text is read
// only by offsets (a TextSource): a document held in pieces (text.ts) is scanned without being joined.
import { IMAGE_ID_RULES, isImageKey } from '../providers/rules/imageIds';
import type { CloudKind } from '../providers/core/model';
import { runSliced, Slicer, type SliceOptions } from './slices';
import type { TextSource } from './text';

export interface IdMatch {
  readonly id: string;
  readonly cloud: CloudKind;
  /** Offsets in the text: [start, end). */
  readonly start: number;
  readonly end: number;
}

/** Not part of a longer token on either side. */
const EDGE_BEFORE = '(?<![0-9A-Za-z_-])';
const EDGE_AFTER = '(?![0-9A-Za-z_-])';

const RULES = IMAGE_ID_RULES.map((rule) => ({ rule, regex: new RegExp(`${EDGE_BEFORE}${rule.pattern}${EDGE_AFTER}`, 'g') }));

/** The text is matched this much at a time. */
export const WINDOW_CHARS = 32 * 1024;
/** Longer than any ID shape: a window reads this far past its end, so an ID across its edge is seen whole. */
const MAX_ID_CHARS = 128;
/** How much of a line before an ID is read for its key (`image_id = "`, `--image `): a key is close by. */
const PREFIX_CHARS = 160;
/** A line longer than this is not a list line (a list of IDs in a minified file has its key on the line). */
const MAX_LIST_LINE_CHARS = 1024;

/** `key = "`, `key: '`, `"key": "`, `KEY=`, `key => "`, and the same with an open list: `key = ["a", "`. */
const KEY_ON_LINE = /(["']?)([A-Za-z_][\w.-]*)\1\s*(?::|=>|=)\s*(?:\[[^\]]*)?["']?$/;
/** `--image-id `, `--image=`, `-image "`. */
const FLAG_ON_LINE = /(?:^|\s)--?([A-Za-z][\w-]*)(?:=|\s+)["']?$/;
/** A YAML list item (`  - `) or a value alone on its line inside a multi-line list (`  "`). */
const ITEM_START = /^(\s*)(-\s*)?["']?$/;
/** A line that opens a list under a key: `key:` (YAML) or `key = [` / `"key": [` (HCL, JSON). */
const LIST_KEY = /^(\s*)(["']?)([A-Za-z_][\w.-]*)\2\s*(?::|=)\s*\[?\s*$/;
/** Lines a list may hold before the ID's own: other items, blank lines, comments. */
const LIST_LINE = /^\s*(?:-\s*)?(?:["']?[^\s"',[\]{}]*["']?,?)?\s*(?:#.*)?$/;
const MAX_LINES_UP = 200;

/** The start of the line holding `end - 1`, looking back at most `limit` characters; -1 past the limit. */
function lineStartWithin(text: TextSource, end: number, limit: number): number {
  const from = Math.max(0, end - limit);
  const nl = text.slice(from, end).lastIndexOf('\n');
  if (nl >= 0) {
    return from + nl + 1;
  }
  return from === 0 ? 0 : -1;
}

/** The key an ID at `start` is the value of, where the text shows one. */
export function keyBefore(text: TextSource, start: number): string | undefined {
  const lineStart = lineStartWithin(text, start, PREFIX_CHARS);
  const prefix = text.slice(lineStart < 0 ? start - PREFIX_CHARS : lineStart, start);
  const onLine = KEY_ON_LINE.exec(prefix)?.[2] ?? FLAG_ON_LINE.exec(prefix)?.[1];
  if (onLine !== undefined) {
    return onLine;
  }
  const item = lineStart < 0 ? null : ITEM_START.exec(prefix);
  if (!item) {
    return undefined;
  }
  const indent = item[1]!.length;
  let end = lineStart - 1;
  for (let n = 0; n < MAX_LINES_UP && end >= 0; n++) {
    const from = lineStartWithin(text, end, MAX_LIST_LINE_CHARS);
    if (from < 0) {
      return undefined;
    }
    const line = text.slice(from, end).replace(/\r$/, '');
    const key = LIST_KEY.exec(line);
    if (key && key[1]!.length <= indent) {
      return key[3];
    }
    if (!LIST_LINE.test(line)) {
      return undefined;
    }
    end = from - 1;
  }
  return undefined;
}

/** The IDs that start in [from, to), in order. */
function matchWindow(text: TextSource, from: number, to: number, out: IdMatch[]): void {
  // One character before (for the edge check) and an ID's length after (an ID across `to` is whole).
  const base = Math.max(0, from - 1);
  const piece = text.slice(base, Math.min(text.length, to + MAX_ID_CHARS));
  const found: IdMatch[] = [];
  for (const { rule, regex } of RULES) {
    regex.lastIndex = from - base;
    for (let m = regex.exec(piece); m && base + m.index < to; m = regex.exec(piece)) {
      const start = base + m.index;
      const key = rule.needsImageKey ? keyBefore(text, start) : undefined;
      if (!rule.needsImageKey || (key !== undefined && isImageKey(key))) {
        found.push({ id: m[0], cloud: rule.cloud, start, end: start + m[0].length });
      }
    }
  }
  out.push(...found.sort((a, b) => a.start - b.start));
}

/** Steps through the text a window at a time; each call does one window and says whether it was the last. */
function windows(text: TextSource, out: IdMatch[]): () => boolean {
  let at = 0;
  return () => {
    const to = Math.min(text.length, at + WINDOW_CHARS);
    matchWindow(text, at, to, out);
    at = to;
    return at >= text.length;
  };
}

/** Every image ID in the text, in order; an ID that needs an image key is kept only next to one. */
export function findImageIds(text: string): IdMatch[] {
  const out: IdMatch[] = [];
  const step = windows(text, out);
  while (!step()) {
    // one window after another
  }
  return out;
}

/** The same as findImageIds, in slices that give the thread back; rejects with an abort error when the signal aborts. */
export async function scanImageIds(text: TextSource, options: SliceOptions = {}): Promise<IdMatch[]> {
  const out: IdMatch[] = [];
  await runSliced(windows(text, out), new Slicer(options));
  return out;
}
