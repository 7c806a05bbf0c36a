// Which images an instance type can launch: DescribeImages with `InstanceType` lists only the images the
// type supports (the same answer as DescribeImageSupportInstanceTypes, image by image), so the ids are
// asked 100 at a time with the type and the ones left out are the unsupported ones. An instance type
// the region does not know is InvalidInstanceType.ValueNotSupported.
import { ProviderError } from '../core/errors';
import type { LaunchOperations } from '../core/instanceTypes';
import { batches, distinct, wrappedList } from '../shared/common';
import type { AlibabaRpcClient } from './client';
import { ALIBABA_IMAGE_STATUSES, ALIBABA_MAX_PAGE_SIZE } from './params';

const UNKNOWN_TYPE = 'InvalidInstanceType.ValueNotSupported';

export class AlibabaLaunch implements LaunchOperations {
  constructor(private readonly rpc: AlibabaRpcClient) {}

  async unsupported(regionId: string, instanceType: string, imageIds: readonly string[], signal?: AbortSignal): Promise<ReadonlySet<string> | undefined> {
    const out = new Set<string>();
    for (const batch of batches(distinct(imageIds), ALIBABA_MAX_PAGE_SIZE)) {
      let listed: Set<string>;
      try {
        const body = await this.rpc.call(
          'DescribeImages',
          { RegionId: regionId, ImageId: batch.join(','), InstanceType: instanceType, Status: ALIBABA_IMAGE_STATUSES.join(','), PageSize: String(ALIBABA_MAX_PAGE_SIZE) },
          signal,
          regionId,
        );
        listed = new Set(wrappedList(body['Images'], 'Image').map((i) => String(i['ImageId'])));
      } catch (err) {
        if (err instanceof ProviderError && err.code === UNKNOWN_TYPE) {
          return undefined;
        }
        throw err;
      }
      batch.filter((id) => !listed.has(id)).forEach((id) => out.add(id));
    }
    return out;
  }
}
