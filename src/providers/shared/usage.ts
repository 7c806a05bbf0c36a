// What uses a region's images, the part every cloud shares: run each listing the cloud has (instances,
// templates), join what they report on the image id, keep a few names per image, and keep a listing's
// failure apart (with its API) so that no caller takes an image as unused because a listing failed.
import { ProviderError } from '../core/errors';
import type { ImageUsage, ImageUser, RegionUsage, UsageFailure, UsageKind, UsageOperations } from '../core/usage';

/** Users named per image; the counts are whole. */
export const USAGE_SAMPLE_SIZE = 3;

/**
 * One listing of a region: what it sees is handed to `use`; it says how many requests it sent. Given
 * `imageId`, a listing whose API filters by image asks for that image's users only (others list all).
 */
export interface UsageListing {
  readonly kind: UsageKind;
  readonly api: string;
  list(use: (imageId: string, user: ImageUser) => void, signal?: AbortSignal, imageId?: string): Promise<number>;
}

class Usage implements ImageUsage {
  instances = 0;
  templates = 0;
  scalingConfigs = 0;
  readonly sample: ImageUser[] = [];
  /** Users already counted (a template names one image in several versions: counted once). */
  private readonly seen = new Set<string>();

  add(user: ImageUser): void {
    const key = `${user.kind}/${user.id}`;
    if (this.seen.has(key)) {
      return;
    }
    this.seen.add(key);
    if (user.kind === 'instance') {
      this.instances++;
    } else if (user.kind === 'template') {
      this.templates++;
    } else {
      this.scalingConfigs++;
    }
    if (this.sample.length < USAGE_SAMPLE_SIZE) {
      this.sample.push(user);
    }
  }
}

/**
 * Runs a region's listings one after the other (each pages on its own) and joins them. A listing that
 * fails is recorded with its API and error and the others still run; a cancellation ends it all.
 */
export async function regionUsage(listings: readonly UsageListing[], signal?: AbortSignal, onlyImageId?: string): Promise<RegionUsage> {
  const byImage = new Map<string, Usage>();
  const failed: UsageFailure[] = [];
  let requests = 0;
  const use = (imageId: string, user: ImageUser): void => {
    if (onlyImageId !== undefined && imageId !== onlyImageId) {
      return;
    }
    let usage = byImage.get(imageId);
    if (!usage) {
      usage = new Usage();
      byImage.set(imageId, usage);
    }
    usage.add(user);
  };
  for (const listing of listings) {
    try {
      requests += await listing.list(use, signal, onlyImageId);
    } catch (error) {
      if (ProviderError.isAbort(error) || signal?.aborted) {
        throw error;
      }
      failed.push({ kind: listing.kind, api: listing.api, error });
    }
  }
  return { byImage, listed: listings.map(({ kind, api }) => ({ kind, api })), failed, requests };
}

/** The UsageOperations of a cloud, from its listings of a region. */
export function usageOperations(listingsOf: (regionId: string) => readonly UsageListing[]): UsageOperations {
  return {
    regionUsage: (regionId, signal) => regionUsage(listingsOf(regionId), signal),
    imageUsage: (regionId, imageId, signal) => regionUsage(listingsOf(regionId), signal, imageId),
  };
}

/** Loads every page of a listing: `page(n)` gets page n (from 1) and says whether another follows. */
export async function everyPage(page: (n: number) => Promise<boolean>): Promise<number> {
  let n = 1;
  while (await page(n)) {
    n++;
  }
  return n;
}
