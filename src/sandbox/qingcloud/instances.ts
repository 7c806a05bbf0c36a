// QingCloud DescribeInstances in the sandbox: the zone's instances with the image each runs, filtered by
// `image_id.N`, `instances.N`, `status.N`, paged by offset/limit (default 20, at most 100).
import type { EmulatorResponse } from '../types';
import type { SandboxInstance, SandboxUsage } from '../usage';
import { isoSecond, listParam, paged, parameterError, type Params } from './params';
import { isResponse, zoneScope, type QingcloudWorld } from './world';

const INSTANCE_STATUSES = ['pending', 'running', 'stopped', 'suspended', 'terminated', 'ceased'];

function instanceOf(i: SandboxInstance): Record<string, unknown> {
  return {
    instance_id: i.id,
    instance_name: i.name,
    status: i.status,
    transition_status: '',
    instance_type: 's1.small.r1',
    create_time: isoSecond(i.createdMs),
    image: { image_id: i.imageId, image_name: i.imageName, processor_type: '64bit', platform: 'linux' },
  };
}

export function describeInstances(world: QingcloudWorld, usage: SandboxUsage, params: Params): EmulatorResponse {
  const scope = zoneScope(world, params);
  if (isResponse(scope)) {
    return scope;
  }
  const statuses = listParam(params, 'status');
  const badStatus = statuses.find((s) => !INSTANCE_STATUSES.includes(s));
  if (badStatus !== undefined) {
    return parameterError(`invalid instance status [${badStatus}]`);
  }
  const imageIds = listParam(params, 'image_id');
  const ids = listParam(params, 'instances');
  const all = usage.regionInstances(scope.zone, () => scope.images.map((i) => ({ id: i.image_id, name: i.image_name, own: i.provider === 'self' })));
  const matched = all.filter(
    (i) => (!imageIds.length || imageIds.includes(i.imageId)) && (!ids.length || ids.includes(i.id)) && (!statuses.length || statuses.includes(i.status)),
  );
  return paged(params, 'DescribeInstances', 'instance_set', matched.map(instanceOf));
}
