// What a search across every account asks for, read from what the user typed: image IDs (recognised
// by each cloud's ID shape), a tag ("key=value", "key=" for any value, or "tag:key"), or part of a
// name ("name:" forces a name that looks like something else). Plain data, no vscode.
import { IMAGE_ID_RULES } from '../providers/rules/imageIds';
import type { CloudKind } from '../providers/core/model';

export interface IdRef {
  readonly id: string;
  /** The clouds whose image IDs have this shape (only their accounts are asked). */
  readonly clouds: readonly CloudKind[];
}

export type SearchQuery =
  | { readonly kind: 'id'; readonly ids: readonly IdRef[] }
  | { readonly kind: 'name'; readonly text: string }
  /** `value` undefined: the key with any value. */
  | { readonly kind: 'tag'; readonly key: string; readonly value?: string };

export type QueryProblem = 'empty' | 'emptyKey' | 'tooManyIds';

/** At most this many IDs in one search (each cloud's batch forms take 100 at most). */
export const MAX_SEARCH_IDS = 100;

const ID_SHAPES = IMAGE_ID_RULES.map((rule) => ({ cloud: rule.cloud, shape: new RegExp(`^(?:${rule.pattern})$`) }));

/** The clouds an ID could belong to by its shape (none: it is no image ID). */
export function cloudsOfId(text: string): CloudKind[] {
  return ID_SHAPES.filter((s) => s.shape.test(text)).map((s) => s.cloud);
}

function tagQuery(text: string): SearchQuery | QueryProblem {
  const eq = text.indexOf('=');
  const key = (eq < 0 ? text : text.slice(0, eq)).trim();
  const value = eq < 0 ? '' : text.slice(eq + 1).trim();
  if (!key) {
    return 'emptyKey';
  }
  return value ? { kind: 'tag', key, value } : { kind: 'tag', key };
}

/** The query for the typed text, or why there is none (before any request). */
export function parseSearchQuery(typed: string): SearchQuery | QueryProblem {
  const text = typed.trim();
  const lower = text.toLowerCase();
  if (lower.startsWith('name:')) {
    const name = text.slice(5).trim();
    return name ? { kind: 'name', text: name } : 'empty';
  }
  if (lower.startsWith('tag:')) {
    return tagQuery(text.slice(4));
  }
  if (!text) {
    return 'empty';
  }
  const tokens = text.split(/[\s,;]+/u).filter(Boolean);
  const ids = tokens.map((id) => ({ id, clouds: cloudsOfId(id) }));
  if (ids.every((ref) => ref.clouds.length > 0)) {
    const distinct = [...new Map(ids.map((ref) => [ref.id, ref])).values()];
    return distinct.length > MAX_SEARCH_IDS ? 'tooManyIds' : { kind: 'id', ids: distinct };
  }
  return text.includes('=') ? tagQuery(text) : { kind: 'name', text };
}

/** The query written back the way it can be typed (the view's title, the history). */
export function queryText(query: SearchQuery): string {
  switch (query.kind) {
    case 'id':
      return query.ids.map((ref) => ref.id).join(' ');
    case 'name':
      return query.text;
    case 'tag':
      return `${query.key}=${query.value ?? ''}`;
  }
}

/** Whether an account of the cloud can hold what the query asks for (an ID of another cloud's shape cannot). */
export function queryAppliesTo(query: SearchQuery, cloud: CloudKind): boolean {
  return query.kind !== 'id' || query.ids.some((ref) => ref.clouds.includes(cloud));
}
