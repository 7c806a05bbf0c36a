// What uses images (instances, launch templates, auto-scaling configurations): a region's images at once, or
// one image before it is deleted.

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
  /** Lists what uses images in a region. A failed listing is in `failed`, never taken as "unused"; an abort throws. */
  regionUsage(regionId: string, signal?: AbortSignal): Promise<RegionUsage>;
  /**
   * What uses one image now (before deleting it): the same listings, narrowed to the image where the cloud
   * filters by image (Alibaba ImageId, QingCloud image_id.N), else the region's listing joined on it.
   */
  imageUsage(regionId: string, imageId: string, signal?: AbortSignal): Promise<RegionUsage>;
}
