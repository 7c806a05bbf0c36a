// Every cloud's input rules, for checks made before any request (the UI asks here; the providers'
// operation groups carry the same objects and refuse a call that breaks them).
import { ALIBABA_KEY_SHAPE, ALIBABA_RULES, ALIBABA_STS_KEY_SHAPE } from '../alibaba/rules';
import { HUAWEI_RULES } from '../huawei/rules';
import type { CloudRules } from '../core/rules';
import type { KeyShape } from '../core/rules';
import type { CloudKind } from '../core/model';
import { QINGCLOUD_RULES } from '../qingcloud/rules';

export const CLOUD_RULES: Readonly<Record<CloudKind, CloudRules>> = {
  alibaba: ALIBABA_RULES,
  huawei: HUAWEI_RULES,
  qingcloud: QINGCLOUD_RULES,
  // BatchCompute (retired): only its AccessKey ID, an Alibaba Cloud one (STS too); no tags, sharing or export.
  batchcompute: { accessKeyId: ALIBABA_KEY_SHAPE, temporaryAccessKeyId: ALIBABA_STS_KEY_SHAPE },
};

/** How the cloud writes an AccessKey ID: a temporary one where it differs (Huawei's look like long-term ones). */
export function accessKeyShape(cloud: CloudKind, temporary: boolean): KeyShape {
  const rules = CLOUD_RULES[cloud];
  return (temporary ? rules.temporaryAccessKeyId : undefined) ?? rules.accessKeyId;
}
