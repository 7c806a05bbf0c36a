// What uses Huawei Cloud images in a region: the ECS servers of the region's project (ListServersDetails,
// `GET /v1/{project_id}/cloudservers/detail`, 1000 a page by page number), joined on `image.id`: the API
// has no image filter, so one listing of the region answers for every image.
import { num, objectsOf, str } from '../shared/common';
import type { UsageOperations } from '../core/operations';
import { everyPage, usageOperations, type UsageListing } from '../shared/usage';
import type { HuaweiClient } from './client';

/** ListServersDetails `limit`: at most 1000. */
const SERVER_PAGE = 1000;

export function huaweiUsage(client: HuaweiClient): UsageOperations {
  return usageOperations(['instance'], (regionId) => [servers(client, regionId)]);
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
