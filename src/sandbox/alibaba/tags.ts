// TagResources, UntagResources and ListTagResources (ResourceType=image) in the sandbox. Tags live
// on the image records, so DescribeImages and its Tag.N filter see them at once.
import type { EmulatorResponse } from '../types';
import type { EcsImage } from './data';
import { alibabaError, dryRun, flag, invalid, isResponse, missing, ok, pageOf, paging, repeatValues, tagList, type Params } from './params';
import type { EcsWorld } from './world';
import { ALIBABA_TAG_RULES } from '../../providers/alibaba/rules';

export const MAX_TAG_RESOURCES = 50;
export const MAX_TAGS_PER_CALL = 20;
/** A resource carries at most 20 tags (the ECS tag quota). */
export const MAX_TAGS_PER_RESOURCE = 20;
/**
 * Entries per ListTagResources page. The notes give no page size (the API has NextToken only);
 * 10 is our choice, small enough that one image's tags can span pages.
 */
export const LIST_TAGS_PAGE = 10;

interface WireTag {
  TagKey: string;
  TagValue: string;
}

function tagsOf(image: EcsImage): WireTag[] {
  const holder = (image['Tags'] ?? {}) as { Tag?: WireTag[] };
  if (!Array.isArray(holder.Tag)) {
    holder.Tag = [];
    image['Tags'] = holder;
  }
  return holder.Tag;
}

/** The cloud's own rules for tag keys and values (TagResources), the ones the provider checks too. */
function badTag(key: string, value: string): EmulatorResponse | undefined {
  const problem = ALIBABA_TAG_RULES.checkTag({ key, value });
  if (problem && 'field' in problem && problem.field === 'tagValue') {
    return alibabaError(400, 'InvalidTagValue.Malformed', 'The specified Tag.n.Value is not valid.');
  }
  return problem ? alibabaError(400, 'InvalidTagKey.Malformed', 'The specified Tag.n.Key is not valid.') : undefined;
}

/** RegionId, ResourceType=image and ResourceId.N (1..50, own images), or the error. */
function resources(world: EcsWorld, params: Params, required: boolean): { regionId: string; images: EcsImage[]; given: boolean } | EmulatorResponse {
  const target = world.regionAnd(params, 'ResourceType');
  if (isResponse(target)) {
    return target;
  }
  const { region, value: type } = target;
  if (type.toLowerCase() !== 'image') {
    // The sandbox serves images only; the cloud takes instance, disk, snapshot... too.
    return invalid('ResourceType', `The specified ResourceType "${type}" is not supported by the sandbox (image only).`);
  }
  const ids = repeatValues(params, 'ResourceId');
  if (!ids.length && required) {
    return missing('ResourceId.1');
  }
  if (ids.length > MAX_TAG_RESOURCES) {
    return invalid('ResourceId', `At most ${MAX_TAG_RESOURCES} ResourceId.N are allowed in one request.`);
  }
  const images: EcsImage[] = [];
  for (const id of ids) {
    const image = world.image(region.RegionId, id);
    if (!image || image.ImageOwnerAlias !== 'self') {
      return alibabaError(404, 'InvalidResourceId.NotFound', `The specified ResourceId "${id}" does not exist.`);
    }
    images.push(image);
  }
  return { regionId: region.RegionId, images, given: ids.length > 0 };
}

export function tagResources(world: EcsWorld, params: Params): EmulatorResponse {
  const target = resources(world, params, true);
  if (isResponse(target)) {
    return target;
  }
  const tags = tagList(params);
  if (!tags.length) {
    return missing('Tag.1.Key');
  }
  if (tags.length > MAX_TAGS_PER_CALL) {
    return invalid('Tag', `At most ${MAX_TAGS_PER_CALL} Tag.N are allowed in one request.`);
  }
  for (const t of tags) {
    const bad = badTag(t.key, t.value);
    if (bad) {
      return bad;
    }
  }
  for (const image of target.images) {
    const keys = new Set([...tagsOf(image).map((t) => t.TagKey), ...tags.map((t) => t.key)]);
    if (keys.size > MAX_TAGS_PER_RESOURCE) {
      return alibabaError(400, 'InvalidTagCount', `The number of tags on resource "${image.ImageId}" would exceed ${MAX_TAGS_PER_RESOURCE}.`);
    }
  }
  const dry = dryRun(params);
  if (dry) {
    return dry;
  }
  for (const image of target.images) {
    const current = tagsOf(image);
    for (const t of tags) {
      const existing = current.find((c) => c.TagKey === t.key);
      if (existing) {
        existing.TagValue = t.value;
      } else {
        current.push({ TagKey: t.key, TagValue: t.value });
      }
    }
  }
  return ok();
}

