// Finds the image IDs in a text: each cloud's shape from the provider rules, and for the clouds whose
// IDs are too common a shape (Huawei's UUIDs), only where the key they are the value of names an image.
// Plain text in, offsets out: no vscode here, so the rules are unit-tested on their own.
import { IMAGE_ID_RULES, isImageKey } from '../providers/rules/imageIds';
import type { CloudKind } from '../providers/core/model';

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

/** The key an ID at `start` is the value of, where the text shows one. */
export function keyBefore(text: string, start: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const prefix = text.slice(lineStart, start);
  const onLine = KEY_ON_LINE.exec(prefix)?.[2] ?? FLAG_ON_LINE.exec(prefix)?.[1];
  if (onLine !== undefined) {
    return onLine;
  }
  const item = ITEM_START.exec(prefix);
  if (!item) {
    return undefined;
  }
  const indent = item[1]!.length;
  let end = lineStart - 1;
  for (let n = 0; n < MAX_LINES_UP && end >= 0; n++) {
    const from = text.lastIndexOf('\n', end - 1) + 1;
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

/** Every image ID in the text, in order; an ID that needs an image key is kept only next to one. */
export function findImageIds(text: string): IdMatch[] {
  const found: IdMatch[] = [];
  for (const { rule, regex } of RULES) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const key = rule.needsImageKey ? keyBefore(text, m.index) : undefined;
      if (!rule.needsImageKey || (key !== undefined && isImageKey(key))) {
        found.push({ id: m[0], cloud: rule.cloud, start: m.index, end: m.index + m[0].length });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
