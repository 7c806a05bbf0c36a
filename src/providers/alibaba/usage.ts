// What uses Alibaba ECS images in a region: DescribeInstances (one listing of the region, 100 a page by
// NextToken, joined on ImageId), the launch templates (DescribeLaunchTemplates, 50 a page, then each
// template's versions with DescribeLaunchTemplateVersions: every version may name an image), and Auto
// Scaling's configurations (ESS DescribeScalingConfigurations, 50 a page, each naming its ImageId).
import { mapLimited, num, str, wrappedList } from '../shared/common';
import type { UsageOperations } from '../core/usage';
import { everyPage, usageOperations, type UsageListing } from '../shared/usage';
import type { AlibabaRpcClient } from './client';

/** DescribeInstances MaxResults: at most 100. */
const INSTANCE_PAGE = 100;
/** DescribeLaunchTemplates and DescribeLaunchTemplateVersions PageSize: at most 50. */
const TEMPLATE_PAGE = 50;
/** DescribeScalingConfigurations PageSize: at most 50. */
const SCALING_PAGE = 50;
/** Templates whose versions are listed at once. */
const TEMPLATE_CONCURRENCY = 4;

/** `ess` is the Auto Scaling client (ESS_API); ECS calls go through `rpc`. */
export function alibabaUsage(rpc: AlibabaRpcClient, ess: AlibabaRpcClient): UsageOperations {
  const listings = new AlibabaUsageListings(rpc, ess);
  return usageOperations((regionId) => [listings.instances(regionId), listings.templates(regionId), listings.scalingConfigs(regionId)]);
}

class AlibabaUsageListings {
  constructor(
    private readonly rpc: AlibabaRpcClient,
    private readonly ess: AlibabaRpcClient,
  ) {}

  /** ESS DescribeScalingConfigurations: the region's configurations (active or not), joined on ImageId. */
  scalingConfigs(regionId: string): UsageListing {
    return {
      kind: 'scalingConfig',
      api: 'DescribeScalingConfigurations',
      list: (use, signal) =>
        everyPage(async (n) => {
          const body = await this.ess.call('DescribeScalingConfigurations', { RegionId: regionId, PageNumber: String(n), PageSize: String(SCALING_PAGE) }, signal, regionId);
          const page = wrappedList(body['ScalingConfigurations'], 'ScalingConfiguration');
          for (const c of page) {
            const imageId = str(c['ImageId']);
            const id = str(c['ScalingConfigurationId']);
            if (imageId && id) {
              use(imageId, { kind: 'scalingConfig', id, name: str(c['ScalingConfigurationName']) ?? id });
            }
          }
          return page.length > 0 && n * SCALING_PAGE < (num(body['TotalCount']) ?? 0);
        }),
    };
  }

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
