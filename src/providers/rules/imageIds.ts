// What each cloud's image IDs look like in a file: the per-cloud rules behind the editor's ID recognition.
import type { CloudKind } from '../core/model';

export interface ImageIdRule {
  readonly cloud: CloudKind;
  /** The ID's shape: a regular expression source, no anchors, no flags. */
  readonly pattern: string;
  /** Only where the surrounding key names an image: the ID alone is too common a shape (Huawei's are plain UUIDs). */
  readonly needsImageKey: boolean;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Longest shapes first where two clouds share a prefix (QingCloud and BatchCompute both use "img-"). */
export const IMAGE_ID_RULES: readonly ImageIdRule[] = [
  // ECS custom, shared, Marketplace and community images "start with m" (SDK): m- and 16-24 lower-case letters or digits.
  { cloud: 'alibaba', pattern: 'm-[0-9a-z]{16,24}', needsImageKey: false },
  // BatchCompute image ids: img- and a long lower-case run (24 in the API's examples).
  { cloud: 'batchcompute', pattern: 'img-[0-9a-z]{16,32}', needsImageKey: false },
  // QingCloud resource ids: a type prefix and 8 lower-case letters or digits.
  { cloud: 'qingcloud', pattern: 'img-[0-9a-z]{8}', needsImageKey: false },
  // IMS image ids are UUIDs, like request ids, project ids and much else.
  { cloud: 'huawei', pattern: UUID, needsImageKey: true },
];

/**
 * Whether a key names an image: image_id, imageId, ImageId, IMAGE_ID, source_image, imageRef, image-id,
 * base_image… (any key with "image" in it once case, "_" and "-" are set aside).
 */
export function isImageKey(key: string): boolean {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '').includes('image');
}
