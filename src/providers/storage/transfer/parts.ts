// How an upload gets its parts off the disk: each part read once, in one positional read into a buffer
// kept from a small pool (one per part being read, hashed or sent: memory stays flat whatever the file's
// size), hashed from that buffer (its MD5 in a worker thread, off the extension host's thread; the CRC-64
// where the store checks one), and sent from it (a retry
// sends the same bytes again). Parts larger than BUFFERED_PART_LIMIT are not held: they are hashed as a
// stream and streamed again when sent. The next parts are read and hashed while others are on the wire;
// the ordered gate lets them onto the wire in order, at most `slots` at once.
import * as fs from 'fs';
import { Readable } from 'stream';
import { setImmediate } from 'timers/promises';
import { Worker } from 'worker_threads';
import { abortError } from '../../core/errors';
import { Crc64 } from '../crc64';
import { counting, hashRange, type Range } from './common';

const MiB = 1024 * 1024;
/** The largest part held in memory; larger ones (files above ~300 GiB) are streamed twice. */
export const BUFFERED_PART_LIMIT = 32 * MiB;
/** The slices a held part is sent in (progress moves at this step). */
const SLICE = MiB;

/** The worker's whole program: the MD5 of the first `size` bytes of a lent buffer, which goes back with it (moved, not copied). */
const MD5_PROGRAM = `const { parentPort } = require('worker_threads');
const { createHash } = require('crypto');
parentPort.on('message', ({ id, buffer, size }) => {
  const digest = createHash('md5').update(new Uint8Array(buffer, 0, size)).digest();
  parentPort.postMessage({ id, buffer, digest }, [buffer]);
});`;

/**
 * MD5 off the host's thread: an 8 MiB digest is ~15-40 ms of CPU, which on the host's thread holds up the
 * parts on the wire (and everything else the extension host does). The part's buffer is lent to one worker
 * and handed back with the digest; started with the first part, ended with the reader.
 */
class Md5Worker {
  private readonly worker = new Worker(MD5_PROGRAM, { eval: true });
  private next = 0;
  private readonly waiting = new Map<number, { done: (r: { buffer: ArrayBuffer; digest: Uint8Array }) => void; fail: (err: unknown) => void }>();

  constructor() {
    this.worker.unref();
    this.worker.on('message', (m: { id: number; buffer: ArrayBuffer; digest: Uint8Array }) => {
      this.waiting.get(m.id)?.done(m);
      this.waiting.delete(m.id);
    });
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', () => this.failAll(new Error('the MD5 worker stopped')));
  }

  /** The buffer (lent, then given back as a new Buffer over the same memory) and the MD5 of its first `size` bytes. */
  digest(buffer: Buffer, size: number): Promise<{ buffer: Buffer; digest: Buffer }> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { done: (m) => resolve({ buffer: Buffer.from(m.buffer), digest: Buffer.from(m.digest) }), fail: reject });
      const memory = buffer.buffer as ArrayBuffer;
      this.worker.postMessage({ id, buffer: memory, size }, [memory]);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private failAll(err: unknown): void {
    for (const w of this.waiting.values()) {
      w.fail(err);
    }
    this.waiting.clear();
  }
}

export interface PreparedPart {
  readonly md5: string;
  readonly md5Hex: string;
  readonly crc64?: string;
  /** A fresh body for each attempt, telling the bytes it hands on. */
  body(onBytes: (n: number) => void): Readable;
  /** Gives the part's buffer back to the pool. */
  release(): void;
}

function* slices(bytes: Buffer, onBytes: (n: number) => void): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += SLICE) {
    const slice = bytes.subarray(at, Math.min(bytes.length, at + SLICE));
    onBytes(slice.length);
    yield slice;
  }
}

