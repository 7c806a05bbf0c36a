// The object-storage operations of the sandbox, OSS- and OBS-shaped: what each request does to the
// store and the reply it gets (same paths, headers and XML as the clouds).
import * as fs from 'fs';
import { children, parseXml, textOf, type XmlTree } from '../../providers/storage/xml';
import type { StorageCall } from './auth';
import { errorReply, quoted, xmlReply, type Reply } from './replies';
import { StoreError, type SandboxBucket, type SandboxObjectStore, type StoredBlob, type StoredObject } from './store';

const MAX_KEYS = 1000;
const MAX_PART_NUMBER = 10_000;

/** The operation a request asks for, for the request log, latency and fault rules. */
export function operationOf(call: Pick<StorageCall, 'method' | 'bucket' | 'key' | 'query'>): string {
  const q = call.query;
  if (!call.bucket) {
    return 'ListBuckets';
  }
  if (!call.key) {
    return call.method === 'HEAD' ? 'HeadBucket' : call.method === 'GET' ? 'ListObjects' : `${call.method}Bucket`;
  }
  switch (call.method) {
    case 'HEAD':
      return 'HeadObject';
    case 'GET':
      return 'uploadId' in q ? 'ListParts' : 'GetObject';
    case 'PUT':
      return 'uploadId' in q ? 'UploadPart' : 'PutObject';
    case 'POST':
      return 'uploads' in q ? 'InitiateMultipartUpload' : 'uploadId' in q ? 'CompleteMultipartUpload' : 'PostObject';
    case 'DELETE':
      return 'uploadId' in q ? 'AbortMultipartUpload' : 'DeleteObject';
    default:
      return call.method;
  }
}

