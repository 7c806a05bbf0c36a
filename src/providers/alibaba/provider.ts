// Alibaba Cloud ECS images: regions, listing, details here; tags, sharing, export, delete and task
// status in their own files.
import { perBatch, str, wrappedList, type Json } from '../common';
import type { Image, ImageFilter, ListImagesRequest, Page, Region } from '../model';
import { assertValid } from '../input';
import type { DetailOperations } from '../operations';
import type { ImageProvider, ProviderContext } from '../provider';
import { AlibabaRpcClient, ECS_API } from './client';
import { mapImage, mapRegion } from './mapping';
import { ALIBABA_MAX_PAGE_SIZE, rpcPage, tagParams } from './params';
import { ALIBABA_TAG_RULES } from './rules';
import { AlibabaImporting } from './imports';
import { AlibabaSharing } from './sharing';
import { AlibabaTags } from './tags';
import { AlibabaDeleting, AlibabaExporting, AlibabaJobs } from './tasks';

export { ALIBABA_MAX_PAGE_SIZE };

/** Every DescribeImages status word, asked for explicitly so the default (Available only) hides nothing from getImage. */
export const ALIBABA_IMAGE_STATUSES = ['Creating', 'Waiting', 'Available', 'UnAvailable', 'CreateFailed', 'Deprecated'];

/** The DescribeImages parameters for a filter: ImageOwnerAlias (+ IsPublic for community), Status, ImageName, Tag.1 (checked first). */
export function filterParams(filter: ImageFilter | undefined): Record<string, string> {
  if (!filter) {
    return {};
  }
  if (filter.tag?.key) {
    assertValid(ALIBABA_TAG_RULES.checkFilterTag(filter.tag));
  }
  const out: Record<string, string> = {};
  switch (filter.owner) {
    case 'system':
    case 'self':
    case 'marketplace':
      out['ImageOwnerAlias'] = filter.owner;
      break;
    case 'shared':
      out['ImageOwnerAlias'] = 'others';
      break;
    case 'community':
      out['ImageOwnerAlias'] = 'others';
      out['IsPublic'] = 'true';
      break;
    default:
      break;
  }
  if (filter.status) {
    out['Status'] = filter.status;
  }
  if (filter.name) {
    out['ImageName'] = filter.name;
  }
  return filter.tag?.key ? { ...out, ...tagParams([filter.tag]) } : out;
}

export class AlibabaEcsProvider implements ImageProvider {
  readonly cloud = 'alibaba' as const;
  readonly maxPageSize = ALIBABA_MAX_PAGE_SIZE;
  readonly tags: AlibabaTags;
  readonly sharing: AlibabaSharing;
  readonly exporting: AlibabaExporting;
  readonly deleting: AlibabaDeleting;
  readonly jobs: AlibabaJobs;
  readonly details: DetailOperations;
  readonly importing: AlibabaImporting;
  private readonly rpc: AlibabaRpcClient;

  constructor(ctx: ProviderContext, private readonly acceptLanguage = 'en-US') {
    this.rpc = new AlibabaRpcClient(ctx, ECS_API);
    this.tags = new AlibabaTags(this.rpc);
    this.sharing = new AlibabaSharing(this.rpc);
    this.exporting = new AlibabaExporting(this.rpc);
    this.deleting = new AlibabaDeleting(this.rpc, (regionId, imageId, signal) => this.getImage(regionId, imageId, signal));
    this.jobs = new AlibabaJobs(this.rpc);
    this.importing = new AlibabaImporting(this.rpc);
    this.details = { instanceTypes: (regionId, imageId, signal) => this.instanceTypes(regionId, imageId, signal) };
  }

  /** DescribeRegions: signed, cheap, and allowed to any key that can read ECS. */
  async checkCredentials(signal?: AbortSignal): Promise<void> {
    await this.listRegions(signal);
  }

  async listRegions(signal?: AbortSignal): Promise<readonly Region[]> {
    const body = await this.rpc.call('DescribeRegions', { AcceptLanguage: this.acceptLanguage }, signal);
    return wrappedList(body['Regions'], 'Region').map(mapRegion);
  }

  /** DescribeImages by PageNumber/PageSize; the cursor is the index of the next image, whatever the page size. */
  async listImages(req: ListImagesRequest): Promise<Page<Image>> {
    const keepRaw = req.raw ?? false;
    const read = (body: Json): Image[] => wrappedList(body['Images'], 'Image').map((i) => mapImage(req.regionId, i, this.acceptLanguage, keepRaw));
    return rpcPage(this.rpc, 'DescribeImages', { ...filterParams(req.filter), RegionId: req.regionId }, req.regionId, read, req);
  }

  /** DescribeImages ImageId=<id> over every status; undefined when the region does not know it (or it was deleted). */
  async getImage(regionId: string, imageId: string, signal?: AbortSignal): Promise<Image | undefined> {
    return (await this.describeByIds(regionId, [imageId], signal))[0];
  }

  /**
   * DescribeImages takes a comma-separated ImageId list: one request per 100 ids (a page holds at most
   * 100 images), over every status.
   */
  async findImages(regionId: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Image[]> {
    return perBatch(imageIds, ALIBABA_MAX_PAGE_SIZE, (batch) => this.describeByIds(regionId, batch, signal));
  }

  private async describeByIds(regionId: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Image[]> {
    const body = await this.rpc.call(
      'DescribeImages',
      { RegionId: regionId, ImageId: imageIds.join(','), Status: ALIBABA_IMAGE_STATUSES.join(','), PageSize: String(ALIBABA_MAX_PAGE_SIZE) },
      signal,
      regionId,
    );
    const wanted = new Set(imageIds);
    return wrappedList(body['Images'], 'Image')
      .filter((i) => wanted.has(String(i['ImageId'])))
      .map((i) => mapImage(regionId, i, this.acceptLanguage));
  }

  /** DescribeImageSupportInstanceTypes: the instance types the image can run on. */
  private async instanceTypes(regionId: string, imageId: string, signal?: AbortSignal): Promise<string[]> {
    const body = await this.rpc.call('DescribeImageSupportInstanceTypes', { RegionId: regionId, ImageId: imageId }, signal, regionId);
    return wrappedList(body['InstanceTypes'], 'InstanceType')
      .map((t) => str(t['InstanceTypeId']))
      .filter((id): id is string => id !== undefined);
  }
}
