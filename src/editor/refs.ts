// A document's distinct image IDs, those on screen first: the order the lookup asks them in. Plain Node
// (the editor hands over the visible ranges as offsets; the benchmark runs the same code), in slices
// that give the thread back, since a file may hold a hundred thousand IDs.
import type { CloudKind } from '../providers/core/model';
import type { IdMatch } from './scan';
import type { Slicer } from './slices';

export interface IdRef {
  readonly id: string;
  readonly cloud: CloudKind;
}

/** How many matches are read between two check-ins. */
const STEP = 2048;

/** The distinct IDs of the matches: those overlapping a shown range ([from, to) offsets) first, then all the others, each in file order. */
export async function distinctRefs(matches: readonly IdMatch[], shown: ReadonlyArray<readonly [number, number]>, slicer: Slicer): Promise<[IdRef[], IdRef[]]> {
  const visible = new Map<string, IdRef>();
  const rest = new Map<string, IdRef>();
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const into = shown.some(([from, to]) => m.start < to && m.end > from) ? visible : rest;
    if (!visible.has(m.id) && !into.has(m.id)) {
      into.set(m.id, { id: m.id, cloud: m.cloud });
    }
    if (i % STEP === STEP - 1) {
      await slicer.tick();
    }
  }
  for (const id of visible.keys()) {
    rest.delete(id);
  }
  return [[...visible.values()], [...rest.values()]];
}
