// Alibaba ECS wire shapes -> the common model.
import { num, str, timestamp, wrappedList, type Json } from '../common';
import type { Image, ImageOwner, Region, Tag } from '../model';

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
      return isPublic === true || isPublic === 'true' ? 'community' : 'shared';
    case 'marketplace':
      return 'marketplace';
    default:
      return 'unknown';
  }
}

export function mapImage(regionId: string, i: Json): Image {
  const tags: Tag[] = wrappedList(i['Tags'], 'Tag')
    .map((t) => ({ key: str(t['TagKey']) ?? '', value: str(t['TagValue']) ?? '' }))
    .filter((t) => t.key !== '');
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
    sizeGiB: num(i['Size']),
    createdAt: timestamp(i['CreationTime']),
    tags,
    raw: i,
  };
}
