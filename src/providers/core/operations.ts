// What a cloud can do to an image beyond listing it. A provider exposes an operation group only if
// its cloud has it: the presence of a group is the capability (what a cloud lacks is absent, never a stub).
import type { CopyRules, EditRules, ImportRules, ExportRules, TagRules, MemberRules } from './rules';
import type { Image, Tag } from './model';
import type { TransferOperations } from '../storage/transfers';
import type { ChangeResult, StartedJob } from './changes';
import type { JobStatus, JobOperations } from './jobs';

export interface TagOperations {
  /** The add, remove and filter calls' rules; a call that breaks them is refused (InvalidInputError) before any request. */
  readonly rules: TagRules;
  /** Adds or overwrites tags on every image given (split into batches by the provider). */
  addTags(regionId: string, imageIds: readonly string[], tags: readonly Tag[], signal?: AbortSignal): Promise<ChangeResult>;
  removeTags(regionId: string, imageIds: readonly string[], keys: readonly string[], signal?: AbortSignal): Promise<ChangeResult>;
  /** The image's current tags. */
  listTags(regionId: string, imageId: string, signal?: AbortSignal): Promise<Tag[]>;
  /**
   * The tag keys the account (Huawei: the project) already uses on images in the region, each with the
   * values used with it (none where a tag is a name only), sorted by key.
   */
  usedTags(regionId: string, signal?: AbortSignal): Promise<UsedTag[]>;
}

export interface UsedTag {
  readonly key: string;
  readonly values: readonly string[];
}

export interface Member {
  /** Account ID (Alibaba), project ID (Huawei) or user ID (QingCloud). */
  readonly id: string;
  readonly status?: string;
  readonly sharedAt?: string;
}

