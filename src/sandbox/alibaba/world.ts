// The Alibaba sandbox's state for the emulator's life: each region's images (generated on first use,
// then tagged, shared and deleted in place), share lists, and the export tasks.
import { randomUUID } from 'crypto';
import { JobClock, JobLedger, type SandboxJob } from '../jobs';
import type { CopyEntry } from './copy';
import { ListingIndex } from '../indexes';
import { Random } from '../random';
import { SandboxUsage, usedByInstances } from '../usage';
import type { EmulatorResponse, KeyStore } from '../types';
import { seededImages } from '../seeding';
import { ECS_REGIONS, generateEcsImages, type EcsImage, type EcsRegion } from './data';
import { alibabaError, isResponse, isoSecond, missing, paging, type Params } from './params';

export const SANDBOX_ALIBABA_ACCOUNT_ID = '1234567890123456';

export interface ShareEntry {
  readonly AliyunId: string;
  readonly SharedTime: string;
}

export interface ExportTask {
  readonly regionId: string;
  readonly imageId: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly format: string;
  /** ImportImage: the object read (an export's file is named after its prefix and image instead). */
  readonly object?: string;
  /** ExportImage: the key of the file written in the sandbox's object store, if it wrote one (removed when the task is cancelled). */
  readonly written?: string;
}

/**
 * Whether instances run from an own image (so DeleteImage without Force is refused). Fixed per image
 * id: about one own image in four. Exported for tests, which cannot see instances through the API.
 */
export function imageInUse(imageId: string): boolean {
  return imageId.startsWith('m-') && usedByInstances(imageId);
}

export class EcsWorld {
  readonly clock: JobClock;
  /** DescribeImages' matches per region and filter, between state changes. */
  readonly listings = new ListingIndex<readonly EcsImage[]>();
  readonly tasks = new JobLedger<ExportTask>();
  /** CopyImage's copies, in the order they were asked for (copy.ts). */
  readonly copies: CopyEntry[] = [];
  /** Tasks ended by CancelTask, and when. */
  private readonly cancelled = new Map<string, number>();
  /** Images being imported, until their task ends (imports.ts), and ImportImage's answers by ClientToken. */
  readonly importing: Array<{ job: SandboxJob; image: EcsImage }> = [];
  readonly importTokens = new Map<string, Record<string, unknown>>();
  readonly accountId = SANDBOX_ALIBABA_ACCOUNT_ID;
  private readonly images = new Map<string, EcsImage[]>();
  private readonly shares = new Map<string, ShareEntry[]>();
  private seedRounds = 0;
  /** The instances and launch templates that use the images (instances.ts). */
  readonly usage: SandboxUsage;

  constructor(
    readonly keys: KeyStore,
    readonly seed: string,
  ) {
    this.clock = keys.jobClock ?? new JobClock(() => keys.now());
    this.usage = new SandboxUsage(seed, 'alibaba', {
      instance: (rnd) => `i-${rnd.chars('0123456789abcdefghijklmnopqrstuvwxyz', 20)}`,
      template: (rnd) => `lt-${rnd.chars('0123456789abcdefghijklmnopqrstuvwxyz', 20)}`,
      scalingConfig: (rnd) => `asc-${rnd.chars('0123456789abcdefghijklmnopqrstuvwxyz', 20)}`,
      scalingGroup: (rnd) => `asg-${rnd.chars('0123456789abcdefghijklmnopqrstuvwxyz', 20)}`,
    });
  }

  now(): number {
    return this.keys.now();
  }

  /** The region's images, generated on first use and then kept for the emulator's life. */
  regionImages(regionId: string): EcsImage[] | undefined {
    const region = ECS_REGIONS.find((r) => r.RegionId === regionId);
    if (!region) {
      return undefined;
    }
    let list = this.images.get(regionId);
    if (!list) {
      const imageCount = this.keys.imageCount?.('alibaba', regionId) ?? region.imageCount;
      list = generateEcsImages(this.seed, { ...region, imageCount }, SANDBOX_ALIBABA_ACCOUNT_ID);
      this.images.set(regionId, list);
    }
    return list;
  }

  /** RegionId, present and known, or the cloud's error. */
  region(params: Params): EcsRegion | EmulatorResponse {
    const regionId = params['RegionId'];
    if (!regionId) {
      return missing('RegionId');
    }
    return ECS_REGIONS.find((r) => r.RegionId === regionId) ?? alibabaError(400, 'InvalidRegionId.NotFound', 'The specified RegionId does not exist.');
  }

  /** The region and the page asked for (PageNumber, PageSize up to `maxSize`) of a paged listing, or the cloud's error. */
  regionPage(params: Params, defaultSize: number, maxSize?: number): { region: EcsRegion; page: { pageNumber: number; pageSize: number } } | EmulatorResponse {
    const region = this.region(params);
    if (isResponse(region)) {
      return region;
    }
    const page = paging(params, defaultSize, maxSize);
    return isResponse(page) ? page : { region, page };
  }

