// Huawei IMS wire shapes (ImageInfo) -> the common model.
import { num, str, type Json } from '../common';
import type { Image, ImageOwner, Tag } from '../model';

/** `__imagetype`: gold (public), private, shared, market (KooGallery). */
export function mapOwner(imageType: unknown): ImageOwner {
  switch (imageType) {
    case 'gold':
      return 'system';
    case 'private':
      return 'self';
    case 'shared':
      return 'shared';
    case 'market':
      return 'marketplace';
    default:
      return 'unknown';
  }
}

/** ImageInfo `tags` are strings "key.value" (the legacy tag form); a tag without a dot is a key with an empty value. */
export function mapTags(tags: unknown): Tag[] {
  if (!Array.isArray(tags)) {
    return [];
  }
  return tags
    .filter((t): t is string => typeof t === 'string' && t.length > 0)
    .map((t) => {
      const dot = t.indexOf('.');
      return dot < 0 ? { key: t, value: '' } : { key: t.slice(0, dot), value: t.slice(dot + 1) };
    });
}

function architectureOf(i: Json): string | undefined {
  return str(i['architecture']) ?? (i['__support_arm'] === 'true' ? 'arm' : undefined);
}

export function mapImage(regionId: string, i: Json): Image {
  const id = String(i['id']);
  return {
    id,
    name: str(i['name']) ?? id,
    regionId,
    description: str(i['__description']),
    status: str(i['status']) ?? 'unknown',
    owner: mapOwner(i['__imagetype']),
    osName: str(i['__os_version']),
    osType: str(i['__os_type']),
    architecture: architectureOf(i),
    sizeGiB: num(i['min_disk']),
    createdAt: str(i['created_at']),
    tags: mapTags(i['tags']),
    raw: i,
  };
}
