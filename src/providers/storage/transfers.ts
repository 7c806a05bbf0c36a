// The object-storage operations a provider carries for moving image files between the user's disk and
// its cloud (Alibaba OSS, Huawei OBS): the buckets, the objects under a prefix, a resumable upload and
// download, and cancelling an upload for good. One client per region, built on first use; all of it
// lives in the provider bundle, loaded only when a provider is.
import type { ProviderContext } from '../core/provider';
import type { FileImportRules } from './fileImport';
import { ObjectStorageClient } from './objects';
import { downloadObject, type DownloadOptions, type DownloadResult } from './transfer/download';
import { cancelUpload, uploadFile, type CancelReport, type UploadOptions, type UploadResult, type UploadState } from './transfer/upload';
import type { Bucket, ObjectHead, ObjectSummary, StorageCloud } from './types';

export interface TransferOperations {
  /** What the cloud takes of a local image file and of the bucket it is uploaded to. */
  readonly fileRules: FileImportRules;
  /** Every bucket of the account, each with its region and storage class. */
  listBuckets(regionId: string, signal?: AbortSignal): Promise<Bucket[]>;
  headObject(regionId: string, bucket: string, key: string, signal?: AbortSignal): Promise<ObjectHead | undefined>;
  /** Every object under `prefix` (all pages). */
  listObjects(regionId: string, bucket: string, prefix: string, signal?: AbortSignal): Promise<ObjectSummary[]>;
  upload(regionId: string, options: Omit<UploadOptions, 'client'>): Promise<UploadResult>;
  cancelUpload(state: UploadState, signal?: AbortSignal): Promise<CancelReport>;
  download(regionId: string, options: Omit<DownloadOptions, 'client'>): Promise<DownloadResult>;
}

export class StorageTransfers implements TransferOperations {
  private readonly clients = new Map<string, ObjectStorageClient>();

  constructor(
    private readonly ctx: ProviderContext,
    private readonly cloud: StorageCloud,
    readonly fileRules: FileImportRules,
  ) {}

  private client(regionId: string): ObjectStorageClient {
    let c = this.clients.get(regionId);
    if (!c) {
      c = new ObjectStorageClient(this.ctx, this.cloud, regionId);
      this.clients.set(regionId, c);
    }
    return c;
  }

  listBuckets(regionId: string, signal?: AbortSignal): Promise<Bucket[]> {
    return this.client(regionId).listBuckets(signal);
  }

  headObject(regionId: string, bucket: string, key: string, signal?: AbortSignal): Promise<ObjectHead | undefined> {
    return this.client(regionId).headObject(bucket, key, signal);
  }

  async listObjects(regionId: string, bucket: string, prefix: string, signal?: AbortSignal): Promise<ObjectSummary[]> {
    const out: ObjectSummary[] = [];
    let next: string | undefined;
    do {
      const page = await this.client(regionId).listObjects(bucket, prefix, next, 1000, signal);
      out.push(...page.items);
      next = page.next;
    } while (next);
    return out;
  }

  upload(regionId: string, options: Omit<UploadOptions, 'client'>): Promise<UploadResult> {
    return uploadFile({ ...options, client: this.client(regionId) });
  }

  cancelUpload(state: UploadState, signal?: AbortSignal): Promise<CancelReport> {
    return cancelUpload(this.client(state.region), state, signal);
  }

  download(regionId: string, options: Omit<DownloadOptions, 'client'>): Promise<DownloadResult> {
    return downloadObject({ ...options, client: this.client(regionId) });
  }
}
