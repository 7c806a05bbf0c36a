// The cloud's image quotas in a region, and how much of each is used.

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
