// Huawei IMS "query images by tag" (ListImageByTags): `POST /v2/{project_id}/images/resource_instances/action`
// with action "filter" (offset/limit paging, total_count) or "count" (total_count only). It covers the
// project's own images, the only ones that carry its tags. A query is checked here before any request.
import { clampPageSize, num, objectsOf, type Json } from '../shared/common';
import { ProviderError } from '../core/errors';
import type { Cursor, Image, Page, TagCondition, TagQuery } from '../core/model';
import { nextOffset, offsetOf } from '../shared/paging';
import type { HuaweiClient } from './client';
import { mapImage, mapTagPairs } from './mapping';

/** A key and the values it may have; an empty `values` means any value (the values are alternatives). */
export type HuaweiTagCondition = TagCondition;

/** The four condition lists (tags, tags_any, not_tags, not_tags_any) and two more of IMS's own. */
export interface HuaweiTagQuery extends TagQuery {
  /** Only images without any tag; IMS then ignores the four lists above. */
  readonly withoutAnyTag?: boolean;
  /** `matches: [{key: "resource_name", value}]`: part of the image name. */
  readonly nameContains?: string;
  /** `matches: [{key: "resource_id", value}]`: exactly this image. */
  readonly idEquals?: string;
}

/** Per list: at most ten keys, ten values a key (the documented limits); key 127 and value 255 characters. */
export const HUAWEI_TAG_QUERY_LIMITS = { maxKeys: 10, maxValues: 10, maxKeyLength: 127, maxValueLength: 255 } as const;
/** `limit` of action filter: default 10, maximum 1000. */
export const HUAWEI_TAG_QUERY_MAX_PAGE_SIZE = 1000;

const LISTS = [
  ['tags', 'tags'],
  ['tagsAny', 'tags_any'],
  ['notTags', 'not_tags'],
  ['notTagsAny', 'not_tags_any'],
] as const;

function invalidQuery(message: string): ProviderError {
  return new ProviderError({ cloud: 'local', code: 'InvalidTagQuery', message });
}

function duplicate(items: readonly string[]): string | undefined {
  return items.find((item, at) => items.indexOf(item) !== at);
}

function checkList(wire: string, list: readonly HuaweiTagCondition[]): void {
  const { maxKeys, maxValues, maxKeyLength, maxValueLength } = HUAWEI_TAG_QUERY_LIMITS;
  if (!list.length || list.length > maxKeys) {
    throw invalidQuery(`${wire} needs 1 to ${maxKeys} keys (leave it out rather than empty); it has ${list.length}.`);
  }
  const twice = duplicate(list.map((c) => c.key));
  if (twice !== undefined) {
    throw invalidQuery(`${wire} names the key "${twice}" twice.`);
  }
  for (const { key, values } of list) {
    if (!key || key.length > maxKeyLength) {
      throw invalidQuery(`A key in ${wire} has 1 to ${maxKeyLength} characters: "${key}".`);
    }
    if (values.length > maxValues || values.some((v) => v.length > maxValueLength)) {
      throw invalidQuery(`Key "${key}" in ${wire} has more than ${maxValues} values or a value over ${maxValueLength} characters.`);
    }
    const again = duplicate(values);
    if (again !== undefined) {
      throw invalidQuery(`Key "${key}" in ${wire} lists the value "${again}" twice.`);
    }
  }
}

/** The request body's conditions (no action, limit or offset); throws InvalidTagQuery. */
export function tagQueryBody(query: HuaweiTagQuery): Json {
  const body: Json = {};
  for (const [field, wire] of LISTS) {
    const list = query[field];
    if (list !== undefined) {
      checkList(wire, list);
      body[wire] = list.map((c) => ({ key: c.key, values: [...c.values] }));
    }
  }
  if (query.withoutAnyTag) {
    body['without_any_tag'] = true;
  }
  // Each key at most once; resource_name's empty value would mean an exact name, so it is left out instead.
  const matches = [
    ...(query.nameContains ? [{ key: 'resource_name', value: query.nameContains }] : []),
    ...(query.idEquals ? [{ key: 'resource_id', value: query.idEquals }] : []),
  ];
  if (matches.length) {
    body['matches'] = matches;
  }
  return body;
}

/**
 * `{resource_id, resource_name, resource_detail, tags:[{key, value}]}` -> Image. The documented detail is
 * `{status}` only; whatever else it carries is mapped as an ImageInfo. These are the project's own images.
 */
export function mapResource(regionId: string, r: Json): Image {
  const detail = typeof r['resource_detail'] === 'object' && r['resource_detail'] !== null ? (r['resource_detail'] as Json) : {};
  const image = mapImage(regionId, { ...detail, id: r['resource_id'], name: r['resource_name'] ?? detail['name'] });
  return { ...image, owner: 'self', tags: mapTagPairs(r['tags']), raw: r };
}

export class HuaweiTagSearch {
  constructor(private readonly client: HuaweiClient) {}

  /** action "filter": one page from `cursor` (an offset); the next offset while offset + received < total_count. */
  async findByTags(regionId: string, query: HuaweiTagQuery, cursor?: Cursor, pageSize = HUAWEI_TAG_QUERY_MAX_PAGE_SIZE, signal?: AbortSignal): Promise<Page<Image>> {
    const offset = offsetOf(cursor);
    const conditions = tagQueryBody(query);
    const limit = clampPageSize(pageSize, HUAWEI_TAG_QUERY_MAX_PAGE_SIZE);
    const body = await this.call(regionId, { action: 'filter', ...conditions, limit: String(limit), offset: String(offset) }, signal);
    const items = objectsOf(body['resources']).map((r) => mapResource(regionId, r));
    const total = num(body['total_count']) ?? offset + items.length;
    return { items, next: nextOffset(offset, items.length, total), total };
  }

  /** action "count": how many images the query matches. */
  async countByTags(regionId: string, query: HuaweiTagQuery, signal?: AbortSignal): Promise<number> {
    const body = await this.call(regionId, { action: 'count', ...tagQueryBody(query) }, signal);
    const total = num(body['total_count']);
    if (total === undefined) {
      throw new ProviderError({ cloud: 'huawei', code: 'BadResponse', message: 'ListImageByTags (count) answered without total_count.' });
    }
    return total;
  }

  private call(regionId: string, body: Json, signal?: AbortSignal): Promise<Json> {
    // A POST that changes nothing (action "filter" or "count"): a read.
    return this.client.ims('POST', regionId, '/v2/{project_id}/images/resource_instances/action', { body, signal, kind: 'read' });
  }
}
