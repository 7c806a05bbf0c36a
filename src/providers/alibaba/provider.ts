// Alibaba Cloud ECS images: regions, listing, details here; tags, sharing, export, delete and task
// status in their own files.
import { perBatch, str, wrappedList, type Json } from '../shared/common';
import type { Image, ImageFilter, ListImagesRequest, Page, Region } from '../core/model';
import { checkFilter, statusesOf, type FilterSupport } from '../core/filters';
import { assertValid } from '../rules/problems';
import type { DetailOperations } from '../core/instanceTypes';
import type { ImageProvider, ProviderContext } from '../core/provider';
import { AlibabaRpcClient, ECS_API, ESS_API } from './client';
import { AlibabaEditing } from './editing';
import { ALIBABA_ATTRIBUTES, conditionParams } from './filters';
import { mapImage, mapRegion } from './mapping';
import { ALIBABA_IMAGE_STATUSES, ALIBABA_MAX_PAGE_SIZE, imagesById, rpcPage, tagParams } from './params';
import { ALIBABA_TAG_RULES } from './rules';
import { AlibabaImporting } from './imports';
import { AlibabaSharing } from './sharing';
import { AlibabaTags } from './tags';
import { AlibabaCopying } from './copy';
import { AlibabaKeys } from './keys';
import { alibabaUsage } from './usage';
import { AlibabaLaunch } from './launch';
import type { UsageOperations } from '../core/usage';
import { AlibabaDeleting, AlibabaExporting, AlibabaJobs } from './tasks';
import { StorageTransfers } from '../storage/transfers';
import { ALIBABA_FILE_IMPORT } from './fileImport';

export { ALIBABA_IMAGE_STATUSES, ALIBABA_MAX_PAGE_SIZE };


/**
 * DescribeImages narrows by ImageOwnerAlias (system, self, others, marketplace; others + IsPublic=true for
 * community images), Status (a comma-separated list), ImageName (part of the name), Tag.N (1 to 20; every
 * tag must be there, a key without a value matching any value) and the conditions of filters.ts (Usage,
 * OSType, Architecture, ImageFamily, InstanceType, creation time).
 */
export const ALIBABA_FILTERS: FilterSupport = {
  singleTag: 'any-value',
  owners: ['self', 'system', 'shared', 'marketplace', 'community'],
  statuses: ALIBABA_IMAGE_STATUSES,
  allStatuses: 'ALL',
  usableStatus: 'Available',
  manyStatuses: true,
  name: 'contains',
  tagLists: ['tags'],
  maxTagKeys: 20,
  maxTagValues: 1,
  checkTag: (tag) => ALIBABA_TAG_RULES.checkFilterTag(tag),
  tagsOwnOnly: false,
  countsTags: false,
  attributes: ALIBABA_ATTRIBUTES,
  createdRange: true,
};

/**
 * The DescribeImages parameters for a filter: ImageOwnerAlias (+ IsPublic for community), Status, ImageName,
 * Tag.N (`tag` first, then `tagQuery.tags`), all checked first. No Status when the filter names none: the
 * listing's default applies.
 */
export function filterParams(filter: ImageFilter | undefined): Record<string, string> {
  if (!filter) {
    return {};
  }
  if (filter.tag?.key) {
    assertValid(ALIBABA_TAG_RULES.checkFilterTag(filter.tag));
  }
  assertValid(checkFilter(ALIBABA_FILTERS, filter));
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
  const statuses = statusesOf(filter);
  if (statuses.length) {
    out['Status'] = statuses.join(',');
  }
  if (filter.name) {
    out['ImageName'] = filter.name;
  }
  Object.assign(out, conditionParams(filter));
  const tags = [
    ...(filter.tag?.key ? [filter.tag] : []),
    ...(filter.tagQuery?.tags ?? []).map((c) => ({ key: c.key, value: c.values[0] ?? '' })),
  ];
  return tags.length ? { ...out, ...tagParams(tags) } : out;
}

