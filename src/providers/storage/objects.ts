// The object-storage calls the product makes, on OSS and OBS alike: ListBuckets, HEAD/PUT/GET object
// (ranged), ListObjects by prefix (paged), and multipart upload: initiate, upload part (Content-MD5),
// list parts (paged), complete, abort.
import { Readable, type Writable } from 'stream';
import { pipeline } from 'stream/promises';
import type { ProviderContext } from '../core/provider';
import { StorageTransport, unquote, xmlAnswer } from './client';
import { dialectOf } from './dialects';
import type { Bucket, ObjectHead, ObjectSummary, PartReceipt, StorageCloud, StoredPart } from './types';
import { buildXml, children, child, textOf } from './xml';

export interface Paged<T> {
  readonly items: readonly T[];
  /** Where the next page starts; undefined on the last one. */
  readonly next?: string;
}

export interface BodyInfo {
  readonly status: number;
  /** The bytes of the whole object (from Content-Range on a 206). */
  readonly totalSize?: number;
  readonly etag: string;
  readonly crc64?: string;
}

export class ObjectStorageClient {
  readonly transport: StorageTransport;

  constructor(ctx: ProviderContext, cloud: StorageCloud, region: string) {
    this.transport = new StorageTransport(ctx, dialectOf(cloud), region);
  }

  get dialect(): StorageTransport['dialect'] {
    return this.transport.dialect;
  }

  get region(): string {
    return this.transport.region;
  }

  /** Every bucket of the account (all regions, every page), each with its region and, where asked, its storage class. */
  async listBuckets(signal?: AbortSignal): Promise<Bucket[]> {
    const found: Array<{ name: string; region: string; storageClass?: Bucket['storageClass']; created?: string }> = [];
    let marker: string | undefined;
    do {
      const query: Record<string, string> = { 'max-keys': '1000', ...(marker ? { marker } : {}) };
      const page = await this.transport.call({ method: 'GET', query }, { kind: 'read', signal }, (res) => xmlAnswer(this.dialect, res, 'ListAllMyBucketsResult'));
      found.push(...children(child(page, 'Buckets'), 'Bucket').map((b) => this.dialect.bucketOf(b)));
      marker = textOf(page, 'IsTruncated') === 'true' ? textOf(page, 'NextMarker') : undefined;
    } while (marker);
    const out: Bucket[] = [];
    for (const b of found) {
      const storageClass = b.storageClass ?? (b.region === this.region ? await this.bucketClass(b.name, signal) : undefined);
      out.push({ name: b.name, region: b.region, storageClass: storageClass ?? 'Other', ...(b.created ? { created: b.created } : {}) });
    }
    return out;
  }

  /** The buckets an image import or export may use: in this client's region and of the Standard class. */
  async importBuckets(signal?: AbortSignal): Promise<Bucket[]> {
    return (await this.listBuckets(signal)).filter((b) => b.region === this.region && b.storageClass === 'Standard');
  }

  /** The class HEAD bucket tells (OBS, where ListBuckets does not); unknown for a bucket the key may not read. */
  private bucketClass(bucket: string, signal?: AbortSignal): Promise<Bucket['storageClass'] | undefined> {
    return this.transport.call(
      { method: 'HEAD', bucket },
      { kind: 'read', signal },
      (res) => Promise.resolve(res.status === 403 ? undefined : this.dialect.storageClassOfHead?.(res.headers)),
      (status) => status === 403,
    );
  }

  /** The object's size, ETag and CRC, or undefined when the bucket has no such key. */
  headObject(bucket: string, key: string, signal?: AbortSignal): Promise<ObjectHead | undefined> {
    return this.transport.call(
      { method: 'HEAD', bucket, key },
      { kind: 'read', signal },
      (res) =>
        Promise.resolve(
          res.status === 404
            ? undefined
            : {
                key,
                size: Number(res.headers['content-length'] ?? 0),
                etag: unquote(res.headers['etag']),
                ...this.crcOf(res.headers),
                ...(res.headers['last-modified'] ? { lastModified: res.headers['last-modified'] } : {}),
              },
        ),
      (status) => status === 404,
    );
  }

  /** A single PUT of a small object (the body made afresh per attempt). */
  putObject(bucket: string, key: string, body: () => Readable, size: number, md5Base64?: string, signal?: AbortSignal): Promise<PartReceipt> {
    return this.transport.call(
      { method: 'PUT', bucket, key, headers: md5Base64 ? { 'content-md5': md5Base64 } : {} },
      { kind: 'idempotent', body, contentLength: size, signal },
      (res) => Promise.resolve(this.receipt(res.headers)),
    );
  }

  /**
   * Reads an object (or the bytes `range` names, inclusive) into `sink`. A 200 to a ranged request
   * means the store sent the whole object (OSS does for a range it cannot serve): the caller sees status 200.
   */
  getObject(bucket: string, key: string, sink: () => Writable, range?: { start: number; end?: number }, signal?: AbortSignal): Promise<BodyInfo> {
    const headers: Record<string, string> = range ? { range: `bytes=${range.start}-${range.end ?? ''}` } : {};
    return this.transport.call({ method: 'GET', bucket, key, headers }, { kind: 'read', signal }, async (res) => {
      await pipeline(res.body, sink());
      const total = /\/(\d+)$/.exec(res.headers['content-range'] ?? '')?.[1];
      return {
        status: res.status,
        totalSize: total !== undefined ? Number(total) : Number(res.headers['content-length'] ?? 0),
        etag: unquote(res.headers['etag']),
        ...this.crcOf(res.headers),
      };
    });
  }

