// A JSON answer parsed from its bytes in pieces. A page of images is 60 KB (QingCloud) to 600 KB (Huawei); its
// text as one string is larger than V8's largest ordinary object (128 KiB, at two bytes a character once one
// Chinese character is in it), so each answer's text took fresh memory pages of its own: decoding it cost more
// than parsing and mapping the page together. A large body is cut where its structure allows (an object's
// members, an array's items) into pieces small enough to stay ordinary strings; JSON.parse reads each piece,
// and the pieces are put together as JSON.parse would have built the whole. A body the cutter does not follow
// is parsed whole, so a malformed one fails exactly as before.

/** Bodies up to this many bytes are parsed whole: their text stays under 128 KiB even at two bytes a character. */
export const WHOLE_BYTES = 60 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** What the cutter gives up on (never seen by callers: the body is then parsed whole). */
class NotFollowed extends Error {}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The value JSON.parse gives for the UTF-8 text in `bytes`; `whole` is exposed for tests (small pieces). */
export function parseJsonBytes(bytes: Buffer, whole = WHOLE_BYTES): unknown {
  if (bytes.length > whole) {
    try {
      return parseInPieces(bytes, whole);
    } catch (err) {
      if (!(err instanceof NotFollowed || err instanceof SyntaxError)) {
        throw err;
      }
      // Malformed (or beyond the cutter): JSON.parse of the whole says what is wrong, as it always did.
    }
  }
  return JSON.parse(bytes.toString('utf8'));
}

/** The body cut into pieces of at most `whole` bytes where its structure allows; throws where it does not follow the text. */
export function parseInPieces(bytes: Buffer, whole: number): unknown {
  return new Cutter(bytes, whole).document();
}

class Cutter {
  /** Where each object or array that starts at an index ends (the index of its closing bracket). */
  private readonly ends = new Map<number, number>();

  constructor(
    private readonly b: Buffer,
    private readonly whole: number,
  ) {}

  document(): unknown {
    this.scan();
    const start = this.space(0);
    const end = this.valueEnd(start);
    if (this.space(end) !== this.b.length) {
      throw new NotFollowed('text after the value');
    }
    return this.value(start, end);
  }

  /** One pass over the bytes: the end of every object and array (UTF-8 never puts a quote, backslash or bracket inside a character). */
  private scan(): void {
    const b = this.b;
    const n = b.length;
    const open: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = b[i];
      if (c === QUOTE) {
        i = this.stringEnd(i);
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        open.push(i);
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        const at = open.pop();
        // '{' + 2 is '}', '[' + 2 is ']'.
        if (at === undefined || b[at] !== c - 2) {
          throw new NotFollowed('unbalanced');
        }
        this.ends.set(at, i);
      }
    }
    if (open.length) {
      throw new NotFollowed('unclosed');
    }
  }

  /** The index of the quote that closes the string opening at `i`. */
  private stringEnd(i: number): number {
    const b = this.b;
    const n = b.length;
    for (let j = i + 1; j < n; j++) {
      const c = b[j];
      if (c === BACKSLASH) {
        j++;
      } else if (c === QUOTE) {
        return j;
      }
    }
    throw new NotFollowed('unterminated string');
  }

  private space(i: number): number {
    while (isSpace(this.b[i])) {
      i++;
    }
    return i;
  }

  /** Just past the value starting at `i`. */
  private valueEnd(i: number): number {
    const c = this.b[i];
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const end = this.ends.get(i);
      if (end === undefined) {
        throw new NotFollowed('no end');
      }
      return end + 1;
    }
    if (c === QUOTE) {
      return this.stringEnd(i) + 1;
    }
    // A number, true, false or null: up to the next separator.
    let j = i;
    while (j < this.b.length) {
      const d = this.b[j];
      if (d === COMMA || d === CLOSE_OBJECT || d === CLOSE_ARRAY || isSpace(d)) {
        break;
      }
      j++;
    }
    if (j === i) {
      throw new NotFollowed('no value');
    }
    return j;
  }

  private text(start: number, end: number): string {
    return this.b.toString('utf8', start, end);
  }

  /** The value in [start, end): parsed whole when small, else cut into its members or items. */
  private value(start: number, end: number): unknown {
    const c = this.b[start];
    if (end - start <= this.whole || (c !== OPEN_OBJECT && c !== OPEN_ARRAY)) {
      return JSON.parse(this.text(start, end));
    }
    return c === OPEN_OBJECT ? this.object(start, end) : this.array(start, end);
  }

  private object(start: number, end: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let i = this.space(start + 1);
    if (this.b[i] === CLOSE_OBJECT) {
      return out;
    }
    for (;;) {
      if (this.b[i] !== QUOTE) {
        throw new NotFollowed('no key');
      }
      const keyEnd = this.stringEnd(i) + 1;
      const key = JSON.parse(this.text(i, keyEnd)) as string;
      i = this.space(keyEnd);
      if (this.b[i] !== COLON) {
        throw new NotFollowed('no colon');
      }
      i = this.space(i + 1);
      const valueEnd = this.valueEnd(i);
      const value = this.value(i, valueEnd);
      if (key === '__proto__') {
        // As JSON.parse makes it: an own property, not the object's prototype.
        Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
      } else {
        out[key] = value;
      }
      i = this.space(valueEnd);
      if (this.b[i] === COMMA) {
        i = this.space(i + 1);
      } else if (this.b[i] === CLOSE_OBJECT && i === end - 1) {
        return out;
      } else {
        throw new NotFollowed('no comma');
      }
    }
  }

  private array(start: number, end: number): unknown[] {
    const out: unknown[] = [];
    let i = this.space(start + 1);
    if (this.b[i] === CLOSE_ARRAY) {
      return out;
    }
    for (;;) {
      const valueEnd = this.valueEnd(i);
      out.push(this.value(i, valueEnd));
      i = this.space(valueEnd);
      if (this.b[i] === COMMA) {
        i = this.space(i + 1);
      } else if (this.b[i] === CLOSE_ARRAY && i === end - 1) {
        return out;
      } else {
        throw new NotFollowed('no comma');
      }
    }
  }
}
