// A document's text read in bounded pieces and used as one text: every slice of it is the slice of the
// whole, whatever pieces it crosses; the reading takes pieces of at most the asked size, one per
// check-in, follows the reader where it stops short (an offset inside a CRLF line break), and stops on
// an abort; the scanner finds in the pieces exactly what it finds in the whole string.
import { strict as assert } from 'assert';
import { findImageIds, scanImageIds } from '../../../src/editor/scan';
import { Slicer } from '../../../src/editor/slices';
import { PieceText, readPieces, type TextReader } from '../../../src/editor/text';
import { ProviderError } from '../../../src/providers/core/errors';

/** A document read as the host reads one: an offset inside a CRLF line break is the end of its line. */
function crlfReader(text: string, reads: Array<[number, number]> = []): TextReader {
  const clamp = (at: number): number => (at > 0 && at < text.length && text[at - 1] === '\r' && text[at] === '\n' ? at - 1 : at);
  return {
    length: text.length,
    read: (from, to) => {
      reads.push([from, to]);
      return text.slice(clamp(from), clamp(to));
    },
  };
}

/** A slicer that gives the thread back at every check-in, counting them. */
function counting(): { slicer: Slicer; gaveBack: () => number } {
  let n = 0;
  return { slicer: new Slicer({ sliceMs: 0, now: () => 0, yieldNow: () => Promise.resolve(void n++) }), gaveBack: () => n };
}

describe('A document read in pieces', () => {
  it('slices like the whole string, within a piece, across pieces and at the edges', () => {
    const parts = ['abc', '', 'defgh', 'i', '', 'jklmnopq', 'r'];
    const whole = parts.join('');
    const text = new PieceText(parts);
    assert.equal(text.length, whole.length);
    for (let from = 0; from <= whole.length; from++) {
      for (let to = from; to <= whole.length + 2; to++) {
        assert.equal(text.slice(from, to), whole.slice(from, to), `[${from}, ${to})`);
      }
    }
    // Backwards reads after forward ones (the scanner looks back for a key) find their piece too.
    assert.equal(text.slice(17, 18), 'r');
    assert.equal(text.slice(0, 2), 'ab');
    assert.equal(text.slice(5, 2), '');
    assert.equal(new PieceText([]).slice(0, 10), '');
  });

  it('reads a document a bounded piece at a time, one per check-in, to the same text (CRLF line breaks included)', async () => {
    const doc = Array.from({ length: 500 }, (_, n) => `line ${n} ${'x'.repeat(n % 37)}`).join('\r\n');
    const reads: Array<[number, number]> = [];
    const { slicer, gaveBack } = counting();
    const text = await readPieces(crlfReader(doc, reads), slicer, 100);
    assert.equal(text.slice(0, text.length), doc);
    assert.ok(reads.every(([from, to]) => to - from <= 100), 'no read asks for more than a piece');
    assert.equal(gaveBack(), reads.length, 'the thread given back after every piece');
    assert.ok(reads.length >= doc.length / 100);
    // Each read starts where the last one ended, also where a piece stopped short of a CRLF.
    assert.ok(reads.some(([, to]) => doc[to - 1] === '\r'), 'the test crosses a CRLF at a piece edge');
  });

  it('stops reading once the signal aborts', async () => {
    const controller = new AbortController();
    const reads: Array<[number, number]> = [];
    const slicer = new Slicer({
      signal: controller.signal,
      sliceMs: 0,
      now: () => 0,
      yieldNow: () => {
        controller.abort();
        return Promise.resolve();
      },
    });
    await assert.rejects(readPieces(crlfReader('a\n'.repeat(1000), reads), slicer, 64), (e: unknown) => ProviderError.isAbort(e));
    assert.equal(reads.length, 1, 'nothing read after the abort');
  });

  it('is scanned to the same IDs as the whole string, an ID or its key across a piece edge included', async () => {
    const hw = '8f2c1d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f';
    const lines: string[] = [];
    for (let n = 0; n < 400; n++) {
      lines.push(n % 5 === 0 ? `  image_id = "m-bp1g7004ksh0oe${n.toString(36).padStart(4, '0')}"` : n % 5 === 1 ? `image_ids:\n  - ${hw}` : `request ${n} done`);
    }
    const doc = lines.join('\n');
    const want = findImageIds(doc);
    assert.ok(want.some((m) => m.cloud === 'huawei'));
    for (const size of [7, 31, 100, 4096]) {
      const text = await readPieces(crlfReader(doc), new Slicer(), size);
      assert.deepEqual(await scanImageIds(text), want, `pieces of ${size}`);
    }
  });
});
