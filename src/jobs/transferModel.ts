// A transfer the extension runs (an image file uploaded to the cloud's object store to be imported, an
// export's objects downloaded to a folder): plain JSON, kept in global state with what it needs to
// continue after a window reload (the upload's id and parts, the download's chunks), never a credential.
import type { CloudKind } from '../providers/core/model';
import type { ImportRequest } from '../providers/core/importing';
import type { TransferProgress } from '../providers/storage/transfer/common';
import type { DownloadState } from '../providers/storage/transfer/download';
import type { UploadState } from '../providers/storage/transfer/upload';
import type { Rerun, TrackedJob } from './model';

/** running: moving bytes (or starting the import); interrupted: stopped by a fault, Resume continues it. */
export type TransferStatus = 'running' | 'interrupted' | 'succeeded' | 'failed' | 'cancelled';

export interface DownloadObject {
  readonly key: string;
  readonly size: number;
}

export interface TransferJob {
  readonly id: string;
  readonly transfer: 'upload' | 'download';
  readonly accountId: string;
  readonly cloud: CloudKind;
  readonly regionId: string;
  /** Upload: the local file; download: the local folder. */
  readonly local: string;
  readonly bucket: string;
  /** Upload: the object's key; download: the prefix of the objects. */
  readonly key: string;
  readonly startedAt: number;
  status: TransferStatus;
  progress?: TransferProgress;
  /** Why it stopped, in the cloud's or the file system's words. */
  error?: string;
  /** What the end left behind, in words (e.g. what a cancel removed from the bucket). */
  outcome?: string;
  finishedAt?: number;
  /** Upload: its multipart state after each part (what a resume continues from). */
  upload?: UploadState;
  /** Upload: of its last run, the parts sent and those found already in the store (not sent again). */
  partsSent?: number;
  partsReused?: number;
  /** Upload: the import to start once the file is in the bucket (bucket and object are the upload's). */
  importAfter?: Omit<ImportRequest, 'bucket' | 'object'>;
  /** Set (and persisted) just before the import request is sent: it is never sent twice. */
  importSent?: boolean;
  /** The import job it started, and the new image where the cloud named it. */
  importJobId?: string;
  importImageId?: string;
  /** Download: the objects, those done, and the state of the one in progress. */
  objects?: readonly DownloadObject[];
  done?: string[];
  current?: DownloadState;
}

export function transferActive(j: TransferJob): boolean {
  return j.status === 'running';
}

export function isTransfer(e: unknown): e is TransferJob {
  return typeof e === 'object' && e !== null && 'transfer' in e && typeof (e as TransferJob).id === 'string';
}

/** A running or interrupted transfer can be cancelled (an upload: its multipart upload is aborted). */
export function transferCancellable(j: TransferJob): boolean {
  return j.status === 'running' || j.status === 'interrupted';
}

/** The local file name of a downloaded object: its key after the prefix, folders joined by "_" (never leaving the folder). */
export function downloadName(prefix: string, key: string): string {
  const rest = key.startsWith(prefix) ? key.slice(prefix.length) : key;
  const parts = rest.split('/').filter((p) => p && p !== '.' && p !== '..');
  return parts.join('_') || key.split('/').filter(Boolean).pop() || 'object';
}

/** An export whose objects can be downloaded: it succeeded and its request (bucket and object) is kept. */
export function downloadableExport(j: TrackedJob): j is TrackedJob & { rerun: Extract<Rerun, { kind: 'export' }> } {
  return j.kind === 'export' && j.state === 'succeeded' && j.rerun?.kind === 'export';
}
