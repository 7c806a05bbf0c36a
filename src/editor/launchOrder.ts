// The order the launch checks take a document's IDs in: those on screen first (the editor hands over its
// visible ranges as offsets), then all the others, each part in file order. Every occurrence counts on
// its own (what the file says around an ID differs from one place to the next). Plain Node, in slices,
// since a file may hold a hundred thousand IDs.
import type { Slicer } from './slices';

/** How many occurrences are sorted between two check-ins. */
const STEP = 2048;

interface Placed {
  readonly match: { readonly start: number; readonly end: number };
}

function onScreen(match: Placed['match'], shown: ReadonlyArray<readonly [number, number]>): boolean {
  for (const [from, to] of shown) {
    if (match.start < to && match.end > from) {
      return true;
    }
  }
  return false;
}

/** The items whose match overlaps a shown range ([from, to) offsets), then the rest; each in the order given. */
export async function visibleFirst<T extends Placed>(items: readonly T[], shown: ReadonlyArray<readonly [number, number]>, slicer: Slicer): Promise<[T[], T[]]> {
  const visible: T[] = [];
  const rest: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    (onScreen(item.match, shown) ? visible : rest).push(item);
    if (i % STEP === STEP - 1) {
      await slicer.tick();
    }
  }
  return [visible, rest];
}
