// The newest image of an image's line: the same family where the cloud names one (Alibaba ImageFamily),
// otherwise the same name prefix (the name without its trailing date or version part, and without a
// disk-file extension). Only images ready to use count; the newest is the latest created. Used by the
// editor's "Replace with newest" quick fix.
import type { CloudKind, Image } from '../core/model';
import { vocabularyOf } from '../index';

/** A disk-file extension some clouds keep in image names (Alibaba system images end in ".vhd"). */
const FILE_EXTENSION = /\.(vhd|vmdk|qcow2|raw|img|iso)$/i;
/** A trailing date or version part, starting at a separator: "-20240501", "_v3-20240501", " 2.1", "-1.4.2". */
const TRAILING_VERSION = /[-_. ]+v?\d[\d._-]*$/i;

/** The name without its trailing date/version part; the whole name when it has none (or is nothing else). */
export function namePrefix(name: string): string {
  const bare = name.replace(FILE_EXTENSION, '');
  let prefix = bare;
  // A version before a date ("app-v3-20240501"): strip both, one part at a time.
  for (let stripped = prefix.replace(TRAILING_VERSION, ''); stripped && stripped !== prefix; stripped = prefix.replace(TRAILING_VERSION, '')) {
    prefix = stripped;
  }
  return prefix || bare;
}

/** The line an image is of: its family where it has one, else its name prefix (two images are of one line when these are equal). */
export function lineOf(image: Image): string {
  return image.family ? `family|${image.family}` : `name|${namePrefix(image.name)}`;
}

/** Whether two images are of one line: the same family when the first has one, else the same name prefix. */
export function sameLine(image: Image, other: Image): boolean {
  return lineOf(image) === lineOf(other);
}

/**
 * The newest image of `image`'s line among `candidates` (of the same account and region), when it is not
 * `image` itself: only images ready to use, the latest created (ties: the greater ID, for one answer).
 */
export function newestOf(cloud: CloudKind, image: Image, candidates: readonly Image[]): Image | undefined {
  const state = vocabularyOf(cloud).imageState;
  let best: Image | undefined;
  for (const other of candidates) {
    if (other.regionId !== image.regionId || !other.createdAt || !sameLine(image, other) || state(other) !== 'available') {
      continue;
    }
    if (!best || other.createdAt > best.createdAt! || (other.createdAt === best.createdAt && other.id > best.id)) {
      best = other;
    }
  }
  if (!best || best.id === image.id) {
    return undefined;
  }
  // An image as new as the best and usable stays: nothing newer to replace it with.
  const usable = state(image) === 'available';
  return usable && image.createdAt !== undefined && image.createdAt >= best.createdAt! ? undefined : best;
}
