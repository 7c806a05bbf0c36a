// What a file says around an image ID about where and on what it is launched: the region, the instance
// type and the system disk size written beside it. The reader finds the nearest enclosing block ({…} in
// Terraform, Packer, JSON templates; an indentation level in YAML) and reads its `key = "value"` /
// `key: value` pairs; the region may also come from an outer block or from the file's `provider "…"`
// block (the one the resource names with `provider = alicloud.hz`, else the one without an alias). A
// plain character walk over a bounded window around the ID (no regular expression runs on the text;
// every scan stops at the window's edge), so the cost is linear and bounded whatever the text holds; IDs
// read in file order share one walk (BraceWalk). The text is read by offsets (a TextSource) in windows
// of CHUNK characters or so that IDs in file order share: a document held in pieces is never joined
// (the walks run on a window's string, with offsets into it). The pairs themselves are read by
// launchPairs.ts. Plain Node, unit-tested.
import type { CloudKind } from '../providers/core/model';
import { LAUNCH_KEYS, diskSizeValue } from '../providers/rules/launchKeys';
import { MAX_TOKEN, PROVIDER_KEY, blockPairs, first, indentPairs, isBlank, lineEnd, stringEnd, token, type Pairs } from './launchPairs';
import type { TextSource } from './text';

export interface LaunchContext {
  /** The region the file launches the image in, where it says so with a literal value. */
  readonly region?: string;
  /** The instance type (flavor) written beside the image ID. */
  readonly instanceType?: string;
  /** The size of the system disk written beside the image ID, in GiB. */
  readonly systemDiskGiB?: number;
}

/** How far from the ID the reader looks, each way. */
const WINDOW = 16 * 1024;
/** How many enclosing blocks are read, innermost first (a region is written close by). */
const MAX_LEVELS = 4;
/** How far into the file the reader looks for a provider block. */
const PROVIDER_SCAN = 256 * 1024;
/** What a window holds past a walk's limit: a walk peeks a little past it (`//`, a quote, blanks), but reads no value there. */
const PAD = 2 * MAX_TOKEN;
/** How much text a window read from the source holds at least: IDs in file order share one. */
const CHUNK = 8 * WINDOW;
/** The provider block without an alias: the one a resource without `provider =` is created with. */
const DEFAULT_PROVIDER = '';

/**
 * The walk over [from, to) that skips strings and comments, pushing each `{` onto `stack` and popping it
 * at its `}` (the stack it was given, changed in place); and where a walk may go on from with that stack:
 * `to`, or the start of a string or comment still open there (an ID is mostly inside a string).
 */
function walkBraces(text: string, from: number, to: number, stack: number[]): { stack: number[]; resume: number } {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ || c === 35 /* # */ || (c === 47 /* / */ && text.charCodeAt(i + 1) === 47)) {
      const end = c === 34 ? stringEnd(text, i, to) : lineEnd(text, i, to);
      if (end >= to) {
        return { stack, resume: i };
      }
      i = end;
    } else if (c === 123 /* { */) {
      stack.push(i);
    } else if (c === 125 /* } */) {
      stack.pop();
    }
  }
  return { stack, resume: to };
}

/**
 * The `{` enclosing an offset, opened within WINDOW before it, outermost first. IDs are mostly asked in
 * file order, so the walk goes on from where the last one stopped (outside any string or comment) when
 * that is in the window, instead of walking the whole window again: a file of many IDs costs about one
 * walk over it, each ask at most one window, and the walk knows which quotes open strings even in a
 * minified text of one line. Afresh, it starts at the window's first line start (strings and comments
 * end at a line's end), or at the window's start in a text of long lines.
 */
class BraceWalk {
  /** Where the last walk stopped, and the braces open there (offsets in the text). */
  private offset = -1;
  private stack: readonly number[] = [];

  /** The braces open at `at`, as offsets in the text; `window` holds the text from WINDOW before `at` up to it. */
  at(window: Window, at: number): number[] {
    const { chars, base } = window;
    const from = Math.max(0, at - WINDOW);
    let start = from;
    let stack: number[] = [];
    if (this.offset >= from && this.offset <= at) {
      start = this.offset;
      stack = this.stack.map((brace) => brace - base);
    } else if (from > 0) {
      const nl = lineEnd(chars, from - base, at - base) + base;
      start = nl < at ? nl + 1 : from;
    }
    const walked = walkBraces(chars, start - base, at - base, stack);
    // Braces opened before the window are never asked again (the next ask is further on), nor kept.
    const open = walked.stack.map((brace) => brace + base).filter((brace) => brace >= from);
    this.offset = walked.resume + base;
    this.stack = open;
    return [...open];
  }
}

