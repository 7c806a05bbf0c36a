// Resumable multipart upload of a local file: parts sent in parallel (bounded), each with its
// Content-MD5, read from the file as a stream (never the whole file in memory). The state after each
// part (upload id, part size, parts done with their ETag, MD5 and CRC) is handed to `onState` to be
// persisted; given back, the upload lists the parts the store holds and sends only what is missing.
// Stopping (the signal) keeps the upload for a resume; `cancelUpload` aborts it and says what was left.
import * as fs from 'fs';
import { ProviderError } from '../../core/errors';
import { combineParts } from '../crc64';
import type { ObjectStorageClient } from '../objects';
import type { StorageCloud } from '../types';
import { OrderedGate, PartReader, type PreparedPart } from './parts';
import { checkPartSize, choosePartSize, hashRange, ProgressMeter, rangesOf, runPool, stateSaver, transferError, type Range, type TransferOptions } from './common';

export interface DonePart {
  readonly partNumber: number;
  readonly etag: string;
  /** Base64 MD5 of the part's bytes. */
  readonly md5: string;
  readonly size: number;
  /** Where the store checks one (OSS). */
  readonly crc64?: string;
}

/** All an upload needs to continue after a reload or a crash: plain JSON, no credential. */
export interface UploadState {
  readonly version: 1;
  readonly cloud: StorageCloud;
  readonly region: string;
  readonly bucket: string;
  readonly key: string;
  readonly file: { readonly path: string; readonly size: number; readonly mtimeMs: number };
  readonly uploadId: string;
  readonly partSize: number;
  readonly parts: readonly DonePart[];
}

export interface UploadOptions extends TransferOptions<UploadState> {
  readonly file: string;
  readonly bucket: string;
  readonly key: string;
  /** Default: choosePartSize for the file and the cloud. */
  readonly partSize?: number;
}

export interface UploadResult {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly etag: string;
  /** The whole object's CRC-64 (computed here; OSS confirmed it); absent where the store keeps none (OBS). */
  readonly crc64?: string;
  /** Parts sent in this run, and parts already in the store that were not sent again. */
  readonly partsSent: number;
  readonly partsReused: number;
  readonly uploadId: string;
}

async function statFile(file: string): Promise<fs.Stats> {
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile()) {
      throw transferError('FileUnreadable', `${file} is not a file.`);
    }
    await fs.promises.access(file, fs.constants.R_OK);
    return st;
  } catch (err) {
    if (err instanceof ProviderError) {
      throw err;
    }
    throw transferError('FileUnreadable', `${file} cannot be read: ${(err as Error).message}`);
  }
}

/** The state's parts still held by the store, and those it holds that match the file although the state missed them (a crash after a part). */
async function partsKept(o: UploadOptions, state: UploadState, ranges: readonly Range[]): Promise<DonePart[] | undefined> {
  let stored;
  try {
    stored = await o.client.allParts(o.bucket, o.key, state.uploadId, o.signal);
  } catch (err) {
    if (err instanceof ProviderError && err.code === 'NoSuchUpload') {
      return undefined; // aborted or expired: start again
    }
    throw err;
  }
  const known = new Map(state.parts.map((p) => [p.partNumber, p]));
  const kept: DonePart[] = [];
  for (const s of stored) {
    const range = ranges[s.partNumber - 1];
    if (!range || s.size !== range.end - range.start) {
      continue;
    }
    const mine = known.get(s.partNumber);
    if (mine && mine.etag.toLowerCase() === s.etag.toLowerCase()) {
      kept.push(mine);
      continue;
    }
    // A part the store has but the state does not: kept if its ETag is this file's MD5 of that range.
    const h = await hashRange(o.file, range.start, range.end, o.signal, withCrc(o));
    if (h.md5Hex === s.etag.toLowerCase()) {
      kept.push({ partNumber: s.partNumber, etag: s.etag, md5: h.md5, size: s.size, crc64: h.crc64 });
    }
  }
  return kept;
}

/** The store checks a CRC-64 (OSS): compute it per part. */
function withCrc(o: UploadOptions): boolean {
  return o.client.dialect.crcHeader !== undefined;
}

