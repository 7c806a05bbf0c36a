// Builds the provider for an account. The only place that knows every cloud.
import { ProviderError } from './errors';
import type { CloudKind } from './model';
import type { ImageProvider, ProviderContext } from './provider';
import { registerSecrets } from './redact';
import { AlibabaEcsProvider } from './alibaba/provider';
import { BatchComputeProvider } from './batchcompute/provider';
import { HuaweiImsProvider } from './huawei/provider';
import { QingcloudProvider } from './qingcloud/provider';
import { ALIBABA_VOCABULARY } from './alibaba/mapping';
import { BATCHCOMPUTE_VOCABULARY } from './batchcompute/mapping';
import { HUAWEI_VOCABULARY } from './huawei/mapping';
import { QINGCLOUD_VOCABULARY } from './qingcloud/mapping';
import { kindOfHttpStatus, coreErrorKind, type CloudVocabulary, type ErrorKind } from './vocabulary';

/** The provider for an account; its credentials are registered for redaction from then on. */
export function createProvider(cloud: CloudKind, ctx: ProviderContext, options: { language?: string } = {}): ImageProvider {
  registerSecrets(ctx.credentials.accessKeyId, ctx.credentials.accessKeySecret, ctx.credentials.securityToken);
  switch (cloud) {
    case 'alibaba':
      return new AlibabaEcsProvider(ctx, options.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US');
    case 'huawei':
      return new HuaweiImsProvider(ctx, options.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US');
    case 'qingcloud':
      return new QingcloudProvider(ctx, options.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US');
    case 'batchcompute':
      return new BatchComputeProvider(ctx, options.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US');
    default:
      throw new ProviderError({ cloud: 'local', code: 'NotSupported', message: `The ${cloud} provider is not available yet.` });
  }
}

export * from './model';
export * from './errors';
export type * from './vocabulary';
export type { ImageProvider, ProviderContext } from './provider';
export { HttpClient, type HttpOptions, type Logger } from './http';

/** Clouds that have a provider in this build; the others are not offered anywhere. */
export const SUPPORTED_CLOUDS: readonly CloudKind[] = ['alibaba', 'huawei', 'qingcloud', 'batchcompute'];

const VOCABULARIES: Readonly<Record<CloudKind, CloudVocabulary>> = {
  alibaba: ALIBABA_VOCABULARY,
  huawei: HUAWEI_VOCABULARY,
  qingcloud: QINGCLOUD_VOCABULARY,
  batchcompute: BATCHCOMPUTE_VOCABULARY,
};

/** Each cloud's rules from its own words (states, error codes, field names) to the common vocabulary. */
export function vocabularyOf(cloud: CloudKind): CloudVocabulary {
  return VOCABULARIES[cloud];
}

/** What kind of failure an error is: the provider core's own codes, then the cloud's rules, then the HTTP status. */
export function errorKindOf(err: ProviderError): ErrorKind {
  const local = err.cloud === 'local';
  const cloudKind = local ? undefined : VOCABULARIES[err.cloud].errorKind(err.code);
  return coreErrorKind(err.code, local) ?? cloudKind ?? kindOfHttpStatus(err.httpStatus) ?? 'other';
}
