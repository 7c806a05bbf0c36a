// Huawei Cloud IMS images: regions from the static table, images paged by marker (with the ListImages
// filters); tags, query by tag, sharing, export, delete and job progress in their own files.
import { clampPageSize, objectsOf } from '../shared/common';
import { checkFilter, hasTagQuery, statusesOf, tagLengthCheck, type FilterSupport } from '../core/filters';
import { assertValid } from '../rules/problems';
import type { Cursor, Image, ImageFilter, ImageOwner, ListImagesRequest, Page, Region } from '../core/model';
import { findByIdOrListing, markerOf, nextMarker } from '../shared/paging';
import type { ImageProvider, ProviderContext } from '../core/provider';
import { HUAWEI_CONCURRENCY, HuaweiClient } from './client';
import { HuaweiCopying } from './copy';
import { HuaweiKeys } from './keys';
import { HuaweiDeleting, HuaweiExporting, HuaweiJobs } from './jobs';
import { mapImage } from './mapping';
import { huaweiRegions, type HuaweiLanguage } from './regions';
import { HuaweiImporting } from './imports';
import { HuaweiQuota, HuaweiReceived } from './received';
import { HuaweiSharing } from './sharing';
import { HUAWEI_TAG_QUERY_LIMITS, HuaweiTagSearch, type HuaweiTagQuery } from './tagQuery';
import { HUAWEI_TAG_RULES } from './rules';
import { HuaweiTags } from './tags';
import { huaweiUsage } from './usage';
import { HuaweiLaunch } from './launch';
import type { UsageOperations } from '../core/usage';
import { huaweiEditing } from './editing';
import type { ImageEditing } from '../shared/editing';
import { StorageTransfers } from '../storage/transfers';
import { HUAWEI_FILE_IMPORT } from './fileImport';

/** ListImages `limit`: default and maximum 500. */
export const HUAWEI_MAX_PAGE_SIZE = 500;

/** findImages asks for this many ids or fewer one by one; for more, one listing of the region costs less. */
export const HUAWEI_IDS_ONE_BY_ONE = 3;

/**
 * ListImages narrows by `__imagetype` (gold, private, shared, market), one `status` (queued, saving, deleted,
 * killed, active) and the exact `name`; tags go through the resource_instances action instead (own images
 * only, the name matched in part, and counted without listing).
 */
export const HUAWEI_FILTERS: FilterSupport = {
  singleTag: 'exact',
  owners: ['self', 'system', 'shared', 'marketplace'],
  statuses: ['active', 'queued', 'saving', 'killed', 'deleted'],
  usableStatus: 'active',
  manyStatuses: false,
  name: 'exact',
  tagLists: ['tags', 'tagsAny', 'notTags', 'notTagsAny'],
  maxTagKeys: HUAWEI_TAG_QUERY_LIMITS.maxKeys,
  maxTagValues: HUAWEI_TAG_QUERY_LIMITS.maxValues,
  checkTag: tagLengthCheck(HUAWEI_TAG_QUERY_LIMITS.maxKeyLength, HUAWEI_TAG_QUERY_LIMITS.maxValueLength),
  tagsOwnOnly: true,
  countsTags: true,
  untagged: true,
};

/** An IMS image id: a UUID. */
const IMAGE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tag query a filter asks for: its tag conditions, or `without_any_tag` for "images without tags";
 * its name matched in part (`matches` resource_name), or, where the name is an image id, that image
 * exactly (`matches` resource_id); undefined when it has no tag condition.
 */
export function tagQueryOf(filter: ImageFilter | undefined): HuaweiTagQuery | undefined {
  const text = filter?.name?.trim();
  const name = !text ? {} : IMAGE_ID.test(text) ? { idEquals: text.toLowerCase() } : { nameContains: filter!.name! };
  if (filter?.untagged) {
    return { withoutAnyTag: true, ...name };
  }
  if (!hasTagQuery(filter?.tagQuery)) {
    return undefined;
  }
  const { tags, tagsAny, notTags, notTagsAny } = filter.tagQuery;
  return { tags, tagsAny, notTags, notTagsAny, ...name };
}

