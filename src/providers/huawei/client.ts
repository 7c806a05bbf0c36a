// Huawei Cloud API calls (IMS and IAM), signed with SDK-HMAC-SHA256, and the per-region project id.
import { interpretWithClock, type ClockRule } from '../transport/clock';
import { clockOf, endpointOf, headerOf, noticingThrottling, objectsOf, str, type Json } from '../shared/common';
import { canonicalQuery } from '../transport/encoding';
import { ProviderError } from '../core/errors';
import { parseJson, retryAfter, type CallKind, type HttpResponse } from '../transport/http';
import type { ProviderContext } from '../core/provider';
import { HUAWEI_IAM_ENDPOINT, imsHost } from './regions';
import { signHuawei } from './signer';

const REQUEST_ID_HEADERS = ['x-request-id', 'x-openstack-request-id'];
const THROTTLING_CODES = new Set(['APIGW.0308', 'APIG.0308']);

/** API Gateway throttling (APIGW.0308 / APIG.0308, HTTP 429) and any HTTP 5xx are worth a retry. */
export function isHuaweiRetryable(code: string, status: number): boolean {
  return isHuaweiThrottling(code, status) || status >= 500;
}

/** The API gateway's flow control answers before the request reaches the service: refused unprocessed. */
export function isHuaweiThrottling(code: string, status: number): boolean {
  return THROTTLING_CODES.has(code) || status === 429;
}

/**
 * Maps Huawei's two error bodies to a ProviderError: IMS `{"error":{"code","message"}}` and the API
 * gateway's `{"error_code","error_msg","request_id"}` (read as the Node SDK does: `error.code ?? error_code`).
 * Returns the body otherwise (a job's progress carries an `error_code` of its own: see below).
 */
export function interpretHuawei(res: HttpResponse): Json {
  const parsed = parseJson('huawei', res);
  const body: Json = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : {};
  const nested = typeof body['error'] === 'object' && body['error'] !== null ? (body['error'] as Json) : undefined;
  const gatewayCode = str(body['error_code']);
  const code = str(nested?.['code']) ?? gatewayCode;
  // A 2xx is an error only with an error body: ShowJobProgress answers 200 with a failed job's own
  // `error_code` (and `fail_reason`, no `error_msg`), which is data, not the gateway's error pair.
  const isError = res.status >= 400 || str(nested?.['code']) !== undefined || (gatewayCode !== undefined && body['error_msg'] !== undefined);
  if (!isError) {
    return body;
  }
  const errCode = code ?? `HTTP${res.status}`;
  throw new ProviderError({
    cloud: 'huawei',
    code: errCode,
    message: str(nested?.['message']) ?? str(body['error_msg']) ?? `HTTP ${res.status}`,
    requestId: str(body['request_id']) ?? headerOf(res, REQUEST_ID_HEADERS),
    httpStatus: res.status,
    retryable: isHuaweiRetryable(errCode, res.status),
    unprocessed: isHuaweiThrottling(errCode, res.status),
    retryAfterSeconds: retryAfter(res),
  });
}

const AUTH_CODES = new Set(['APIGW.0301', 'APIG.0301', 'APIGW.0303', 'APIG.0303']);

/**
 * X-Sdk-Date may be 15 minutes from the gateway's clock. The gateway answers a stale one with its
 * authentication code (APIGW.0301 "verify aksk signature fail", or APIG.0303 "signature expired");
 * only the measured skew tells the two causes apart where the message does not.
 */
export const HUAWEI_CLOCK: ClockRule = {
  allowedMs: 15 * 60_000,
  isExpired: (code, message) => AUTH_CODES.has(code) && /expired|x-sdk-date|server time/i.test(message),
  isAuthFailure: (code) => AUTH_CODES.has(code),
};

export type HuaweiService = 'ims' | 'iam' | 'ecs';

export interface HuaweiCallOptions {
  /** Which service's public endpoint; both go to the one override origin when there is one. Default 'ims'. */
  readonly service?: HuaweiService;
  /** Needed for a regional service (IMS) without an endpoint override. */
  readonly regionId?: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Sent as JSON (a string is sent as it is). */
  readonly body?: unknown;
  /** The body's Content-Type where the API documents another than application/json (UpdateImage). */
  readonly contentType?: string;
  /** Sent (and signed) as X-Project-Id. */
  readonly projectId?: string;
  readonly signal?: AbortSignal;
  /** What the call does (see CallKind). Default: 'read' for GET, 'mutation' for any other method. */
  readonly kind?: CallKind;
  /** Told each time the gateway throttles an attempt (even one the HTTP layer then retries). */
  readonly onThrottled?: () => void;
}

const ALL = '*';

