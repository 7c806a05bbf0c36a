// The sandbox's object store of one cloud: buckets and their objects' metadata in memory, every object's
// and every uploaded part's bytes in a temporary file, written and read as streams. Checksums as the
// clouds keep them: the ETag (MD5; "<md5 of part md5s>-<n>" after a multipart upload) and the CRC-64.
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import { combineParts, Crc64 } from '../../providers/storage/crc64';
import type { StorageCloud } from '../../providers/storage/types';
import type { BucketSeed } from './buckets';

export interface StoredBlob {
  readonly size: number;
  /** Hex MD5 (a part's, a single PUT's) or the multipart form; as the cloud writes it (OSS upper case). */
  readonly etag: string;
  readonly md5: Buffer;
  readonly crc64: string;
  readonly file: string;
  readonly lastModified: Date;
}

export interface StoredObject extends StoredBlob {
  readonly key: string;
}

export interface Upload {
  readonly id: string;
  readonly key: string;
  readonly parts: Map<number, StoredBlob>;
}

export interface SandboxBucket extends BucketSeed {
  readonly objects: Map<string, StoredObject>;
  readonly uploads: Map<string, Upload>;
}

/** A refusal in the cloud's words; the server writes it as the cloud's XML error. */
export class StoreError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown by a part or object whose Content-MD5 does not match the bytes. */
export const DIGEST_CODE: Readonly<Record<StorageCloud, string>> = { alibaba: 'InvalidDigest', huawei: 'BadDigest' };

/** The smallest part but the last one (OSS and OBS: 100 KB). */
export const MIN_PART_BYTES = 100 * 1024;

export class SandboxObjectStore {
  readonly buckets = new Map<string, SandboxBucket>();
  private dir: string | undefined;

  constructor(
    readonly cloud: StorageCloud,
    seeds: readonly BucketSeed[],
  ) {
    for (const s of seeds) {
      this.addBucket(s);
    }
  }

  addBucket(seed: BucketSeed): SandboxBucket {
    const b: SandboxBucket = { ...seed, objects: new Map(), uploads: new Map() };
    this.buckets.set(seed.name, b);
    return b;
  }

  bucket(name: string): SandboxBucket {
    const b = this.buckets.get(name);
    if (!b) {
      throw new StoreError(404, 'NoSuchBucket', 'The specified bucket does not exist.');
    }
    return b;
  }

  object(bucket: string, key: string): StoredObject {
    const o = this.bucket(bucket).objects.get(key);
    if (!o) {
      throw new StoreError(404, 'NoSuchKey', 'The specified key does not exist.');
    }
    return o;
  }

  upload(bucket: string, key: string, uploadId: string): Upload {
    const u = this.bucket(bucket).uploads.get(uploadId);
    if (!u || u.key !== key) {
      throw new StoreError(404, 'NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.');
    }
    return u;
  }

  /** Writes a body to a new temporary file, checking its Content-MD5 (Base64) when given. */
  async receive(body: AsyncIterable<Buffer>, contentMd5?: string): Promise<StoredBlob> {
    const file = this.tempFile();
    const md5 = createHash('md5');
    const crc = new Crc64();
    let size = 0;
    await pipeline(
      body,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          md5.update(chunk);
          crc.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      fs.createWriteStream(file),
    );
    const digest = md5.digest();
    if (contentMd5 !== undefined && contentMd5 !== digest.toString('base64')) {
      fs.rmSync(file, { force: true });
      throw new StoreError(400, DIGEST_CODE[this.cloud], 'The Content-MD5 you specified did not match what we received.');
    }
    return { size, etag: this.hex(digest), md5: digest, crc64: crc.value, file, lastModified: new Date() };
  }

  put(bucket: string, key: string, blob: StoredBlob): StoredObject {
    const b = this.bucket(bucket);
    this.discard(b.objects.get(key));
    const o = { ...blob, key };
    b.objects.set(key, o);
    return o;
  }

