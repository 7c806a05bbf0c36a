// The key facts of an image for its one-line description, what tells images apart first (the sidebar cuts
// the end): its state when it is not the usual one (with its progress while it is being made), then age ·
// size · OS, which most images of a region share. Plain: the words come from the caller.
import type { Image } from '../providers/core/model';
import { TRANSIENT_STATES, type ImageState } from '../providers/core/vocabulary';

export type AgeUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';

const AGE_UNITS: readonly (readonly [AgeUnit, number])[] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How old something made at `createdAt` is, in the largest whole unit (at least one minute); undefined for no or a bad time. */
export function ageOf(createdAt: string | undefined, now: number): { readonly value: number; readonly unit: AgeUnit } | undefined {
  const at = createdAt ? Date.parse(createdAt) : NaN;
  if (Number.isNaN(at)) {
    return undefined;
  }
  const ms = Math.max(0, now - at);
  const [unit, size] = AGE_UNITS.find(([, s]) => ms >= s) ?? ['minute', 60_000];
  return { value: Math.max(1, Math.floor(ms / size)), unit };
}

/** The words the description is made of, in the display language. */
export interface FactWords {
  size(gib: number): string;
  age(value: number, unit: AgeUnit): string;
  state(state: ImageState): string;
  /** A state with its progress, e.g. "Creating 45 %". */
  progress(state: ImageState, percent: number): string;
  /** Joins the facts ("a · b · c"). */
  join(parts: readonly string[]): string;
}

export type DescribedImage = Pick<Image, 'osName' | 'osType' | 'sizeGiB' | 'createdAt' | 'progress'>;

/** "3 days · 40 GiB · Ubuntu 22.04", after the state when it is not Available ("Creating 45 % · …"). */
export function describeImage(image: DescribedImage, state: ImageState, words: FactWords, now: number): string {
  const age = ageOf(image.createdAt, now);
  const parts = [
    stateText(image, state, words),
    age && words.age(age.value, age.unit),
    image.sizeGiB === undefined ? undefined : words.size(image.sizeGiB),
    image.osName ?? image.osType,
  ];
  return words.join(parts.filter((p): p is string => !!p));
}

function stateText(image: DescribedImage, state: ImageState, words: FactWords): string | undefined {
  if (state === 'available') {
    return undefined;
  }
  return image.progress !== undefined && TRANSIENT_STATES.includes(state) ? words.progress(state, image.progress) : words.state(state);
}