const IMAGE_TYPES: Partial<Record<ImageOwner, string>> = { system: 'gold', self: 'private', shared: 'shared', marketplace: 'market' };

/**
 * The ListImages query for a filter: owner -> `__imagetype` (IMS has no community images: that owner, like
 * unknown, is ignored); status -> `status` as given (queued, saving, deleted, killed, active); name -> `name`,
 * which IMS matches exactly, not in part; tag -> `tag` in the legacy "key.value" form, so an empty value
 * means "key with an empty value" here, not any value (`findByTags` with no values asks for any value); a
 * key with a dot cannot be said in that form and is refused (InvalidInputError) before any request.
 */
export function filterQuery(filter: ImageFilter | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const imageType = filter?.owner ? IMAGE_TYPES[filter.owner] : undefined;
  if (imageType) {
    out['__imagetype'] = imageType;
  }
  const [status] = statusesOf(filter);
  if (status) {
    out['status'] = status;
  }
  if (filter?.name) {
    out['name'] = filter.name;
  }
  if (filter?.tag?.key) {
    assertValid(HUAWEI_TAG_RULES.checkFilterTag(filter.tag));
    out['tag'] = `${filter.tag.key}.${filter.tag.value}`;
  }
  return out;
}

export class HuaweiImsProvider implements ImageProvider {
  readonly cloud = 'huawei' as const;
  readonly maxPageSize = HUAWEI_MAX_PAGE_SIZE;
  readonly filters = HUAWEI_FILTERS;
  readonly tags: HuaweiTags;
  readonly sharing: HuaweiSharing;
  readonly exporting: HuaweiExporting;
  readonly deleting: HuaweiDeleting;
  readonly editing: ImageEditing;
  readonly jobs: HuaweiJobs;
  readonly copying: HuaweiCopying;
  readonly importing: HuaweiImporting;
  readonly launch: HuaweiLaunch;
  readonly received: HuaweiReceived;
  readonly quota: HuaweiQuota;
  readonly usage: UsageOperations;
  readonly transfers: StorageTransfers;
  readonly keys: HuaweiKeys;
  private readonly client: HuaweiClient;
  private readonly tagSearch: HuaweiTagSearch;

  constructor(ctx: ProviderContext, private readonly language: HuaweiLanguage = 'en-US') {
    this.client = new HuaweiClient(ctx);
    this.tags = new HuaweiTags(this.client);
    this.sharing = new HuaweiSharing(this.client);
    this.exporting = new HuaweiExporting(this.client);
    this.deleting = new HuaweiDeleting(this.client, (regionId, imageId, signal) => this.getImage(regionId, imageId, signal));
    this.editing = huaweiEditing(this.client, (regionId, imageId, signal) => this.getImage(regionId, imageId, signal));
    this.jobs = new HuaweiJobs(this.client);
    this.copying = new HuaweiCopying(this.client);
    this.importing = new HuaweiImporting(this.client);
    this.transfers = new StorageTransfers(ctx, 'huawei', HUAWEI_FILE_IMPORT);
    this.launch = new HuaweiLaunch(this.client, (regionId, ids, signal) => this.findImages(regionId, ids, signal, true));
    this.received = new HuaweiReceived(this.client);
    this.quota = new HuaweiQuota(this.client);
    this.keys = new HuaweiKeys(this.client);
    this.usage = huaweiUsage(this.client);
    this.tagSearch = new HuaweiTagSearch(this.client);
  }

  /** The regions are a static table, so the check is IAM's project list (signed, cheap, any IAM user). */
  async checkCredentials(signal?: AbortSignal): Promise<void> {
    await this.client.request('GET', '/v3/projects', { service: 'iam', signal });
  }