  /** An object written at once from bytes in memory (an export's small file). */
  putBytes(bucket: string, key: string, bytes: Buffer): StoredObject {
    const file = this.tempFile();
    fs.writeFileSync(file, bytes);
    const md5 = createHash('md5').update(bytes).digest();
    const blob = { size: bytes.length, etag: this.hex(md5), md5, crc64: new Crc64().update(bytes).value, file, lastModified: new Date() };
    return this.put(bucket, key, blob);
  }

  deleteObject(bucket: string, key: string): void {
    const b = this.bucket(bucket);
    this.discard(b.objects.get(key));
    b.objects.delete(key);
  }

  initiate(bucket: string, key: string): Upload {
    const b = this.bucket(bucket);
    const upload: Upload = { id: randomBytes(16).toString('hex').toUpperCase(), key, parts: new Map() };
    b.uploads.set(upload.id, upload);
    return upload;
  }

  /** Stores a part; the same number sent again replaces it (its old bytes are dropped). */
  setPart(upload: Upload, partNumber: number, blob: StoredBlob): void {
    this.discard(upload.parts.get(partNumber));
    upload.parts.set(partNumber, blob);
  }

  /** Joins the named parts (ascending, each with its ETag) into the object, as CompleteMultipartUpload does. */
  async complete(bucket: string, upload: Upload, named: ReadonlyArray<{ partNumber: number; etag: string }>): Promise<StoredObject> {
    if (named.length === 0) {
      throw new StoreError(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
    }
    const parts: StoredBlob[] = [];
    let last = 0;
    for (const n of named) {
      if (n.partNumber <= last) {
        throw new StoreError(400, 'InvalidPartOrder', 'The list of parts was not in ascending order. The parts list must be specified in order by part number.');
      }
      last = n.partNumber;
      const part = upload.parts.get(n.partNumber);
      if (!part || part.etag.toLowerCase() !== n.etag.replace(/"/g, '').toLowerCase()) {
        throw new StoreError(400, 'InvalidPart', 'One or more of the specified parts could not be found or the specified entity tag might not have matched the part\'s entity tag.');
      }
      parts.push(part);
    }
    if (parts.slice(0, -1).some((p) => p.size < MIN_PART_BYTES)) {
      throw new StoreError(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.');
    }
    const file = this.tempFile();
    await pipeline(async function* () {
      for (const p of parts) {
        yield* fs.createReadStream(p.file) as AsyncIterable<Buffer>;
      }
    }, fs.createWriteStream(file));
    const md5 = createHash('md5');
    for (const p of parts) {
      md5.update(p.md5);
    }
    const digest = md5.digest();
    const blob: StoredBlob = {
      size: parts.reduce((s, p) => s + p.size, 0),
      etag: `${this.hex(digest)}-${parts.length}`,
      md5: digest,
      crc64: combineParts(parts.map((p) => ({ crc: p.crc64, size: p.size }))),
      file,
      lastModified: new Date(),
    };
    this.abort(bucket, upload);
    return this.put(bucket, upload.key, blob);
  }

  abort(bucket: string, upload: Upload): void {
    for (const p of upload.parts.values()) {
      this.discard(p);
    }
    this.bucket(bucket).uploads.delete(upload.id);
  }

  /** Removes every temporary file. */
  close(): void {
    if (this.dir) {
      fs.rmSync(this.dir, { recursive: true, force: true });
      this.dir = undefined;
    }
    for (const b of this.buckets.values()) {
      b.objects.clear();
      b.uploads.clear();
    }
  }

  private hex(digest: Buffer): string {
    const hex = digest.toString('hex');
    return this.cloud === 'alibaba' ? hex.toUpperCase() : hex;
  }

  private tempFile(): string {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), `cie-sandbox-${this.cloud}-`));
    return path.join(this.dir, randomBytes(12).toString('hex'));
  }

  private discard(blob: StoredBlob | undefined): void {
    if (blob) {
      fs.rm(blob.file, { force: true }, () => undefined);
    }
  }
}
