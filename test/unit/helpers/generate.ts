// Seeded generator of request parts for the signer cross-checks: the same seed gives the same requests,
// so a failing case can be replayed by its index.
import { Random } from '../../../src/sandbox/random';

/** Character classes the generated strings draw from. */
export const CHARS = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  unreserved: '-_.~',
  space: ' ',
  reserved: "!*'();:@&=+$,/?#[]",
  other: '%"<>\\^`{|}',
  chinese: '镜像华为云阿里青云中文测试北京上海杭州公共私有',
  latin: 'éüßñøÅçÉ',
  astral: ['😀', '𠮷', '🚀'],
} as const;

export type CharClass = keyof typeof CHARS;

/** The emulator's seeded PRNG (mulberry32), with what the generators need on top. */
export class Gen extends Random {
  bool(probability = 0.5): boolean {
    return this.chance(probability);
  }

  override pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) {
      throw new Error('pick from an empty list');
    }
    return item;
  }

  char(classes: readonly CharClass[]): string {
    const source = CHARS[this.pick(classes)];
    return typeof source === 'string' ? this.pick([...source]) : this.pick(source);
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** A string of min..max characters drawn from the given classes. */
  text(classes: readonly CharClass[], min = 0, max = 12): string {
    let out = '';
    const length = this.int(min, max);
    for (let i = 0; i < length; i++) {
      out += this.char(classes);
    }
    return out;
  }

  /** A name that starts with a letter, then letters/digits/the given classes. */
  name(classes: readonly CharClass[], max = 10): string {
    return this.pick([...CHARS.alnum.slice(0, 52)]) + this.text(classes, 0, max);
  }

  /** Params with distinct names; about one value in six is empty. */
  params(nameClasses: readonly CharClass[], valueClasses: readonly CharClass[], min = 0, max = 8): Record<string, string> {
    const out: Record<string, string> = {};
    const count = this.int(min, max);
    for (let i = 0; i < count; i++) {
      out[this.name(nameClasses)] = this.bool(1 / 6) ? '' : this.text(valueClasses, 1, 16);
    }
    return out;
  }

  method(methods: readonly string[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD']): string {
    return this.pick(methods);
  }

  /** A JSON-able object with unicode keys and values, nested one level at times. */
  jsonBody(classes: readonly CharClass[] = ['alnum', 'space', 'reserved', 'chinese', 'latin', 'astral']): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    const count = this.int(1, 5);
    for (let i = 0; i < count; i++) {
      const key = this.name(['alnum', 'chinese']);
      const kind = this.int(0, 3);
      body[key] =
        kind === 0 ? this.text(classes, 0, 20)
        : kind === 1 ? this.int(-1000, 1000)
        : kind === 2 ? [this.text(classes, 0, 5), this.bool()]
        : { [this.name(['alnum'])]: this.text(classes, 0, 8) };
    }
    return body;
  }

  /** A date between 2000 and 2035 with whole seconds. */
  date(): Date {
    return new Date(Math.floor(this.int(946684800, 2082758399)) * 1000);
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      out += '0123456789abcdef'[this.int(0, 15)];
    }
    return out;
  }
}
