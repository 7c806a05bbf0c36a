// Test-only seeding: extra own images in a sandbox region, as many as a test needs (e.g. 500 to delete at
// once), each deletable (available, not shared, used by no instance). They come from the cloud's own
// generator under a seed of their own, so they look like every other image of the data set.

/**
 * `count` images made by `generate(round)` (each round a fresh batch under its own seed) that `keep`
 * accepts, readied by `ready`; the generator is asked until there are enough.
 */
export function seededImages<T>(count: number, generate: (round: number) => readonly T[], keep: (image: T) => boolean, ready: (image: T) => T): T[] {
  const out: T[] = [];
  for (let round = 0; out.length < count; round++) {
    const batch = generate(round).filter(keep);
    if (round > 1000) {
      throw new Error('the generator gives no image to seed');
    }
    out.push(...batch.slice(0, count - out.length).map(ready));
  }
  return out;
}