  /** One page of the objects under `prefix` (ListObjectsV2), at most `maxKeys`. */
  async listObjects(bucket: string, prefix: string, next?: string, maxKeys = 1000, signal?: AbortSignal): Promise<Paged<ObjectSummary>> {
    const query: Record<string, string> = { 'list-type': '2', prefix, 'max-keys': String(maxKeys), ...(next ? { 'continuation-token': next } : {}) };
    const page = await this.transport.call({ method: 'GET', bucket, query }, { kind: 'read', signal }, (res) => xmlAnswer(this.dialect, res, 'ListBucketResult'));
    const items = children(page, 'Contents').map((c) => ({
      key: textOf(c, 'Key') ?? '',
      size: Number(textOf(c, 'Size') ?? 0),
      etag: unquote(textOf(c, 'ETag')),
      ...(textOf(c, 'LastModified') ? { lastModified: textOf(c, 'LastModified') } : {}),
    }));
    return { items, next: textOf(page, 'IsTruncated') === 'true' ? textOf(page, 'NextContinuationToken') : undefined };
  }

  initiateMultipart(bucket: string, key: string, signal?: AbortSignal): Promise<string> {
    // A second initiate only leaves an unused upload id behind: safe to retry.
    return this.transport.call({ method: 'POST', bucket, key, query: { uploads: null } }, { kind: 'idempotent', signal }, async (res) => {
      const root = await xmlAnswer(this.dialect, res, 'InitiateMultipartUploadResult');
      return textOf(root, 'UploadId') ?? '';
    });
  }

  /** Sends one part; a part sent again replaces the first (the store keeps the last), so it is retried like a read. */
  uploadPart(bucket: string, key: string, uploadId: string, partNumber: number, body: () => Readable, size: number, md5Base64: string, signal?: AbortSignal): Promise<PartReceipt> {
    return this.transport.call(
      { method: 'PUT', bucket, key, query: { partNumber: String(partNumber), uploadId }, headers: { 'content-md5': md5Base64 } },
      { kind: 'idempotent', body, contentLength: size, signal },
      (res) => Promise.resolve(this.receipt(res.headers)),
    );
  }

  async listParts(bucket: string, key: string, uploadId: string, marker?: number, signal?: AbortSignal): Promise<Paged<StoredPart>> {
    const query: Record<string, string> = { uploadId, 'max-parts': '1000', ...(marker ? { 'part-number-marker': String(marker) } : {}) };
    const page = await this.transport.call({ method: 'GET', bucket, key, query }, { kind: 'read', signal }, (res) => xmlAnswer(this.dialect, res, 'ListPartsResult'));
    const items = children(page, 'Part').map((p) => ({
      partNumber: Number(textOf(p, 'PartNumber')),
      etag: unquote(textOf(p, 'ETag')),
      size: Number(textOf(p, 'Size') ?? 0),
      ...(textOf(p, 'HashCrc64ecma') ? { crc64: textOf(p, 'HashCrc64ecma') } : {}),
    }));
    return { items, next: textOf(page, 'IsTruncated') === 'true' ? textOf(page, 'NextPartNumberMarker') : undefined };
  }

  /** Every part stored so far, every page. */
  async allParts(bucket: string, key: string, uploadId: string, signal?: AbortSignal): Promise<StoredPart[]> {
    const out: StoredPart[] = [];
    let marker: number | undefined;
    for (;;) {
      const page = await this.listParts(bucket, key, uploadId, marker, signal);
      out.push(...page.items);
      if (!page.next) {
        return out;
      }
      marker = Number(page.next);
    }
  }

  /** Completes an upload from the parts (ascending). Sent once: see the transfer engine for how an unclear answer is settled. */
  completeMultipart(bucket: string, key: string, uploadId: string, parts: ReadonlyArray<{ partNumber: number; etag: string }>, signal?: AbortSignal): Promise<PartReceipt> {
    const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
    const body = buildXml('CompleteMultipartUpload', { Part: sorted.map((p) => ({ PartNumber: p.partNumber, ETag: `"${p.etag}"` })) });
    const bytes = Buffer.from(body, 'utf8');
    return this.transport.call(
      { method: 'POST', bucket, key, query: { uploadId }, headers: { 'content-type': 'application/xml' } },
      { kind: 'mutation', body: () => bufferStream(bytes), contentLength: bytes.length, signal },
      async (res) => {
        const root = await xmlAnswer(this.dialect, res, 'CompleteMultipartUploadResult');
        return { etag: unquote(textOf(root, 'ETag') ?? res.headers['etag']), ...this.crcOf(res.headers) };
      },
    );
  }

  /** Abandons an upload: the store deletes its parts. A second abort of a gone upload answers NoSuchUpload. */
  abortMultipart(bucket: string, key: string, uploadId: string, signal?: AbortSignal): Promise<void> {
    return this.transport.call({ method: 'DELETE', bucket, key, query: { uploadId } }, { kind: 'idempotent', signal }, () => Promise.resolve());
  }

  private crcOf(headers: Readonly<Record<string, string>>): { crc64?: string } {
    const crc = this.dialect.crcHeader ? headers[this.dialect.crcHeader] : undefined;
    return crc ? { crc64: crc } : {};
  }

  private receipt(headers: Readonly<Record<string, string>>): PartReceipt {
    return { etag: unquote(headers['etag']), ...this.crcOf(headers) };
  }
}

function bufferStream(bytes: Buffer): Readable {
  return Readable.from([bytes]);
}
