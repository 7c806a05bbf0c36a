// What uses Huawei Cloud images in a region: the ECS servers of the region's project (ListServersDetails,
// `GET /v1/{project_id}/cloudservers/detail`, 1000 a page by page number), joined on `image.id`: the API
// has no image filter, so one listing of the region answers for every image; and the Auto Scaling
// configurations (ListScalingConfigs, `GET /autoscaling-api/v1/{project_id}/scaling_configuration`, 100 a
// page by start row), joined on `instance_config.imageRef` (or narrowed by `image_id` for one image).
import { num, objectsOf, str } from '../shared/common';
import type { UsageOperations } from '../core/usage';
import { everyPage, usageOperations, type UsageListing } from '../shared/usage';
import type { HuaweiClient } from './client';

/** ListServersDetails `limit`: at most 1000. */
const SERVER_PAGE = 1000;
/** ListScalingConfigs `limit`: at most 100. */
const SCALING_PAGE = 100;

export function huaweiUsage(client: HuaweiClient): UsageOperations {
  return usageOperations((regionId) => [servers(client, regionId), scalingConfigs(client, regionId)]);
}

function scalingConfigs(client: HuaweiClient, regionId: string): UsageListing {
  return {
    kind: 'scalingConfig',
    api: 'ListScalingConfigs',
    list: async (use, signal, onlyImageId) => {
      const projectId = await client.projectId(regionId, signal);
      let start = 0;
      return everyPage(async () => {
        const query = { start_number: String(start), limit: String(SCALING_PAGE), ...(onlyImageId ? { image_id: onlyImageId } : {}) };
        const body = await client.request('GET', `/autoscaling-api/v1/${encodeURIComponent(projectId)}/scaling_configuration`, { service: 'as', regionId, projectId, query, signal });
        const configs = objectsOf(body['scaling_configurations']);
        for (const c of configs) {
          const config = c['instance_config'];
          const imageId = typeof config === 'object' && config !== null ? str((config as Record<string, unknown>)['imageRef']) : undefined;
          const id = str(c['scaling_configuration_id']);
          if (imageId && id) {
            use(imageId, { kind: 'scalingConfig', id, name: str(c['scaling_configuration_name']) ?? id });
          }
        }
        start += configs.length;
        return configs.length === SCALING_PAGE && start < (num(body['total_number']) ?? Number.MAX_SAFE_INTEGER);
      });
    },
  };
}

function servers(client: HuaweiClient, regionId: string): UsageListing {
  return {
    kind: 'instance',
    api: 'ListServersDetails',
    list: async (use, signal) => {
      const projectId = await client.projectId(regionId, signal);
      let seen = 0;
      return everyPage(async (n) => {
        const body = await client.request('GET', `/v1/${encodeURIComponent(projectId)}/cloudservers/detail`, {
          service: 'ecs',
          regionId,
          projectId,
          query: { offset: String(n), limit: String(SERVER_PAGE) },
          signal,
        });
        const servers = objectsOf(body['servers']);
        for (const s of servers) {
          const image = s['image'];
          const imageId = typeof image === 'object' && image !== null ? str((image as Record<string, unknown>)['id']) : undefined;
          const id = str(s['id']);
          if (imageId && id) {
            use(imageId, { kind: 'instance', id, name: str(s['name']) ?? id });
          }
        }
        seen += servers.length;
        return servers.length === SERVER_PAGE && seen < (num(body['count']) ?? Number.MAX_SAFE_INTEGER);
      });
    },
  };
}
