// Which command applies to which image: ownership and state, per cloud. Each cloud's table lives in its
// provider folder (rules.ts); capabilities.ts puts them together for the tree's menus and the palette.
import type { ImageRule } from '../core/rules';
import type { ImageState } from '../core/vocabulary';

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
