// QingCloud IaaS API calls (GET /iaas/, signature_version 1, HmacSHA256).
import { randomUUID } from 'crypto';
import { interpretWithClock, type ClockRule } from '../transport/clock';
import { clockOf, endpointOf, headerOf, noticingThrottling, num, objectsOf, type Json } from '../shared/common';
import type { Params } from '../transport/encoding';
import { ProviderError } from '../core/errors';
import { parseJson, retryAfter, type CallKind, type HttpResponse } from '../transport/http';
import { collectPages, offsetPage } from '../shared/paging';
import type { ProviderContext } from '../core/provider';
import { QINGCLOUD_ENDPOINT, QINGCLOUD_URI } from './endpoint';
import { signQingcloud } from './signer';


/** QingCloud puts no request id in its body; a gateway may put one in a header. */
const REQUEST_ID_HEADERS = ['x-request-id', 'x-qc-request-id', 'x-qingcloud-request-id'];

/**
 * 5000 internal error and 5100 server busy are worth a retry, as is any HTTP 5xx.
 * 1300 (message expired) is not: a clock that is off stays off. 2500 (quota, incl. the daily API
 * request quota, reset at 00:00) does not clear within a retry either.
 */
export function isQingcloudRetryable(retCode: number, status: number): boolean {
  if (retCode === 1300) {
    return false;
  }
  return retCode === 5000 || retCode === 5100 || status >= 500;
}

/** 5100 "server busy, retry later" is how QingCloud sheds load. */
export function isQingcloudThrottling(err: ProviderError): boolean {
  return err.code === '5100';
}

/** Maps QingCloud's `{ ret_code, message }` (ret_code != 0, or HTTP >= 400) to a ProviderError; returns the body otherwise. */
export function interpretQingcloud(res: HttpResponse): Json {
  const body = parseJson('qingcloud', res) as Json;
  const retCode = body['ret_code'] === undefined ? undefined : Number(body['ret_code']);
  if (res.status < 400 && retCode === 0) {
    return body;
  }
  const code = retCode === undefined || !Number.isFinite(retCode) ? `HTTP${res.status}` : String(retCode);
  throw new ProviderError({
    cloud: 'qingcloud',
    code,
    message: typeof body['message'] === 'string' && body['message'] ? body['message'] : `HTTP ${res.status}`,
    requestId: headerOf(res, REQUEST_ID_HEADERS),
    httpStatus: res.status,
    retryable: isQingcloudRetryable(retCode ?? NaN, res.status),
    retryAfterSeconds: retryAfter(res),
  });
}

/** time_stamp may be 60 s from the cloud's clock; ret_code 1300 (message expired) says it was not. */
export const QINGCLOUD_CLOCK: ClockRule = {
  allowedMs: 60_000,
  isExpired: (code) => code === '1300',
  isAuthFailure: (code) => code === '1200',
};

export class QingcloudClient {
  constructor(private readonly ctx: ProviderContext) {}

  /**
   * Calls one action that changes nothing (Describe*). Each attempt is signed afresh and carries a new `req_id` (as the Python SDK
   * sends): QingCloud has no nonce, so this keeps two identical calls within a second distinct.
   */
  call(action: string, params: Params, signal?: AbortSignal, zone?: string, onThrottled?: () => void): Promise<Json> {
    return this.send('read', action, params, signal, zone, onThrottled);
  }

  /**
   * A call that changes something: sent once unless it provably did not reach the cloud. QingCloud
   * documents none of its answers as "not processed" (5100 also covers a request that timed out while
   * running), so only a connection never made is retried (see CallKind).
   */
  mutate(action: string, params: Params, signal?: AbortSignal, zone?: string, onThrottled?: () => void): Promise<Json> {
    return this.send('mutation', action, params, signal, zone, onThrottled);
  }

  private send(kind: CallKind, action: string, params: Params, signal?: AbortSignal, zone?: string, onThrottled?: () => void): Promise<Json> {
    const base = endpointOf(this.ctx, QINGCLOUD_ENDPOINT);
    const { credentials } = this.ctx;
    return this.ctx.http.send(
      'qingcloud',
      kind,
      () => {
        const signed = signQingcloud({
          method: 'GET',
          uri: QINGCLOUD_URI,
          params: {
            ...params,
            action,
            ...(zone ? { zone } : {}),
            req_id: this.ctx.nonce ? this.ctx.nonce() : randomUUID().replace(/-/g, ''),
          },
          accessKeyId: credentials.accessKeyId,
          secret: credentials.accessKeySecret,
          date: clockOf(this.ctx),
        });
        return { method: 'GET', url: `${base.origin}${QINGCLOUD_URI}?${signed.query}`, headers: { accept: 'application/json' } };
      },
      noticingThrottling((res) => interpretWithClock(interpretQingcloud, res, clockOf(this.ctx), QINGCLOUD_CLOCK), isQingcloudThrottling, onThrottled),
      signal,
    );
  }
}

/** QingCloud's largest `limit` on every Describe* action. */
export const QINGCLOUD_MAX_LIMIT = 100;

/** `name.1`, `name.2`, ... for a list param (1-based, as QingCloud numbers them). */
export function indexed(name: string, values: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  values.forEach((v, i) => {
    params[`${name}.${i + 1}`] = v;
  });
  return params;
}

/**
 * Every item of an offset/limit Describe* action, in pages of 100 (through the one paging helper).
 */
export function describeAll(
  client: QingcloudClient,
  action: string,
  params: Params,
  setKey: string,
  zone: string,
  signal?: AbortSignal,
): Promise<Json[]> {
  return collectPages(
    (req) =>
      offsetPage(req.cursor, req.pageSize, async (offset, limit) => {
        const body = await client.call(action, { ...params, offset: String(offset), limit: String(limit) }, req.signal, zone, req.onThrottled);
        return { items: objectsOf(body[setKey]), total: num(body['total_count']) };
      }),
    QINGCLOUD_MAX_LIMIT,
    signal,
  );
}
