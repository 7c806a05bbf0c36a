// What a cloud can do to an image beyond listing it. A provider exposes an operation group only if
// its cloud has it: the presence of a group is the capability (what a cloud lacks is absent, never a stub).
import type { EditRules, TagRules, MemberRules } from './rules';
import type { Image, Tag } from './model';
import type { TransferOperations } from '../storage/transfers';
import type { ChangeResult } from './changes';
import type { CopyOperations } from './copying';
import type { ExportOperations } from './exporting';
import type { ImportOperations } from './importing';
import type { JobOperations } from './jobs';

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
