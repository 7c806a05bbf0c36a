// Alibaba Auto Scaling (ESS, RPC 2014-08-28) in the sandbox: DescribeScalingConfigurations, the region's
// scaling configurations with the image each makes its instances from (ImageId). Paged by PageNumber /
// PageSize (at most 50, default 10); filtered by ScalingGroupId, ScalingConfigurationId.N and
// ScalingConfigurationName.N. ESS is its own product and version: the handler routes by x-acs-version.
import type { EmulatorResponse } from '../types';
import type { SandboxScalingConfig } from '../usage';
import { isResponse, isoSecond, ok, pageOf, repeatValues, type Params } from './params';
import type { EcsWorld } from './world';

export const ESS_VERSION = '2014-08-28';
const SCALING_PAGE_MAX = 50;

function configOf(c: SandboxScalingConfig): Record<string, unknown> {
  return {
    ScalingConfigurationId: c.id,
    ScalingConfigurationName: c.name,
    ScalingGroupId: c.groupId,
    ImageId: c.imageId,
    InstanceType: 'ecs.g7.large',
    LifecycleState: 'Active',
    // ESS writes its times to the minute: 2014-08-14T10:58Z.
    CreationTime: isoSecond(c.createdMs).replace(/:\d{2}Z$/, 'Z'),
  };
}

export function describeScalingConfigurations(world: EcsWorld, params: Params): EmulatorResponse {
  const listing = world.regionPage(params, 10, SCALING_PAGE_MAX);
  if (isResponse(listing)) {
    return listing;
  }
  const { region, page } = listing;
  const group = params['ScalingGroupId'];
  const ids = repeatValues(params, 'ScalingConfigurationId');
  const names = repeatValues(params, 'ScalingConfigurationName');
  const images = (): Array<{ id: string; name: string; own: boolean }> =>
    (world.regionImages(region.RegionId) ?? []).map((i) => ({ id: i.ImageId, name: String(i['ImageName']), own: i.ImageOwnerAlias === 'self' }));
  const matched = world.usage
    .regionScalingConfigs(region.RegionId, images)
    .filter((c) => (!group || c.groupId === group) && (!ids.length || ids.includes(c.id)) && (!names.length || names.includes(c.name)))
    .map(configOf);
  return ok(pageOf(page, matched, 'ScalingConfigurations', 'ScalingConfiguration'));
}
