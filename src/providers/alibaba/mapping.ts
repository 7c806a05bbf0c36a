// Alibaba ECS wire shapes -> the common model.
import { objectsOf, str, type Json } from '../common';
import type { Image, ImageOwner, Region, Tag } from '../model';

/** Alibaba wraps lists: { Images: { Image: [...] } }. */
function list(container: unknown, key: string): Json[] {
  return objectsOf((container as Json | undefined)?.[key]);
}

export function mapRegion(r: Json): Region {
  return { id: String(r['RegionId']), name: str(r['LocalName']) ?? String(r['RegionId']), endpoint: str(r['RegionEndpoint']) };
}

export function mapOwner(alias: unknown, isPublic: unknown): ImageOwner {
  switch (alias) {
    case 'system':
      return 'system';
    case 'self':
      return 'self';
    case 'others':
      return isPublic === true ? 'community' : 'shared';
    case 'marketplace':
      return 'marketplace';
    default:
      return 'unknown';
  }
}

/** `keepRaw`: also keep the cloud's JSON as `raw` (details); a listing for the tree leaves it out. */
export function mapImage(regionId: string, i: Json, keepRaw = true): Image {
  const tags: Tag[] = list(i['Tags'], 'Tag').map((t) => ({ key: String(t['TagKey'] ?? ''), value: String(t['TagValue'] ?? '') }));
  const size = Number(i['Size']);
  return {
    id: String(i['ImageId']),
    name: str(i['ImageName']) ?? String(i['ImageId']),
    regionId,
    description: str(i['Description']),
    status: str(i['Status']) ?? 'Unknown',
    owner: mapOwner(i['ImageOwnerAlias'], i['IsPublic']),
    osName: str(i['OSNameEn']) ?? str(i['OSName']),
    osType: str(i['OSType']),
    architecture: str(i['Architecture']),
    sizeGiB: Number.isFinite(size) ? size : undefined,
    createdAt: str(i['CreationTime']),
    tags,
    ...(keepRaw ? { raw: i } : {}),
  };
}

export { list as listOf };
