// How the clouds' field catalogues and image-state tables are written: one helper each, so that a cloud's
// mapping.ts states only its own words (raw paths, ids, formats), never the shape of an entry again.
import type { Image } from '../core/model';
import type { FieldCatalogue, FieldFormat, FieldGroup, FieldId, FieldInfo, FieldWord, ImageState } from '../core/vocabulary';

/** One field of a group: its id, its id and format ("createdAt:date"), or the whole entry (values, language). */
export type FieldLine = FieldId | `${FieldId}:${FieldFormat}` | Omit<FieldInfo, 'group'>;

/** A cloud's catalogue written group by group: each raw path (`A.B[].C`) with what it is. */
export type FieldGroups = Partial<Record<FieldGroup, Readonly<Record<string, FieldLine>>>>;

export function fieldCatalogue(groups: FieldGroups): FieldCatalogue {
  const out: Record<string, FieldInfo> = {};
  for (const [group, lines] of Object.entries(groups) as Array<[FieldGroup, Readonly<Record<string, FieldLine>>]>) {
    for (const [path, line] of Object.entries(lines)) {
      if (typeof line !== 'string') {
        out[path] = { ...line, group };
        continue;
      }
      const colon = line.indexOf(':');
      out[path] = colon < 0 ? { id: line as FieldId, group } : { id: line.slice(0, colon) as FieldId, group, format: line.slice(colon + 1) as FieldFormat };
    }
  }
  return out;
}

/** A flag the cloud writes as two words (Alibaba Usage "instance"/"none", Huawei encryption "1"/"0"): yes and no. */
export function yesNo(yes: string, no: string): Readonly<Record<string, FieldWord>> {
  return { [yes]: 'yes', [no]: 'no' };
}

/** Glance-style `visibility` (Huawei, QingCloud): public, private, shared. */
export const VISIBILITY_WORDS: Readonly<Record<string, FieldWord>> = { public: 'public', private: 'private', shared: 'shared' };

/** A vocabulary's imageState where the status word alone decides: the table's state, else 'unknown'. */
export function stateOfStatus(states: Readonly<Record<string, ImageState>>): (image: Pick<Image, 'status'>) => ImageState {
  return (image) => (Object.hasOwn(states, image.status) ? states[image.status] : undefined) ?? 'unknown';
}
