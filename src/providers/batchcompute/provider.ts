// Alibaba BatchCompute images (a retired service): the user's own and the service's images, paged by marker,
// deleted one by one.
import { clampPageSize, distinct, objectsOf, str } from '../shared/common';
import { CHANGES_IN_FLIGHT, eachBounded } from '../shared/bounded';
import { ProviderError } from '../core/errors';
import type { FilterSupport } from '../core/filters';
import type { Image, ImageFilter, ListImagesRequest, Page, Region } from '../core/model';
import type { ChangeResult } from '../core/changes';
import type { DeleteOperations } from '../core/deleting';
import { findByIdOrListing, markerOf, nextMarker } from '../shared/paging';
import type { ImageProvider, ProviderContext } from '../core/provider';
import { Changes, imagesGone } from '../shared/reconcile';
import { BatchComputeClient } from './client';
import { batchComputeRegions, mapImage, type BatchComputeLanguage } from './mapping';

/** ListImages `MaxItemCount`: default 50, range [0, 100]. */
export const BATCHCOMPUTE_MAX_PAGE_SIZE = 100;

/** GetImage calls in flight at once where many ids are looked up (the API has no batch form). */
export const BATCHCOMPUTE_CONCURRENCY = 4;
/** findImages asks for this many ids or fewer one by one; for more, one listing of the region costs less. */
export const BATCHCOMPUTE_IDS_ONE_BY_ONE = 3;

/** ListImages narrows by `Type` only: System (the service's images) or Self (the account's own). */
export const BATCHCOMPUTE_FILTERS: FilterSupport = {
  singleTag: 'none',
  owners: ['self', 'system'],
  statuses: [],
  manyStatuses: false,
  tagLists: [],
  maxTagKeys: 0,
  maxTagValues: 0,
  checkTag: () => undefined,
  tagsOwnOnly: false,
  countsTags: false,
};

type ImageType = 'Self' | 'System';

/** The Types a listing reads, in order: both without an owner filter; none for owners BatchCompute has not. */
function listedTypes(filter: ImageFilter | undefined): readonly ImageType[] {
  switch (filter?.owner) {
    case undefined:
      return ['Self', 'System'];
    case 'self':
      return ['Self'];
    case 'system':
      return ['System'];
    default:
      return [];
  }
}

/** `<Type>:<marker>` back into its parts (no cursor: the first Type from the start). */
function parseCursor(cursor: string | undefined, first: ImageType): { type: ImageType; marker: string | undefined } {
  const match = /^(Self|System):(.*)$/.exec(cursor ?? '');
  if (!match) {
    return { type: first, marker: cursor };
  }
  return { type: match[1] as ImageType, marker: match[2] || undefined };
}

function imagePath(imageId: string): string {
  return `/images/${encodeURIComponent(imageId)}`;
}

export class BatchComputeProvider implements ImageProvider {
  readonly cloud = 'batchcompute' as const;
  readonly maxPageSize = BATCHCOMPUTE_MAX_PAGE_SIZE;
  readonly filters = BATCHCOMPUTE_FILTERS;
  readonly deleting: DeleteOperations;
  private readonly client: BatchComputeClient;

  constructor(ctx: ProviderContext, private readonly language: BatchComputeLanguage = 'en-US') {
    this.client = new BatchComputeClient(ctx);
    this.deleting = {
      supportsForce: false,
      deleteImages: (regionId, imageIds, _options, signal) => this.deleteImages(regionId, imageIds, signal),
    };
  }

  /** No request: the service has no region API (one endpoint per region), so this is a static table. */
  /** No region list to ask for: one image from the first region (signed, cheap). */
  async checkCredentials(signal?: AbortSignal): Promise<void> {
    const first = batchComputeRegions(this.language)[0];
    await this.listImages({ regionId: first?.id ?? 'cn-qingdao', pageSize: 1, ...(signal ? { signal } : {}) });
  }

  listRegions(): Promise<readonly Region[]> {
    return Promise.resolve(batchComputeRegions(this.language));
  }

  /**
   * GET /images?Marker=&MaxItemCount=&Type=: the user's own images (Self), then the service's (System),
   * one Type at a time (the API takes one; its default is Self). The cursor's marker is `<Type>:<marker>`,
   * so a page that ends one Type goes on with the next in the same call.
   */
  async listImages(req: ListImagesRequest): Promise<Page<Image>> {
    const types = listedTypes(req.filter);
    const start = parseCursor(markerOf(req.cursor), types[0] ?? 'Self');
    const count = clampPageSize(req.pageSize, BATCHCOMPUTE_MAX_PAGE_SIZE);
    const items: Image[] = [];
    let at = types.indexOf(start.type);
    let marker = start.marker;
    while (at >= 0 && at < types.length && items.length < count) {
      const body = await this.client.request('GET', req.regionId, '/images', {
        query: { MaxItemCount: String(count - items.length), Type: types[at] ?? 'Self', ...(marker ? { Marker: marker } : {}) },
        signal: req.signal,
        onThrottled: req.onThrottled,
      });
      items.push(...objectsOf(body['Items']).map((i) => mapImage(req.regionId, i, req.raw ?? false)));
      marker = str(body['NextMarker']);
      if (!marker) {
        at++;
      }
    }
    const type = at >= 0 ? types[at] : undefined;
    return type ? { items, next: nextMarker(`${type}:${marker ?? ''}`) } : { items };
  }

  /** GET /images/{id}; a 404 InvalidResource.NotFound is "not there (any more)". */
  async getImage(regionId: string, imageId: string, signal?: AbortSignal): Promise<Image | undefined> {
    try {
      const body = await this.client.request('GET', regionId, imagePath(imageId), { signal });
      return mapImage(regionId, body);
    } catch (err) {
      if (err instanceof ProviderError && err.code === 'InvalidResource.NotFound') {
        return undefined;
      }
      throw err;
    }
  }

  /**
   * No batch form: up to BATCHCOMPUTE_IDS_ONE_BY_ONE ids by GET /images/{id}, more by one listing of the
   * region (Self, then System, pages of 100) until every id was seen; unknown ids are left out.
   */
  findImages(regionId: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Image[]> {
    return findByIdOrListing(imageIds, {
      oneByOne: BATCHCOMPUTE_IDS_ONE_BY_ONE,
      concurrency: BATCHCOMPUTE_CONCURRENCY,
      get: (id) => this.getImage(regionId, id, signal),
      list: (cursor) => this.listImages({ regionId, cursor, pageSize: BATCHCOMPUTE_MAX_PAGE_SIZE, ...(signal ? { signal } : {}) }),
    });
  }

  /**
   * DELETE /images/{id}, one request per image, CHANGES_IN_FLIGHT at a time and fewer while the cloud
   * throttles; synchronous (204), so no job. Sent once: after a lost reply an image gone (GET answers 404)
   * is deleted. An image refused is reported in `failed`.
   */
  private async deleteImages(regionId: string, imageIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    const changes = new Changes();
    await eachBounded(distinct(imageIds), CHANGES_IN_FLIGHT, (id, throttled) =>
      changes.attempt({
        kind: 'delete',
        imageIds: [id],
        send: async () => {
          await this.client.request('DELETE', regionId, imagePath(id), { signal, onThrottled: throttled });
          return undefined;
        },
        readBack: () => imagesGone((r, i, s) => this.getImage(r, i, s), regionId, [id], signal),
      }),
    );
    return changes.result();
  }
}
