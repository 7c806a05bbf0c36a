// BatchCompute (retired): which images its one command applies to. System images are the service's own:
// DeleteImage knows only the user's (Type=Self) images.
import { OWN_IMAGES, type ImageRules } from '../rules/images';

export const BATCHCOMPUTE_IMAGE_RULES: ImageRules = {
  delete: OWN_IMAGES,
};
