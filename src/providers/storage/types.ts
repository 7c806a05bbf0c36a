// What the object-storage clients (OSS, OBS) and the transfer engine exchange.
import type { StorageQuery, StorageSignInput } from './signers';
import type { XmlNode } from './xml';

/** The clouds with an object store this product talks to. */
export type StorageCloud = 'alibaba' | 'huawei';

/** The storage classes as the product names them (the clouds' names mapped by each dialect). */
export type StorageClass = 'Standard' | 'InfrequentAccess' | 'Archive' | 'ColdArchive' | 'Other';

export interface Bucket {
  readonly name: string;
  /** The region id as the image APIs name it (cn-hangzhou, cn-north-4), without OSS's "oss-" prefix. */
  readonly region: string;
  readonly storageClass: StorageClass;
  readonly created?: string;
}

export interface ObjectHead {
  readonly key: string;
  readonly size: number;
  /** As the cloud sends it, quotes removed. */
  readonly etag: string;
  /** OSS: the CRC-64/XZ of the whole object, decimal. */
  readonly crc64?: string;
  readonly lastModified?: string;
}

export interface ObjectSummary {
  readonly key: string;
  readonly size: number;
  readonly etag: string;
  readonly lastModified?: string;
}

export interface StoredPart {
  readonly partNumber: number;
  /** Quotes removed. */
  readonly etag: string;
  readonly size: number;
  readonly crc64?: string;
}

export interface PartReceipt {
  readonly etag: string;
  readonly crc64?: string;
}

/** Where a bucket's requests go: its origin and whether the bucket is in the path (an endpoint override) or the host. */
export interface BucketAddress {
  readonly origin: string;
  readonly pathStyle: boolean;
}

/** What differs between OSS and OBS; everything else is the one client (client.ts). */
export interface StorageDialect {
  readonly cloud: StorageCloud;
  /** The public service host of a region (ListBuckets). */
  serviceHost(region: string): string;
  /** The public virtual-hosted host of a bucket in a region. */
  bucketHost(bucket: string, region: string): string;
  /** The headers to send for a request in `region`, signature included. */
  sign(input: StorageSignInput, region: string): Record<string, string>;
  /** Header names (lower-case) of the request id, the object CRC and the bucket's region and class on HEAD bucket. */
  readonly requestIdHeader: string;
  readonly crcHeader?: string;
  /** A bucket of a ListAllMyBucketsResult; the class may be unknown there (OBS: read with HEAD bucket). */
  bucketOf(node: XmlNode): { name: string; region: string; storageClass?: StorageClass; created?: string };
  /** The class a HEAD bucket tells (OBS x-obs-storage-class). */
  storageClassOfHead?(headers: Readonly<Record<string, string>>): StorageClass | undefined;
  /** The cloud's most parts of one upload, and its smallest non-last and largest part in bytes. */
  readonly limits: { readonly maxParts: number; readonly minPartBytes: number; readonly maxPartBytes: number; readonly maxObjectBytes: number };
}

export interface StorageRequest {
  readonly method: string;
  readonly bucket?: string;
  readonly key?: string;
  readonly query?: StorageQuery;
  readonly headers?: Readonly<Record<string, string>>;
}