export interface ShareOperations {
  /** Member ID format and counts, checked before any request. */
  readonly rules: MemberRules;
  listMembers(regionId: string, imageId: string, signal?: AbortSignal): Promise<Member[]>;
  /** Sync clouds answer without a job; async clouds (Huawei) with the job. Batches are split by the provider. */
  addMembers(regionId: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult>;
  removeMembers(regionId: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult>;
}

export interface ExportRequest {
  readonly bucket: string;
  /** Alibaba: OSSPrefix; Huawei: the object name (bucket_url = bucket:object). */
  readonly object: string;
  readonly format: string;
  /** Huawei fast export (`is_quick_export`): the image as it is stored, no format (`format` is then ''). */
  readonly quick?: boolean;
}

/** Why an image cannot be exported, told before any request (see each cloud's `exportBlocker`). */
export type ExportBlock =
  | { readonly code: 'notOwn' }
  | { readonly code: 'notReady'; readonly status: string }
  | { readonly code: 'marketplace' }
  | { readonly code: 'windows' }
  | { readonly code: 'wholeImage' }
  | { readonly code: 'tooLarge'; readonly sizeGiB: number; readonly maxGiB: number }
  | { readonly code: 'dataDisks'; readonly count: number; readonly max: number }
  | { readonly code: 'dataDiskSize'; readonly sizeGiB: number; readonly maxGiB: number };

/** How an export may be made: refused (`block`), or with or without the fast (quick) form. */
export interface ExportChoice {
  readonly block?: ExportBlock;
  /** The cloud has a fast export for this image (Huawei `is_quick_export`). */
  readonly quickAvailable: boolean;
  /** Only the fast export will do (Huawei: images over 128 GB). */
  readonly quickRequired: boolean;
}

export interface ExportOperations {
  /** Bucket, object and format rules (with the formats the cloud exports), checked before any request. */
  readonly rules: ExportRules;
  /** Whether and how the image can be exported, from what its listing says (raw fields where needed): no request. */
  exportChoice(image: Image): ExportChoice;
  exportImage(regionId: string, imageId: string, request: ExportRequest, signal?: AbortSignal): Promise<StartedJob>;
}

/** An image file in the region's object storage to make an image of (Alibaba OSS, Huawei OBS). */
export interface ImportRequest {
  readonly bucket: string;
  readonly object: string;
  readonly name: string;
  readonly description?: string;
  /** Alibaba: Format (RAW, VHD, QCOW2, VMDK); Huawei takes the format from the file itself. */
  readonly format?: string;
  /** Alibaba OSType (linux / windows). */
  readonly osType?: string;
  /** Alibaba Platform (e.g. "CentOS"); Huawei os_version (e.g. "CentOS 7.9 64bit"). */
  readonly platform: string;
  /** Alibaba Architecture (x86_64 / arm64 / i386); Huawei architecture (x86 / arm). */
  readonly architecture: string;
  /** Alibaba DiskImageSize; Huawei min_disk (GiB). */
  readonly diskSizeGiB: number;
  /** Encrypts the new image with this key of the region's key service, where the import takes one (Huawei cmk_id). */
  readonly kmsKeyId?: string;
  /** Data disks' image files beside the system disk's, where the cloud imports them in one image (Alibaba DiskDeviceMapping.2..N). */
  readonly dataDisks?: readonly DataDiskFile[];
}

/** One data disk's image file in the region's object storage. */
export interface DataDiskFile {
  readonly bucket: string;
  readonly object: string;
  /** Alibaba Format (RAW, VHD, QCOW2, VMDK). */
  readonly format?: string;
  readonly sizeGiB: number;
}

/** A data disk image from one file (Huawei `POST /v1/cloudimages/dataimages/action`). */
export interface DataImageRequest {
  readonly bucket: string;
  readonly object: string;
  readonly name: string;
  readonly description?: string;
  /** min_disk (GiB). */
  readonly diskSizeGiB: number;
  /** Huawei os_type (Linux). */
  readonly osType?: string;
  readonly kmsKeyId?: string;
}

export interface ImportStarted extends StartedJob {
  /** The new image, where the cloud names it at once (Alibaba ImageId, Huawei's job once it made the record). */
  readonly imageId?: string;
}

export interface ImportOperations {
  /** What the request may hold (names, formats, platforms, sizes), checked before any request. */
  readonly rules: ImportRules;
  importImage(regionId: string, request: ImportRequest, signal?: AbortSignal): Promise<ImportStarted>;
  /** Makes a data disk image of one file, where the cloud has that kind (Huawei); an async job followed to the new image. */
  importDataImage?(regionId: string, request: DataImageRequest, signal?: AbortSignal): Promise<ImportStarted>;
}

export type Membership = 'pending' | 'accepted' | 'rejected';

/** An image another project shared with this one, and what this project answered. */
export interface ReceivedImage {
  readonly image: Image;
  readonly membership: Membership;
}

export interface ReceivedOperations {
  /** Every image shared with this project, pending, accepted or rejected. */
  listReceived(regionId: string, signal?: AbortSignal): Promise<ReceivedImage[]>;
  /** Accepts or rejects shared images: one async job for all of them. */
  /** The job to follow, unless reading back after a lost reply found the answer already given. */
  answer(regionId: string, imageIds: readonly string[], membership: Exclude<Membership, 'pending'>, signal?: AbortSignal): Promise<ChangeResult>;
}

/** One of the cloud's quotas in a region: how much of it is used. */
export interface QuotaUse {
  /** Huawei: image (private images), image_shared (shared images), image_member (image recipients). */
  readonly type: string;
  readonly used: number;
  readonly quota: number;
}

export interface QuotaOperations {
  quotas(regionId: string, signal?: AbortSignal): Promise<QuotaUse[]>;
}

export interface DeleteOptions {
  /** Alibaba: also delete when instances still use the image. */
  readonly force?: boolean;
  /** Huawei: the whole-machine images whose CSBS/CBR backup is deleted too (`delete_backup`); the others keep theirs. */
  readonly deleteBackupOf?: readonly string[];
}

export interface DeleteOperations {
  /** Whether the cloud has a "force" flag (Alibaba). */
  readonly supportsForce: boolean;
  /** Whether deleting a whole-machine image can delete its backup too (Huawei `delete_backup`). */
  readonly deletesBackups?: boolean;
  /** Sync clouds answer without a job; QingCloud with its job. */
  deleteImages(regionId: string, imageIds: readonly string[], options: DeleteOptions, signal?: AbortSignal): Promise<ChangeResult>;
}

/** A new name and/or description; a field left out keeps its value. */
export interface ImageEdit {
  readonly name?: string;
  readonly description?: string;
}

export interface EditOperations {
  /** Name and description rules, checked before any request. */
  readonly rules: EditRules;
  /** Changes the name and/or description in one call (Alibaba ModifyImageAttribute, Huawei PATCH, QingCloud ModifyImageAttributes). */
  editImage(regionId: string, imageId: string, edit: ImageEdit, signal?: AbortSignal): Promise<ChangeResult>;
  /**
   * Deprecates an own image, or makes a deprecated one available again, where the cloud has the state
   * (Alibaba ModifyImageAttribute Status=Deprecated / Available).
   */
  setDeprecated?(regionId: string, imageId: string, deprecated: boolean, signal?: AbortSignal): Promise<ChangeResult>;
}

export interface DetailOperations {
  /** Extra facts for the details panel, e.g. Alibaba's supported instance types. */
  instanceTypes?(regionId: string, imageId: string, signal?: AbortSignal): Promise<string[]>;
}

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

/** What can use an image: instances, launch templates and auto-scaling configurations that name it. */
export type UsageKind = 'instance' | 'template' | 'scalingConfig';

/** One thing that uses an image. */
export interface ImageUser {
  readonly kind: UsageKind;
  readonly id: string;
  readonly name: string;
}

/** What uses one image: how many of each kind, and a few of them by name. */
export interface ImageUsage {
  readonly instances: number;
  readonly templates: number;
  /** Auto-scaling configurations (Alibaba ESS, Huawei AS) that make instances from it. */
  readonly scalingConfigs: number;
  /** The first few users seen (at most USAGE_SAMPLE_SIZE in providers/shared/usage.ts). */
  readonly sample: readonly ImageUser[];
}

/** A listing that failed: its API (e.g. "DescribeInstances") and the cloud's error (a ProviderError). */
export interface UsageFailure {
  readonly kind: UsageKind;
  readonly api: string;
  readonly error: unknown;
}

/** What uses the images of one region, from one listing per resource kind (paged at the largest page). */
export interface RegionUsage {
  readonly regionId: string;
  /** By image id; an image absent here is used by nothing the listings that succeeded saw. */
  readonly byImage: ReadonlyMap<string, ImageUsage>;
  /** The APIs listed, each with its kind, in the order they were listed. */
  readonly listed: ReadonlyArray<{ readonly kind: UsageKind; readonly api: string }>;
  /** Listings that failed: while any did, the region's images cannot be said to be unused. */
  readonly failed: readonly UsageFailure[];
  /** Requests sent (pages), for the scan's cost. */
  readonly requests: number;
}

export interface UsageOperations {
  /** What the cloud's listings tell (e.g. instances and launch templates). */
  readonly kinds: readonly UsageKind[];
  /** Lists what uses images in a region. A failed listing is in `failed`, never taken as "unused"; an abort throws. */
  regionUsage(regionId: string, signal?: AbortSignal): Promise<RegionUsage>;
  /**
   * What uses one image now (before deleting it): the same listings, narrowed to the image where the cloud
   * filters by image (Alibaba ImageId, QingCloud image_id.N), else the region's listing joined on it.
   */
  imageUsage(regionId: string, imageId: string, signal?: AbortSignal): Promise<RegionUsage>;
}

/** Whether images can launch on an instance type, asked in batches (the editor's launch checks). */
export interface LaunchOperations {
  /**
   * Of `imageIds` (images of the region), those the instance type cannot launch, in as few requests as
   * the cloud allows; undefined when the region does not know the instance type. `systemDiskGiB`: the
   * system disk size the file gives beside the images, where it gives one.
   */
  unsupported(regionId: string, instanceType: string, imageIds: readonly string[], signal?: AbortSignal, systemDiskGiB?: number): Promise<ReadonlySet<string> | undefined>;
}

/** A key of the account's key service in a region (Alibaba KMS, Huawei DEW/KMS) that can encrypt images. */
export interface KmsKey {
  readonly id: string;
  /** The key's alias (Huawei key_alias), where the listing gives one. */
  readonly alias?: string;
  /** The cloud's word for the key's state, where the listing gives one (Huawei key_state "2": enabled). */
  readonly state?: string;
  /** The cloud's default key for the service (Huawei default_key_flag "1"). */
  readonly isDefault?: boolean;
}

export interface KeyOperations {
  /** The keys that can encrypt an image in a region, every page (Alibaba KMS ListKeys, Huawei KMS list-keys: enabled keys). */
  listKeys(regionId: string, signal?: AbortSignal): Promise<KmsKey[]>;
}

/** The optional groups an ImageProvider may carry. */
export interface ImageOperations {
  readonly tags?: TagOperations;
  readonly sharing?: ShareOperations;
  readonly exporting?: ExportOperations;
  readonly deleting?: DeleteOperations;
  readonly copying?: CopyOperations;
  readonly editing?: EditOperations;
  readonly jobs?: JobOperations;
  readonly details?: DetailOperations;
  readonly importing?: ImportOperations;
  readonly received?: ReceivedOperations;
  readonly quota?: QuotaOperations;
  readonly usage?: UsageOperations;
  /** Image files moved between the user's disk and the cloud's object store (upload to import, download of an export). */
  readonly transfers?: TransferOperations;
  readonly launch?: LaunchOperations;
  /** Where the account's key service lists its keys (for the key picker); absent: a key ID is typed. */
  readonly keys?: KeyOperations;
}