/** How much of the file's start providerRegions reads: PROVIDER_SCAN, and a provider block starting there. */
const HEAD = PROVIDER_SCAN + WINDOW + PAD;

/**
 * The regions of the file's `provider "<cloud's provider>" { region = "…" }` blocks, by alias: the first
 * block without an alias under DEFAULT_PROVIDER, each `alias = "hz"` block under its alias. `text` is the
 * file's first HEAD characters (or all of it), `length` the whole file's.
 */
function providerRegions(text: string, length: number, cloud: CloudKind, regionKeys: readonly string[]): Map<string, string> {
  const regions = new Map<string, string>();
  const limit = Math.min(length, PROVIDER_SCAN);
  const head = text.slice(0, limit);
  for (let at = head.indexOf('provider', 0); at >= 0; at = head.indexOf('provider', at + 8)) {
    let before = at - 1;
    while (before >= 0 && isBlank(text[before])) {
      before--;
    }
    if (before >= 0 && text[before] !== '\n') {
      continue;
    }
    let i = at + 8;
    while (isBlank(text[i])) {
      i++;
    }
    const name = token(text, i, limit);
    if (!name || !LAUNCH_KEYS[cloud].providers.includes(name.value)) {
      continue;
    }
    const open = text.slice(name.end, name.end + 9).indexOf('{') + name.end;
    if (open < name.end) {
      continue;
    }
    const pairs = blockPairs(text, open, Math.min(length, open + WINDOW));
    const alias = pairs.get('alias') ?? DEFAULT_PROVIDER;
    const region = first(pairs, regionKeys);
    if (region && !regions.has(alias)) {
      regions.set(alias, region);
    }
  }
  return regions;
}

/** The provider alias the innermost block naming one is created with (`provider = alicloud.hz` → "hz"), if it names one of the cloud's providers. */
function aliasOf(levels: readonly Pairs[], providers: readonly string[]): string {
  for (const pairs of levels) {
    const ref = pairs.get(PROVIDER_KEY);
    const dot = ref?.indexOf('.') ?? -1;
    if (ref !== undefined && dot > 0 && providers.includes(ref.slice(0, dot))) {
      return ref.slice(dot + 1);
    }
  }
  return DEFAULT_PROVIDER;
}

/** Some characters of the text: those from `base` on. */
interface Window {
  readonly base: number;
  readonly chars: string;
}

/** Reads one text: what it says about launching the image whose ID starts at an offset (the file's provider blocks read once per cloud). */
export class LaunchContextReader {
  private readonly fileRegions = new Map<CloudKind, Map<string, string>>();
  private readonly braces = new BraceWalk();
  private window: Window = { base: 0, chars: '' };

  constructor(private readonly text: TextSource) {}

  at(at: number, cloud: CloudKind): LaunchContext {
    const { length } = this.text;
    const keys = LAUNCH_KEYS[cloud];
    const from = Math.max(0, at - WINDOW);
    const limit = Math.min(length, at + WINDOW);
    const window = this.cover(from, limit + PAD);
    const { base, chars } = window;
    const braces = this.braces.at(window, at);
    const levels = braces.length
      ? braces.slice(-MAX_LEVELS).reverse().map((open) => blockPairs(chars, open - base, limit - base))
      : indentPairs(chars, at - base, from - base, limit - base, from === 0);
    const own = levels[0] ?? new Map<string, string>();
    const instanceType = first(own, keys.instanceType);
    const disk = first(own, keys.systemDisk);
    const systemDiskGiB = disk === undefined ? undefined : diskSizeValue(disk);
    let region: string | undefined;
    for (const pairs of levels) {
      region ??= first(pairs, keys.region);
    }
    if (region === undefined) {
      let regions = this.fileRegions.get(cloud);
      if (!regions) {
        regions = providerRegions(this.text.slice(0, Math.min(length, HEAD)), length, cloud, keys.region);
        this.fileRegions.set(cloud, regions);
      }
      // A resource created with an aliased provider block launches in that block's region, else in the default block's.
      region = regions.get(aliasOf(levels, keys.providers));
    }
    return { ...(region ? { region } : {}), ...(instanceType ? { instanceType } : {}), ...(systemDiskGiB === undefined ? {} : { systemDiskGiB }) };
  }

  /** A window holding [from, to) of the text (as much of it as there is): the last one if it does, else one read from `from` on, CHUNK long at least. */
  private cover(from: number, to: number): Window {
    const { length } = this.text;
    const end = Math.min(length, to);
    const { base, chars } = this.window;
    if (from < base || end > base + chars.length) {
      this.window = { base: from, chars: this.text.slice(from, Math.min(length, Math.max(end, from + CHUNK))) };
    }
    return this.window;
  }
}
