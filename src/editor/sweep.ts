// One account's lookup of image IDs: its regions one after another (the likeliest first), each asked
// with the provider's batched findImages only for the IDs not found yet; and the answers for the IDs
// from every account's sweep. Plain Node (no vscode): the lookup uses it, and the benchmark counts its
// requests and measures its blocks. A file may hold a hundred thousand IDs: every loop over them runs
// in slices that give the thread back.
import type { AccountConfig, Image, Region } from '../providers/core/model';
import type { ImageProvider } from '../providers/core/provider';
import { Slicer, type SliceOptions } from './slices';

export interface ImageHit {
  readonly account: AccountConfig;
  readonly regionId: string;
  readonly regionName: string;
  readonly image: Image;
}

export type Lookup =
  | { readonly kind: 'found'; readonly hits: readonly ImageHit[] }
  /** No configured account of the cloud has it in any region; `searched` are the accounts asked. */
  | { readonly kind: 'missing'; readonly searched: readonly AccountConfig[] }
  /** Some account could not be asked, and no other has it. */
  | { readonly kind: 'failed'; readonly error: unknown }
  /** No account of the cloud is configured: nothing was asked. */
  | { readonly kind: 'noAccount' };

/** One account's sweep: what it found, and the IDs it could not settle (and why). */
export interface Sweep {
  readonly hits: readonly ImageHit[];
  readonly unsettled: ReadonlySet<string>;
  readonly error?: unknown;
}

/** Items handled between two check-ins. */
const STEP = 256;


/** Asks region after region until every ID was found; `found` hears each hit. Returns the IDs left. */
export async function sweepRegions(
  provider: ImageProvider,
  regions: readonly Region[],
  ids: readonly string[],
  signal: AbortSignal | undefined,
  found: (region: Region, image: Image) => void,
): Promise<Set<string>> {
  const slicer = new Slicer(signal ? { signal } : {});
  const left = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    left.add(ids[i]!);
    if (i % STEP === STEP - 1) {
      await slicer.tick();
    }
  }
  for (const region of regions) {
    if (!left.size) {
      break;
    }
    const images = await provider.findImages(region.id, [...left], signal);
    for (let i = 0; i < images.length; i++) {
      const image = images[i]!;
      if (left.delete(image.id)) {
        found(region, image);
      }
      if (i % STEP === STEP - 1) {
        await slicer.tick();
      }
    }
  }
  return left;
}

/** The IDs of `ids` not among the hits (an account that failed part-way could not settle them). */
export async function unsettledOf(ids: readonly string[], hits: readonly ImageHit[], slicing: SliceOptions = {}): Promise<Set<string>> {
  const slicer = new Slicer(slicing);
  const settled = new Set<string>();
  for (let i = 0; i < hits.length; i++) {
    settled.add(hits[i]!.image.id);
    if (i % STEP === STEP - 1) {
      await slicer.tick();
    }
  }
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    if (!settled.has(ids[i]!)) {
      out.add(ids[i]!);
    }
    if (i % STEP === STEP - 1) {
      await slicer.tick();
    }
  }
  return out;
}

/**
 * Each ID's answer from the sweeps of every account of its cloud (`searched`): found, with every hit;
 * else failed where an account could not settle it; else missing.
 */
export async function answersOf(
  ids: readonly string[],
  sweeps: readonly Sweep[],
  searched: readonly AccountConfig[],
  slicing: SliceOptions = {},
): Promise<Map<string, Lookup>> {
  const slicer = new Slicer(slicing);
  const hitsOf = new Map<string, ImageHit[]>();
  let n = 0;
  for (const sweep of sweeps) {
    for (const hit of sweep.hits) {
      const hits = hitsOf.get(hit.image.id);
      if (hits) {
        hits.push(hit);
      } else {
        hitsOf.set(hit.image.id, [hit]);
      }
      if (++n % STEP === 0) {
        await slicer.tick();
      }
    }
  }
  const out = new Map<string, Lookup>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const hits = hitsOf.get(id);
    const failed = hits ? undefined : sweeps.find((s) => s.unsettled.has(id));
    out.set(id, hits ? { kind: 'found', hits } : failed ? { kind: 'failed', error: failed.error } : { kind: 'missing', searched });
    if (i % STEP === STEP - 1) {
      await slicer.tick();
    }
  }
  return out;
}
