import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hashRange, rangesOf } from '../../../../../src/providers/storage/transfer/common';
import { BUFFERED_PART_LIMIT, OrderedGate, PartReader } from '../../../../../src/providers/storage/transfer/parts';

async function bodyOf(stream: NodeJS.ReadableStream): Promise<{ bytes: Buffer }> {
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Buffer>) {
    chunks.push(c);
  }
  return { bytes: Buffer.concat(chunks) };
}

describe('Upload parts: read once, hashed, sent from the buffer', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-parts-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [name, partSize] of [['held in memory', 3 * 1024 * 1024 + 5], ['streamed (larger than the held limit)', BUFFERED_PART_LIMIT + 1]] as const) {
    it(`${name}: each part's digests and bytes are the file's, a retry gets the same bytes, progress counts them`, async () => {
      const file = path.join(dir, `f-${partSize}.raw`);
      const size = (partSize > BUFFERED_PART_LIMIT ? 1 : 2) * partSize + 777;
      const data = Buffer.alloc(size);
      for (let i = 0; i < size; i += 4093) {
        data[i] = (i * 31) & 0xff;
      }
      fs.writeFileSync(file, data);
      const reader = await PartReader.open(file, partSize, true);
      const signal = new AbortController().signal;
      try {
        for (const range of rangesOf(size, partSize)) {
          const part = await reader.prepare(range, signal);
          const expected = await hashRange(file, range.start, range.end, undefined, true);
          assert.deepStrictEqual({ md5: part.md5, md5Hex: part.md5Hex, crc64: part.crc64 }, expected);
          for (let attempt = 0; attempt < 2; attempt++) {
            let told = 0;
            const { bytes } = await bodyOf(part.body((n) => (told += n)));
            assert.ok(bytes.equals(data.subarray(range.start, range.end)), `part ${range.index + 1}, attempt ${attempt + 1}`);
            assert.strictEqual(told, range.end - range.start);
          }
          part.release();
        }
      } finally {
        await reader.close();
      }
    });
  }

  it('the gate lets holders in by turn, at most its slots at once, and turns waiters away on abort', async () => {
    const stop = new AbortController();
    const gate = new OrderedGate(2, stop.signal);
    const entered: number[] = [];
    const waits = [3, 1, 0, 2].map((turn) => gate.enter(turn).then(() => entered.push(turn)));
    await Promise.all([waits[1], waits[2]]);
    await new Promise((r) => setImmediate(r));
    // Turn 3 waits for turn 2, which was not asked yet though a slot was free.
    assert.deepStrictEqual([...entered].sort(), [0, 1]);
    gate.leave();
    await waits[3];
    await new Promise((r) => setImmediate(r));
    // Two slots, both held (turns 1 and 2): turn 3 still waits.
    assert.deepStrictEqual([...entered].sort(), [0, 1, 2]);
    const late = gate.enter(4);
    stop.abort();
    await assert.rejects(waits[0] as Promise<unknown>);
    await assert.rejects(late);
  });
});
