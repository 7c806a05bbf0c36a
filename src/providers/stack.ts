// The provider stack: every cloud's provider and the HTTP layer (undici). Its own bundle
// (dist/providers.js), loaded on first use by accounts/session.ts, never at activation.
import type { CloudKind } from './core/model';
import type { ImageProvider, ProviderContext } from './core/provider';
import { registerSecrets } from './transport/redact';
import { AlibabaEcsProvider } from './alibaba/provider';
import { BatchComputeProvider } from './batchcompute/provider';
import { HuaweiImsProvider } from './huawei/provider';
import { QingcloudProvider } from './qingcloud/provider';

export { HttpClient } from './transport/http';

/** The provider for an account; its credentials are registered for redaction from then on. */
export function createProvider(cloud: CloudKind, ctx: ProviderContext, options: { language?: string } = {}): ImageProvider {
  registerSecrets(ctx.credentials.accessKeyId, ctx.credentials.accessKeySecret, ctx.credentials.securityToken);
  const language = options.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
  switch (cloud) {
    case 'alibaba':
      return new AlibabaEcsProvider(ctx, language);
    case 'huawei':
      return new HuaweiImsProvider(ctx, language);
    case 'qingcloud':
      return new QingcloudProvider(ctx, language);
    case 'batchcompute':
      return new BatchComputeProvider(ctx, language);
  }
}
