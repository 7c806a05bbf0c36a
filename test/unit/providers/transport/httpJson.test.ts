// A JSON answer parsed from its bytes in pieces gives what JSON.parse gives for the whole text: the same values,
// the same key order, `__proto__` as an own key, and the same SyntaxError for a malformed body.
import { strict as assert } from 'assert';
import { WHOLE_BYTES, parseInPieces, parseJsonBytes } from '../../../../src/providers/transport/httpJson';

/** A small deterministic generator (no flaky inputs): the same documents on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['', 'a', 'ubuntu-22.04', '镜像 数据分析', 'quote " inside', 'back\\slash', 'ends with \\', 'tab\tand\nnewline', 'emoji 🚀', '{[,:]}', '\u0000\u001f', '__proto__', '1', '10', 'x'];

function value(rand: () => number, depth: number): unknown {
  const pick = rand();
  if (depth > 3 || pick < 0.35) {
    const scalars = [() => WORDS[Math.floor(rand() * WORDS.length)], () => Math.floor(rand() * 1e6) - 5e5, () => rand() * 1e-3, () => true, () => false, () => null, () => -0, () => 1e300];
    return scalars[Math.floor(rand() * scalars.length)]!();
  }
  if (pick < 0.65) {
    return Array.from({ length: Math.floor(rand() * 5) }, () => value(rand, depth + 1));
  }
  const out: Record<string, unknown> = {};
  const n = Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    out[WORDS[Math.floor(rand() * WORDS.length)]!] = value(rand, depth + 1);
  }
  return out;
}

/** Both parses, compared by value and by the text they print (which shows key order); the pieces never fall back to the whole. */
function same(text: string, whole: number): void {
  const expected: unknown = JSON.parse(text);
  const actual = parseInPieces(Buffer.from(text, 'utf8'), whole);
  assert.deepEqual(actual, expected);
  assert.equal(JSON.stringify(actual), JSON.stringify(expected));
}

describe('parseJsonBytes', () => {
  it('gives what JSON.parse gives, cut into pieces as small as a few bytes', () => {
    const rand = random(23);
    for (let n = 0; n < 150; n++) {
      const doc = { RequestId: 'r', Images: { Image: Array.from({ length: 1 + Math.floor(rand() * 12) }, () => value(rand, 0)) }, TotalCount: n };
      for (const spacing of [undefined, 2, '\t']) {
        const text = JSON.stringify(doc, undefined, spacing);
        for (const whole of [1, 16, 64, 256]) {
          same(text, whole);
        }
      }
    }
  });

  it('reads a large page of images (over the size parsed whole) as JSON.parse does', () => {
    const image = (i: number): Record<string, unknown> => ({ ImageId: `m-${i}`, ImageName: `数据分析-离线计算-${i}`, Description: 'Built by "Packer".\n', Size: 20, Tags: { Tag: [{ TagKey: 'env', TagValue: 'prod' }] } });
    const text = JSON.stringify({ RequestId: 'r', TotalCount: 5000, Images: { Image: Array.from({ length: 400 }, (_, i) => image(i)) } });
    assert.ok(Buffer.byteLength(text) > WHOLE_BYTES);
    same(text, WHOLE_BYTES);
  });

  it('keeps "__proto__" an own key, as JSON.parse does, never the prototype', () => {
    const parsed = parseInPieces(Buffer.from('{"a":[1,2,3],"__proto__":{"polluted":true},"b":{"c":"d"}}'), 4) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.deepEqual(Object.keys(parsed), ['a', '__proto__', 'b']);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('keeps the last of repeated keys in the first one\'s place, and integer keys first, as JSON.parse does', () => {
    same('{"b":[1],"a":{"x":1},"b":{"y":2},"2":[3],"1":"one"}', 2);
  });

  it('fails on a malformed body with the SyntaxError JSON.parse gives', () => {
    for (const text of ['{"a":[1,2}', '{"a":1,}', '[1,2,]', '{"a" 1}', '{"a":1} x', '{"a":"unterminated}', '[[],]', '<html>gateway</html>', '\ufeff{"a":[1]}', '{"a":[1]}}']) {
      let expected: unknown;
      try {
        JSON.parse(text);
      } catch (err) {
        expected = err;
      }
      assert.ok(expected instanceof SyntaxError, text);
      assert.throws(
        () => parseJsonBytes(Buffer.from(text, 'utf8'), 2),
        (err: unknown) => err instanceof SyntaxError && err.message === expected.message,
        text,
      );
    }
  });
});
