// What uses the images in the Alibaba sandbox: DescribeInstances (paged by PageNumber/PageSize or by
// NextToken/MaxResults, filtered by ImageId, InstanceIds, Status), DescribeLaunchTemplates and
// DescribeLaunchTemplateVersions (paged by PageNumber/PageSize, at most 50 a page).
import type { EmulatorResponse } from '../types';
import type { SandboxInstance, SandboxTemplate, UsableImage } from '../usage';
import { invalid, isResponse, isoSecond, ok, pageOf, paging, repeatValues, type Params } from './params';
import type { EcsWorld } from './world';

const INSTANCE_STATUSES: Readonly<Record<string, SandboxInstance['status']>> = { Running: 'running', Stopped: 'stopped' };
const TEMPLATE_PAGE_MAX = 50;

function usable(world: EcsWorld, regionId: string): () => UsableImage[] {
  return () => (world.regionImages(regionId) ?? []).map((i) => ({ id: i.ImageId, name: String(i['ImageName']), own: i.ImageOwnerAlias === 'self' }));
}

function instanceOf(regionId: string, i: SandboxInstance): Record<string, unknown> {
  return {
    InstanceId: i.id,
    InstanceName: i.name,
    HostName: i.name,
    ImageId: i.imageId,
    Status: i.status === 'running' ? 'Running' : 'Stopped',
    RegionId: regionId,
    ZoneId: `${regionId}-a`,
    InstanceType: 'ecs.g7.large',
    CreationTime: isoSecond(i.createdMs).replace(/:\d{2}Z$/, 'Z'),
  };
}

/** `InstanceIds`: a JSON array of up to 100 ids, or the cloud's InvalidParameter. */
function instanceIds(params: Params): string[] | EmulatorResponse | undefined {
  const text = params['InstanceIds'];
  if (text === undefined) {
    return undefined;
  }
  try {
    const ids: unknown = JSON.parse(text);
    if (Array.isArray(ids) && ids.length <= 100 && ids.every((id) => typeof id === 'string')) {
      return ids as string[];
    }
  } catch {
    // Answered below.
  }
  return invalid('InstanceIds', 'The specified parameter "InstanceIds" is not valid: a JSON array of at most 100 instance ids.');
}

export function describeInstances(world: EcsWorld, params: Params): EmulatorResponse {
  const region = world.region(params);
  if (isResponse(region)) {
    return region;
  }
  const ids = instanceIds(params);
  if (isResponse(ids)) {
    return ids;
  }
  const statusParam = params['Status'];
  const status = statusParam === undefined ? undefined : INSTANCE_STATUSES[statusParam];
  if (statusParam !== undefined && !status) {
    return invalid('Status');
  }
  const imageId = params['ImageId'];
  const matched = world.usage
    .regionInstances(region.RegionId, usable(world, region.RegionId))
    .filter((i) => (!imageId || i.imageId === imageId) && (!ids || ids.includes(i.id)) && (!status || i.status === status));
  const answers = matched.map((i) => instanceOf(region.RegionId, i));
  if (params['MaxResults'] !== undefined || params['NextToken'] !== undefined) {
    const max = Number(params['MaxResults'] ?? '10');
    if (!Number.isInteger(max) || max < 1 || max > 100) {
      return invalid('MaxResults');
    }
    const token = params['NextToken'];
    const from = token ? matched.findIndex((i) => i.id === token) : 0;
    if (from < 0) {
      return invalid('NextToken', 'The specified parameter "NextToken" is not valid.');
    }
    return ok({ RegionId: region.RegionId, TotalCount: matched.length, NextToken: matched[from + max]?.id ?? '', Instances: { Instance: answers.slice(from, from + max) } });
  }
  const page = paging(params, 10);
  if (isResponse(page)) {
    return page;
  }
  return ok({ RegionId: region.RegionId, ...pageOf(page, answers, 'Instances', 'Instance') });
}

function templates(world: EcsWorld, regionId: string): SandboxTemplate[] {
  return world.usage.regionTemplates(regionId, usable(world, regionId));
}

export function describeLaunchTemplates(world: EcsWorld, params: Params): EmulatorResponse {
  const listing = world.regionPage(params, 10, TEMPLATE_PAGE_MAX);
  if (isResponse(listing)) {
    return listing;
  }
  const { region, page } = listing;
  const ids = repeatValues(params, 'LaunchTemplateId');
  const names = repeatValues(params, 'LaunchTemplateName');
  const matched = templates(world, region.RegionId)
    .filter((t) => (!ids.length || ids.includes(t.id)) && (!names.length || names.includes(t.name)))
    .map((t) => ({
      LaunchTemplateId: t.id,
      LaunchTemplateName: t.name,
      DefaultVersionNumber: t.versions.find((v) => v.isDefault)?.number ?? 1,
      LatestVersionNumber: t.versions.length,
      CreateTime: isoSecond(t.versions[0]?.createdMs ?? 0),
      ModifiedTime: isoSecond(t.versions[t.versions.length - 1]?.createdMs ?? 0),
    }));
  return ok({ RegionId: region.RegionId, ...pageOf(page, matched, 'LaunchTemplateSets', 'LaunchTemplateSet') });
}

/** One template's versions, by LaunchTemplateId or LaunchTemplateName (one of the two is required). */
export function describeLaunchTemplateVersions(world: EcsWorld, params: Params): EmulatorResponse {
  const listing = world.regionPage(params, 10, TEMPLATE_PAGE_MAX);
  if (isResponse(listing)) {
    return listing;
  }
  const { region, page } = listing;
  const id = params['LaunchTemplateId'];
  const name = params['LaunchTemplateName'];
  if (!id && !name) {
    return invalid('LaunchTemplateId', 'Either LaunchTemplateId or LaunchTemplateName must be specified.');
  }
  const template = templates(world, region.RegionId).find((t) => (id ? t.id === id : t.name === name));
  if (!template) {
    return invalid('LaunchTemplateId', 'The specified launch template does not exist.');
  }
  const defaultOnly = (params['DefaultVersion'] ?? '').toLowerCase() === 'true';
  const versions = template.versions
    .filter((v) => !defaultOnly || v.isDefault)
    .map((v) => ({
      LaunchTemplateId: template.id,
      LaunchTemplateName: template.name,
      VersionNumber: v.number,
      DefaultVersion: v.isDefault,
      CreateTime: isoSecond(v.createdMs),
      LaunchTemplateData: { ImageId: v.imageId, InstanceType: 'ecs.g7.large', InstanceName: template.name },
    }));
  return ok({ ...pageOf(page, versions, 'LaunchTemplateVersionSets', 'LaunchTemplateVersionSet') });
}