  /**
   * The static table (IMS has no region API; the vendor SDK uses a table too). Also starts the account's
   * one project lookup, so that a region opened next costs a single round trip.
   */
  listRegions(): Promise<readonly Region[]> {
    void this.client.projects().catch(() => undefined);
    return Promise.resolve(huaweiRegions(this.language));
  }

  /**
   * GET /v2/cloudimages with `limit` and `marker` (the id to start after). The response has no next
   * link or total: another page is asked for while pages come back full, so a total that is a multiple
   * of the page size ends with one empty page. A filter with tag conditions, or for images without tags,
   * lists through the resource_instances action instead (own images, offset paging, with a total).
   */
  async listImages(req: ListImagesRequest): Promise<Page<Image>> {
    if (req.filter) {
      assertValid(checkFilter(HUAWEI_FILTERS, req.filter));
    }
    const query = tagQueryOf(req.filter);
    if (query) {
      return this.tagSearch.findByTags(req.regionId, query, req.cursor, req.pageSize, req.signal);
    }
    const marker = markerOf(req.cursor);
    const limit = clampPageSize(req.pageSize, HUAWEI_MAX_PAGE_SIZE);
    const body = await this.client.ims('GET', req.regionId, '/v2/cloudimages', {
      query: { ...filterQuery(req.filter), limit: String(limit), ...(marker ? { marker } : {}) },
      signal: req.signal,
      onThrottled: req.onThrottled,
    });
    const items = objectsOf(body['images']).map((i) => mapImage(req.regionId, i, req.raw ?? false));
    const last = items[items.length - 1];
    return { items, next: items.length >= limit && last ? nextMarker(last.id) : undefined };
  }

  /** ListImages `?id=`; undefined when the region does not know the image. */
  async getImage(regionId: string, imageId: string, signal?: AbortSignal): Promise<Image | undefined> {
    const body = await this.client.ims('GET', regionId, '/v2/cloudimages', { query: { id: imageId }, signal });
    const found = objectsOf(body['images']).find((i) => i['id'] === imageId);
    return found ? mapImage(regionId, found) : undefined;
  }

  /**
   * ListImages filters by one `id` (exact; IMS documents no list form), so up to HUAWEI_IDS_ONE_BY_ONE ids
   * are asked for one by one, and more by listing the region in pages of 500 until every id was seen or
   * the list ends: one request per 500 images the region shows, however many ids are asked for.
   */
  findImages(regionId: string, imageIds: readonly string[], signal?: AbortSignal, raw = false): Promise<Image[]> {
    return findByIdOrListing(imageIds, {
      oneByOne: HUAWEI_IDS_ONE_BY_ONE,
      concurrency: HUAWEI_CONCURRENCY,
      get: (id) => this.getImage(regionId, id, signal),
      list: (cursor) => this.listImages({ regionId, cursor, pageSize: HUAWEI_MAX_PAGE_SIZE, signal, raw }),
    });
  }


  /**
   * The project's own images matching a tag query (ListImageByTags action "filter"), paged by offset up to
   * 1000 a page, with the total. An invalid query is refused (InvalidTagQuery) before any request.
   */
  findByTags(regionId: string, query: HuaweiTagQuery, cursor?: Cursor, pageSize?: number, signal?: AbortSignal): Promise<Page<Image>> {
    return this.tagSearch.findByTags(regionId, query, cursor, pageSize, signal);
  }

  /** A filter with tag conditions or "without tags": how many own images match (action "count"); undefined for any other filter. */
  async countImages(regionId: string, filter: ImageFilter, signal?: AbortSignal): Promise<number | undefined> {
    assertValid(checkFilter(HUAWEI_FILTERS, filter));
    const query = tagQueryOf(filter);
    return query ? this.tagSearch.countByTags(regionId, query, signal) : undefined;
  }

  /** How many of the project's own images match a tag query (action "count"). */
  countByTags(regionId: string, query: HuaweiTagQuery, signal?: AbortSignal): Promise<number> {
    return this.tagSearch.countByTags(regionId, query, signal);
  }
}
