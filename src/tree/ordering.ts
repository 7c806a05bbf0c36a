// The order and grouping of a region's loaded images (plain data, no request): newest first, by name or by
// size, and groups by OS or by image family. Images the cloud says nothing about sort last.
import type { Image } from '../providers/core/model';
import type { Grouping, SortOrder } from './viewState';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function time(image: Image): number {
  const t = image.createdAt === undefined ? NaN : Date.parse(image.createdAt);
  return Number.isNaN(t) ? -Infinity : t;
}

const COMPARE: Record<SortOrder, (a: Image, b: Image) => number> = {
  newest: (a, b) => time(b) - time(a) || collator.compare(a.name, b.name),
  name: (a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id),
  size: (a, b) => (b.sizeGiB ?? -1) - (a.sizeGiB ?? -1) || collator.compare(a.name, b.name),
};

/** A sorted copy (the loader keeps the cloud's order, which paging needs). */
export function sortImages(images: readonly Image[], order: SortOrder): Image[] {
  const compare = COMPARE[order];
  // Equal keys (e.g. no creation time) fall back to the name; NaN never reaches the sort.
  return [...images].sort((a, b) => compare(a, b) || 0);
}

/** The group an image falls in, or undefined when the cloud does not say (shown as "Other"). */
export function groupKey(image: Image, grouping: Grouping): string | undefined {
  switch (grouping) {
    case 'os':
      return image.platform ?? image.osType;
    case 'family':
      return image.family;
    case 'none':
      return undefined;
  }
}

export interface ImageGroup {
  /** undefined: the images the cloud says nothing about. */
  readonly key: string | undefined;
  readonly images: Image[];
}

/** Groups in name order ("Other" last), each keeping the images' order. */
export function groupImages(images: readonly Image[], grouping: Grouping): ImageGroup[] {
  const groups = new Map<string | undefined, Image[]>();
  for (const image of images) {
    const key = groupKey(image, grouping);
    let list = groups.get(key);
    if (!list) {
      list = [];
      groups.set(key, list);
    }
    list.push(image);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, images: list }))
    .sort((a, b) => (a.key === undefined ? 1 : b.key === undefined ? -1 : collator.compare(a.key, b.key)));
}
