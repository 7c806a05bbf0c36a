// Huawei Cloud API calls (IMS and IAM), signed with SDK-HMAC-SHA256, and the per-region project id.
import { clockOf, endpointOf, headerOf, objectsOf, str, type Json } from '../common';
import { canonicalQuery } from '../encoding';
import { ProviderError } from '../errors';
import { parseJson, retryAfter, type HttpResponse } from '../http';
import type { ProviderContext } from '../provider';
import { HUAWEI_IAM_ENDPOINT, imsHost } from './regions';
import { signHuawei } from './signer';

const REQUEST_ID_HEADERS = ['x-request-id', 'x-openstack-request-id'];
const THROTTLING_CODES = new Set(['APIGW.0308', 'APIG.0308']);

/** API Gateway throttling (APIGW.0308 / APIG.0308, HTTP 429) and any HTTP 5xx are worth a retry. */
export function isHuaweiRetryable(code: string, status: number): boolean {
  return THROTTLING_CODES.has(code) || status === 429 || status >= 500;
}

/**
 * Maps Huawei's two error bodies to a ProviderError: IMS `{"error":{"code","message"}}` and the API
 * gateway's `{"error_code","error_msg","request_id"}` (read as the Node SDK does: `error.code ?? error_code`).
 * Returns the body otherwise.
 */
export function interpretHuawei(res: HttpResponse): Json {
  const parsed = parseJson('huawei', res);
  const body: Json = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : {};
  const nested = typeof body['error'] === 'object' && body['error'] !== null ? (body['error'] as Json) : undefined;
  const code = str(nested?.['code']) ?? str(body['error_code']);
  if (res.status < 400 && code === undefined) {
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
    retryAfterSeconds: retryAfter(res),
  });
}

export type HuaweiService = 'ims' | 'iam';

export interface HuaweiCallOptions {
  /** Which service's public endpoint; both go to the one override origin when there is one. Default 'ims'. */
  readonly service?: HuaweiService;
  /** Needed for a regional service (IMS) without an endpoint override. */
  readonly regionId?: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Sent as JSON (a string is sent as it is). */
  readonly body?: unknown;
  /** Sent (and signed) as X-Project-Id. */
  readonly projectId?: string;
  readonly signal?: AbortSignal;
}

export class HuaweiClient {
  private readonly projects = new Map<string, Promise<string>>();

  constructor(private readonly ctx: ProviderContext) {}

  request(method: string, path: string, options: HuaweiCallOptions = {}): Promise<Json> {
    const base = endpointOf(this.ctx, this.publicEndpoint(options));
    const qs = options.query ? canonicalQuery(options.query) : '';
    const url = `${base.origin}${path}${qs ? `?${qs}` : ''}`;
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const { credentials } = this.ctx;
    return this.ctx.http.send(
      'huawei',
      () => {
        const signed = signHuawei({
          method,
          url,
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          body,
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.accessKeySecret,
          securityToken: credentials.securityToken,
          projectId: options.projectId,
          date: clockOf(this.ctx),
        });
        return { method, url, headers: signed.headers, body };
      },
      interpretHuawei,
      options.signal,
    );
  }

  /**
   * The project id of a region (IAM KeystoneListProjects `?name=<region>`), looked up once per region.
   * A failed lookup is not cached, so the next call tries again.
   */
  projectId(regionId: string, signal?: AbortSignal): Promise<string> {
    let pending = this.projects.get(regionId);
    if (!pending) {
      const lookup = this.lookupProject(regionId, signal);
      this.projects.set(regionId, lookup);
      lookup.catch(() => {
        if (this.projects.get(regionId) === lookup) {
          this.projects.delete(regionId);
        }
      });
      pending = lookup;
    }
    return pending;
  }

  private async lookupProject(regionId: string, signal?: AbortSignal): Promise<string> {
    const body = await this.request('GET', '/v3/projects', { service: 'iam', query: { name: regionId }, signal });
    const id = str(objectsOf(body['projects']).find((p) => p['name'] === regionId)?.['id']);
    if (!id) {
      throw new ProviderError({
        cloud: 'huawei',
        code: 'ProjectNotFound',
        message: `The account has no project for region ${regionId}.`,
      });
    }
    return id;
  }

  private publicEndpoint(options: HuaweiCallOptions): string {
    if (options.service === 'iam') {
      return HUAWEI_IAM_ENDPOINT;
    }
    if (!options.regionId && !this.ctx.endpoint) {
      throw new ProviderError({ cloud: 'local', code: 'BadRequest', message: 'An IMS call needs a region.' });
    }
    return `https://${imsHost(options.regionId ?? '')}`;
  }
}
