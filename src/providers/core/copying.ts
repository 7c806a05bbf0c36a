// Copying an image within its region or to another: the request, the copy started and how it is followed.
import type { CopyRules } from './rules';
import type { StartedJob } from './changes';
import type { JobStatus } from './jobs';

export interface CopyRequest {
  /** Where the copy goes: the image's own region, or another where the cloud copies across regions. */
  readonly destinationRegionId: string;
  readonly name: string;
  readonly description?: string;
  /** Encrypt the copy: with `kmsKeyId`, or else the cloud's default key where it has one (Alibaba; `rules.defaultKey`). */
  readonly encrypted?: boolean;
  /** Alibaba KMSKeyId (a key of the destination region); Huawei cmk_id (in-region copies only: `rules.keyInRegionOnly`). */
  readonly kmsKeyId?: string;
  /** Huawei cross-region copy: the IAM agency IMS acts through (agency_name). */
  readonly agencyName?: string;
}

export interface StartedCopy extends StartedJob {
  /**
   * How the copy is followed: 'image' where the cloud starts no job and the new image's own status
   * tells (Alibaba: DescribeImages Progress, `job.jobId` is the new image's id), else 'job'.
   */
  readonly follow: 'image' | 'job';
  /** Where to follow it: the destination region (Alibaba) or the region that runs the job (Huawei, QingCloud: the source's). */
  readonly followRegionId: string;
  /** The new image, where the cloud names it at once (Alibaba ImageId, QingCloud images[]). */
  readonly newImageId?: string;
}

export interface CopyOperations {
  /** Name, description and key rules, and which regions a copy may go to; checked before any request. */
  readonly rules: CopyRules;
  /** Copies that run at once in one region, where the cloud says (Alibaba: 5; the rest wait in its queue). */
  readonly maxConcurrentPerRegion?: number;
  /** Starts one copy (sent once). */
  copyImage(regionId: string, imageId: string, request: CopyRequest, signal?: AbortSignal): Promise<StartedCopy>;
  /** Where `follow` is 'image': the copies' progress by new image id, in their region; unknown ids are left out. */
  describeCopies?(regionId: string, imageIds: readonly string[], signal?: AbortSignal): Promise<JobStatus[]>;
  /** How many copies run or wait in a region now (for the warning before one more would have to wait). */
  activeCopies?(regionId: string, signal?: AbortSignal): Promise<number>;
  /** Cancels a running copy by its new image (Alibaba CancelCopyImage, which deletes the unfinished copy). Sent once. */
  cancelCopy?(regionId: string, imageId: string, signal?: AbortSignal): Promise<void>;
}
