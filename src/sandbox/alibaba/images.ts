// DescribeRegions, DescribeImages, DeleteImage and DescribeImageSupportInstanceTypes in the sandbox.
import type { EmulatorResponse } from '../types';
import { ECS_REGIONS, type EcsImage } from './data';
import { alibabaError, dryRun, flag, invalid, isResponse, ok, tagList, type Params, pageOf } from './params';
import { imageInUse, type EcsWorld } from './world';

const OWNER_ALIASES = ['system', 'self', 'others', 'marketplace'];
const USAGES = ['instance', 'none'];
const OS_TYPES = ['windows', 'linux'];
const ARCHITECTURES = ['i386', 'x86_64', 'arm64'];
/** Filter.N.Value of CreationStartTime / CreationEndTime: `yyyy-MM-ddTHH:mmZ` (UTC). */
const FILTER_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/;
const CREATION_KEYS = ['CreationStartTime', 'CreationEndTime'];

/** `Filter.N.Key/Value` (the creation-time bounds), or InvalidParameter for a key or value it does not take. */
function creationBounds(params: Params): { from?: string; to?: string } | EmulatorResponse {
  const out: { from?: string; to?: string } = {};
  for (const { key, value } of tagList(params, 'Filter')) {
    if (!CREATION_KEYS.includes(key)) {
      continue; // NetworkType and other keys: not modelled, narrow nothing here.
    }
    if (!FILTER_MINUTE.test(value) || Number.isNaN(Date.parse(value))) {
      return invalid('Filter.Value', `The specified parameter "Filter.Value" (${key}) is not valid: use yyyy-MM-ddTHH:mmZ.`);
    }
    if (key === 'CreationStartTime') {
      out.from = value;
    } else {
      out.to = value;
    }
  }
  return out;
}

/** The minute an image was created, `yyyy-MM-ddTHH:mm` (compared as text with a bound without its Z). */
function creationMinute(image: EcsImage): string {
  return String(image['CreationTime']).slice(0, 16);
}

/** One of a parameter's documented values, or the cloud's InvalidParameter. */
function oneOf(params: Params, name: string, values: readonly string[]): EmulatorResponse | undefined {
  const value = params[name];
  return value !== undefined && !values.includes(value) ? invalid(name) : undefined;
}

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
  const listing = world.regionPage(params, 10);
  if (isResponse(listing)) {
    return listing;
  }
  const { region, page } = listing;
  const statuses = (params['Status'] ?? 'Available').split(',').map((s) => s.trim());
  const owner = params['ImageOwnerAlias'];
  if (owner && !OWNER_ALIASES.includes(owner)) {
    return invalid('ImageOwnerAlias');
  }
  const tags = tagList(params);
  if (tags.length > 20) {
    return invalid('Tag', 'At most 20 Tag.N are allowed.');
  }
  const refused = oneOf(params, 'Usage', USAGES) ?? oneOf(params, 'OSType', OS_TYPES) ?? oneOf(params, 'Architecture', ARCHITECTURES);
  if (refused) {
    return refused;
  }
  const instanceType = params['InstanceType'];
  if (instanceType !== undefined && !knownInstanceType(instanceType)) {
    return alibabaError(400, 'InvalidInstanceType.ValueNotSupported', 'The specified InstanceType does not exist or beyond the permitted range.');
  }
  const created = creationBounds(params);
  if (isResponse(created)) {
    return created;
  }
  const { Usage: usage, OSType: osType, Architecture: architecture, ImageFamily: family } = params;
  const isPublic = params['IsPublic'];
  const ids = params['ImageId']?.split(',').map((s) => s.trim());
  const nameFilter = params['ImageName']?.toLowerCase();
  const conditions = [usage, osType, architecture, family, instanceType, created.from, created.to];
  const key = JSON.stringify([region.RegionId, statuses, owner, isPublic, ids, nameFilter, tags, conditions]);
  const matched = world.listings.get(key, () =>
    (world.regionImages(region.RegionId) ?? []).filter(
      (i) =>
        (!usage || i['Usage'] === usage) &&
        (!osType || i['OSType'] === osType) &&
        (!architecture || i['Architecture'] === architecture) &&
        (!family || i['ImageFamily'] === family) &&
        (!instanceType || supportedTypes(i).some((t) => t[0] === instanceType)) &&
        (!created.from || creationMinute(i) >= created.from.slice(0, 16)) &&
        (!created.to || creationMinute(i) <= created.to.slice(0, 16)) &&
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

type TypeRow = (typeof X86_TYPES)[number] | (typeof ARM_TYPES)[number];

/** The instance types an image runs on: by architecture; Windows needs 1 GiB per vCPU and rules out the burstable t6. */
function supportedTypes(image: EcsImage): readonly TypeRow[] {
  const types: readonly TypeRow[] = image['Architecture'] === 'arm64' ? ARM_TYPES : X86_TYPES;
  return image['OSType'] === 'windows' ? types.filter((t) => t[1] !== 'ecs.t6') : types;
}

function knownInstanceType(id: string): boolean {
  return [...X86_TYPES, ...ARM_TYPES].some((t) => t[0] === id);
}

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
  const usable = supportedTypes(image);
  return ok({
    RegionId: region.RegionId,
    ImageId: id,
    InstanceTypes: {
      InstanceType: usable.map(([InstanceTypeId, InstanceTypeFamily, CpuCoreCount, MemorySize]) => ({ InstanceTypeId, InstanceTypeFamily, CpuCoreCount, MemorySize })),
    },
  });
}
