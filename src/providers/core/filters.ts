// What each cloud can narrow a listing by, on the server: every provider describes its own (`filters`),
// and the UI offers only that. A filter is checked against the description before any request.
import { checkText } from '../rules/text';
import { type InputProblem } from './rules';
import type { ImageFilter, ImageOwner, Tag, TagCondition, TagQuery } from './model';

export type TagListKind = keyof TagQuery;

export const TAG_LIST_KINDS: readonly TagListKind[] = ['tags', 'tagsAny', 'notTags', 'notTagsAny'];

export interface FilterSupport {
  /** The owners the listing can be narrowed to, in the cloud's order. */
  readonly owners: readonly ImageOwner[];
  /** Every status word the cloud documents for its listing filter. */
  readonly statuses: readonly string[];
  /** The status of an image ready to use, where the listing can filter by status. */
  readonly usableStatus?: string;
  /** Whether several statuses can be asked for at once (else one). */
  readonly manyStatuses: boolean;
  /** How the cloud matches a name: part of it, all of it, or part of the name or ID; undefined: no name filter. */
  readonly name?: 'contains' | 'exact' | 'nameOrId';
  /**
   * How the listing matches the simple one-tag filter (`ImageFilter.tag`): 'any-value' when key and value
   * are matched and an empty value means any value (Alibaba Tag.N); 'exact' when an empty value means an
   * empty value (Huawei's legacy "key.value"); 'key' when only a key can be asked for (QingCloud tags.N
   * names a tag); 'none' where there is no tag filter (BatchCompute).
   */
  readonly singleTag: 'any-value' | 'exact' | 'key' | 'none';
  /** The tag condition lists the cloud takes (empty: no tag filter). */
  readonly tagLists: readonly TagListKind[];
  /** Keys a list may hold. */
  readonly maxTagKeys: number;
  /** Values a key may have in a condition: 0 for clouds whose tags are names only. */
  readonly maxTagValues: number;
  /** One tag of a condition (a key with one of its values, or '') by the listing's rules. */
  readonly checkTag: (tag: Tag) => InputProblem | undefined;
  /**
   * True where a tag filter lists only the account's own images and no owner, status or name
   * besides (Huawei's resource_instances action; its name is matched in part).
   */
  readonly tagsOwnOnly: boolean;
  /** True where the cloud counts a tag filter's matches without listing them (shown before loading). */
  readonly countsTags: boolean;
}

/** A filter that narrows nothing. */
export function isEmptyFilter(filter: ImageFilter | undefined): boolean {
  return (
    !filter ||
    (!filter.owner && !filter.status && !filter.statuses?.length && !filter.name && !filter.tag?.key && !hasTagQuery(filter.tagQuery))
  );
}

export function hasTagQuery(query: TagQuery | undefined): query is TagQuery {
  return !!query && TAG_LIST_KINDS.some((k) => (query[k]?.length ?? 0) > 0);
}

function checkConditions(support: FilterSupport, list: readonly TagCondition[]): InputProblem | undefined {
  if (list.length > support.maxTagKeys) {
    return { code: 'tooManyFilterKeys', count: list.length, max: support.maxTagKeys };
  }
  const seen = new Set<string>();
  for (const c of list) {
    if (seen.has(c.key)) {
      return { code: 'repeatedFilterKey', key: c.key };
    }
    seen.add(c.key);
    if (c.values.length > support.maxTagValues) {
      return { code: 'tooManyFilterValues', key: c.key, count: c.values.length, max: support.maxTagValues };
    }
    for (const value of c.values.length ? c.values : ['']) {
      const problem = support.checkTag({ key: c.key, value });
      if (problem) {
        return problem;
      }
    }
  }
  return undefined;
}

/** The first problem of a filter for a cloud (tag keys and values, counts), or undefined. */
export function checkFilter(support: FilterSupport, filter: ImageFilter): InputProblem | undefined {
  const statuses = statusesOf(filter);
  if (statuses.length > 1 && !support.manyStatuses) {
    return { code: 'oneStatusOnly', count: statuses.length };
  }
  const query = filter.tagQuery;
  for (const kind of TAG_LIST_KINDS) {
    const list = query?.[kind];
    if (list?.length) {
      const problem = support.tagLists.includes(kind) ? checkConditions(support, list) : { code: 'notSearchable' as const, key: list[0]!.key };
      if (problem) {
        return problem;
      }
    }
  }
  return undefined;
}

/** Huawei-style tag limits as a text rule: a key of 1 to `maxKey` characters, a value of up to `maxValue`. */
export function tagLengthCheck(maxKey: number, maxValue: number): (tag: Tag) => InputProblem | undefined {
  return (tag) =>
    checkText(tag.key, { field: 'tagKey', min: 1, max: maxKey, noOuterSpace: false }) ??
    checkText(tag.value, { field: 'tagValue', min: 0, max: maxValue, noOuterSpace: false });
}

/** The statuses a filter asks for: `statuses`, else the one `status`, else none. */
export function statusesOf(filter: ImageFilter | undefined): readonly string[] {
  return filter?.statuses?.length ? filter.statuses : filter?.status ? [filter.status] : [];
}
