// The images a loader keeps, compacted: the words thousands of images repeat (region, status, OS,
// architecture, description, tag keys and values) stored once per loader, not once per image as the
// cloud's JSON made them. What the image says is unchanged.
//
// The tag list is shared too, one frozen list per distinct set of the words the instant filter reads
// besides an image's name and ID (status, OS name, OS type, tags): 50,000 images have a few thousand
// such sets, and the filter reads each set once per query, found by its tag list (filter.ts).
import type { Image, Tag } from '../providers/core/model';

const NO_TAGS: readonly Tag[] = Object.freeze([]);

/** How many distinct words one table keeps; past it, words are kept as they come (a bound, not a leak). */
const MAX_WORDS = 20_000;

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