export class PartReader {
  private readonly pool: Buffer[] = [];
  private md5Worker: Md5Worker | undefined;
  /** Parts are read and hashed one at a time, in the order asked: the first is ready soonest. */
  private lane: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private readonly handle: fs.promises.FileHandle | undefined,
    private readonly partSize: number,
    private readonly withCrc: boolean,
  ) {}

  static async open(file: string, partSize: number, withCrc: boolean): Promise<PartReader> {
    const handle = partSize <= BUFFERED_PART_LIMIT ? await fs.promises.open(file, 'r') : undefined;
    return new PartReader(file, handle, partSize, withCrc);
  }

  prepare(range: Range, signal: AbortSignal): Promise<PreparedPart> {
    const turn = this.lane.then(() => this.prepareNow(range, signal));
    this.lane = turn.catch(() => undefined);
    return turn;
  }

  private async prepareNow(range: Range, signal: AbortSignal): Promise<PreparedPart> {
    if (!this.handle) {
      return this.streamed(range, signal);
    }
    const size = range.end - range.start;
    // Its own memory (not a slice of Node's shared pool): it can be lent to the MD5 worker whole.
    let buffer = this.pool.pop() ?? Buffer.allocUnsafeSlow(this.partSize);
    const release = (): void => void this.pool.push(buffer);
    try {
      for (let got = 0; got < size; ) {
        if (signal.aborted) {
          throw abortError('local');
        }
        const { bytesRead } = await this.handle.read(buffer, got, size - got, range.start + got);
        if (bytesRead === 0) {
          throw new Error(`${this.file} ended at ${range.start + got} bytes`);
        }
        got += bytesRead;
      }
    } catch (err) {
      release();
      throw err;
    }
    // The CRC-64 (OSS) here, a slice at a time, letting the parts on the wire move in between; the MD5 in the worker.
    const crc = this.withCrc ? new Crc64() : undefined;
    for (let at = 0; crc && at < size; at += SLICE) {
      if (at > 0) {
        await setImmediate();
      }
      crc.update(buffer.subarray(at, Math.min(size, at + SLICE)));
    }
    // Should the worker fail, the lent memory does not come back and is not pooled again.
    const hashed = await (this.md5Worker ??= new Md5Worker()).digest(buffer, size);
    buffer = hashed.buffer;
    const digest = hashed.digest;
    const bytes = buffer.subarray(0, size);
    const crc64 = crc?.value;
    return {
      md5: digest.toString('base64'),
      md5Hex: digest.toString('hex'),
      ...(crc64 !== undefined ? { crc64 } : {}),
      body: (onBytes) => Readable.from(slices(bytes, onBytes), { objectMode: false }),
      release,
    };
  }

  async close(): Promise<void> {
    this.pool.length = 0;
    await this.md5Worker?.close();
    this.md5Worker = undefined;
    await this.handle?.close();
  }

  private async streamed(range: Range, signal: AbortSignal): Promise<PreparedPart> {
    const h = await hashRange(this.file, range.start, range.end, signal, this.withCrc);
    return {
      ...h,
      body: (onBytes) => fs.createReadStream(this.file, { start: range.start, end: range.end - 1, highWaterMark: SLICE }).pipe(counting(onBytes)),
      release: () => undefined,
    };
  }
}

/** At most `slots` holders at once, let in by turn (0, 1, 2, …); an abort turns every waiter away. */
export class OrderedGate {
  private nextTurn = 0;
  private readonly waiting = new Map<number, { go: () => void; fail: (err: unknown) => void }>();

  constructor(
    private free: number,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.refuseAll(), { once: true });
  }

  enter(turn: number): Promise<void> {
    if (this.signal.aborted) {
      return Promise.reject(abortError('local'));
    }
    return new Promise((go, fail) => {
      this.waiting.set(turn, { go, fail });
      this.pump();
    });
  }

  leave(): void {
    this.free++;
    this.pump();
  }

  private pump(): void {
    for (let next = this.waiting.get(this.nextTurn); next && this.free > 0; next = this.waiting.get(this.nextTurn)) {
      this.waiting.delete(this.nextTurn);
      this.nextTurn++;
      this.free--;
      next.go();
    }
  }

  private refuseAll(): void {
    for (const w of this.waiting.values()) {
      w.fail(abortError('local'));
    }
    this.waiting.clear();
  }
}
