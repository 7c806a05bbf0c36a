// QingCloud IaaS images.
import { clampPageSize, num, objectsOf } from '../common';
import type { Image, ListImagesRequest, Page, Region } from '../model';
import { nextOffset, offsetOf } from '../paging';
import type { ImageProvider, ProviderContext } from '../provider';
import { QingcloudClient } from './client';
import { mapImage, mapZone, type ZoneLanguage } from './mapping';

export const QINGCLOUD_MAX_PAGE_SIZE = 100;

export class QingcloudProvider implements ImageProvider {
  readonly cloud = 'qingcloud' as const;
  private readonly client: QingcloudClient;

  constructor(ctx: ProviderContext, private readonly language: ZoneLanguage = 'en-US') {
    this.client = new QingcloudClient(ctx);
  }

  async listRegions(signal?: AbortSignal): Promise<readonly Region[]> {
    const body = await this.client.call('DescribeZones', { 'status.1': 'active' }, signal);
    return objectsOf(body['zone_set'])
      .filter((z) => z['status'] === undefined || z['status'] === 'active')
      .map((z) => mapZone(z, this.language));
  }

  /** Every image the account can see in the zone (no `provider` filter): system, own and shared. */
  async listImages(req: ListImagesRequest): Promise<Page<Image>> {
    const offset = offsetOf(req.cursor);
    const limit = clampPageSize(req.pageSize, QINGCLOUD_MAX_PAGE_SIZE);
    const body = await this.client.call('DescribeImages', { offset: String(offset), limit: String(limit) }, req.signal, req.regionId);
    const items = objectsOf(body['image_set']).map((i) => mapImage(req.regionId, i));
    const total = num(body['total_count']) ?? offset + items.length;
    return { items, total, next: nextOffset(offset, items.length, total) };
  }
}
