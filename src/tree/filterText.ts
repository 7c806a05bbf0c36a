// Cloud filters in words (a region's description and tooltip, the wizard's items) and the tag conditions
// typed as text: "env=prod team=a,b backup" is env with the value prod, team with a or b, and backup with
// any value.
import * as vscode from 'vscode';
import type { TagListKind } from '../providers/core/filters';
import { statusesOf } from '../providers/core/filters';
import type { CloudKind, FilterAttribute, ImageFilter, TagCondition } from '../providers/core/model';
import { filterAttributeLabel, filterValueLabel } from '../util/filterWords';
import { imageState, imageStateLabel, ownerLabel } from '../util/vocabulary';
import { formatList } from '../util/format';

/** Tag conditions from text; words split on white space, values on commas (empty ones dropped). */
export function parseTagConditions(text: string): TagCondition[] {
  return text
    .trim()
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => {
      const eq = word.indexOf('=');
      if (eq < 0) {
        return { key: word, values: [] };
      }
      return { key: word.slice(0, eq), values: word.slice(eq + 1).split(',').filter(Boolean) };
    });
}

export function formatTagConditions(list: readonly TagCondition[]): string {
  return list.map((c) => (c.values.length ? `${c.key}=${c.values.join(',')}` : c.key)).join(' ');
}

/** A cloud's status word in the common words, with the cloud's own where they differ. */
export function statusLabel(cloud: CloudKind, status: string): string {
  const label = imageStateLabel(imageState(cloud, { status }));
  return label.toLowerCase() === status.toLowerCase() ? label : vscode.l10n.t('{0} ({1})', label, status);
}

export function tagListLabel(kind: TagListKind): string {
  switch (kind) {
    case 'tags':
      return vscode.l10n.t('All of these tags');
    case 'tagsAny':
      return vscode.l10n.t('Any of these tags');
    case 'notTags':
      return vscode.l10n.t('Not all of these tags');
    case 'notTagsAny':
      return vscode.l10n.t('None of these tags');
  }
}

const LIST_ORDER: readonly TagListKind[] = ['tags', 'tagsAny', 'notTags', 'notTagsAny'];

/** Each part of a filter in words: owner, statuses, name, tags (or none), attributes, creation time. */
function parts(cloud: CloudKind, filter: ImageFilter): string[] {
  const out: string[] = [];
  if (filter.owner) {
    out.push(ownerLabel(filter.owner));
  }
  const statuses = statusesOf(filter);
  if (statuses.length) {
    out.push(formatList(statuses.map((s) => statusLabel(cloud, s))));
  }
  if (filter.name) {
    out.push(vocabularyName(filter.name));
  }
  if (filter.tag?.key) {
    out.push(filter.tag.value ? `${filter.tag.key}=${filter.tag.value}` : filter.tag.key);
  }
  for (const kind of LIST_ORDER) {
    const list = filter.tagQuery?.[kind];
    if (list?.length) {
      out.push(vscode.l10n.t('{0}: {1}', tagListLabel(kind), formatTagConditions(list)));
    }
  }
  if (filter.untagged) {
    out.push(filterAttributeLabel('untagged'));
  }
  for (const [key, value] of Object.entries(filter.attributes ?? {}) as Array<[FilterAttribute, string | undefined]>) {
    if (value) {
      out.push(vscode.l10n.t('{0}: {1}', filterAttributeLabel(key), filterValueLabel(key, value)));
    }
  }
  if (filter.createdFrom || filter.createdTo) {
    out.push(vscode.l10n.t('created {0}..{1}', filter.createdFrom ?? '', filter.createdTo ?? ''));
  }
  return out;
}

function vocabularyName(name: string): string {
  return vscode.l10n.t('name "{0}"', name);
}

/** A few words for a region's description (cut at 40 characters). */
export function shortFilterText(cloud: CloudKind, filter: ImageFilter): string {
  const text = formatList(parts(cloud, filter));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The whole filter, and where it comes from. */
export function fullFilterText(cloud: CloudKind, filter: ImageFilter, from: 'region' | 'account' | 'settings'): string {
  const text = parts(cloud, filter).join(vscode.l10n.t('; '));
  switch (from) {
    case 'region':
      return text;
    case 'account':
      return vscode.l10n.t('{0} (set on the account)', text);
    case 'settings':
      return vscode.l10n.t('{0} (the default in Settings)', text);
  }
}
