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

/** The sandbox's flavors: x86 general, memory-optimised and disk-intensive ones, and Kunpeng (arm64) ones; `ram` in MB. */
const FLAVORS: ReadonlyArray<readonly [id: string, vcpus: number, ramMb: number, arch: 'x86' | 'arm64', performanceType: string]> = [
  ['s6.small.1', 1, 1024, 'x86', 'normal'],
  ['s6.large.2', 2, 4096, 'x86', 'normal'],
  ['c7.large.2', 2, 4096, 'x86', 'computingv3'],
  ['m6.large.8', 2, 16384, 'x86', 'highmem'],
  ['d6.xlarge.4', 4, 16384, 'x86', 'diskintensive'],
  ['kc1.large.2', 2, 4096, 'arm64', 'normal'],
  ['kc1.xlarge.4', 4, 16384, 'arm64', 'normal'],
];

/** ListFlavors (`GET /v1/{project_id}/cloudservers/flavors`): every flavor of the region, with its extra specs. */
export function listFlavors(scope: Scope): EmulatorResponse {
  return ok({
    flavors: FLAVORS.map(([id, vcpus, ram, arch, performanceType]) => ({
      id,
      name: id,
      vcpus: String(vcpus),
      ram,
      disk: '0',
      links: [],
      os_extra_specs: {
        'ecs:performancetype': performanceType,
        'ecs:instance_architecture': arch,
        'ecs:virtualization_env_types': 'CloudCompute',
        'cond:operation:status': 'normal',
        'cond:operation:az': `${scope.project.regionId}a(normal)`,
      },
    })),
  });
}
