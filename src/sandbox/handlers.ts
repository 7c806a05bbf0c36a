// The clouds the emulator serves: one handler each, on its own port.
import { AlibabaEcsHandler } from './alibaba/ecs';
import { BatchComputeHandler } from './batchcompute/roa';
import { HuaweiImsHandler } from './huawei/ims';
import { QingcloudHandler } from './qingcloud/iaas';
import type { CloudHandler, KeyStore } from './types';

export function createHandlers(keys: KeyStore, seed: string): CloudHandler[] {
  return [new AlibabaEcsHandler(keys, seed), new HuaweiImsHandler(keys, seed), new QingcloudHandler(keys, seed), new BatchComputeHandler(keys, seed)];
}