export async function uploadFile(o: UploadOptions): Promise<UploadResult> {
  const st = await statFile(o.file);
  if (st.size === 0) {
    throw transferError('FileEmpty', `${o.file} is empty: there is nothing to upload.`);
  }
  const limits = o.client.dialect.limits;
  if (st.size > limits.maxObjectBytes) {
    throw transferError('InvalidPartSize', `${o.file} is larger than the largest object the cloud stores.`);
  }
  const r = o.resume;
  if (r && (r.file.size !== st.size || r.file.mtimeMs !== st.mtimeMs || r.bucket !== o.bucket || r.key !== o.key)) {
    throw transferError('FileChanged', `${o.file} changed since its upload began (size or time): it cannot be resumed; start it again.`);
  }
  const partSize = r?.partSize ?? o.partSize ?? choosePartSize(st.size, limits);
  const bad = checkPartSize(st.size, partSize, limits);
  if (bad) {
    throw transferError('InvalidPartSize', bad);
  }
  const ranges = rangesOf(st.size, partSize);
  let kept = r ? await partsKept(o, r, ranges) : undefined;
  const uploadId = kept && r ? r.uploadId : await o.client.initiateMultipart(o.bucket, o.key, o.signal);
  kept ??= [];
  const done = new Map(kept.map((p) => [p.partNumber, p]));
  let state: UploadState = {
    version: 1,
    cloud: o.client.dialect.cloud,
    region: o.client.region,
    bucket: o.bucket,
    key: o.key,
    file: { path: o.file, size: st.size, mtimeMs: st.mtimeMs },
    uploadId,
    partSize,
    parts: [...done.values()].sort((a, b) => a.partNumber - b.partNumber),
  };
  const saver = stateSaver(o.onState);
  const save = (): Promise<void> => saver.save(state);
  await save();
  const keptBytes = kept.reduce((s, p) => s + p.size, 0);
  const meter = new ProgressMeter(st.size, ranges.length, keptBytes, kept.length, o.onProgress);
  const missing = ranges.filter((x) => !done.has(x.index + 1));
  const turns = new Map(missing.map((x, i) => [x.index, i]));
  const inFlight = Math.max(1, o.concurrency ?? 4);
  const reader = await PartReader.open(o.file, partSize, withCrc(o));
  let gate: OrderedGate | undefined;
  try {
    // One worker more than the parts in flight: the next part is read and hashed while the others are sent.
    await runPool(
      missing,
      inFlight + 1,
      async (range, signal) => {
        gate ??= new OrderedGate(inFlight, signal);
        const part = await reader.prepare(range, signal);
        try {
          await gate.enter(turns.get(range.index) ?? 0);
          try {
            const etag = await sendPart(o, uploadId, range, part, meter, signal);
            const partNumber = range.index + 1;
            done.set(partNumber, { partNumber, etag, md5: part.md5, size: range.end - range.start, crc64: part.crc64 });
            state = { ...state, parts: [...done.values()].sort((a, b) => a.partNumber - b.partNumber) };
            meter.partDone(range.end - range.start);
            // Held through the save: with one part in flight, the next is sent only once this one is on record.
            await save();
          } finally {
            gate.leave();
          }
        } finally {
          part.release();
        }
      },
      o.signal,
    );
  } finally {
    await reader.close();
  }
  await saver.flushed();
  const parts = [...done.values()].sort((a, b) => a.partNumber - b.partNumber);
  const crc64 = withCrc(o) ? combineParts(parts.map((p) => ({ crc: p.crc64 ?? '0', size: p.size }))) : undefined;
  const etag = await complete(o, uploadId, parts, st.size);
  const head = await o.client.headObject(o.bucket, o.key, o.signal);
  if (!head || head.size !== st.size || (head.crc64 !== undefined && head.crc64 !== crc64)) {
    throw transferError('ChecksumMismatch', `${o.bucket}/${o.key} does not match ${o.file} after the upload (size or CRC-64); it must not be imported.`);
  }
  return { bucket: o.bucket, key: o.key, size: st.size, etag: etag ?? head.etag, ...(crc64 !== undefined ? { crc64 } : {}), partsSent: missing.length, partsReused: kept.length, uploadId };
}

/** Sends one part (each attempt from its first byte) and checks the store got it whole: its ETag (and CRC-64) against the part's. */
async function sendPart(o: UploadOptions, uploadId: string, range: Range, part: PreparedPart, meter: ProgressMeter, signal: AbortSignal): Promise<string> {
  const partNumber = range.index + 1;
  let flowing = 0;
  const receipt = await o.client.uploadPart(
    o.bucket,
    o.key,
    uploadId,
    partNumber,
    () => {
      meter.lost(flowing);
      flowing = 0;
      return part.body((n) => {
        flowing += n;
        meter.flowing(n);
      });
    },
    range.end - range.start,
    part.md5,
    signal,
  );
  if (receipt.etag.toLowerCase() !== part.md5Hex || (receipt.crc64 !== undefined && receipt.crc64 !== part.crc64)) {
    throw transferError('ChecksumMismatch', `Part ${partNumber} of ${o.key} arrived different from the file (its checksum does not match); the upload was stopped.`);
  }
  return receipt.etag;
}

/**
 * Completes the upload. Complete is sent once; when its answer is lost, the object is read back: if it
 * is there with the file's size, the upload did complete.
 */
async function complete(o: UploadOptions, uploadId: string, parts: readonly DonePart[], size: number): Promise<string | undefined> {
  try {
    return (await o.client.completeMultipart(o.bucket, o.key, uploadId, parts, o.signal)).etag;
  } catch (err) {
    if (ProviderError.isOutcomeUnknown(err)) {
      const head = await o.client.headObject(o.bucket, o.key, o.signal);
      if (head && head.size === size) {
        return head.etag;
      }
    }
    throw err;
  }
}

export interface CancelReport {
  /** True when the store no longer holds the upload's parts. */
  readonly aborted: boolean;
  /** Parts (and their bytes) the store held when the upload was cancelled, now removed unless `aborted` is false. */
  readonly parts: number;
  readonly bytes: number;
  /** The store's refusal of the abort, when it did not happen. */
  readonly error?: ProviderError;
}

/** Cancels an upload for good: aborts it in the store (its parts are deleted) and says what was there. */
export async function cancelUpload(client: ObjectStorageClient, state: UploadState, signal?: AbortSignal): Promise<CancelReport> {
  let parts = state.parts.length;
  let bytes = state.parts.reduce((s, p) => s + p.size, 0);
  try {
    const stored = await client.allParts(state.bucket, state.key, state.uploadId, signal);
    parts = stored.length;
    bytes = stored.reduce((s, p) => s + p.size, 0);
    await client.abortMultipart(state.bucket, state.key, state.uploadId, signal);
    return { aborted: true, parts, bytes };
  } catch (err) {
    if (err instanceof ProviderError && err.code === 'NoSuchUpload') {
      return { aborted: true, parts: 0, bytes: 0 };
    }
    return { aborted: false, parts, bytes, error: err instanceof ProviderError ? err : undefined };
  }
}
