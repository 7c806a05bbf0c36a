// QingCloud IaaS images: listing and details here; tags, sharing, delete and jobs in their own files.
// QingCloud has no image export, so this provider has no `exporting` group.
import { clampPageSize, num, objectsOf } from '../shared/common';
import { checkFilter, statusesOf, type FilterSupport } from '../core/filters';
import { assertValid } from '../rules/problems';
import type { Image, ImageFilter, ListImagesRequest, Page, Region } from '../core/model';
import { offsetPage } from '../shared/paging';
import type { ImageProvider, ProviderContext } from '../core/provider';
import { QingcloudClient, indexed } from './client';
import { QingcloudLaunch } from './launch';
import { ALL_IMAGE_STATUSES, QingcloudLookup } from './lookup';
import { QingcloudCopying } from './copy';
import { QingcloudDeleting, QingcloudJobs } from './jobs';
import { mapImage, mapZone, type ZoneLanguage } from './mapping';
import { QingcloudSharing } from './sharing';
import { QINGCLOUD_TAG_RULES, checkOsFamily } from './rules';
import { QingcloudTags } from './tags';
import { qingcloudEditing } from './editing';
import { qingcloudUsage } from './usage';
import type { UsageOperations } from '../core/usage';
import type { ImageEditing } from '../shared/editing';

export const QINGCLOUD_MAX_PAGE_SIZE = 100;

/**
 * DescribeImages narrows by `provider` (system, self, shared), `status.N` (any of them), `search_word` (part
 * of the name or ID), `tags.N` (tag ids: images with any of them; QingCloud tags are names, no values),
 * `processor_type` (64bit, 32bit), `os_family` (centos, ubuntu, ...) and `visibility` (public, private).
 */
export const QINGCLOUD_FILTERS: FilterSupport = {
  singleTag: 'key',
  owners: ['self', 'system', 'shared'],
  statuses: ALL_IMAGE_STATUSES,
  usableStatus: 'available',
  manyStatuses: true,
  name: 'nameOrId',
  tagLists: ['tagsAny'],
  maxTagKeys: 10,
  maxTagValues: 0,
  checkTag: (tag) => QINGCLOUD_TAG_RULES.checkFilterTag(tag),
  tagsOwnOnly: false,
  countsTags: false,
  attributes: [
    { key: 'processorType', values: ['64bit', '32bit'] },
    { key: 'osFamily', check: checkOsFamily },
    { key: 'visibility', values: ['public', 'private'] },
  ],
};

/** FilterAttribute -> DescribeImages parameter. */
const ATTRIBUTE_PARAMS = { processorType: 'processor_type', osFamily: 'os_family', visibility: 'visibility' } as const;


export class QingcloudProvider implements ImageProvider {
  readonly cloud = 'qingcloud' as const;
  readonly maxPageSize = QINGCLOUD_MAX_PAGE_SIZE;
  readonly filters = QINGCLOUD_FILTERS;
  readonly tags: QingcloudTags;
  readonly sharing: QingcloudSharing;
  readonly deleting: QingcloudDeleting;
  readonly editing: ImageEditing;
  readonly jobs: QingcloudJobs;
  readonly copying: QingcloudCopying;
  readonly usage: UsageOperations;
  readonly launch: QingcloudLaunch;
  private readonly client: QingcloudClient;
  private readonly lookup: QingcloudLookup;

  constructor(ctx: ProviderContext, private readonly language: ZoneLanguage = 'en-US') {
    this.client = new QingcloudClient(ctx);
    this.lookup = new QingcloudLookup(this.client);
    this.tags = new QingcloudTags(this.client);
    this.sharing = new QingcloudSharing(this.client);
    this.deleting = new QingcloudDeleting(this.client, (zone, imageId, signal) => this.getImage(zone, imageId, signal));
    this.editing = qingcloudEditing(this.client, (zone, imageId, signal) => this.getImage(zone, imageId, signal));
    this.jobs = new QingcloudJobs(this.client);
    this.copying = new QingcloudCopying(this.client);
    this.usage = qingcloudUsage(this.client);
    this.launch = new QingcloudLaunch((zone, ids, signal) => this.lookup.find(zone, ids, signal));
  }

