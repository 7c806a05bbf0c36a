// Huawei Auto Scaling in the sandbox: ListScalingConfigs (`GET /autoscaling-api/v1/{project_id}/
// scaling_configuration`), the project's AS configurations in its region, each with the image its
// instances are made from (`instance_config.imageRef`). Paged by row: `start_number` (from 0, default 0)
// and `limit` (0..100, default 20); filtered by `image_id` and `scaling_configuration_name` (fuzzy).
import type { EmulatorRequest, EmulatorResponse } from '../types';
import type { SandboxScalingConfig, SandboxUsage } from '../usage';
import { imsError, ok } from './replies';
import type { Scope } from './world';

export const AS_MAX_LIMIT = 100;
const AS_DEFAULT_LIMIT = 20;
/** AS's "request parameter invalid" (sandbox pick, in the `{error: {code, message}}` shape). */
const AS_INVALID = 'AS.0001';

function configOf(scope: Scope, c: SandboxScalingConfig): Record<string, unknown> {
  return {
    scaling_configuration_id: c.id,
    tenant: scope.project.id,
    scaling_configuration_name: c.name,
    scaling_group_id: c.groupId,
    instance_config: { imageRef: c.imageId, flavorRef: 's6.large.2', disk: [{ size: 40, volume_type: 'SSD', disk_type: 'SYS' }] },
    create_time: new Date(c.createdMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

function wholeNumber(text: string | null, fallback: number): number {
  return text === null ? fallback : /^\d+$/.test(text) ? Number(text) : NaN;
}

export function listScalingConfigs(req: EmulatorRequest, scope: Scope, usage: SandboxUsage): EmulatorResponse {
  const q = req.url.searchParams;
  const limit = wholeNumber(q.get('limit'), AS_DEFAULT_LIMIT);
  const start = wholeNumber(q.get('start_number'), 0);
  if (!Number.isInteger(limit) || limit > AS_MAX_LIMIT) {
    return imsError(400, AS_INVALID, `Invalid limit: it must be an integer from 0 to ${AS_MAX_LIMIT}.`);
  }
  if (!Number.isInteger(start)) {
    return imsError(400, AS_INVALID, 'Invalid start_number: it must be an integer from 0.');
  }
  const imageId = q.get('image_id');
  const name = q.get('scaling_configuration_name');
  const all = usage.regionScalingConfigs(scope.project.regionId, () =>
    scope.images.map((i) => ({ id: i.id, name: i.name, own: i.__imagetype === 'private' && i['owner'] === scope.project.id })),
  );
  const matched = all.filter((c) => (imageId === null || c.imageId === imageId) && (name === null || c.name.includes(name)));
  return ok({
    total_number: matched.length,
    start_number: start,
    limit,
    scaling_configurations: matched.slice(start, start + limit).map((c) => configOf(scope, c)),
  });
}
