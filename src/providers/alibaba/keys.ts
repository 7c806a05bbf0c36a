// Alibaba Cloud KMS keys for the key picker: ListKeys (RPC, KMS 2016-01-20, kms.<region>.aliyuncs.com)
// with PageNumber / PageSize (1 to 100) -> {Keys: {Key: [{KeyId, KeyArn}]}, TotalCount, PageNumber,
// PageSize}. The listing names keys only (no alias or state); CopyImage's KMSKeyId is a key of the
// destination region.
import { num, str, wrappedList, type Json } from '../shared/common';
import type { KeyOperations, KmsKey } from '../core/keys';
import type { ProviderContext } from '../core/provider';
import { AlibabaRpcClient, type RpcApi } from './client';

export const KMS_API: RpcApi = {
  product: 'kms',
  version: '2016-01-20',
  host: (regionId) => (regionId ? `kms.${regionId}.aliyuncs.com` : 'kms.aliyuncs.com'),
};

/** ListKeys PageSize: 1 to 100. */
export const ALIBABA_KMS_PAGE_SIZE = 100;
const MAX_PAGES = 50;

/** One page's keys: Keys.Key[] (the RPC form), or Keys as a bare list where an answer has no wrapper. */
export function keysOfPage(body: Json): KmsKey[] {
  return wrappedList(body['Keys'], 'Key').flatMap((k) => {
    const id = str(k['KeyId']);
    return id ? [{ id }] : [];
  });
}

export class AlibabaKeys implements KeyOperations {
  private readonly rpc: AlibabaRpcClient;

  constructor(ctx: ProviderContext) {
    this.rpc = new AlibabaRpcClient(ctx, KMS_API);
  }

  async listKeys(regionId: string, signal?: AbortSignal): Promise<KmsKey[]> {
    const keys: KmsKey[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      // RegionId, the common parameter, beside the regional endpoint (a private or sandbox endpoint serves every region).
      const body = await this.rpc.call('ListKeys', { RegionId: regionId, PageNumber: String(page), PageSize: String(ALIBABA_KMS_PAGE_SIZE) }, signal, regionId);
      const found = keysOfPage(body);
      keys.push(...found);
      const total = num(body['TotalCount']);
      if (!found.length || (total !== undefined ? keys.length >= total : found.length < ALIBABA_KMS_PAGE_SIZE)) {
        break;
      }
    }
    return keys;
  }
}
