// Resumable download of an object into a local file: ranged GETs in parallel (bounded), written at
// their offsets into "<target>.partial", which is renamed to the target only once every byte is there
// and checked (OSS: the object's CRC-64, combined from the chunks' own; a single-PUT object: its MD5
// ETag; otherwise its size). The state after each chunk is handed to `onState`; given back, only the
// chunks not yet written are fetched, as long as the object has not changed (same ETag and size).
import { createHash } from 'crypto';
import * as fs from 'fs';
import { Writable } from 'stream';
import { pipeline } from 'stream/promises';
import { combineParts, Crc64 } from '../crc64';
import type { StorageCloud } from '../types';
import { ProgressMeter, rangesOf, runPool, stateSaver, transferError, type TransferOptions } from './common';

const MiB = 1024 * 1024;

export interface DownloadState {
  readonly version: 1;
  readonly cloud: StorageCloud;
  readonly region: string;
  readonly bucket: string;
  readonly key: string;
  readonly target: string;
  readonly size: number;
  readonly etag: string;
  readonly chunkSize: number;
  /** Chunks written (index → their CRC-64). */
  readonly chunks: Readonly<Record<number, string>>;
}

export interface DownloadOptions extends TransferOptions<DownloadState> {
  readonly bucket: string;
  readonly key: string;
  /** The file to create (its folder must exist). */
  readonly target: string;
  /** Bytes per ranged GET. Default 8 MiB. */
  readonly chunkSize?: number;
}

export interface DownloadResult {
  readonly target: string;
  readonly size: number;
  /** How the bytes were checked against the store's own checksum. */
  readonly verified: 'crc64' | 'md5' | 'size';
  readonly chunksFetched: number;
  readonly chunksReused: number;
}

export function partialPath(target: string): string {
  return `${target}.partial`;
}

async function md5OfFile(file: string): Promise<string> {
  const h = createHash('md5');
  await pipeline(fs.createReadStream(file), async (src: AsyncIterable<Buffer>) => {
    for await (const c of src) {
      h.update(c);
    }
  });
  return h.digest('hex');
}

export async function downloadObject(o: DownloadOptions): Promise<DownloadResult> {
  const head = await o.client.headObject(o.bucket, o.key, o.signal);
  if (!head) {
    throw transferError('ObjectChanged', `${o.bucket}/${o.key} is not in the bucket (any more).`);
  }
  const partial = partialPath(o.target);
  const r = o.resume;
  const resumable = r !== undefined && r.etag === head.etag && r.size === head.size && fs.existsSync(partial);
  const chunkSize = resumable ? r.chunkSize : (o.chunkSize ?? 8 * MiB);
  const chunks: Record<number, string> = resumable ? { ...r.chunks } : {};
  if (!resumable) {
    // A new file of the object's size (sparse), written into at each chunk's offset.
    await fs.promises.writeFile(partial, '');
    await fs.promises.truncate(partial, head.size);
  }
  const ranges = rangesOf(head.size, chunkSize);
  let state: DownloadState = { version: 1, cloud: o.client.dialect.cloud, region: o.client.region, bucket: o.bucket, key: o.key, target: o.target, size: head.size, etag: head.etag, chunkSize, chunks };
  const saver = stateSaver(o.onState);
  const save = (): Promise<void> => saver.save(state);
  await save();
  const missing = ranges.filter((x) => chunks[x.index] === undefined);
  const reused = ranges.length - missing.length;
  const meter = new ProgressMeter(head.size, ranges.length, ranges.filter((x) => chunks[x.index] !== undefined).reduce((s, x) => s + x.end - x.start, 0), reused, o.onProgress);
  await runPool(
    missing,
    o.concurrency ?? 4,
    async (range, signal) => {
      let crc = new Crc64();
      let flowing = 0;
      const info = await o.client.getObject(
        o.bucket,
        o.key,
        () => {
          // Each attempt writes its chunk from the start.
          meter.lost(flowing);
          flowing = 0;
          crc = new Crc64();
          const out = fs.createWriteStream(partial, { flags: 'r+', start: range.start });
          return new Writable({
            write(chunk: Buffer, _enc, cb) {
              crc.update(chunk);
              flowing += chunk.length;
              meter.flowing(chunk.length);
              out.write(chunk, cb);
            },
            final(cb) {
              out.end(cb);
            },
            destroy(err, cb) {
              out.destroy();
              cb(err);
            },
          });
        },
        { start: range.start, end: range.end - 1 },
        signal,
      );
      if (info.etag !== head.etag || (info.status === 200 && range.end - range.start !== head.size)) {
        throw transferError('ObjectChanged', `${o.bucket}/${o.key} changed during the download (or the store ignored the byte range); start it again.`);
      }
      if (flowing !== range.end - range.start) {
        throw transferError('ChecksumMismatch', `Bytes ${range.start}-${range.end - 1} of ${o.key} arrived short (${flowing} bytes).`);
      }
      chunks[range.index] = crc.value;
      state = { ...state, chunks: { ...chunks } };
      meter.partDone(range.end - range.start);
      await save();
    },
    o.signal,
  );
  await saver.flushed();
  let verified: DownloadResult['verified'];
  try {
    verified = await verify(o, head, ranges.map((x) => ({ crc: chunks[x.index] ?? '0', size: x.end - x.start })), partial);
  } catch (err) {
    // Nothing corrupt is kept: the next try starts afresh.
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
  await fs.promises.rename(partial, o.target);
  return { target: o.target, size: head.size, verified, chunksFetched: missing.length, chunksReused: reused };
}

async function verify(o: DownloadOptions, head: { etag: string; size: number; crc64?: string }, parts: ReadonlyArray<{ crc: string; size: number }>, partial: string): Promise<DownloadResult['verified']> {
  const size = (await fs.promises.stat(partial)).size;
  if (size !== head.size) {
    throw transferError('ChecksumMismatch', `${o.key}: ${size} bytes written, the object has ${head.size}.`);
  }
  if (head.crc64 !== undefined) {
    if (combineParts(parts) !== head.crc64) {
      throw transferError('ChecksumMismatch', `${o.key}: the downloaded bytes do not match the object's CRC-64; the file was not kept.`);
    }
    return 'crc64';
  }
  if (/^[0-9a-f]{32}$/i.test(head.etag)) {
    if ((await md5OfFile(partial)) !== head.etag.toLowerCase()) {
      throw transferError('ChecksumMismatch', `${o.key}: the downloaded bytes do not match the object's MD5 (ETag); the file was not kept.`);
    }
    return 'md5';
  }
  return 'size';
}
