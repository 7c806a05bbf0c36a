// The emulator's JSON answers as bytes, exactly those of JSON.stringify, made cheaply for a listing page.
// A cloud answers a page from many servers; the emulator builds it on one thread, and a page of 500 Huawei
// images is 600 KB: JSON.stringify built it as a string of pieces, which the HTTP server then flattened to
// count its bytes and encoded again to send it (about 12 ms a page, added to every round trip of a Load All).
// Here each item of a list (an image) keeps its own UTF-8 bytes with a copy of what they were made from;
// an item is written again only when it no longer equals that copy (a tag added, a status changed, by any
// path), so nothing has to say that it changed. The page is its structure's text around the items' bytes,
// written to the socket piece by piece (copying 600 KB into one buffer cost as much again).

/** An object's keys in order and their values' copies; an array's items' copies; a primitive as itself. */
type Copy = { readonly keys: readonly string[]; readonly values: readonly Copy[] } | readonly Copy[] | Primitive;
type Primitive = string | number | boolean | null | undefined;

/** What an item's bytes were made from, and the bytes. */
interface Kept {
  readonly copy: Copy;
  readonly bytes: Buffer;
}

/** What JSON.stringify would read differently from its own fields (a Date, a class, toJSON): never kept. */
const NOT_PLAIN = Symbol('not plain');

const kept = new WeakMap<object, Kept>();

/** An object or array JSON.stringify writes member by member: no toJSON, no prototype but Object's or Array's. */
function isPlain(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) {
    return false;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null || (proto === Array.prototype && Array.isArray(v))) && !('toJSON' in v);
}

function isPrimitive(v: unknown): v is Primitive {
  return v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** A copy of a value made of plain objects, arrays and primitives; NOT_PLAIN when anything else is in it. */
function copyOf(v: unknown): Copy | typeof NOT_PLAIN {
  if (isPrimitive(v)) {
    return v;
  }
  if (!isPlain(v)) {
    return NOT_PLAIN;
  }
  if (Array.isArray(v)) {
    const items: Copy[] = [];
    for (const item of v as unknown[]) {
      const c = copyOf(item);
      if (c === NOT_PLAIN) {
        return NOT_PLAIN;
      }
      items.push(c);
    }
    return items;
  }
  const keys = Object.keys(v);
  const values: Copy[] = [];
  for (const key of keys) {
    const c = copyOf((v as Record<string, unknown>)[key]);
    if (c === NOT_PLAIN) {
      return NOT_PLAIN;
    }
    values.push(c);
  }
  return { keys, values };
}

/** Whether a value still equals its copy: the same keys in the same order, the same primitives. */
function same(copy: Copy, v: unknown): boolean {
  if (isPrimitive(copy)) {
    return copy === v;
  }
  if (!isPlain(v)) {
    return false;
  }
  if (Array.isArray(copy)) {
    const items = v as unknown[];
    if (!Array.isArray(v) || items.length !== copy.length) {
      return false;
    }
    for (let i = 0; i < copy.length; i++) {
      if (!same(copy[i] as Copy, items[i])) {
        return false;
      }
    }
    return true;
  }
  if (Array.isArray(v)) {
    return false;
  }
  const { keys, values } = copy as { readonly keys: readonly string[]; readonly values: readonly Copy[] };
  const now = Object.keys(v);
  if (now.length !== keys.length) {
    return false;
  }
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (now[i] !== key || !same(values[i] as Copy, (v as Record<string, unknown>)[key])) {
      return false;
    }
  }
  return true;
}

/** An item's bytes: kept ones while the item equals what they were made from, else made (and kept) again. */
function itemBytes(item: object): Buffer {
  const k = kept.get(item);
  if (k && same(k.copy, item)) {
    return k.bytes;
  }
  const bytes = Buffer.from(JSON.stringify(item), 'utf8');
  const copy = copyOf(item);
  if (copy === NOT_PLAIN) {
    kept.delete(item);
  } else {
    kept.set(item, { copy, bytes });
  }
  return bytes;
}

/** The answer's bytes in order: text runs of its structure, and its items' bytes. */
class Pieces {
  private readonly parts: Buffer[] = [];
  private text = '';

  write(text: string): void {
    this.text += text;
  }

  add(bytes: Buffer): void {
    this.flush();
    this.parts.push(bytes);
  }

  done(): Buffer[] {
    this.flush();
    return this.parts;
  }

  private flush(): void {
    if (this.text) {
      this.parts.push(Buffer.from(this.text, 'utf8'));
      this.text = '';
    }
  }
}

/** Writes a value as JSON.stringify would; false for what it leaves out (undefined, a function, a symbol). */
function write(out: Pieces, v: unknown): boolean {
  if (!isPlain(v)) {
    const text = JSON.stringify(v) as string | undefined;
    if (text === undefined) {
      return false;
    }
    out.write(text);
    return true;
  }
  if (Array.isArray(v)) {
    out.write('[');
    const items = v as unknown[];
    for (let i = 0; i < items.length; i++) {
      if (i) {
        out.write(',');
      }
      const item = items[i];
      if (isPlain(item) && !Array.isArray(item)) {
        out.add(itemBytes(item));
      } else if (!write(out, item)) {
        out.write('null');
      }
    }
    out.write(']');
    return true;
  }
  out.write('{');
  let first = true;
  for (const key of Object.keys(v)) {
    const value = (v as Record<string, unknown>)[key];
    // A member whose value JSON.stringify leaves out is left out whole, its key too.
    const text = isPlain(value) ? '' : (JSON.stringify(value) as string | undefined);
    if (text === undefined) {
      continue;
    }
    out.write(`${first ? '' : ','}${JSON.stringify(key)}:${text}`);
    first = false;
    if (!text) {
      write(out, value);
    }
  }
  out.write('}');
  return true;
}

/**
 * The UTF-8 bytes of JSON.stringify(value) (none where it gives no text) in pieces, the items of its lists
 * written once and kept while unchanged: the server writes the pieces as they are (no copy into one buffer).
 */
export function jsonPieces(value: unknown): Buffer[] {
  const out = new Pieces();
  write(out, value);
  return out.done();
}

/** The UTF-8 bytes of JSON.stringify(value), as one buffer. */
export function jsonBytes(value: unknown): Buffer {
  return Buffer.concat(jsonPieces(value));
}
