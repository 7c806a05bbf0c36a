// One account's lookup of image IDs: its regions one after another (the likeliest first), each asked
// with the provider's batched findImages only for the IDs not found yet. Plain Node (no vscode): the
// lookup uses it, and the benchmark counts its requests.
import type { Image, Region } from '../providers/core/model';
import type { ImageProvider } from '../providers/core/provider';

/** Asks region after region until every ID was found; `found` hears each hit. Returns the IDs left. */
export async function sweepRegions(
  provider: ImageProvider,
  regions: readonly Region[],
  ids: readonly string[],
  signal: AbortSignal | undefined,
  found: (region: Region, image: Image) => void,
): Promise<Set<string>> {
  const left = new Set(ids);
  for (const region of regions) {
    if (!left.size) {
      break;
    }
    for (const image of await provider.findImages(region.id, [...left], signal)) {
      if (left.delete(image.id)) {
        found(region, image);
      }
    }
  }
  return left;
}
