// Huawei ECS in the sandbox: ListServersDetails (`GET /v1/{project_id}/cloudservers/detail`), the
// project's servers in its region, each with the image it runs (`image.id`, `metadata.image_name`).
// Paged as the API documents: `offset` is the page number (from 1; 0 is taken as 1), `limit` 1..1000
// (default 25). There is no image filter: a client lists the region and joins on the image id.
import type { EmulatorRequest, EmulatorResponse } from '../types';
import type { SandboxInstance, SandboxUsage } from '../usage';
import { imsError, ok } from './replies';
import type { Scope } from './world';

export const ECS_MAX_LIMIT = 1000;
const ECS_DEFAULT_LIMIT = 25;
/** ECS's "request parameter invalid" (sandbox pick, in ECS's `{error: {code, message}}` shape). */
const ECS_INVALID = 'Ecs.0005';

function serverOf(scope: Scope, s: SandboxInstance): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    status: s.status === 'running' ? 'ACTIVE' : 'SHUTOFF',
    created: new Date(s.createdMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    tenant_id: scope.project.id,
    image: { id: s.imageId },
    flavor: { id: 's6.large.2', name: 's6.large.2', vcpus: '2', ram: '4096' },
    metadata: { image_name: s.imageName, metering_image_id: s.imageId },
    'OS-EXT-AZ:availability_zone': `${scope.project.regionId}a`,
  };
}

function wholeNumber(text: string | null, fallback: number): number {
  return text === null ? fallback : /^\d+$/.test(text) ? Number(text) : NaN;
}

export function listServersDetails(req: EmulatorRequest, scope: Scope, usage: SandboxUsage): EmulatorResponse {
  const q = req.url.searchParams;
  const limit = wholeNumber(q.get('limit'), ECS_DEFAULT_LIMIT);
  const offset = Math.max(1, wholeNumber(q.get('offset'), 1));
  if (!Number.isInteger(limit) || limit < 1 || limit > ECS_MAX_LIMIT) {
    return imsError(400, ECS_INVALID, `Invalid limit: it must be an integer from 1 to ${ECS_MAX_LIMIT}.`);
  }
  if (!Number.isInteger(offset)) {
    return imsError(400, ECS_INVALID, 'Invalid offset: it must be a page number from 1.');
  }
  const status = q.get('status');
  const name = q.get('name');
  const all = usage.regionInstances(scope.project.regionId, () =>
    scope.images.map((i) => ({ id: i.id, name: i.name, own: i.__imagetype === 'private' && i['owner'] === scope.project.id })),
  );
  const matched = all.filter(
    (s) => (status === null || (status === 'ACTIVE') === (s.status === 'running')) && (name === null || s.name.includes(name)),
  );
  const servers = matched.slice((offset - 1) * limit, offset * limit).map((s) => serverOf(scope, s));
  return ok({ count: matched.length, servers });
}
