// Our own index of line starts, built in slices from the lines' lengths: every offset's position and every
// position's offset equal a straightforward computation over the whole text (LF and CRLF, empty lines, an
// empty document, a last line with or without a line break, offsets at line ends and at the very end), a
// document over the limit is not measured to its end, and the pieces read by its positions are the
// slices of the whole text.
import { strict as assert } from 'assert';
import { indexedReader, LineIndex, type LinePosition, type LineSource } from '../../../src/editor/lineIndex';
import { Slicer } from '../../../src/editor/slices';
import { readPieces } from '../../../src/editor/text';
import { ProviderError } from '../../../src/providers/core/errors';

/** A document as the host holds one: its lines split at the line breaks, the text between two positions. */
class Doc implements LineSource {
  readonly lines: string[];
  measured = 0;
  constructor(
    readonly text: string,
    readonly eol: '\n' | '\r\n',
  ) {
    this.lines = text.split(eol);
  }
  get lineCount(): number {
    return this.lines.length;
  }
  get eolLength(): number {
    return this.eol.length;
  }
  lineLength(line: number): number {
    this.measured++;
    return this.lines[line]!.length;
  }
  between(start: LinePosition, end: LinePosition): string {
    return this.text.slice(this.naiveOffset(start), this.naiveOffset(end));
  }
  /** The straightforward offset of a position: the lengths of the lines before it, their breaks, its character (clamped to its line). */
  naiveOffset({ line, character }: LinePosition): number {
    let at = 0;
    for (let i = 0; i < line; i++) {
      at += this.lines[i]!.length + this.eol.length;
    }
    return at + Math.min(character, this.lines[line]!.length);
  }
  /** The straightforward position of an offset: counting line breaks before it; inside a CRLF is its line's end. */
  naivePosition(offset: number): LinePosition {
    const before = this.text.slice(0, offset);
    const line = before.split(this.eol).length - 1;
    const start = line === 0 ? 0 : before.lastIndexOf(this.eol) + this.eol.length;
    return { line, character: Math.min(offset - start, this.lines[line]!.length) };
  }
}

/** A slicer that gives the thread back at every check-in, counting them. */
function counting(): { slicer: Slicer; gaveBack: () => number } {
  let n = 0;
  return { slicer: new Slicer({ sliceMs: 0, now: () => 0, yieldNow: () => Promise.resolve(void n++) }), gaveBack: () => n };
}

const TEXTS = ['', 'one line', 'a\nbb\n\nccc\n', 'a\nbb\n\nccc', '\n\n\n', 'x\n\ny\n\n\nzz z\n'];

describe('Our index of line starts', () => {
  for (const eol of ['\n', '\r\n'] as const) {
    for (const base of TEXTS) {
      const text = base.replace(/\n/g, eol);
      it(`gives every offset's position and every position's offset as the whole text does (${eol === '\n' ? 'LF' : 'CRLF'}: ${JSON.stringify(text)})`, async () => {
        const doc = new Doc(text, eol);
        const index = (await LineIndex.build(doc, counting().slicer))!;
        assert.equal(index.length, text.length);
        assert.equal(index.lineCount, doc.lines.length);
        for (let offset = 0; offset <= text.length; offset++) {
          assert.deepEqual(index.positionAt(offset), doc.naivePosition(offset), `offset ${offset}`);
        }
        // Past either end: clamped to the document.
        assert.deepEqual(index.positionAt(-5), { line: 0, character: 0 });
        assert.deepEqual(index.positionAt(text.length + 7), doc.naivePosition(text.length));
        for (let line = 0; line < doc.lines.length; line++) {
          for (let character = 0; character <= doc.lines[line]!.length + 2; character++) {
            assert.equal(index.offsetAt(line, character), doc.naiveOffset({ line, character }), `${line}:${character}`);
          }
          assert.equal(index.lineLength(line), doc.lines[line]!.length);
        }
        assert.equal(index.offsetAt(doc.lines.length + 3, 0), text.length);
        assert.equal(index.offsetAt(-1, 4), 0);
      });
    }
  }

  it('measures the lines a few thousand per check-in, giving the thread back between them', async () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `line ${i}`).join('\r\n');
    const doc = new Doc(text, '\r\n');
    const { slicer, gaveBack } = counting();
    const index = (await LineIndex.build(doc, slicer))!;
    assert.equal(index.length, text.length);
    assert.deepEqual(index.positionAt(text.length), { line: 19_999, character: 'line 19999'.length });
    assert.ok(gaveBack() >= 4, `gave back ${gaveBack()} times`);
  });

  it('stops measuring once the document is past the limit, and says it is too long', async () => {
    const doc = new Doc(Array.from({ length: 10_000 }, () => '0123456789').join('\n'), '\n');
    assert.equal(await LineIndex.build(doc, counting().slicer, 5_000), undefined);
    assert.ok(doc.measured <= 500, `measured ${doc.measured} lines`);
    assert.ok(await LineIndex.build(new Doc(doc.text, '\n'), counting().slicer, doc.text.length));
  });

  it('stops with an abort error once the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(LineIndex.build(new Doc('a\nb', '\n'), new Slicer({ signal: controller.signal })), (err) => err instanceof ProviderError);
  });

  it('reads pieces by its positions that are the slices of the whole text', async () => {
    for (const eol of ['\n', '\r\n'] as const) {
      const text = Array.from({ length: 300 }, (_, i) => (i % 7 === 3 ? '' : `${i} `.repeat(i % 13))).join(eol);
      const doc = new Doc(text, eol);
      const index = (await LineIndex.build(doc, counting().slicer))!;
      const reads: string[] = [];
      const reader = indexedReader(index, (start, end) => {
        const piece = doc.between(start, end);
        reads.push(piece);
        return piece;
      });
      const pieces = await readPieces(reader, counting().slicer, 17);
      assert.equal(pieces.slice(0, pieces.length), text);
      let at = 0;
      for (const piece of reads) {
        assert.equal(piece, text.slice(at, at + piece.length));
        assert.ok(piece.length <= 17);
        at += piece.length;
      }
      assert.equal(at, text.length);
    }
  });
});