async function readText(body: AsyncIterable<Buffer>, max = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of body) {
    size += c.length;
    if (size > max) {
      throw new StoreError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.');
    }
    chunks.push(c);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export class StorageOperations {
  constructor(private readonly store: SandboxObjectStore) {}

  private get cloud(): SandboxObjectStore['cloud'] {
    return this.store.cloud;
  }

  /** Serves one verified request; `region` is the region it was signed for (OSS), checked against the bucket's. */
  async handle(call: StorageCall, body: AsyncIterable<Buffer>, region: string | undefined): Promise<Reply> {
    try {
      if (!call.bucket) {
        return this.listBuckets(call);
      }
      const bucket = this.store.bucket(call.bucket);
      const refused = this.refusal(bucket, region);
      if (refused) {
        return refused;
      }
      return await this.onBucket(operationOf(call), bucket, call, body);
    } catch (err) {
      if (err instanceof StoreError) {
        const extra: XmlTree = err.code === 'NoSuchUpload' ? { UploadId: String(call.query['uploadId'] ?? '') } : err.code === 'NoSuchKey' ? { Key: call.key ?? '' } : {};
        return errorReply(this.cloud, err.status, err.code, err.message, extra);
      }
      throw err;
    }
  }

  /** A bucket addressed through another region's endpoint (OSS), or one the sandbox account may not use. */
  private refusal(bucket: SandboxBucket, region: string | undefined): Reply | undefined {
    if (bucket.name.startsWith('cie-denied-')) {
      return errorReply(this.cloud, 403, 'AccessDenied', 'You have no right to access this object because of bucket acl.');
    }
    if (region !== undefined && region !== bucket.region) {
      return errorReply(this.cloud, 403, 'AccessDenied', 'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.', {
        Bucket: bucket.name,
        Endpoint: `oss-${bucket.region}.aliyuncs.com`,
      });
    }
    return undefined;
  }

  private async onBucket(op: string, bucket: SandboxBucket, call: StorageCall, body: AsyncIterable<Buffer>): Promise<Reply> {
    const key = call.key ?? '';
    const q = call.query;
    switch (op) {
      case 'HeadBucket':
        return { status: 200, headers: { 'x-obs-bucket-location': bucket.region, 'x-obs-storage-class': bucket.storageClass } };
      case 'ListObjects':
        return this.listObjects(bucket, call);
      case 'HeadObject':
        return { status: 200, headers: this.objectHeaders(this.store.object(bucket.name, key)) };
      case 'GetObject':
        return this.getObject(this.store.object(bucket.name, key), call.headers['range']);
      case 'PutObject': {
        const blob = await this.store.receive(body, call.headers['content-md5']);
        return { status: 200, headers: this.blobHeaders(this.store.put(bucket.name, key, blob)) };
      }
      case 'DeleteObject':
        this.store.deleteObject(bucket.name, key);
        return { status: 204 };
      case 'InitiateMultipartUpload': {
        const upload = this.store.initiate(bucket.name, key);
        return xmlReply(this.cloud, 200, 'InitiateMultipartUploadResult', { Bucket: bucket.name, Key: key, UploadId: upload.id });
      }
      case 'UploadPart': {
        const n = Number(q['partNumber']);
        if (!Number.isInteger(n) || n < 1 || n > MAX_PART_NUMBER) {
          return errorReply(this.cloud, 400, 'InvalidArgument', `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive.`);
        }
        const upload = this.store.upload(bucket.name, key, String(q['uploadId'] ?? ''));
        const blob = await this.store.receive(body, call.headers['content-md5']);
        this.store.setPart(upload, n, blob);
        return { status: 200, headers: this.blobHeaders(blob) };
      }
      case 'ListParts':
        return this.listParts(bucket, key, call);
      case 'CompleteMultipartUpload': {
        const upload = this.store.upload(bucket.name, key, String(q['uploadId'] ?? ''));
        const doc = parseXml(await readText(body));
        if (!doc || doc.name !== 'CompleteMultipartUpload') {
          return errorReply(this.cloud, 400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.');
        }
        const named = children(doc, 'Part').map((p) => ({ partNumber: Number(textOf(p, 'PartNumber')), etag: textOf(p, 'ETag') ?? '' }));
        const obj = await this.store.complete(bucket.name, upload, named);
        return xmlReply(this.cloud, 200, 'CompleteMultipartUploadResult', { Location: `/${bucket.name}/${key}`, Bucket: bucket.name, Key: key, ETag: quoted(obj.etag) }, this.crcHeader(obj));
      }
      case 'AbortMultipartUpload':
        this.store.abort(bucket.name, this.store.upload(bucket.name, key, String(q['uploadId'] ?? '')));
        return { status: 204 };
      default:
        return errorReply(this.cloud, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    }
  }

  private listBuckets(call: StorageCall): Reply {
    const all = [...this.store.buckets.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
    if (this.cloud === 'huawei') {
      return xmlReply(this.cloud, 200, 'ListAllMyBucketsResult', {
        Owner: { ID: 'sandbox0000000000000000000000000' },
        Buckets: { Bucket: all.map((b) => ({ Name: b.name, CreationDate: '2024-01-01T00:00:00.000Z', Location: b.region, BucketType: 'OBJECT' })) },
      });
    }
    const marker = call.query['marker'] ?? '';
    const prefix = call.query['prefix'] ?? '';
    const max = Math.min(MAX_KEYS, Math.max(1, Number(call.query['max-keys'] ?? 100) || 100));
    const matching = all.filter((b) => b.name > marker && b.name.startsWith(prefix));
    const page = matching.slice(0, max);
    const truncated = matching.length > max;
    return xmlReply(this.cloud, 200, 'ListAllMyBucketsResult', {
      Prefix: prefix,
      Marker: marker,
      MaxKeys: max,
      IsTruncated: truncated,
      NextMarker: truncated ? page[page.length - 1]?.name : undefined,
      Owner: { ID: '1234567890123456', DisplayName: '1234567890123456' },
      Buckets: {
        Bucket: page.map((b) => ({
          CreationDate: '2024-01-01T00:00:00.000Z',
          ExtranetEndpoint: `oss-${b.region}.aliyuncs.com`,
          IntranetEndpoint: `oss-${b.region}-internal.aliyuncs.com`,
          Location: `oss-${b.region}`,
          Name: b.name,
          Region: b.region,
          StorageClass: b.storageClass,
        })),
      },
    });
  }

  private listObjects(bucket: SandboxBucket, call: StorageCall): Reply {
    const prefix = call.query['prefix'] ?? '';
    const max = Math.min(MAX_KEYS, Math.max(1, Number(call.query['max-keys'] ?? 100) || 100));
    const token = call.query['continuation-token'];
    const after = token ? Buffer.from(token, 'base64url').toString('utf8') : (call.query['start-after'] ?? '');
    const keys = [...bucket.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
    const page = keys.slice(0, max);
    const truncated = keys.length > max;
    return xmlReply(this.cloud, 200, 'ListBucketResult', {
      Name: bucket.name,
      Prefix: prefix,
      MaxKeys: max,
      KeyCount: page.length,
      IsTruncated: truncated,
      NextContinuationToken: truncated ? Buffer.from(page[page.length - 1] ?? '').toString('base64url') : undefined,
      Contents: page.map((k) => {
        const o = bucket.objects.get(k) as StoredObject;
        return { Key: k, LastModified: o.lastModified.toISOString(), ETag: quoted(o.etag), Size: o.size, StorageClass: bucket.storageClass };
      }),
    });
  }

  private listParts(bucket: SandboxBucket, key: string, call: StorageCall): Reply {
    const upload = this.store.upload(bucket.name, key, String(call.query['uploadId'] ?? ''));
    const marker = Number(call.query['part-number-marker'] ?? 0) || 0;
    const max = Math.min(MAX_KEYS, Math.max(1, Number(call.query['max-parts'] ?? MAX_KEYS) || MAX_KEYS));
    const numbers = [...upload.parts.keys()].filter((n) => n > marker).sort((a, b) => a - b);
    const page = numbers.slice(0, max);
    const truncated = numbers.length > max;
    return xmlReply(this.cloud, 200, 'ListPartsResult', {
      Bucket: bucket.name,
      Key: key,
      UploadId: upload.id,
      PartNumberMarker: marker,
      NextPartNumberMarker: page[page.length - 1] ?? marker,
      MaxParts: max,
      IsTruncated: truncated,
      Part: page.map((n) => {
        const p = upload.parts.get(n) as StoredBlob;
        return {
          PartNumber: n,
          LastModified: p.lastModified.toISOString(),
          ETag: quoted(p.etag),
          ...(this.cloud === 'alibaba' ? { HashCrc64ecma: p.crc64 } : {}),
          Size: p.size,
        };
      }),
    });
  }

  /**
   * `Range: bytes=a-b | a- | -n`. A range the object cannot serve: OSS answers the whole object with
   * 200 (its default behaviour), OBS 416 InvalidRange.
   */
  private getObject(obj: StoredObject, range: string | undefined): Reply {
    const whole: Reply = { status: 200, headers: this.objectHeaders(obj), body: () => fs.createReadStream(obj.file) };
    const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
    if (!m || (m[1] === '' && m[2] === '')) {
      return whole;
    }
    let start = m[1] === '' ? Math.max(0, obj.size - Number(m[2])) : Number(m[1]);
    let end = m[1] === '' || m[2] === '' ? obj.size - 1 : Math.min(Number(m[2]), obj.size - 1);
    if (start > end || start >= obj.size) {
      return this.cloud === 'alibaba' ? whole : errorReply(this.cloud, 416, 'InvalidRange', 'The requested range cannot be satisfied.');
    }
    start = Math.max(0, start);
    end = Math.max(start, end);
    return {
      status: 206,
      headers: { ...this.objectHeaders(obj), 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${obj.size}` },
      body: () => fs.createReadStream(obj.file, { start, end }),
    };
  }

  private crcHeader(blob: StoredBlob): Record<string, string> {
    return this.cloud === 'alibaba' ? { 'x-oss-hash-crc64ecma': blob.crc64 } : {};
  }

  private blobHeaders(blob: StoredBlob): Record<string, string> {
    return { etag: quoted(blob.etag), ...this.crcHeader(blob) };
  }

  private objectHeaders(obj: StoredObject): Record<string, string> {
    return {
      ...this.blobHeaders(obj),
      'content-length': String(obj.size),
      'content-type': 'application/octet-stream',
      'last-modified': obj.lastModified.toUTCString(),
      'accept-ranges': 'bytes',
    };
  }
}
