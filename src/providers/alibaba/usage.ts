// What uses Alibaba ECS images in a region: DescribeInstances (one listing of the region, 100 a page by
// NextToken, joined on ImageId) and the launch templates (DescribeLaunchTemplates, 50 a page, then each
// template's versions with DescribeLaunchTemplateVersions: every version may name an image).
import { mapLimited, num, str, wrappedList } from '../shared/common';
import type { UsageOperations } from '../core/operations';
import { everyPage, usageOperations, type UsageListing } from '../shared/usage';
import type { AlibabaRpcClient } from './client';

/** DescribeInstances MaxResults: at most 100. */
const INSTANCE_PAGE = 100;
/** DescribeLaunchTemplates and DescribeLaunchTemplateVersions PageSize: at most 50. */
const TEMPLATE_PAGE = 50;
/** Templates whose versions are listed at once. */
const TEMPLATE_CONCURRENCY = 4;

export function alibabaUsage(rpc: AlibabaRpcClient): UsageOperations {
  const listings = new AlibabaUsageListings(rpc);
  return usageOperations(['instance', 'template'], (regionId) => [listings.instances(regionId), listings.templates(regionId)]);
}

class AlibabaUsageListings {
  constructor(private readonly rpc: AlibabaRpcClient) {}

  /** DescribeInstances, narrowed by ImageId when one image is asked about. */
  instances(regionId: string): UsageListing {
    return {
      kind: 'instance',
      api: 'DescribeInstances',
      list: async (use, signal, imageId) => {
        let token: string | undefined;
        return everyPage(async () => {
          const params = { RegionId: regionId, MaxResults: String(INSTANCE_PAGE), ...(imageId ? { ImageId: imageId } : {}), ...(token ? { NextToken: token } : {}) };
          const body = await this.rpc.call('DescribeInstances', params, signal, regionId);
          for (const i of wrappedList(body['Instances'], 'Instance')) {
            const imageId = str(i['ImageId']);
            const id = str(i['InstanceId']);
            if (imageId && id) {
              use(imageId, { kind: 'instance', id, name: str(i['InstanceName']) ?? id });
            }
          }
          token = str(body['NextToken']);
          return token !== undefined;
        });
      },
    };
  }

  templates(regionId: string): UsageListing {
    return {
      kind: 'template',
      api: 'DescribeLaunchTemplates, DescribeLaunchTemplateVersions',
      list: async (use, signal) => {
        const found: Array<{ id: string; name: string }> = [];
        let requests = await everyPage(async (n) => {
          const body = await this.rpc.call('DescribeLaunchTemplates', { RegionId: regionId, PageNumber: String(n), PageSize: String(TEMPLATE_PAGE) }, signal, regionId);
          const page = wrappedList(body['LaunchTemplateSets'], 'LaunchTemplateSet');
          for (const t of page) {
            const id = str(t['LaunchTemplateId']);
            if (id) {
              found.push({ id, name: str(t['LaunchTemplateName']) ?? id });
            }
          }
          return page.length > 0 && n * TEMPLATE_PAGE < (num(body['TotalCount']) ?? 0);
        });
        const counts = await mapLimited(found, TEMPLATE_CONCURRENCY, (template) =>
          everyPage(async (n) => {
            const params = { RegionId: regionId, LaunchTemplateId: template.id, PageNumber: String(n), PageSize: String(TEMPLATE_PAGE) };
            const body = await this.rpc.call('DescribeLaunchTemplateVersions', params, signal, regionId);
            const page = wrappedList(body['LaunchTemplateVersionSets'], 'LaunchTemplateVersionSet');
            for (const v of page) {
              const data = v['LaunchTemplateData'];
              const imageId = typeof data === 'object' && data !== null ? str((data as Record<string, unknown>)['ImageId']) : undefined;
              if (imageId) {
                use(imageId, { kind: 'template', id: template.id, name: template.name });
              }
            }
            return page.length > 0 && n * TEMPLATE_PAGE < (num(body['TotalCount']) ?? 0);
          }),
        );
        requests += counts.reduce((a, b) => a + b, 0);
        return requests;
      },
    };
  }
}
