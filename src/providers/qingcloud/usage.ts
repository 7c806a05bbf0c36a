// What uses QingCloud images in a zone: DescribeInstances (one listing of the zone, 100 a page by
// offset), joined on `image.image_id`. Terminated instances (kept for 2 h) are left out: they use nothing.
import { num, objectsOf, str } from '../shared/common';
import type { UsageOperations } from '../core/usage';
import { everyPage, usageOperations, type UsageListing } from '../shared/usage';
import type { QingcloudClient } from './client';

/** DescribeInstances `limit`: at most 100. */
const INSTANCE_PAGE = 100;
const LIVE_STATUSES = ['pending', 'running', 'stopped', 'suspended'];

export function qingcloudUsage(client: QingcloudClient): UsageOperations {
  return usageOperations((zone) => [instances(client, zone)]);
}

/** DescribeInstances of the zone's live instances, narrowed by `image_id.1` when one image is asked about. */
function instances(client: QingcloudClient, zone: string): UsageListing {
  const statuses = Object.fromEntries(LIVE_STATUSES.map((s, n) => [`status.${n + 1}`, s]));
  return {
    kind: 'instance',
    api: 'DescribeInstances',
    list: (use, signal, imageId) =>
      everyPage(async (n) => {
        const offset = (n - 1) * INSTANCE_PAGE;
        const body = await client.call('DescribeInstances', { ...statuses, ...(imageId ? { 'image_id.1': imageId } : {}), offset: String(offset), limit: String(INSTANCE_PAGE) }, signal, zone);
        const page = objectsOf(body['instance_set']);
        for (const i of page) {
          const image = i['image'];
          const imageId = typeof image === 'object' && image !== null ? str((image as Record<string, unknown>)['image_id']) : undefined;
          const id = str(i['instance_id']);
          if (imageId && id) {
            use(imageId, { kind: 'instance', id, name: str(i['instance_name']) ?? id });
          }
        }
        return page.length > 0 && offset + page.length < (num(body['total_count']) ?? 0);
      }),
  };
}