/** `Status` = every status when the listing includes own images (no owner filter, or self) and names no status. */
export function defaultStatus(filter: ImageFilter | undefined): Record<string, string> {
  const ownIncluded = filter?.owner === undefined || filter.owner === 'self';
  return ownIncluded && !filter?.status ? { Status: ALIBABA_IMAGE_STATUSES.join(',') } : {};
}

export class AlibabaEcsProvider implements ImageProvider {
  readonly cloud = 'alibaba' as const;
  readonly maxPageSize = ALIBABA_MAX_PAGE_SIZE;
  readonly filters = ALIBABA_FILTERS;
  readonly tags: AlibabaTags;
  readonly sharing: AlibabaSharing;
  readonly exporting: AlibabaExporting;
  readonly deleting: AlibabaDeleting;
  readonly editing: AlibabaEditing;
  readonly jobs: AlibabaJobs;
  readonly copying: AlibabaCopying;
  readonly details: DetailOperations;
  readonly importing: AlibabaImporting;
  readonly usage: UsageOperations;
  readonly transfers: StorageTransfers;
  readonly launch: AlibabaLaunch;
  readonly keys: AlibabaKeys;
  private readonly rpc: AlibabaRpcClient;

  constructor(ctx: ProviderContext, private readonly acceptLanguage = 'en-US') {
    this.rpc = new AlibabaRpcClient(ctx, ECS_API);
    this.tags = new AlibabaTags(this.rpc);
    this.sharing = new AlibabaSharing(this.rpc);
    this.exporting = new AlibabaExporting(this.rpc);
    this.deleting = new AlibabaDeleting(this.rpc, (regionId, imageId, signal) => this.getImage(regionId, imageId, signal));
    this.editing = new AlibabaEditing(this.rpc, (regionId, imageId, signal) => this.getImage(regionId, imageId, signal));
    this.jobs = new AlibabaJobs(this.rpc);
    this.copying = new AlibabaCopying(this.rpc);
    this.importing = new AlibabaImporting(this.rpc);
    this.transfers = new StorageTransfers(ctx, 'alibaba', ALIBABA_FILE_IMPORT);
    this.usage = alibabaUsage(this.rpc, new AlibabaRpcClient(ctx, ESS_API));
    this.launch = new AlibabaLaunch(this.rpc);
    this.keys = new AlibabaKeys(ctx);
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

  /**
   * DescribeImages by PageNumber/PageSize; the cursor is the index of the next image, whatever the page size.
   * Without a status filter it asks for every status where the listing holds the account's own images (the
   * cloud's default, Available only, would hide those being created, failed, unavailable or deprecated).
   */
  async listImages(req: ListImagesRequest): Promise<Page<Image>> {
    const keepRaw = req.raw ?? false;
    const read = (body: Json): Image[] => wrappedList(body['Images'], 'Image').map((i) => mapImage(req.regionId, i, this.acceptLanguage, keepRaw));
    const params = { ...defaultStatus(req.filter), ...filterParams(req.filter), RegionId: req.regionId };
    return rpcPage(this.rpc, 'DescribeImages', params, req.regionId, read, req);
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
    return (await imagesById(this.rpc, regionId, imageIds, signal)).map((i) => mapImage(regionId, i, this.acceptLanguage));
  }

  /** DescribeImageSupportInstanceTypes: the instance types the image can run on. */
  private async instanceTypes(regionId: string, imageId: string, signal?: AbortSignal): Promise<string[]> {
    const body = await this.rpc.call('DescribeImageSupportInstanceTypes', { RegionId: regionId, ImageId: imageId }, signal, regionId);
    return wrappedList(body['InstanceTypes'], 'InstanceType')
      .map((t) => str(t['InstanceTypeId']))
      .filter((id): id is string => id !== undefined);
  }
}
