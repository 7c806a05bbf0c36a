// BatchCompute (retired): which images its one command applies to. System images are the service's own:
// DeleteImage knows only the user's (Type=Self) images.
import { OWN_IMAGES } from '../rules/images';
import { type ImageRules } from '../core/rules';

export const BATCHCOMPUTE_IMAGE_RULES: ImageRules = {
  delete: OWN_IMAGES,
};
