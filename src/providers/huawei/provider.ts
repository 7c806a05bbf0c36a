// Huawei Cloud IMS images: regions from the static table, images paged by marker.
import { clampPageSize, objectsOf } from '../common';
import type { Image, ListImagesRequest, Page, Region } from '../model';
import { markerOf, nextMarker } from '../paging';
import type { ImageProvider, ProviderContext } from '../provider';
import { HuaweiClient } from './client';
import { mapImage } from './mapping';
import { huaweiRegions, type HuaweiLanguage } from './regions';

/** ListImages `limit`: default and maximum 500. */
export const HUAWEI_MAX_PAGE_SIZE = 500;

export class HuaweiImsProvider implements ImageProvider {
  readonly cloud = 'huawei' as const;
  private readonly client: HuaweiClient;

  constructor(ctx: ProviderContext, private readonly language: HuaweiLanguage = 'en-US') {
    this.client = new HuaweiClient(ctx);
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
    const projectId = await this.client.projectId(req.regionId, req.signal);
    const body = await this.client.request('GET', '/v2/cloudimages', {
      regionId: req.regionId,
      projectId,
      query: { limit: String(limit), ...(marker ? { marker } : {}) },
      signal: req.signal,
    });
    const items = objectsOf(body['images']).map((i) => mapImage(req.regionId, i));
    const last = items[items.length - 1];
    return { items, next: items.length >= limit && last ? nextMarker(last.id) : undefined };
  }

  /** ListImages `?id=`; undefined when the region does not know the image. */
  async getImage(regionId: string, imageId: string, signal?: AbortSignal): Promise<Image | undefined> {
    const projectId = await this.client.projectId(regionId, signal);
    const body = await this.client.request('GET', '/v2/cloudimages', { regionId, projectId, query: { id: imageId }, signal });
    const found = objectsOf(body['images']).find((i) => i['id'] === imageId);
    return found ? mapImage(regionId, found) : undefined;
  }
}
