// What a cloud can do to an image beyond listing it. A provider exposes an operation group only if
// its cloud has it: the presence of a group is the capability (what a cloud lacks is absent, never a stub).
import type { TransferOperations } from '../storage/transfers';
import type { CopyOperations } from './copying';
import type { DeleteOperations } from './deleting';
import type { EditOperations } from './editing';
import type { ExportOperations } from './exporting';
import type { ImportOperations } from './importing';
import type { JobOperations } from './jobs';
import type { ShareOperations, ReceivedOperations } from './sharing';
import type { TagOperations } from './tags';

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
