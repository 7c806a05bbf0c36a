// A document's text as the image-ID features read it: in pieces of at most PIECE_CHARS characters, read
// from the document one piece per check-in (in slices that give the thread back), and never joined into
// one string by us. The host's own getText() of a whole document joins all its lines in one go: for a
// 50 MB log (half a million lines) that is one block of hundreds of milliseconds, and a string of the
// document's size the host keeps until the next edit. A piece of whole lines is the host joining a few
// thousand lines; a piece inside one long line (a minified file) is a substring of it, no copy at all.
// Plain Node (the document is reached through a TextReader), so it is unit-tested and benched on its own.
import type { Slicer } from './slices';

/** A text read by offsets: a string is one, and so is a PieceText. */
export interface TextSource {
  readonly length: number;
  /** The characters [from, to), as String.prototype.slice gives them for non-negative offsets. */
  slice(from: number, to: number): string;
}

/** How a document is read: its length, and the text between two offsets. */
export interface TextReader {
  /** The document's length in characters (line breaks included). */
  readonly length: number;
  /**
   * The text from `from` up to about `to`: a reader may stop a little short or go a little past (an offset
   * inside a CRLF line break is the line's end); the next piece is read from where this one ended.
   */
  read(from: number, to: number): string;
}

/** Larger documents are not scanned (the host does not hand extensions files over 50 MB either). */
export const MAX_DOCUMENT_CHARS = 50 * 1024 * 1024;

/** The most characters read at once: the host joins at most this much per read. */
export const PIECE_CHARS = 128 * 1024;

/** A text held as its pieces, read by offsets; a read across pieces copies only what it returns. */
export class PieceText implements TextSource {
  readonly length: number;
  private readonly pieces: string[] = [];
  /** The offset each piece starts at. */
  private readonly starts: number[] = [];
  /** The piece the last read started in: reads go mostly forward, near each other. */
  private last = 0;

  constructor(pieces: readonly string[]) {
    let at = 0;
    for (const piece of pieces) {
      if (piece.length) {
        this.pieces.push(piece);
        this.starts.push(at);
        at += piece.length;
      }
    }
    this.length = at;
  }

  slice(from: number, to: number): string {
    const start = Math.max(0, Math.min(from, this.length));
    const end = Math.max(start, Math.min(to, this.length));
    if (end === start) {
      return '';
    }
    let i = this.pieceAt(start);
    let out = this.pieces[i]!.slice(start - this.starts[i]!, end - this.starts[i]!);
    for (i++; i < this.pieces.length && this.starts[i]! < end; i++) {
      out += this.pieces[i]!.slice(0, end - this.starts[i]!);
    }
    return out;
  }

  /** The index of the piece holding `offset` (0 <= offset < length). */
  private pieceAt(offset: number): number {
    const near = this.last;
    if (this.starts[near]! <= offset && (near + 1 >= this.starts.length || offset < this.starts[near + 1]!)) {
      return near;
    }
    const lo = lastAtOrBefore(this.starts, offset);
    this.last = lo;
    return lo;
  }
}

/** Reads a whole document, a piece per check-in; rejects with an abort error when the slicer's signal aborts. */
export async function readPieces(reader: TextReader, slicer: Slicer, pieceChars = PIECE_CHARS): Promise<PieceText> {
  const pieces: string[] = [];
  slicer.check();
  for (let at = 0; at < reader.length; ) {
    const piece = reader.read(at, Math.min(reader.length, at + pieceChars));
    if (!piece) {
      // The reader gave nothing where the document says there is more (it changed): what was read stands.
      break;
    }
    pieces.push(piece);
    at += piece.length;
    await slicer.tick();
  }
  return new PieceText(pieces);
}

/** The index of the last of `starts` (ascending, the first 0) at or before `offset`: a binary search. */
export function lastAtOrBefore(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}
