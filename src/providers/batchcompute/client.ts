// Alibaba BatchCompute (retired) ROA calls: one endpoint per region, signed "acs AK:signature".
import { randomUUID } from 'crypto';
import { ALIBABA_CLOCK, interpretAlibaba, isAlibabaThrottling } from '../alibaba/client';
import { interpretWithClock } from '../transport/clock';
import { clockOf, endpointOf, noticingThrottling, type Json } from '../shared/common';
import type { Params } from '../transport/encoding';
import { ProviderError } from '../core/errors';
import type { CallKind, HttpResponse } from '../transport/http';
import type { ProviderContext } from '../core/provider';
import { batchComputeHost } from './mapping';
import { signRoa } from './signer';

/**
 * Sandbox convention, not part of the real API: with an endpoint override (one origin for every
 * region) the region travels in this header. It is an x-acs-* header, so it is signed.
 */
export const REGION_HEADER = 'x-acs-region-id';

/**
 * BatchCompute errors are Alibaba's ({Code, Message, RequestId}): Alibaba's mapping, re-labelled
 * with this cloud. A 204 (empty body) reads as {}.
 */
export function interpretBatchCompute(res: HttpResponse): Json {
  try {
    return interpretAlibaba(res);
  } catch (err) {
    if (!(err instanceof ProviderError)) {
      throw err;
    }
    const relabelled = new ProviderError({
      cloud: 'batchcompute',
      code: err.code,
      message: err.message,
      requestId: err.requestId,
      httpStatus: err.httpStatus,
      retryable: err.retryable,
      unprocessed: err.unprocessed,
      retryAfterSeconds: err.retryAfterSeconds,
      cause: err.cause,
    });
    throw relabelled;
  }
}

export interface RoaCallOptions {
  readonly query?: Params;
  readonly signal?: AbortSignal;
  /** Told each time the cloud throttles an attempt (even one the HTTP layer then retries). */
  readonly onThrottled?: () => void;
}

/** GET reads; anything else (DELETE) changes something, and is sent once (see CallKind). */
function kindOf(method: string): CallKind {
  return method === 'GET' ? 'read' : 'mutation';
}

export class BatchComputeClient {
  constructor(private readonly ctx: ProviderContext) {}

  /** `path` is already encoded (e.g. `/images/${encodeURIComponent(id)}`). */
  request(method: string, regionId: string, path: string, options: RoaCallOptions = {}): Promise<Json> {
    const base = endpointOf(this.ctx, `https://${batchComputeHost(regionId)}`);
    const headers: Record<string, string> = this.ctx.endpoint ? { [REGION_HEADER]: regionId } : {};
    const { credentials } = this.ctx;
    return this.ctx.http.send(
      'batchcompute',
      kindOf(method),
      () => {
        const signed = signRoa({
          method,
          path,
          query: options.query,
          headers,
          accessKeyId: credentials.accessKeyId,
          accessKeySecret: credentials.accessKeySecret,
          securityToken: credentials.securityToken,
          date: clockOf(this.ctx),
          nonce: this.ctx.nonce ? this.ctx.nonce() : randomUUID().replace(/-/g, ''),
        });
        return { method, url: `${base.origin}${signed.pathAndQuery}`, headers: signed.headers };
      },
      noticingThrottling((res) => interpretWithClock(interpretBatchCompute, res, clockOf(this.ctx), ALIBABA_CLOCK), (err) => isAlibabaThrottling(err.code), options.onThrottled),
      options.signal,
    );
  }
}
