// Where each line of a document starts, built by us in slices: the extension host builds its own index of
// line starts over every line in one go on a document's first offsetAt/positionAt (for a 50 MB log, one
// block of tens of milliseconds), so the image-ID features never ask it for offsets or positions. Built
// from the line count, each line's length and the line break's length; read by binary search. Plain Node
// (the document is reached through a LineSource), so it is unit-tested and benched on its own.
import type { Slicer } from './slices';
import { lastAtOrBefore, type TextReader } from './text';

/** A document as its lines: how many, how long each is (without its line break), how long a line break is. */
export interface LineSource {
  readonly lineCount: number;
  lineLength(line: number): number;
  /** 1 for LF, 2 for CRLF. */
  readonly eolLength: number;
}

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

/** Lines measured per check-in. */
const LINES_PER_CHECK = 4096;

export class LineIndex {
  private constructor(
    /** The offset each line starts at. */
    private readonly starts: Float64Array,
    /** The document's length in characters (line breaks included). */
    readonly length: number,
    private readonly eolLength: number,
  ) {}

  /**
   * Measures every line, a few thousand per check-in; undefined as soon as the document is found longer
   * than `limit` characters (the rest is not measured). Rejects with an abort error when the slicer's signal aborts.
   */
  static async build(doc: LineSource, slicer: Slicer, limit = Infinity): Promise<LineIndex | undefined> {
    const count = Math.max(1, doc.lineCount);
    const starts = new Float64Array(count);
    let at = 0;
    slicer.check();
    for (let i = 0; i < count; i++) {
      starts[i] = at;
      at += (i < doc.lineCount ? doc.lineLength(i) : 0) + (i < count - 1 ? doc.eolLength : 0);
      if (at > limit) {
        return undefined;
      }
      if (i % LINES_PER_CHECK === LINES_PER_CHECK - 1) {
        await slicer.tick();
      }
    }
    return new LineIndex(starts, at, doc.eolLength);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** A line's length without its line break. */
  lineLength(line: number): number {
    return line < this.starts.length - 1 ? this.starts[line + 1]! - this.starts[line]! - this.eolLength : this.length - this.starts[line]!;
  }

  /** The position of an offset (clamped to the document; an offset inside a CRLF is its line's end), as the host's positionAt gives it. */
  positionAt(offset: number): LinePosition {
    const at = Math.max(0, Math.min(Math.floor(offset), this.length));
    const lo = lastAtOrBefore(this.starts, at);
    return { line: lo, character: Math.min(at - this.starts[lo]!, this.lineLength(lo)) };
  }

  /** The offset of a position (clamped to the document and to its line), as the host's offsetAt gives it. */
  offsetAt(line: number, character: number): number {
    if (line < 0) {
      return 0;
    }
    if (line >= this.starts.length) {
      return this.length;
    }
    return this.starts[line]! + Math.max(0, Math.min(Math.floor(character), this.lineLength(line)));
  }
}

/** A document read by our offsets: the text between two positions of the index, from `text`. */
export function indexedReader(index: LineIndex, text: (start: LinePosition, end: LinePosition) => string): TextReader {
  return {
    length: index.length,
    read: (from, to) => text(index.positionAt(from), index.positionAt(to)),
  };
}
