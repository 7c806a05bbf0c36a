// The images a loader keeps, compacted: the words thousands of images repeat (region, status, OS,
// architecture, description, tag keys and values) stored once per loader, not once per image as the
// cloud's JSON made them. What the image says is unchanged.
//
// The tag list is shared too, one frozen list per distinct set of the words the instant filter reads
// besides an image's name and ID (status, OS name, OS type, tags): 50,000 images have a few thousand
// such sets (SharedWords), and the filter reads each set once per query (filter.ts).
//
// Beside the loader's list, not in the images, the loader keeps each image's set and its own words, its
// name and ID folded once as it arrives (foldOwnText): searchRecordsOf.
import type { Image, Tag } from '../providers/core/model';
import { foldText } from './automaton';

const NO_TAGS: readonly Tag[] = Object.freeze([]);

/** How many distinct words one table keeps; past it, words are kept as they come (a bound, not a leak). */
const MAX_WORDS = 20_000;

/**
 * One set of the words the filter reads besides an image's name and ID (status, OS name, OS type, tags),
 * shared by every image of the loader that has them; a query keeps what it found in them here (`found`,
 * for the query `foundBy`: one query at a time, any other reads them again).
 */
export class SharedWords {
  foundBy: object | undefined;
  found: unknown;

  constructor(readonly tags: readonly Tag[]) {}
}

/** What the instant filter reads of a loader's images, side by side with its list (one entry per image). */
export interface SearchRecords {
  /** Each image's folded name and ID (foldOwnText). */
  readonly own: readonly (string | true)[];
  /** Each image's set of shared words, where the compactor keeps one. */
  readonly shared: readonly (SharedWords | undefined)[];
}

const recordsOf = new WeakMap<readonly Image[], SearchRecords>();

/** The search records of a loader's list, when the loader keeps them in step with it (as many as the images). */
export function searchRecordsOf(items: readonly Image[]): SearchRecords | undefined {
  const records = recordsOf.get(items);
  return records?.own.length === items.length && records.shared.length === items.length ? records : undefined;
}

/** Keeps `records` as those of `items` (the loader appends to all of them as pages arrive). */
export function keepSearchRecords(items: readonly Image[], records: SearchRecords): void {
  recordsOf.set(items, records);
}

/**
 * An image's name and ID folded (automaton.ts foldText) for the instant filter: `true` when they are folded
 * already (three images in four: read them as they are), else the name alone when the ID is the name, or
 * "name\nID" (a word never holds a line break), as one flat string (what the engine searches fastest).
 */
export function foldOwnText(image: Pick<Image, 'name' | 'id'>): string | true {
  const text = image.id === image.name ? image.name : `${image.name}\n${image.id}`;
  const folded = foldText(text);
  return folded === text ? true : folded;
}

/** Puts `value` in `map` under `key`, and gives it back. */
function setIn<K, V>(map: Map<K, V>, key: K, value: V): V {
  map.set(key, value);
  return value;
}

/** A word in a key that no other word can be confused with (its length first). */
function part(text: string | undefined): string {
  return text === undefined ? '-' : `${text.length}:${text}`;
}

export class Compactor {
  private readonly words = new Map<string, string>();
  /** Each set of the filter's words, with its shared tag list (see above), by status, OS name, OS type and tags; bounded like the words. */
  private readonly sets = new Map<string, Map<string | undefined, Map<string | undefined, Map<string, SharedWords>>>>();
  private setCount = 0;

  /** The image with its repeated words shared. */
  image(image: Image): Image {
    return this.compact(image).image;
  }

  /** The image with its repeated words shared, and its set of the filter's words (undefined past the bound). */
  compact(image: Image): { readonly image: Image; readonly shared: SharedWords | undefined } {
    const status = this.word(image.status);
    const optional = this.optional(image);
    const shared = this.shared(status, optional.osName, optional.osType, image.tags);
    const compacted: Image = {
      ...image,
      regionId: this.word(image.regionId),
      status,
      owner: image.owner,
      ...optional,
      tags: shared instanceof SharedWords ? shared.tags : shared,
    };
    return { image: compacted, shared: shared instanceof SharedWords ? shared : undefined };
  }

  private optional(image: Image): Partial<Image> {
    const out: { -readonly [K in keyof Image]?: Image[K] } = {};
    for (const key of ['description', 'osName', 'osType', 'architecture', 'platform', 'family'] as const) {
      const value = image[key];
      if (value !== undefined) {
        out[key] = this.word(value);
      }
    }
    return out;
  }

  /** The set of these words (with its shared tag list), or past the bound a tag list of the image's own. */
  private shared(status: string, osName: string | undefined, osType: string | undefined, tags: readonly Tag[]): SharedWords | readonly Tag[] {
    // The words are the table's own strings (word()): maps by them, one level per word, build no key.
    // Past the bound, no new map either: an image of a set not kept has a tag list of its own.
    const room = this.setCount < MAX_WORDS;
    const byOsName = this.sets.get(status) ?? (room ? setIn(this.sets, status, new Map()) : undefined);
    const byOsType = byOsName && (byOsName.get(osName) ?? (room ? setIn(byOsName, osName, new Map()) : undefined));
    const byTags = byOsType && (byOsType.get(osType) ?? (room ? setIn(byOsType, osType, new Map()) : undefined));
    let key = '';
    for (const t of tags) {
      key += part(t.key) + part(t.value);
    }
    const known = byTags?.get(key);
    if (known !== undefined) {
      return known;
    }
    const list = tags.length ? Object.freeze(tags.map((t) => Object.freeze({ key: this.word(t.key), value: this.word(t.value) }))) : NO_TAGS;
    if (byTags && room) {
      const set = new SharedWords(list.length ? list : Object.freeze<Tag[]>([]));
      byTags.set(key, set);
      this.setCount++;
      return set;
    }
    return list;
  }

  private word<T extends string>(text: T): T {
    const known = this.words.get(text);
    if (known !== undefined) {
      return known as T;
    }
    if (this.words.size < MAX_WORDS) {
      this.words.set(text, text);
    }
    return text;
  }
}