  /** DescribeZones: signed and cheap. */
  async checkCredentials(signal?: AbortSignal): Promise<void> {
    await this.listRegions(signal);
  }

  async listRegions(signal?: AbortSignal): Promise<readonly Region[]> {
    const body = await this.client.call('DescribeZones', { 'status.1': 'active' }, signal);
    return objectsOf(body['zone_set'])
      .filter((z) => z['status'] === undefined || z['status'] === 'active')
      .map((z) => mapZone(z, this.language));
  }

  /** The zone's images the account can see (system, own and shared), narrowed by `req.filter`. */
  async listImages(req: ListImagesRequest): Promise<Page<Image>> {
    const filter = await this.filterParams(req.regionId, req.filter, req.signal);
    if (!filter) {
      return { items: [], total: 0 };
    }
    return offsetPage(req.cursor, clampPageSize(req.pageSize, QINGCLOUD_MAX_PAGE_SIZE), async (offset, limit) => {
      const body = await this.client.call('DescribeImages', { ...filter, offset: String(offset), limit: String(limit) }, req.signal, req.regionId, req.onThrottled);
      return { items: objectsOf(body['image_set']).map((i) => mapImage(req.regionId, i, req.raw ?? false)), total: num(body['total_count']) };
    });
  }

  /**
   * DescribeImages parameters for a filter: owner -> provider (system, self, shared), statuses -> status.N,
   * name -> search_word (part of the name or id), tag and tagQuery.tagsAny -> tags.N with the tags' ids,
   * looked up by name (one DescribeTags call each). Undefined when nothing can match: an owner QingCloud
   * does not have (marketplace, community) or only tag names no tag has. A tag value (QingCloud tags are
   * names only) or a name no tag could have is refused (InvalidInputError) before any request.
   */
  private async filterParams(zone: string, filter: ImageFilter | undefined, signal?: AbortSignal): Promise<Record<string, string> | undefined> {
    const out: Record<string, string> = {};
    if (filter?.owner === 'marketplace' || filter?.owner === 'community') {
      return undefined;
    }
    if (filter?.owner === 'system' || filter?.owner === 'self' || filter?.owner === 'shared') {
      out['provider'] = filter.owner;
    }
    Object.assign(out, indexed('status', statusesOf(filter)));
    if (filter?.name) {
      out['search_word'] = filter.name;
    }
    for (const [key, param] of Object.entries(ATTRIBUTE_PARAMS) as Array<[keyof typeof ATTRIBUTE_PARAMS, string]>) {
      const value = filter?.attributes?.[key];
      if (value) {
        out[param] = value;
      }
    }
    if (filter?.tag?.key) {
      assertValid(this.tags.rules.checkFilterTag(filter.tag));
    }
    if (filter) {
      assertValid(checkFilter(QINGCLOUD_FILTERS, filter));
    }
    const names = [...(filter?.tag?.key ? [filter.tag.key] : []), ...(filter?.tagQuery?.tagsAny ?? []).map((c) => c.key)];
    if (names.length) {
      const ids: string[] = [];
      for (const name of new Set(names)) {
        const id = await this.tags.findTagId(zone, name, signal);
        if (id !== undefined) {
          ids.push(id);
        }
      }
      if (!ids.length) {
        return undefined;
      }
      Object.assign(out, indexed('tags', ids));
    }
    return out;
  }

  /** DescribeImages images.1=<id>; undefined when the zone does not know it (2100), or it is deleted or ceased. */
  async getImage(zone: string, imageId: string, signal?: AbortSignal): Promise<Image | undefined> {
    return (await this.lookup.describe(zone, [imageId], signal))[0];
  }

  /**
   * DescribeImages takes `images.N`: one request per 100 ids (the most `limit` allows), and a few more in a
   * batch with ids the zone does not know (see lookup.ts); deleted and ceased ones are left out.
   */
  async findImages(zone: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Image[]> {
    return this.lookup.find(zone, imageIds, signal);
  }
}
