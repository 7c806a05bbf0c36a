// The order and grouping of a region's loaded images (plain data, no request): newest first, by name or by
// size, and groups by OS or by image family. Images the cloud says nothing about sort last.
import type { Image } from '../providers/core/model';
import { searchRecordsOf } from './compact';
import type { ImagePredicate } from './filter';
import type { Grouping, SortOrder } from './viewState';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** An image's creation time in ms, -Infinity when the cloud does not say (it sorts last). */
function time(image: Image): number {
  const t = image.createdAt === undefined ? NaN : Date.parse(image.createdAt);
  return Number.isNaN(t) ? -Infinity : t;
}

/** An image with its sort key computed once (not once per comparison: 50,000 images make 800,000). */
interface Keyed {
  readonly image: Image;
  readonly key: number;
}

const KEY: Record<SortOrder, (image: Image) => number> = {
  newest: (image) => -time(image),
  name: () => 0,
  size: (image) => -(image.sizeGiB ?? -1),
};

const TIE: Record<SortOrder, (a: Image, b: Image) => number> = {
  newest: (a, b) => collator.compare(a.name, b.name),
  name: (a, b) => collator.compare(a.name, b.name) || collator.compare(a.id, b.id),
  size: (a, b) => collator.compare(a.name, b.name),
};

function comparator(order: SortOrder): (a: Keyed, b: Keyed) => number {
  const tie = TIE[order];
  // Equal keys (e.g. no creation time) fall back to the name; -Infinity - -Infinity is NaN, never returned.
  return (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : tie(a.image, b.image) || 0);
}

function keyed(images: readonly Image[], order: SortOrder): Keyed[] {
  const key = KEY[order];
  return images.map((image) => ({ image, key: key(image) }));
}

/** A sorted copy (the loader keeps the cloud's order, which paging needs). */
export function sortImages(images: readonly Image[], order: SortOrder): Image[] {
  return keyed(images, order)
    .sort(comparator(order))
    .map((k) => k.image);
}

/**
 * A sorted list as the cache keeps it: the images, their keys and their places in the loaded list side
 * by side (no object per image).
 */
interface Run {
  readonly images: Image[];
  readonly keys: Float64Array;
  readonly places: Int32Array;
}

/** `first`: the place in the loaded list of the first keyed image (they come in the loaded order). */
function run(images: readonly Image[], order: SortOrder, first: number, compare: (x: Keyed, y: Keyed) => number): Run {
  const key = KEY[order];
  const list = images.map((image, i) => ({ image, key: key(image), place: first + i })).sort(compare);
  const keys = new Float64Array(list.length);
  const places = new Int32Array(list.length);
  const sorted = list.map((k, i) => {
    keys[i] = k.key;
    places[i] = k.place;
    return k.image;
  });
  return { images: sorted, keys, places };
}

/** Two sorted runs merged into one (stable: `a` first on equal keys). */
function merge(a: Run, b: Run, compare: (x: Keyed, y: Keyed) => number): Run {
  const n = a.images.length + b.images.length;
  const images = new Array<Image>(n);
  const keys = new Float64Array(n);
  const places = new Int32Array(n);
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const takeB = i >= a.images.length || (j < b.images.length && compare({ image: b.images[j]!, key: b.keys[j]! }, { image: a.images[i]!, key: a.keys[i]! }) < 0);
    if (takeB) {
      images[k] = b.images[j]!;
      places[k] = b.places[j]!;
      keys[k] = b.keys[j++]!;
    } else {
      images[k] = a.images[i]!;
      places[k] = a.places[i]!;
      keys[k] = a.keys[i++]!;
    }
  }
  return { images, keys, places };
}

interface Sorted extends Run {
  readonly order: SortOrder;
  readonly length: number;
}

interface Matched {
  readonly predicate: ImagePredicate;
  /** How many of the list's images were asked (an appended tail is asked on its own). */
  length: number;
  /** 1 at the place of each image the filter keeps (grown as the list grows). */
  kept: Uint8Array;
  count: number;
}

interface Filtered {
  readonly sorted: Sorted;
  readonly predicate: ImagePredicate;
  readonly images: Image[];
}

/**
 * What a region shows, kept between redraws: the loaded images in the view's order, narrowed by the
 * instant filter, and how many the filter keeps. A loader's list only grows in place (pages appended);
 * any other change gives it a new array, so an entry is good while its array is the same and its length
 * is what it was; an appended tail is sorted and merged in, or counted, on its own.
 */
const sortedOf = new WeakMap<readonly Image[], Sorted>();
const matchedOf = new WeakMap<readonly Image[], Matched>();
const filteredOf = new WeakMap<readonly Image[], Filtered>();

/** The loaded images in the view's order (shared: do not modify). */
export function sortedView(items: readonly Image[], order: SortOrder): Image[] {
  return sortedRun(items, order).images;
}

function sortedRun(items: readonly Image[], order: SortOrder): Sorted {
  const known = sortedOf.get(items);
  if (known?.order === order && known.length === items.length) {
    return known;
  }
  const compare = comparator(order);
  let next: Run;
  if (known?.order === order && known.length < items.length) {
    next = merge(known, run(items.slice(known.length), order, known.length, compare), compare);
  } else {
    next = run(items, order, 0, compare);
  }
  const sorted = { order, length: items.length, ...next };
  sortedOf.set(items, sorted);
  return sorted;
}

/** The images a region shows: loaded, in the view's order, kept by the instant filter (shared: do not modify). */
export function shownImages(items: readonly Image[], order: SortOrder, predicate: ImagePredicate | undefined): Image[] {
  const sorted = sortedRun(items, order);
  if (!predicate) {
    return sorted.images;
  }
  const known = filteredOf.get(items);
  if (known?.sorted === sorted && known.predicate === predicate) {
    return known.images;
  }
  // The sorted run knows each image's place in the loaded list: the kept ones are read off the flags.
  const { kept, count } = matchedImages(items, predicate);
  const images = new Array<Image>(count);
  for (let i = 0, k = 0; k < count; i++) {
    if (kept[sorted.places[i]!]) {
      images[k++] = sorted.images[i]!;
    }
  }
  filteredOf.set(items, { sorted, predicate, images });
  return images;
}

/** How many loaded images the instant filter keeps (an appended tail counted on its own). */
export function countMatching(items: readonly Image[], predicate: ImagePredicate): number {
  return matchedImages(items, predicate).count;
}

/**
 * The loaded images the filter keeps, each image asked once per query: the region's count (its
 * description, the view's message) and its shown list (in the view's order) both read these flags.
 */
function matchedImages(items: readonly Image[], predicate: ImagePredicate): Matched {
  let known = matchedOf.get(items);
  if (known?.predicate !== predicate || known.length > items.length) {
    known = { predicate, length: 0, kept: new Uint8Array(items.length), count: 0 };
    matchedOf.set(items, known);
  }
  if (known.kept.length < items.length) {
    const grown = new Uint8Array(Math.max(items.length, 2 * known.kept.length));
    grown.set(known.kept);
    known.kept = grown;
  }
  const { kept } = known;
  let count = 0;
  // What the loader keeps beside its list for the filter, where it does (looked up once, not per image).
  const records = predicate.given && searchRecordsOf(items);
  const given = records && predicate.given;
  for (let i = known.length; i < items.length; i++) {
    if (given ? given(items[i]!, records.own[i]!, records.shared[i]) : predicate(items[i]!)) {
      kept[i] = 1;
      count++;
    }
  }
  known.count += count;
  known.length = items.length;
  return known;
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
