// Every cloud's input rules, for checks made before any request (the UI asks here; the providers'
// operation groups carry the same objects and refuse a call that breaks them).
import { ALIBABA_KEY_SHAPE, ALIBABA_RULES } from './alibaba/rules';
import { HUAWEI_RULES } from './huawei/rules';
import type { CloudRules } from './input';
import type { CloudKind } from './model';
import { QINGCLOUD_RULES } from './qingcloud/rules';

export const CLOUD_RULES: Readonly<Record<CloudKind, CloudRules>> = {
  alibaba: ALIBABA_RULES,
  huawei: HUAWEI_RULES,
  qingcloud: QINGCLOUD_RULES,
  // BatchCompute (retired): only its AccessKey ID, an Alibaba Cloud one; no tags, sharing or export.
  batchcompute: { accessKeyId: ALIBABA_KEY_SHAPE },
};
