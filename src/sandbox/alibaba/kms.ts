// Alibaba Cloud KMS (RPC 2016-01-20) in the sandbox: ListKeys with PageNumber / PageSize (1 to 100,
// default 10) -> {Keys: {Key: [{KeyId, KeyArn}]}, TotalCount, PageNumber, PageSize}. The region is the
// endpoint's (kms.<region>.aliyuncs.com); behind the sandbox's one origin it is read from RegionId, which
// the provider sends as the common parameter. Each region has three keys made from the seed; CopyImage's
// KMSKeyId must be one of the destination region's.
import { Random } from '../random';
import type { EmulatorResponse } from '../types';
import { isResponse, ok, pageOf, type Params } from './params';
import type { EcsWorld } from './world';

export const KMS_VERSION = '2016-01-20';

export interface SandboxAlibabaKey {
  readonly KeyId: string;
  readonly KeyArn: string;
}

const HEX = '0123456789abcdef';
const KEYS_PER_REGION = 3;
const byWorld = new WeakMap<EcsWorld, Map<string, SandboxAlibabaKey[]>>();

/** The region's keys (a UUID each, the form the KMS examples show), the same for a seed. */
export function regionKeys(world: EcsWorld, regionId: string): readonly SandboxAlibabaKey[] {
  const all = byWorld.get(world) ?? new Map<string, SandboxAlibabaKey[]>();
  byWorld.set(world, all);
  let keys = all.get(regionId);
  if (!keys) {
    const rnd = new Random(`${world.seed}/alibaba/kms/${regionId}`);
    keys = Array.from({ length: KEYS_PER_REGION }, () => {
      const h = rnd.chars(HEX, 32);
      const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
      return { KeyId: id, KeyArn: `acs:kms:${regionId}:${world.accountId}:key/${id}` };
    });
    all.set(regionId, keys);
  }
  return keys;
}

export function listKeys(world: EcsWorld, params: Params): EmulatorResponse {
  const listing = world.regionPage(params, 10);
  if (isResponse(listing)) {
    return listing;
  }
  const { region, page } = listing;
  return ok(pageOf(page, regionKeys(world, region.RegionId), 'Keys', 'Key'));
}
