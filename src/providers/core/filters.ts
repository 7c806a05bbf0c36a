// What each cloud can narrow a listing by, on the server: every provider describes its own (`filters`),
// and the UI offers only that. A filter is checked against the description before any request.
import { checkText } from '../rules/text';
import { type InputProblem } from './rules';
import type { FilterAttribute, ImageFilter, ImageOwner, Tag, TagCondition, TagQuery } from './model';

export type TagListKind = keyof TagQuery;

export const TAG_LIST_KINDS: readonly TagListKind[] = ['tags', 'tagsAny', 'notTags', 'notTagsAny'];

/** One attribute a listing narrows by: its values where the cloud documents them, else a check of the text. */
export interface AttributeSupport {
  readonly key: FilterAttribute;
  /** The cloud's words, in its order (a pick); undefined: free text, checked by `check`. */
  readonly values?: readonly string[];
  /** A typed value by the cloud's rules (free-text attributes). */
  readonly check?: (value: string) => InputProblem | undefined;
}

export interface FilterSupport {
  /** The owners the listing can be narrowed to, in the cloud's order. */
  readonly owners: readonly ImageOwner[];
  /** Every status word the cloud documents for its listing filter. */
  readonly statuses: readonly string[];
  /** The word that asks for every status, where the cloud has one (Alibaba "ALL"). */
  readonly allStatuses?: string;
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
  /** The attributes the listing narrows by (none where absent). */
  readonly attributes?: readonly AttributeSupport[];
  /** True where the listing narrows by creation time, to the minute (Alibaba CreationStartTime/EndTime). */
  readonly createdRange?: boolean;
  /** True where the cloud can list only images without any tag (Huawei without_any_tag), counted like tags. */
  readonly untagged?: boolean;
}

/** A minute as the filters keep it: `yyyy-MM-ddTHH:mmZ` (UTC). */
const FILTER_MINUTE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z$/u;

/**
 * A typed date or minute (`2024-05-01`, `2024-05-01 08:30`, `2024-05-01T08:30Z`, all UTC) as
 * `yyyy-MM-ddTHH:mmZ`; a day alone is its first minute, or its last with `endOfDay`. Undefined when the
 * text is no such date (or no real day, as 2024-02-30).
 */
export function parseFilterDate(text: string, endOfDay = false): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})Z?)?$/u.exec(text.trim());
  if (!m) {
    return undefined;
  }
  const [, y, mo, d, h, mi] = m;
  const hour = h ?? (endOfDay ? '23' : '00');
  const minute = mi ?? (endOfDay ? '59' : '00');
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hour), Number(minute)));
  const again = date.toISOString().slice(0, 16);
  return again === `${y}-${mo}-${d}T${hour}:${minute}` ? `${again}Z` : undefined;
}

function checkAttributes(support: FilterSupport, filter: ImageFilter): InputProblem | undefined {
  for (const [key, value] of Object.entries(filter.attributes ?? {}) as Array<[FilterAttribute, string | undefined]>) {
    if (value === undefined || value === '') {
      continue;
    }
    const attribute = support.attributes?.find((a) => a.key === key);
    if (!attribute) {
      return { code: 'notFilterable', what: key };
    }
    if (attribute.values && !attribute.values.includes(value)) {
      return { code: 'notOneOf', value, values: attribute.values };
    }
    const problem = attribute.check?.(value);
    if (problem) {
      return problem;
    }
  }
  return undefined;
}

function checkCreated(support: FilterSupport, filter: ImageFilter): InputProblem | undefined {
  const { createdFrom: from, createdTo: to } = filter;
  if (from === undefined && to === undefined) {
    return undefined;
  }
  if (!support.createdRange) {
    return { code: 'notFilterable', what: 'created' };
  }
  const bad = [from, to].find((t) => t !== undefined && (!FILTER_MINUTE.test(t) || parseFilterDate(t) !== t));
  if (bad !== undefined) {
    return { code: 'filterDate', text: bad };
  }
  return from !== undefined && to !== undefined && from > to ? { code: 'filterDateOrder', from, to } : undefined;
}

function checkUntagged(support: FilterSupport, filter: ImageFilter): InputProblem | undefined {
  if (!filter.untagged) {
    return undefined;
  }
  if (!support.untagged) {
    return { code: 'notFilterable', what: 'untagged' };
  }
  return hasTagQuery(filter.tagQuery) || filter.tag?.key ? { code: 'untaggedWithTags' } : undefined;
}

/** A filter that narrows nothing. */
export function isEmptyFilter(filter: ImageFilter | undefined): boolean {
  return (
    !filter ||
    (!filter.owner &&
      !filter.status &&
      !filter.statuses?.length &&
      !filter.name &&
      !filter.tag?.key &&
      !hasTagQuery(filter.tagQuery) &&
      !Object.values(filter.attributes ?? {}).some(Boolean) &&
      !filter.createdFrom &&
      !filter.createdTo &&
      !filter.untagged)
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

/** The first problem of a filter for a cloud (statuses, tags, attributes, creation time), or undefined. */
export function checkFilter(support: FilterSupport, filter: ImageFilter): InputProblem | undefined {
  const statuses = statusesOf(filter);
  if (statuses.length > 1 && !support.manyStatuses) {
    return { code: 'oneStatusOnly', count: statuses.length };
  }
  // Only the cloud's own status words (a typed "Bogus" from a script or a setting never reaches the cloud).
  const unknown = support.statuses.length ? statuses.find((s) => !support.statuses.includes(s) && s !== support.allStatuses) : undefined;
  if (unknown !== undefined) {
    return { code: 'notOneOf', value: unknown, values: support.statuses };
  }
  const other = checkAttributes(support, filter) ?? checkCreated(support, filter) ?? checkUntagged(support, filter);
  if (other) {
    return other;
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
