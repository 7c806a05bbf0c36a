// Every raw field of an image for the details panel: grouped and labelled in the display language by
// the cloud's field catalogue (its provider knows what each field is), values localised (dates, sizes,
// yes/no, state, type), the raw field name and value kept for hover.
import * as vscode from 'vscode';
import { vocabularyOf } from '../providers';
import type { CloudKind, Image } from '../providers/core/model';
import { catalogueKey, FIELD_GROUPS, type FieldGroup, type FieldInfo } from '../providers/core/vocabulary';
import { formatBytes, formatGiB, formatMiB, formatTime } from '../util/format';
import { fieldLabel, fieldWord, groupLabel, imageState, imageStateLabel, ownerLabel } from '../util/vocabulary';
import type { FieldGroupView, FieldView } from './protocol';

interface RawField {
  readonly path: string;
  readonly value: string;
}

function flatten(prefix: string, value: unknown, out: RawField[]): void {
  if (value === null || value === undefined || value === '') {
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(`${prefix}[${i}]`, v, out));
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      flatten(prefix ? `${prefix}.${k}` : k, v, out);
    }
  } else {
    out.push({ path: prefix, value: String(value) });
  }
}

function formatValue(info: FieldInfo, raw: string, cloud: CloudKind, image: Image): string {
  const word = info.values?.[raw];
  if (word) {
    return fieldWord(word);
  }
  const n = Number(raw);
  switch (info.format) {
    case 'state':
      return imageStateLabel(imageState(cloud, image));
    case 'owner':
      return ownerLabel(image.owner);
    case 'date':
      return formatTime(raw) ?? raw;
    case 'bool':
      return /^true$/i.test(raw) ? fieldWord('yes') : /^false$/i.test(raw) ? fieldWord('no') : raw;
    case 'gib':
      return Number.isFinite(n) ? formatGiB(n) : raw;
    case 'mib':
      return Number.isFinite(n) && n > 0 ? formatMiB(n) : raw;
    case 'bytes':
      return Number.isFinite(n) ? formatBytes(n) : raw;
    default:
      return raw;
  }
}

/** "Disk device", or "Disk device 2" when the cloud lists several. */
function labelOf(info: FieldInfo, path: string, repeated: boolean): string {
  const index = /\[(\d+)\]/.exec(path);
  return repeated && index ? `${fieldLabel(info.id)} ${Number(index[1]) + 1}` : fieldLabel(info.id);
}

/** A field with a twin in the other language: shown in a UI of its language, or when the twin has nothing. */
function shownInLanguage(language: NonNullable<FieldInfo['language']>, raw: Image['raw']): boolean {
  const ui = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const twin = raw?.[language.twin];
  return language.is === ui || twin === undefined || twin === null || twin === '';
}

export function fieldGroups(cloud: CloudKind, image: Image): FieldGroupView[] {
  const catalogue = vocabularyOf(cloud).fields;
  const order = Object.keys(catalogue);
  const raw: RawField[] = [];
  flatten('', image.raw, raw);
  const keyCount = new Map<string, number>();
  raw.forEach((f) => keyCount.set(catalogueKey(f.path), (keyCount.get(catalogueKey(f.path)) ?? 0) + 1));
  const byGroup = new Map<FieldGroup, { rank: number; view: FieldView }[]>();
  raw.forEach((f, i) => {
    const key = catalogueKey(f.path);
    const info = catalogue[key];
    if (info?.id === 'tags') {
      return; // the panel's Tags section shows them
    }
    if (info?.language && !shownInLanguage(info.language, image.raw)) {
      return; // its twin says the same in the UI's language (no Chinese OS name in an English UI)
    }
    const group = info?.group ?? 'other';
    const view: FieldView = {
      key: f.path,
      label: info ? labelOf(info, f.path, (keyCount.get(key) ?? 0) > 1) : f.path,
      value: info ? formatValue(info, f.value, cloud, image) : f.value,
      raw: f.value,
    };
    const list = byGroup.get(group) ?? [];
    list.push({ rank: info ? order.indexOf(key) : order.length + i, view });
    byGroup.set(group, list);
  });
  return FIELD_GROUPS.filter((g) => byGroup.has(g)).map((g) => ({
    id: g,
    title: groupLabel(g),
    fields: byGroup.get(g)!.sort((a, b) => a.rank - b.rank).map((x) => x.view),
  }));
}