export function untagResources(world: EcsWorld, params: Params): EmulatorResponse {
  const target = resources(world, params, true);
  if (isResponse(target)) {
    return target;
  }
  const keys = repeatValues(params, 'TagKey');
  const all = flag(params, 'All');
  if (keys.length > MAX_TAGS_PER_CALL) {
    return invalid('TagKey', `At most ${MAX_TAGS_PER_CALL} TagKey.N are allowed in one request.`);
  }
  if (!keys.length && !all) {
    return missing('TagKey.1');
  }
  if (keys.length && all) {
    return invalid('All', 'All=true cannot be used together with TagKey.N.');
  }
  const dry = dryRun(params);
  if (dry) {
    return dry;
  }
  for (const image of target.images) {
    const current = tagsOf(image);
    const kept = all ? [] : current.filter((t) => !keys.includes(t.TagKey));
    current.splice(0, current.length, ...kept);
  }
  return ok();
}

export function listTagResources(world: EcsWorld, params: Params): EmulatorResponse {
  const target = resources(world, params, false);
  if (isResponse(target)) {
    return target;
  }
  const filters = tagList(params);
  const images = target.given ? target.images : (world.regionImages(target.regionId) ?? []).filter((i) => i.ImageOwnerAlias === 'self');
  const entries = images.flatMap((image) =>
    tagsOf(image)
      .filter((t) => !filters.length || filters.some((f) => f.key === t.TagKey && (!f.value || f.value === t.TagValue)))
      .map((t) => ({ ResourceId: image.ImageId, ResourceType: 'image', TagKey: t.TagKey, TagValue: t.TagValue })),
  );
  const token = params['NextToken'];
  const start = token ? Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^offset:/, '')) : 0;
  if (!Number.isInteger(start) || start < 0 || start > entries.length) {
    return invalid('NextToken', 'The specified NextToken is not valid.');
  }
  const page = entries.slice(start, start + LIST_TAGS_PAGE);
  const end = start + page.length;
  return ok({
    NextToken: end < entries.length ? Buffer.from(`offset:${end}`).toString('base64url') : '',
    TagResources: { TagResource: page },
  });
}

/**
 * DescribeTags (ResourceType=image): the key/value pairs the region's own images carry, each with how many
 * images carry it (ResourceTypeCount.Image); Tag.N narrows to keys (and values), ResourceId to one image.
 * PageNumber/PageSize (default 50, at most 100).
 */
export function describeTags(world: EcsWorld, params: Params): EmulatorResponse {
  const region = world.region(params);
  if (isResponse(region)) {
    return region;
  }
  const type = params['ResourceType'];
  if (type !== undefined && type.toLowerCase() !== 'image') {
    return invalid('ResourceType', `The specified ResourceType "${type}" is not supported by the sandbox (image only).`);
  }
  const page = paging(params, 50);
  if (isResponse(page)) {
    return page;
  }
  const filters = tagList(params);
  const resourceId = params['ResourceId'];
  const images = (world.regionImages(region.RegionId) ?? []).filter((i) => i.ImageOwnerAlias === 'self' && (!resourceId || i.ImageId === resourceId));
  const counts = new Map<string, { TagKey: string; TagValue: string; count: number }>();
  for (const image of images) {
    for (const t of tagsOf(image)) {
      if (filters.length && !filters.some((f) => f.key === t.TagKey && (!f.value || f.value === t.TagValue))) {
        continue;
      }
      const id = JSON.stringify([t.TagKey, t.TagValue]);
      const entry = counts.get(id) ?? { TagKey: t.TagKey, TagValue: t.TagValue, count: 0 };
      entry.count++;
      counts.set(id, entry);
    }
  }
  const all = [...counts.values()].map((e) => ({ TagKey: e.TagKey, TagValue: e.TagValue, ResourceTypeCount: { Image: e.count } }));
  return ok(pageOf(page, all, 'Tags', 'Tag'));
}
