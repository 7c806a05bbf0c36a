// Alibaba Cloud RPC-style calls (ECS 2014-05-26), signed with ACS3-HMAC-SHA256.
import { randomUUID } from 'crypto';
import { interpretWithClock, type ClockRule } from '../transport/clock';
import { clockOf, endpointOf, noticingThrottling } from '../shared/common';
import { ProviderError } from '../core/errors';
import { parseJson, retryAfter, type CallKind, type HttpResponse } from '../transport/http';
import type { Params } from '../transport/encoding';
import type { ProviderContext } from '../core/provider';
import { signAcs3 } from './signer';

const SUCCESS_CODES = new Set(['200', 'OK', 'Success', 'success']);

export function isAlibabaRetryable(code: string, status: number): boolean {
  return isAlibabaThrottling(code) || code === 'ServiceUnavailable' || code === 'InternalError' || status >= 500;
}

/** Throttling, Throttling.User, Throttling.Api...: "Request was denied due to ... flow control", i.e. refused unprocessed. */
export function isAlibabaThrottling(code: string): boolean {
  return code.startsWith('Throttling');
}

/** Maps Alibaba's error body ({ Code, Message, RequestId }) to a ProviderError; returns the body otherwise. */
export function interpretAlibaba(res: HttpResponse): Record<string, unknown> {
  const body = parseJson('alibaba', res) as Record<string, unknown>;
  const code = body['Code'] === undefined ? undefined : String(body['Code']);
  if (res.status >= 400 || (code !== undefined && !SUCCESS_CODES.has(code))) {
    const errCode = code ?? `HTTP${res.status}`;
    throw new ProviderError({
      cloud: 'alibaba',
      code: errCode,
      message: typeof body['Message'] === 'string' ? body['Message'] : `HTTP ${res.status}`,
      requestId: typeof body['RequestId'] === 'string' ? body['RequestId'] : undefined,
      httpStatus: res.status,
      retryable: isAlibabaRetryable(errCode, res.status),
      unprocessed: isAlibabaThrottling(errCode),
      retryAfterSeconds: retryAfter(res),
    });
  }
  return body;
}

/**
 * The signed time (x-acs-date) may be 15 minutes from the cloud's; "InvalidTimeStamp.Expired" says it
 * was not. Alibaba's ROA API (BatchCompute) has the same window for its Date header.
 */
export const ALIBABA_CLOCK: ClockRule = {
  allowedMs: 15 * 60_000,
  isExpired: (code) => code === 'InvalidTimeStamp.Expired',
  isAuthFailure: (code) => code === 'SignatureDoesNotMatch' || code === 'IncompleteSignature',
};

export interface RpcApi {
  readonly product: string;
  readonly version: string;
  /** Endpoint host for a region (no scheme), and for calls that take no region. */
  readonly host: (regionId?: string) => string;
}

export const ECS_API: RpcApi = {
  product: 'ecs',
  version: '2014-05-26',
  host: (regionId) => {
    if (!regionId) {
      return 'ecs.aliyuncs.com';
    }
    return regionId === 'cn-hangzhou' ? 'ecs-cn-hangzhou.aliyuncs.com' : `ecs.${regionId}.aliyuncs.com`;
  },
};

/** Auto Scaling (ESS): its own product, version and regional endpoint, on the same signing. */
export const ESS_API: RpcApi = {
  product: 'ess',
  version: '2014-08-28',
  host: (regionId) => (regionId ? `ess.${regionId}.aliyuncs.com` : 'ess.aliyuncs.com'),
};

export class AlibabaRpcClient {
  constructor(
    private readonly ctx: ProviderContext,
    private readonly api: RpcApi,
  ) {}

  /**
   * A call that changes nothing (Describe*, List*): retried on every transient fault. `onThrottled` hears
   * of each attempt the cloud throttled (the paging helper slows down).
   */
  call(action: string, params: Params, signal?: AbortSignal, regionId?: string, onThrottled?: () => void): Promise<Record<string, unknown>> {
    return this.send('read', action, params, signal, regionId, onThrottled);
  }

  /**
   * A call that changes something: sent once unless it provably did not reach the cloud (see CallKind).
   * `onThrottled` hears of each attempt the cloud throttled (a bulk change eases off).
   */
  mutate(action: string, params: Params, signal?: AbortSignal, regionId?: string, onThrottled?: () => void): Promise<Record<string, unknown>> {
    return this.send('mutation', action, params, signal, regionId, onThrottled);
  }

  private send(kind: CallKind, action: string, params: Params, signal?: AbortSignal, regionId?: string, onThrottled?: () => void): Promise<Record<string, unknown>> {
    const base = endpointOf(this.ctx, `https://${this.api.host(regionId)}`);
    const query = new URLSearchParams();
    const sorted = Object.keys(params).sort();
    for (const k of sorted) {
      query.append(k, params[k] ?? '');
    }
    const qs = query.toString().replace(/\+/g, '%20');
    const url = `${base.origin}/${qs ? `?${qs}` : ''}`;
    const { credentials } = this.ctx;
    return this.ctx.http.send(
      'alibaba',
      kind,
      () => {
        const signed = signAcs3({
          method: 'POST',
          host: base.host,
          query: params,
          headers: { 'x-acs-action': action, 'x-acs-version': this.api.version, accept: 'application/json' },
          body: '',
          accessKeyId: credentials.accessKeyId,
          accessKeySecret: credentials.accessKeySecret,
          securityToken: credentials.securityToken,
          date: clockOf(this.ctx),
          nonce: this.ctx.nonce ? this.ctx.nonce() : randomUUID().replace(/-/g, ''),
        });
        return { method: 'POST', url, headers: signed.headers };
      },
      noticingThrottling((res) => interpretWithClock(interpretAlibaba, res, clockOf(this.ctx), ALIBABA_CLOCK), (err) => isAlibabaThrottling(err.code), onThrottled),
      signal,
    );
  }
}
