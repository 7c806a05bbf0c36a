// The images a loader keeps, compacted: the words thousands of images repeat (region, status, OS,
// architecture, description, tag keys and values) stored once per loader, not once per image as the
// cloud's JSON made them, and one shared empty tag list. What the image says is unchanged.
import type { Image, Tag } from '../providers/core/model';

const NO_TAGS: readonly Tag[] = Object.freeze([]);

/** How many distinct words one table keeps; past it, words are kept as they come (a bound, not a leak). */
const MAX_WORDS = 20_000;

export class Compactor {
  private readonly words = new Map<string, string>();

  /** The image with its repeated words shared. */
  image(image: Image): Image {
    return {
      ...image,
      regionId: this.word(image.regionId),
      status: this.word(image.status),
      owner: image.owner,
      ...this.optional(image),
      tags: image.tags.length ? image.tags.map((t) => ({ key: this.word(t.key), value: this.word(t.value) })) : NO_TAGS,
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
