// Request-building helpers the Alibaba operation groups share: repeat lists (Key.N), batches, and
// page-number paging (one page from an offset, or every page through the paging helper).
import { clampPageSize, num, wrappedList, type Json } from '../shared/common';
import type { Cursor, Page, Tag } from '../core/model';
import { collectPages, pageNumberPage } from '../shared/paging';
import type { AlibabaRpcClient } from './client';

type Params = Record<string, string>;

/** `Prefix.1=a&Prefix.2=b...` (1-based, as the RPC APIs number repeat lists). */
export function repeatParams(prefix: string, values: readonly string[]): Params {
  const out: Params = {};
  values.forEach((v, i) => {
    out[`${prefix}.${i + 1}`] = v;
  });
  return out;
}

/** `Tag.N.Key` / `Tag.N.Value`; an empty value is left out (key only). */
export function tagParams(tags: readonly Tag[], prefix = 'Tag'): Params {
  const out: Params = {};
  tags.forEach((t, i) => {
    out[`${prefix}.${i + 1}.Key`] = t.key;
    if (t.value !== '') {
      out[`${prefix}.${i + 1}.Value`] = t.value;
    }
  });
  return out;
}

/** DescribeImages, DescribeTasks and DescribeImageSharePermission: PageSize at most 100. */
export const ALIBABA_MAX_PAGE_SIZE = 100;

/** What one page request needs (the paging helper's PageRequest, or a single listing's). */
export interface RpcPageRequest {
  readonly cursor?: Cursor;
  readonly pageSize: number;
  readonly signal?: AbortSignal;
  readonly onThrottled?: () => void;
}

/** One page of a PageNumber/PageSize action from the cursor's offset; `read` takes the items out of the answer. */
export function rpcPage<T>(rpc: AlibabaRpcClient, action: string, params: Params, regionId: string, read: (body: Json) => T[], req: RpcPageRequest): Promise<Page<T>> {
  return pageNumberPage(req.cursor, clampPageSize(req.pageSize, ALIBABA_MAX_PAGE_SIZE), ALIBABA_MAX_PAGE_SIZE, async (pageNumber, pageSize) => {
    const body = await rpc.call(action, { ...params, PageNumber: String(pageNumber), PageSize: String(pageSize) }, req.signal, regionId, req.onThrottled);
    return { items: read(body), total: num(body['TotalCount']) };
  });
}

/** Every item of a PageNumber/PageSize action, through the one paging helper. */
export function allPages<T>(rpc: AlibabaRpcClient, action: string, params: Params, regionId: string, read: (body: Json) => T[], signal?: AbortSignal): Promise<T[]> {
  return collectPages((req) => rpcPage(rpc, action, params, regionId, read, req), ALIBABA_MAX_PAGE_SIZE, signal);
}

/** Every DescribeImages status word, asked for explicitly so the default (Available only) hides nothing. */
export const ALIBABA_IMAGE_STATUSES = ['Creating', 'Waiting', 'Available', 'UnAvailable', 'CreateFailed', 'Deprecated'];

/** DescribeImages with a comma list of at most 100 ImageIds over every status: the raw images asked for that the region has. */
export async function imagesById(rpc: AlibabaRpcClient, regionId: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Json[]> {
  const body = await rpc.call(
    'DescribeImages',
    { RegionId: regionId, ImageId: imageIds.join(','), Status: ALIBABA_IMAGE_STATUSES.join(','), PageSize: String(ALIBABA_MAX_PAGE_SIZE) },
    signal,
    regionId,
  );
  const wanted = new Set(imageIds);
  return wrappedList(body['Images'], 'Image').filter((i) => wanted.has(String(i['ImageId'])));
}
