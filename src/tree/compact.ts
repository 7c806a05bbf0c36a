// The images a loader keeps, compacted: the words thousands of images repeat (region, status, OS,
// architecture, description, tag keys and values) stored once per loader, not once per image as the
// cloud's JSON made them. What the image says is unchanged.
//
// The tag list is shared too, one frozen list per distinct set of the words the instant filter reads
// besides an image's name and ID (status, OS name, OS type, tags): 50,000 images have a few thousand
// such sets, and the filter reads each set once per query, found by its tag list (filter.ts).
//
// What the filter reads of the image's own words, its name and ID folded (foldOwnText), is folded once as
// the image arrives and kept beside the loader's list (ownTextsOf), not in the image.
import type { Image, Tag } from '../providers/core/model';
import { foldText } from './automaton';

const NO_TAGS: readonly Tag[] = Object.freeze([]);

/** How many distinct words one table keeps; past it, words are kept as they come (a bound, not a leak). */
const MAX_WORDS = 20_000;

/**
 * What the instant filter reads of each loaded image's own words, side by side with a loader's list (one
 * entry per image, foldOwnText), by the list it belongs to: kept by the loader as pages arrive.
 */
const ownTexts = new WeakMap<readonly Image[], (string | true)[]>();

/** The folded own texts of a loader's list, when the loader keeps them in step with it (as many as the images). */
export function ownTextsOf(items: readonly Image[]): readonly (string | true)[] | undefined {
  const texts = ownTexts.get(items);
  return texts?.length === items.length ? texts : undefined;
}

/** Keeps `texts` as the folded own texts of `items` (the loader appends to both as pages arrive). */
export function keepOwnTexts(items: readonly Image[], texts: (string | true)[]): void {
  ownTexts.set(items, texts);
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

/** A word in a key that no other word can be confused with (its length first). */
function part(text: string | undefined): string {
  return text === undefined ? '-' : `${text.length}:${text}`;
}

export class Compactor {
  private readonly words = new Map<string, string>();
  /** The shared tag list of each set of the filter's words (see above); bounded like the words. */
  private readonly tagLists = new Map<string, readonly Tag[]>();

  /** The image with its repeated words shared. */
  image(image: Image): Image {
    const status = this.word(image.status);
    const optional = this.optional(image);
    return {
      ...image,
      regionId: this.word(image.regionId),
      status,
      owner: image.owner,
      ...optional,
      tags: this.tags(status, optional.osName, optional.osType, image.tags),
    };
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

  private tags(status: string, osName: string | undefined, osType: string | undefined, tags: readonly Tag[]): readonly Tag[] {
    let key = part(status) + part(osName) + part(osType);
    for (const t of tags) {
      key += part(t.key) + part(t.value);
    }
    const known = this.tagLists.get(key);
    if (known !== undefined) {
      return known;
    }
    const list = tags.length ? Object.freeze(tags.map((t) => Object.freeze({ key: this.word(t.key), value: this.word(t.value) }))) : Object.freeze<Tag[]>([]);
    if (this.tagLists.size < MAX_WORDS) {
      this.tagLists.set(key, list);
      return list;
    }
    return tags.length ? list : NO_TAGS;
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