  /** The region and a required parameter, or the cloud's error for whichever is missing. */
  regionAnd(params: Params, name: string): { region: EcsRegion; value: string } | EmulatorResponse {
    const region = this.region(params);
    if (isResponse(region)) {
      return region;
    }
    const value = params[name];
    return value ? { region, value } : missing(name);
  }

  /** The region and one of this account's own images (ImageId), or the cloud's error. */
  regionAndOwnImage(params: Params): { region: EcsRegion; image: EcsImage } | EmulatorResponse {
    const region = this.region(params);
    if (isResponse(region)) {
      return region;
    }
    const image = this.ownImage(region.RegionId, params['ImageId']);
    return isResponse(image) ? image : { region, image };
  }

  image(regionId: string, imageId: string): EcsImage | undefined {
    return this.regionImages(regionId)?.find((i) => i.ImageId === imageId);
  }

  /** An image of this account (custom images are the only ones it may share, tag, export or delete). */
  ownImage(regionId: string, imageId: string | undefined, param = 'ImageId'): EcsImage | EmulatorResponse {
    if (!imageId) {
      return missing(param);
    }
    const image = this.image(regionId, imageId);
    if (!image || image.ImageOwnerAlias !== 'self') {
      return alibabaError(404, 'InvalidImageId.NotFound', 'The specified ImageId does not exist.');
    }
    return image;
  }

  /** Tests only: `count` own images, Available, unshared and unused, added to the region (Emulator.seedImages). */
  seedImages(regionId: string, count: number): string[] {
    const list = this.regionImages(regionId);
    const region = ECS_REGIONS.find((r) => r.RegionId === regionId);
    if (!list || !region) {
      throw new Error(`No Alibaba sandbox region ${regionId}.`);
    }
    const known = new Set(list.map((i) => i.ImageId));
    const added = seededImages(
      count,
      (round) => generateEcsImages(`${this.seed}/seeded/${++this.seedRounds}/${round}`, { ...region, imageCount: 200 }, SANDBOX_ALIBABA_ACCOUNT_ID),
      (i) => i.ImageOwnerAlias === 'self' && i.Usage === 'none' && i.IsSelfShared === 'False' && !imageInUse(i.ImageId) && !known.has(i.ImageId),
      (i): EcsImage => ({ ...i, Status: 'Available', Progress: '100%' }),
    );
    list.push(...added);
    added.forEach((i) => this.shares.set(`${regionId}/${i.ImageId}`, []));
    return added.map((i) => i.ImageId);
  }

  removeImage(regionId: string, imageId: string): void {
    const list = this.regionImages(regionId);
    const at = list?.findIndex((i) => i.ImageId === imageId) ?? -1;
    if (list && at >= 0) {
      list.splice(at, 1);
    }
    this.shares.delete(`${regionId}/${imageId}`);
  }

  /** Who an own image is shared with; images generated as shared start with a few accounts. */
  sharesOf(regionId: string, image: EcsImage): ShareEntry[] {
    const key = `${regionId}/${image.ImageId}`;
    let list = this.shares.get(key);
    if (!list) {
      list = [];
      if (image['IsSelfShared'] === 'True') {
        const rnd = new Random(`${this.seed}/alibaba/shares/${key}`);
        for (let n = rnd.int(1, 3); n > 0; n--) {
          list.push({ AliyunId: `1${rnd.chars('0123456789', 15)}`, SharedTime: isoSecond(Date.UTC(2024, 0, 1) + rnd.int(0, 300) * 86_400_000) });
        }
      }
      this.shares.set(key, list);
    }
    return list;
  }

  cancelTask(taskId: string): void {
    this.cancelled.set(taskId, this.now());
  }

  /** When CancelTask ended the task, if it did. */
  cancelledAt(taskId: string): number | undefined {
    return this.cancelled.get(taskId);
  }

  /** m-<region letters><18 chars>, like the cloud's image ids. */
  newImageId(regionId: string): string {
    return `m-${regionId === 'cn-hangzhou' ? 'bp' : 'uf'}${randomUUID().replace(/-/g, '').slice(0, 18)}`;
  }

  /** True while an export of the image is queued or running (and not cancelled). */
  exporting(regionId: string, imageId: string): boolean {
    return this.tasks.all().some(({ job, data }) => {
      const phase = this.cancelled.has(job.id) ? 'failed' : this.clock.snapshot(job).phase;
      return job.operation === 'ExportImage' && data.regionId === regionId && data.imageId === imageId && (phase === 'queued' || phase === 'running');
    });
  }

  /** t-<region letters><18 chars>, like the cloud's task ids. */
  newTaskId(regionId: string): string {
    return `t-${regionId === 'cn-hangzhou' ? 'bp' : 'uf'}${randomUUID().replace(/-/g, '').slice(0, 18)}`;
  }
}
