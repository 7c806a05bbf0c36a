// DescribeRegions, DescribeImages, DeleteImage and DescribeImageSupportInstanceTypes in the sandbox.
import type { EmulatorResponse } from '../types';
import { ECS_REGIONS, type EcsImage } from './data';
import { alibabaError, dryRun, flag, invalid, isResponse, ok, paging, tagList, type Params, pageOf } from './params';
import { imageInUse, type EcsWorld } from './world';

const OWNER_ALIASES = ['system', 'self', 'others', 'marketplace'];

export function describeRegions(params: Params): EmulatorResponse {
  const english = (params['AcceptLanguage'] ?? 'zh-CN').toLowerCase().startsWith('en');
  return ok({
    Regions: {
      Region: ECS_REGIONS.map((r) => ({
        RegionId: r.RegionId,
        LocalName: english ? r.en : r.zh,
        RegionEndpoint: r.RegionId === 'cn-hangzhou' ? 'ecs-cn-hangzhou.aliyuncs.com' : `ecs.${r.RegionId}.aliyuncs.com`,
        Status: 'available',
      })),
    },
  });
}

function hasTags(image: EcsImage, wanted: ReadonlyArray<{ key: string; value: string }>): boolean {
  const tags = ((image['Tags'] as { Tag?: Array<{ TagKey: string; TagValue: string }> } | undefined)?.Tag) ?? [];
  return wanted.every((w) => tags.some((t) => t.TagKey === w.key && (!w.value || t.TagValue === w.value)));
}

export function describeImages(world: EcsWorld, params: Params): EmulatorResponse {
  const region = world.region(params);
  if (isResponse(region)) {
    return region;
  }
  const page = paging(params, 10);
  if (isResponse(page)) {
    return page;
  }
  const statuses = (params['Status'] ?? 'Available').split(',').map((s) => s.trim());
  const owner = params['ImageOwnerAlias'];
  if (owner && !OWNER_ALIASES.includes(owner)) {
    return invalid('ImageOwnerAlias');
  }
  const tags = tagList(params);
  if (tags.length > 20) {
    return invalid('Tag', 'At most 20 Tag.N are allowed.');
  }
  const usage = params['Usage'];
  if (usage !== undefined && usage !== 'instance' && usage !== 'none') {
    return invalid('Usage');
  }
  const isPublic = params['IsPublic'];
  const ids = params['ImageId']?.split(',').map((s) => s.trim());
  const nameFilter = params['ImageName']?.toLowerCase();
  const key = JSON.stringify([region.RegionId, statuses, owner, isPublic, ids, nameFilter, tags, usage]);
  const matched = world.listings.get(key, () =>
    (world.regionImages(region.RegionId) ?? []).filter(
      (i) =>
        (statuses.includes('ALL') || statuses.includes(i.Status)) &&
        (!owner || i.ImageOwnerAlias === owner) &&
        (isPublic === undefined || i['IsPublic'] === flag(params, 'IsPublic')) &&
        (!ids || ids.includes(i.ImageId)) &&
        (!nameFilter || String(i['ImageName']).toLowerCase().includes(nameFilter)) &&
        (!usage || i['Usage'] === usage) &&
        hasTags(i, tags),
    ),
  );
  const dry = dryRun(params);
  if (dry) {
    return dry;
  }
  return ok({
    RegionId: region.RegionId,
    ...pageOf(page, matched, 'Images', 'Image'),
  });
}

/**
 * The documented DeleteImage errors (403 ImageUsingByInstance, ImageUseShared, ImageIsCreating,
 * ImageIsExporting; 404 InvalidImageId.NotFound). An unknown image is ignored, as the API reference
 * says; someone else's image (system, shared with us) is not found among ours. Force skips only the
 * in-use check: a shared image must be unshared first.
 */
export function deleteImage(world: EcsWorld, params: Params): EmulatorResponse {
  const target = world.regionAnd(params, 'ImageId');
  if (isResponse(target)) {
    return target;
  }
  const { region, value: id } = target;
  const image = world.image(region.RegionId, id);
  if (!image) {
    return dryRun(params) ?? ok();
  }
  const own = world.ownImage(region.RegionId, id);
  if (isResponse(own)) {
    return own;
  }
  if (image.Status === 'Creating' || image.Status === 'Waiting') {
    return alibabaError(403, 'ImageIsCreating', 'The specified image is being created.');
  }
  if (world.exporting(region.RegionId, id)) {
    return alibabaError(403, 'ImageIsExporting', 'The specified Image is exporting. Please cancel task first.');
  }
  if (world.sharesOf(region.RegionId, image).length) {
    return alibabaError(403, 'ImageUseShared', 'The specified image has been shared to others.');
  }
  if (imageInUse(id) && !flag(params, 'Force')) {
    return alibabaError(
      403,
      'ImageUsingByInstance',
      'The specified image has been used to create instances. You can use the DescribeInstances API to query these instances, or you can use the force parameter to proceed.',
    );
  }
  const dry = dryRun(params);
  if (dry) {
    return dry;
  }
  world.removeImage(region.RegionId, id);
  return ok();
}

const X86_TYPES = [
  ['ecs.g7.large', 'ecs.g7', 2, 8],
  ['ecs.g7.xlarge', 'ecs.g7', 4, 16],
  ['ecs.c7.large', 'ecs.c7', 2, 4],
  ['ecs.c7.2xlarge', 'ecs.c7', 8, 16],
  ['ecs.r7.large', 'ecs.r7', 2, 16],
  ['ecs.t6-c1m1.large', 'ecs.t6', 2, 2],
  ['ecs.u1-c1m2.large', 'ecs.u1', 2, 4],
] as const;
const ARM_TYPES = [
  ['ecs.g8y.large', 'ecs.g8y', 2, 8],
  ['ecs.g8y.xlarge', 'ecs.g8y', 4, 16],
  ['ecs.c8y.large', 'ecs.c8y', 2, 4],
  ['ecs.r8y.large', 'ecs.r8y', 2, 16],
] as const;

export function describeImageSupportInstanceTypes(world: EcsWorld, params: Params): EmulatorResponse {
  const target = world.regionAnd(params, 'ImageId');
  if (isResponse(target)) {
    return target;
  }
  const { region, value: id } = target;
  const image = world.image(region.RegionId, id);
  if (!image) {
    return alibabaError(404, 'InvalidImageId.NotFound', 'The specified ImageId does not exist.');
  }
  const types = image['Architecture'] === 'arm64' ? ARM_TYPES : X86_TYPES;
  // Windows needs at least 1 GiB per vCPU and rules out the burstable t6 family.
  const usable = image['OSType'] === 'windows' ? types.filter((t) => t[1] !== 'ecs.t6') : types;
  return ok({
    RegionId: region.RegionId,
    ImageId: id,
    InstanceTypes: {
      InstanceType: usable.map(([InstanceTypeId, InstanceTypeFamily, CpuCoreCount, MemorySize]) => ({ InstanceTypeId, InstanceTypeFamily, CpuCoreCount, MemorySize })),
    },
  });
}
