// Huawei Cloud IMS images: regions from the static table, images paged by marker; tags, sharing,
// export, delete and job progress in their own files.
import { clampPageSize, objectsOf } from '../common';
import type { Image, ListImagesRequest, Page, Region } from '../model';
import { markerOf, nextMarker } from '../paging';
import type { ImageProvider, ProviderContext } from '../provider';
import { HuaweiClient } from './client';
import { HuaweiDeleting, HuaweiExporting, HuaweiJobs } from './jobs';
import { mapImage } from './mapping';
import { huaweiRegions, type HuaweiLanguage } from './regions';
import { HuaweiSharing } from './sharing';
import { HuaweiTags } from './tags';

/** ListImages `limit`: default and maximum 500. */
export const HUAWEI_MAX_PAGE_SIZE = 500;

export class HuaweiImsProvider implements ImageProvider {
  readonly cloud = 'huawei' as const;
  readonly tags: HuaweiTags;
  readonly sharing: HuaweiSharing;
  readonly exporting: HuaweiExporting;
  readonly deleting: HuaweiDeleting;
  readonly jobs: HuaweiJobs;
  private readonly client: HuaweiClient;

  constructor(ctx: ProviderContext, private readonly language: HuaweiLanguage = 'en-US') {
    this.client = new HuaweiClient(ctx);
    this.tags = new HuaweiTags(this.client);
    this.sharing = new HuaweiSharing(this.client);
    this.exporting = new HuaweiExporting(this.client);
    this.deleting = new HuaweiDeleting(this.client);
    this.jobs = new HuaweiJobs(this.client);
  }

  /** No request: IMS has no region API, the vendor SDK uses a static table too. */
  listRegions(): Promise<readonly Region[]> {
    return Promise.resolve(huaweiRegions(this.language));
  }

  /**
   * GET /v2/cloudimages with `limit` and `marker` (the id to start after). The response has no next
   * link or total: another page is asked for while pages come back full, so a total that is a multiple
   * of the page size ends with one empty page.
   */
  async listImages(req: ListImagesRequest): Promise<Page<Image>> {
    const marker = markerOf(req.cursor);
    const limit = clampPageSize(req.pageSize, HUAWEI_MAX_PAGE_SIZE);
    const body = await this.client.ims('GET', req.regionId, '/v2/cloudimages', {
      query: { limit: String(limit), ...(marker ? { marker } : {}) },
      signal: req.signal,
    });
    const items = objectsOf(body['images']).map((i) => mapImage(req.regionId, i));
    const last = items[items.length - 1];
    return { items, next: items.length >= limit && last ? nextMarker(last.id) : undefined };
  }

  /** ListImages `?id=`; undefined when the region does not know the image. */
  async getImage(regionId: string, imageId: string, signal?: AbortSignal): Promise<Image | undefined> {
    const body = await this.client.ims('GET', regionId, '/v2/cloudimages', { query: { id: imageId }, signal });
    const found = objectsOf(body['images']).find((i) => i['id'] === imageId);
    return found ? mapImage(regionId, found) : undefined;
  }
}