function projectOf(found: ReadonlyMap<string, string>, regionId: string): string {
  const id = found.get(regionId);
  if (!id) {
    throw new ProviderError({ cloud: 'huawei', code: 'ProjectNotFound', message: `The account has no project for region ${regionId}.` });
  }
  return id;
}

export class HuaweiClient {
  /** The account's projects (one entry, under ALL) and the ones looked up by name since. */
  private readonly all = new Map<string, Promise<ReadonlyMap<string, string>>>();
  private readonly late = new Map<string, Promise<string>>();

  constructor(private readonly ctx: ProviderContext) {}

  request(method: string, path: string, options: HuaweiCallOptions = {}): Promise<Json> {
    const base = endpointOf(this.ctx, this.publicEndpoint(options));
    const qs = options.query ? canonicalQuery(options.query) : '';
    const url = `${base.origin}${path}${qs ? `?${qs}` : ''}`;
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const { credentials } = this.ctx;
    return this.ctx.http.send(
      'huawei',
      options.kind ?? (method === 'GET' ? 'read' : 'mutation'),
      () => {
        const signed = signHuawei({
          method,
          url,
          headers: body === undefined ? {} : { 'Content-Type': options.contentType ?? 'application/json' },
          body,
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.accessKeySecret,
          securityToken: credentials.securityToken,
          projectId: options.projectId,
          date: clockOf(this.ctx),
        });
        return { method, url, headers: signed.headers, body };
      },
      noticingThrottling((res) => interpretWithClock(interpretHuawei, res, clockOf(this.ctx), HUAWEI_CLOCK), (err) => isHuaweiThrottling(err.code, err.httpStatus ?? 0), options.onThrottled),
      options.signal,
    );
  }

  /**
   * An IMS call as the project of a region: the project id is looked up (once), sent as X-Project-Id and put in
   * place of `{project_id}` in the path. Other path parts are the caller's to encode (see `segment`).
   */
  async ims(method: string, regionId: string, path: string, options: Omit<HuaweiCallOptions, 'service' | 'regionId' | 'projectId'> = {}): Promise<Json> {
    const projectId = await this.projectId(regionId, options.signal);
    return this.request(method, path.replace('{project_id}', segment(projectId)), { ...options, regionId, projectId });
  }

  /**
   * The project id of a region. The account's projects are looked up once (IAM KeystoneListProjects,
   * every project at once) and kept; a region missing from that answer (a project created since) is
   * looked up by name (`?name=<region>`) and kept too. A failed lookup is not kept, so the next call tries again.
   */
  async projectId(regionId: string, signal?: AbortSignal): Promise<string> {
    const known = (await this.projects(signal)).get(regionId);
    if (known) {
      return known;
    }
    return this.late.get(regionId) ?? this.keep(this.late, regionId, this.lookupProjects({ name: regionId }, signal).then((found) => projectOf(found, regionId)));
  }

  /** Every project of the account by region, looked up once (listRegions starts it, so a region's first page costs one round trip). */
  projects(signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
    return this.all.get(ALL) ?? this.keep(this.all, ALL, this.lookupProjects({}, signal));
  }

  /** Keeps `lookup` under `key` until it fails. */
  private keep<T>(cache: Map<string, Promise<T>>, key: string, lookup: Promise<T>): Promise<T> {
    cache.set(key, lookup);
    lookup.catch(() => {
      if (cache.get(key) === lookup) {
        cache.delete(key);
      }
    });
    return lookup;
  }

  private async lookupProjects(query: Record<string, string>, signal?: AbortSignal): Promise<ReadonlyMap<string, string>> {
    const body = await this.request('GET', '/v3/projects', { service: 'iam', query, signal });
    const found = new Map<string, string>();
    for (const p of objectsOf(body['projects'])) {
      const name = str(p['name']);
      const id = str(p['id']);
      if (name && id) {
        found.set(name, id);
      }
    }
    return found;
  }

  private publicEndpoint(options: HuaweiCallOptions): string {
    if (options.service === 'iam') {
      return HUAWEI_IAM_ENDPOINT;
    }
    if (!options.regionId && !this.ctx.endpoint) {
      throw new ProviderError({ cloud: 'local', code: 'BadRequest', message: 'An IMS or ECS call needs a region.' });
    }
    const regionId = options.regionId ?? '';
    return `https://${options.service === 'ecs' ? `ecs.${regionId}.myhuaweicloud.com` : imsHost(regionId)}`;
  }
}

/** One path segment, percent-encoded (ids are plain, but a stray "/" or "?" must not change the path). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/** IMS calls in flight at once where the API has no batch form (job progress, per-image tags, deletes). */
export const HUAWEI_CONCURRENCY = 5;

// Moved to the provider core (BatchCompute's per-id lookups use it too); re-exported for the Huawei modules.
export { mapLimited } from '../shared/common';
