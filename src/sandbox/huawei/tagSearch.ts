// ListImageByTags in the sandbox: `POST /v2/{project_id}/images/resource_instances/action` with action
// filter (offset/limit paging + total_count) or count (total_count only), over the project's own images.
// Semantics, as the IMS/TMS wording reads:
// - tags: every key is there with one of its values (an empty values list: any value);
// - tags_any: at least one of the keys is there with one of its values;
// - not_tags: not every condition holds (the negation of tags); not_tags_any: none holds;
// - without_any_tag: only images without tags, and then the four lists are ignored (not even checked);
// - matches: resource_name is a part of the name (TMS-style fuzzy search, case-sensitive here),
//   resource_id the exact id; a key given twice is refused.
// Invalid bodies get IMS's 400 IMG.0001. The order is the ids', so an offset always means the same place.
import type { Tag } from '../../providers/core/model';
import type { EmulatorResponse } from '../types';
import type { ImsImage } from './data';
import { invalid, isResponse, jsonBody, ok } from './replies';
import type { HuaweiImageTags } from './tags';
import type { Scope } from './world';

const LISTS = ['tags', 'tags_any', 'not_tags', 'not_tags_any'] as const;
const MAX_KEYS = 10;
const MAX_VALUES = 10;
const KEY_MAX = 127;
const VALUE_MAX = 255;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;
const MATCH_KEYS = ['resource_name', 'resource_id'];

interface Condition {
  readonly key: string;
  readonly values: readonly string[];
}

type Predicate = (image: ImsImage, tags: readonly Tag[]) => boolean;

function holds(c: Condition, tags: readonly Tag[]): boolean {
  return tags.some((t) => t.key === c.key && (!c.values.length || c.values.includes(t.value)));
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function unique(items: readonly string[]): boolean {
  return new Set(items).size === items.length;
}

/** One of the four lists, checked as documented: 1..10 keys, 0..10 values each, nothing repeated. */
function conditions(name: string, raw: unknown): Condition[] | EmulatorResponse {
  if (!Array.isArray(raw) || !raw.length || raw.length > MAX_KEYS) {
    return invalid(`The parameter ${name} is invalid: 1 to ${MAX_KEYS} tag keys, not an empty list.`);
  }
  const list: Condition[] = [];
  for (const item of raw as unknown[]) {
    const c = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const key = c['key'];
    const values = c['values'] ?? [];
    if (typeof key !== 'string' || !key || key.length > KEY_MAX) {
      return invalid(`The parameter ${name} is invalid: a key has 1 to ${KEY_MAX} characters.`);
    }
    if (!isStringList(values) || values.length > MAX_VALUES || !unique(values) || values.some((v) => v.length > VALUE_MAX)) {
      return invalid(`The parameter ${name} is invalid: key "${key}" has at most ${MAX_VALUES} distinct values of at most ${VALUE_MAX} characters.`);
    }
    list.push({ key, values });
  }
  return unique(list.map((c) => c.key)) ? list : invalid(`The parameter ${name} is invalid: a key is given twice.`);
}

function tagPredicates(request: Record<string, unknown>): Predicate[] | EmulatorResponse {
  if (request['without_any_tag'] !== undefined && typeof request['without_any_tag'] !== 'boolean') {
    return invalid('The parameter without_any_tag is invalid: true or false.');
  }
  if (request['without_any_tag'] === true) {
    return [(_i, tags) => tags.length === 0];
  }
  const out: Predicate[] = [];
  for (const name of LISTS) {
    if (request[name] === undefined) {
      continue;
    }
    const list = conditions(name, request[name]);
    if (isResponse(list)) {
      return list;
    }
    const all = (tags: readonly Tag[]): boolean => list.every((c) => holds(c, tags));
    const any = (tags: readonly Tag[]): boolean => list.some((c) => holds(c, tags));
    const test = { tags: all, tags_any: any, not_tags: (t: readonly Tag[]) => !all(t), not_tags_any: (t: readonly Tag[]) => !any(t) }[name];
    out.push((_i, tags) => test(tags));
  }
  return out;
}

function matchPredicates(raw: unknown): Predicate[] | EmulatorResponse {
  if (raw === undefined) {
    return [];
  }
  const refused = invalid(`The parameter matches is invalid: a non-empty list of {key, value}, key one of ${MATCH_KEYS.join(', ')}, each key once.`);
  if (!Array.isArray(raw) || !raw.length) {
    return refused;
  }
  const seen = new Set<string>();
  const out: Predicate[] = [];
  for (const item of raw as unknown[]) {
    const m = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const key = m['key'];
    const value = m['value'];
    if (typeof key !== 'string' || !MATCH_KEYS.includes(key) || seen.has(key) || typeof value !== 'string' || value.length > VALUE_MAX) {
      return refused;
    }
    seen.add(key);
    out.push(key === 'resource_name' ? (i) => i.name.includes(value) : (i) => i.id === value);
  }
  return out;
}

/** A string holding a whole number from `min` to `max` (the API takes limit and offset as strings). */
function wholeNumber(raw: unknown, name: string, fallback: number, min: number, max: number): number | EmulatorResponse {
  if (raw === undefined) {
    return fallback;
  }
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : invalid(`The parameter ${name} is invalid: a string holding a whole number from ${min} to ${max}.`);
}

/** The project's own (private) images every predicate holds for, by id. */
function matching(scope: Scope, store: HuaweiImageTags, predicates: readonly Predicate[]): ImsImage[] {
  return scope.images
    .filter((i) => i.__imagetype === 'private' && i['owner'] === scope.project.id)
    .filter((i) => predicates.every((p) => p(i, store.tagsOf(i))))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** ListImageByTags -> `{resources:[{resource_id, resource_name, resource_detail:{status}, tags}], total_count}` or `{total_count}`. */
export function listImageByTags(scope: Scope, store: HuaweiImageTags, body: string): EmulatorResponse {
  const request = jsonBody(body);
  if (isResponse(request)) {
    return request;
  }
  const action = request['action'];
  if (action !== 'filter' && action !== 'count') {
    return invalid('The parameter action is invalid: filter or count (case-sensitive).');
  }
  const byTags = tagPredicates(request);
  if (isResponse(byTags)) {
    return byTags;
  }
  const byMatch = matchPredicates(request['matches']);
  if (isResponse(byMatch)) {
    return byMatch;
  }
  const found = matching(scope, store, [...byTags, ...byMatch]);
  if (action === 'count') {
    // limit and offset are ignored for count, so not checked either.
    return ok({ total_count: found.length });
  }
  const limit = wholeNumber(request['limit'], 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT);
  if (isResponse(limit)) {
    return limit;
  }
  const offset = wholeNumber(request['offset'], 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  if (isResponse(offset)) {
    return offset;
  }
  const resources = found.slice(offset, offset + limit).map((i) => ({
    resource_id: i.id,
    resource_name: i.name,
    resource_detail: { status: i.status },
    tags: store.tagsOf(i).map((t) => ({ key: t.key, value: t.value })),
  }));
  return ok({ resources, total_count: found.length });
}
