// What uploads and downloads share: the part plan, progress arithmetic, a bounded pool of workers,
// hashing a byte range of a file as a stream, and the errors a transfer ends with.
import { createHash } from 'crypto';
import * as fs from 'fs';
import { Transform } from 'stream';
import { pipeline } from 'stream/promises';
import { ProviderError, abortError } from '../../core/errors';
import { Crc64 } from '../crc64';
import type { ObjectStorageClient } from '../objects';
import type { StorageDialect } from '../types';

const MiB = 1024 * 1024;

/** Parts of 8 MiB, or larger so that a file fits in the cloud's part count (rounded up to whole MiB). */
export function choosePartSize(size: number, limits: StorageDialect['limits'], preferred = 8 * MiB): number {
  const least = Math.ceil(size / limits.maxParts / MiB) * MiB;
  return Math.min(limits.maxPartBytes, Math.max(preferred, least, limits.minPartBytes));
}

/** The refusal of a part size the cloud would refuse for this file, or undefined. */
export function checkPartSize(size: number, partSize: number, limits: StorageDialect['limits']): string | undefined {
  if (!Number.isInteger(partSize) || partSize < limits.minPartBytes || partSize > limits.maxPartBytes) {
    return `A part must be from ${limits.minPartBytes} to ${limits.maxPartBytes} bytes.`;
  }
  if (Math.ceil(size / partSize) > limits.maxParts) {
    return `${Math.ceil(size / partSize)} parts is more than the ${limits.maxParts} the cloud takes.`;
  }
  return undefined;
}

export interface Range {
  readonly index: number;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export function rangesOf(size: number, partSize: number): Range[] {
  const out: Range[] = [];
  for (let start = 0, i = 0; start < size; start += partSize, i++) {
    out.push({ index: i, start, end: Math.min(size, start + partSize) });
  }
  return out;
}

export interface TransferProgress {
  readonly bytesDone: number;
  readonly totalBytes: number;
  /** 0..100, one decimal. */
  readonly percent: number;
  /** Bytes moved per second in this run (bytes already there before it are not counted). */
  readonly bytesPerSecond: number;
  /** Seconds left at this run's throughput; undefined until there is one. */
  readonly secondsLeft?: number;
  readonly partsDone: number;
  readonly partsTotal: number;
}

/** What an upload and a download are both given; `S` is the state each hands out to be persisted. */
export interface TransferOptions<S> {
  readonly client: ObjectStorageClient;
  /** Parts (or chunks) in flight at once. Default 4. */
  readonly concurrency?: number;
  /** A state from an earlier run of the same transfer: continue it. */
  readonly resume?: S;
  readonly onProgress?: (p: TransferProgress) => void;
  /** Called (and awaited, one at a time, in order) with the state after the transfer starts and after each part. */
  readonly onState?: (state: S) => void | Promise<void>;
  /** Stops the transfer; what is done stays (resume with the last state). */
  readonly signal?: AbortSignal;
}

/** Hands states to `onState` one at a time, in the order saved; `flushed` resolves once the last is handed. */
export function stateSaver<S>(onState: TransferOptions<S>['onState']): { save(state: S): Promise<void>; flushed(): Promise<void> } {
  let saving = Promise.resolve();
  return {
    save(state) {
      saving = saving.then(() => onState?.(state));
      return saving;
    },
    flushed: () => saving,
  };
}

/** Counts bytes as they move and tells progress (on each part, and in between at most every `everyMs`). */
export class ProgressMeter {
  private moved = 0;
  private lastEmit = 0;
  private readonly started = Date.now();

  constructor(
    private readonly totalBytes: number,
    private readonly partsTotal: number,
    private done: number,
    private partsDone: number,
    private readonly emit: ((p: TransferProgress) => void) | undefined,
    private readonly everyMs = 250,
  ) {}

  /** Bytes of a part in flight. */
  flowing(bytes: number): void {
    this.moved += bytes;
    if (Date.now() - this.lastEmit >= this.everyMs) {
      this.tell();
    }
  }

  /** A part finished: its bytes count as done. */
  partDone(bytes: number): void {
    this.done += bytes;
    this.partsDone++;
    this.tell();
  }

  /** A part's flowing bytes are lost (the attempt failed and will be sent again). */
  lost(bytes: number): void {
    this.moved -= bytes;
  }

  snapshot(): TransferProgress {
    const seconds = Math.max(0.001, (Date.now() - this.started) / 1000);
    const rate = Math.max(0, this.moved) / seconds;
    const left = this.totalBytes - this.done;
    return {
      bytesDone: this.done,
      totalBytes: this.totalBytes,
      percent: this.totalBytes ? Math.round((this.done / this.totalBytes) * 1000) / 10 : 100,
      bytesPerSecond: Math.round(rate),
      ...(rate > 0 ? { secondsLeft: Math.ceil(left / rate) } : {}),
      partsDone: this.partsDone,
      partsTotal: this.partsTotal,
    };
  }

  private tell(): void {
    this.lastEmit = Date.now();
    this.emit?.(this.snapshot());
  }
}

/** A stream stage that tells each chunk's size. */
export function counting(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      onBytes(chunk.length);
      cb(null, chunk);
    },
  });
}

/**
 * MD5 (Base64 and hex) of bytes [start, end) of a file, read as a stream, and their CRC-64 where `withCrc`
 * (OSS checks it; OBS has none, and it costs more than the MD5).
 */
export async function hashRange(file: string, start: number, end: number, signal?: AbortSignal, withCrc = true): Promise<{ md5: string; md5Hex: string; crc64?: string }> {
  const md5 = createHash('md5');
  const crc = withCrc ? new Crc64() : undefined;
  if (end > start) {
    await pipeline(fs.createReadStream(file, { start, end: end - 1 }), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        md5.update(chunk);
        crc?.update(chunk);
      }
    }, { signal });
  }
  const digest = md5.digest();
  return { md5: digest.toString('base64'), md5Hex: digest.toString('hex'), ...(crc ? { crc64: crc.value } : {}) };
}

/**
 * Runs `work` over the items with at most `concurrency` at once. The first failure stops the others
 * (their signal aborts) and is thrown once every worker has stopped.
 */
export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T, signal: AbortSignal) => Promise<void>, outer?: AbortSignal): Promise<void> {
  const stop = new AbortController();
  const onOuter = (): void => stop.abort();
  outer?.addEventListener('abort', onOuter, { once: true });
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item, stop.signal);
      } catch (err) {
        failure ??= err;
        stop.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  } finally {
    outer?.removeEventListener('abort', onOuter);
  }
  if (outer?.aborted) {
    throw abortError('local');
  }
  if (failure !== undefined) {
    throw failure;
  }
}

/** A transfer's own refusal (not the cloud's): a local file problem, a checksum that does not match. */
export function transferError(code: 'FileEmpty' | 'FileUnreadable' | 'FileChanged' | 'ChecksumMismatch' | 'ObjectChanged' | 'InvalidPartSize', message: string): ProviderError {
  return new ProviderError({ cloud: 'local', code, message });
}
