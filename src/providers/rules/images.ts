// Which command applies to which image: ownership and state, per cloud. Each cloud's table lives in its
// provider folder (rules.ts); capabilities.ts puts them together for the tree's menus and the palette.
import type { Capability } from './capabilities';
import type { Image } from '../core/model';
import type { ImageState } from '../core/vocabulary';

/** Why a command does not apply to an image: the cloud has no such operation, the image is not the account's own, or its state. */
export type ImageRefusal = 'cloud' | 'notOwned' | 'state';

/** Whether one command applies to one image (undefined: it does). */
export type ImageRule = (image: Pick<Image, 'owner'>, state: ImageState) => ImageRefusal | undefined;

/**
 * A cloud's rule for every capability it offers (a unit test checks that none is missing): a new
 * capability adds one entry per cloud.
 */
export type ImageRules = Readonly<Partial<Record<Capability, ImageRule>>>;

/** Only the account's own images, in any state. */
export const OWN_IMAGES: ImageRule = (image) => (image.owner === 'self' ? undefined : 'notOwned');

/** Only the account's own images, and only in one of these states. */
export function ownImagesIn(...states: readonly ImageState[]): ImageRule {
  return (image, state) => OWN_IMAGES(image, state) ?? (states.includes(state) ? undefined : 'state');
}

/** Only the account's own images, in any state but these. */
export function ownImagesNotIn(...states: readonly ImageState[]): ImageRule {
  return (image, state) => OWN_IMAGES(image, state) ?? (states.includes(state) ? 'state' : undefined);
}
