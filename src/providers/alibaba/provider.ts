// Alibaba Cloud ECS images.
import type { Image, ListImagesRequest, Page, Region } from '../model';
import { nextPageNumber, pageNumberOf } from '../paging';
import type { ImageProvider, ProviderContext } from '../provider';
import { AlibabaRpcClient, ECS_API } from './client';
import { listOf, mapImage, mapRegion } from './mapping';

export const ALIBABA_MAX_PAGE_SIZE = 100;

export class AlibabaEcsProvider implements ImageProvider {
  readonly cloud = 'alibaba' as const;
  private readonly rpc: AlibabaRpcClient;

  constructor(ctx: ProviderContext, private readonly acceptLanguage = 'en-US') {
    this.rpc = new AlibabaRpcClient(ctx, ECS_API);
  }

  async listRegions(signal?: AbortSignal): Promise<readonly Region[]> {
    const body = await this.rpc.call('DescribeRegions', { AcceptLanguage: this.acceptLanguage }, signal);
    return listOf(body['Regions'], 'Region').map(mapRegion);
  }

  async listImages(req: ListImagesRequest): Promise<Page<Image>> {
    const pageNumber = pageNumberOf(req.cursor);
    const pageSize = Math.min(Math.max(1, Math.floor(req.pageSize)), ALIBABA_MAX_PAGE_SIZE);
    const body = await this.rpc.call(
      'DescribeImages',
      { RegionId: req.regionId, PageNumber: String(pageNumber), PageSize: String(pageSize) },
      req.signal,
      req.regionId,
    );
    const items = listOf(body['Images'], 'Image').map((i) => mapImage(req.regionId, i));
    const total = Number(body['TotalCount'] ?? items.length);
    return { items, total, next: nextPageNumber(pageNumber, pageSize, items.length, total) };
  }
}
