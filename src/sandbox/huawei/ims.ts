// Huawei Cloud in the sandbox: one endpoint serving IAM (project lookup) and IMS (ListImages),
// signed like the API gateway, paged by marker like IMS. The region is the X-Project-Id's region.
import { randomUUID } from 'crypto';
import { json, type CloudHandler, type EmulatorRequest, type EmulatorResponse, type KeyStore } from '../types';
import { generateImsImages, huaweiAccount, type HuaweiProject, type ImsImage } from './data';
import { verifyHuawei } from './verify';

const IMAGE_TYPES = ['gold', 'private', 'shared', 'market'];
const SORT_KEYS = ['created_at', 'name', 'container_format', 'disk_format', 'status', 'id', 'size'];
const MAX_LIMIT = 500;

interface Route {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
}

const ROUTES: readonly Route[] = [
  { operation: 'KeystoneListProjects', method: 'GET', path: '/v3/projects' },
  { operation: 'ListImages', method: 'GET', path: '/v2/cloudimages' },
];

function newRequestId(): string {
  return randomUUID().replace(/-/g, '');
}

/** The API gateway's error body (auth, throttling, unknown API); the request id is in the body and the header. */
export function gatewayError(status: number, code: string, message: string): EmulatorResponse {
  const requestId = newRequestId();
  return json(status, { error_code: code, error_msg: message, request_id: requestId }, { 'x-request-id': requestId });
}

/** IMS's own error body; the request id is in the header only. */
export function imsError(status: number, code: string, message: string): EmulatorResponse {
  return json(status, { error: { code, message } }, { 'x-request-id': newRequestId() });
}

function ok(body: unknown): EmulatorResponse {
  return json(200, body, { 'x-request-id': newRequestId() });
}

function compare(a: ImsImage, b: ImsImage, key: string): number {
  const x = a[key];
  const y = b[key];
  if (typeof x === 'number' && typeof y === 'number') {
    return x - y;
  }
  const xs = String(x ?? '');
  const ys = String(y ?? '');
  return xs < ys ? -1 : xs > ys ? 1 : 0;
}

export class HuaweiImsHandler implements CloudHandler {
  readonly cloud = 'huawei' as const;
  private readonly images = new Map<string, ImsImage[]>();
  private readonly account: { domainId: string; projects: HuaweiProject[] };

  constructor(
    private readonly keys: KeyStore,
    private readonly seed: string,
  ) {
    this.account = huaweiAccount(seed);
  }

  get projects(): readonly HuaweiProject[] {
    return this.account.projects;
  }

  operationOf(req: EmulatorRequest): string {
    return this.routeOf(req)?.operation ?? 'Unknown';
  }

  throttled(): EmulatorResponse {
    return gatewayError(429, 'APIGW.0308', 'The throttling threshold has been reached: policy user over ratelimit');
  }

  /** IMS documents no code for an internal error; IMG.0999 is this sandbox's choice, in IMS's error shape. */
  serverError(): EmulatorResponse {
    return imsError(500, 'IMG.0999', 'System error.');
  }

  handle(req: EmulatorRequest): EmulatorResponse {
    const route = this.routeOf(req);
    if (!route) {
      return gatewayError(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment');
    }
    const denied = verifyHuawei(req, this.keys);
    if (denied) {
      return gatewayError(denied.status, denied.code, denied.message);
    }
    return route.operation === 'KeystoneListProjects' ? this.listProjects(req) : this.listImages(req);
  }

  /** The images of a project's region, generated on first use and then kept for the emulator's life. */
  regionImages(project: HuaweiProject): ImsImage[] {
    let list = this.images.get(project.regionId);
    if (!list) {
      list = generateImsImages(this.seed, project.regionId, project.id);
      this.images.set(project.regionId, list);
    }
    return list;
  }

  private routeOf(req: EmulatorRequest): Route | undefined {
    const path = req.url.pathname.replace(/\/+$/, '');
    return ROUTES.find((r) => r.method === req.method && r.path === path);
  }

  private listProjects(req: EmulatorRequest): EmulatorResponse {
    const name = req.url.searchParams.get('name');
    const { domainId } = this.account;
    const projects = this.account.projects
      .filter((p) => name === null || p.name === name)
      .map((p) => ({
        id: p.id,
        name: p.name,
        domain_id: domainId,
        parent_id: domainId,
        enabled: true,
        is_domain: false,
        description: '',
        links: { self: `https://iam.myhuaweicloud.com/v3/projects/${p.id}` },
      }));
    return ok({ projects, links: { self: 'https://iam.myhuaweicloud.com/v3/projects', previous: null, next: null } });
  }

  private listImages(req: EmulatorRequest): EmulatorResponse {
    const projectId = req.headers['x-project-id'];
    if (!projectId) {
      return imsError(400, 'IMG.0001', 'The request header X-Project-Id is missing.');
    }
    const project = this.account.projects.find((p) => p.id === projectId);
    if (!project) {
      return imsError(400, 'IMG.0001', `The project ID ${projectId} is invalid.`);
    }
    const q = req.url.searchParams;
    const limitText = q.get('limit');
    const limit = limitText === null ? MAX_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      return imsError(400, 'IMG.0001', `The parameter limit is invalid: it must be an integer from 1 to ${MAX_LIMIT}.`);
    }
    const sortKey = q.get('sort_key') ?? 'created_at';
    const sortDir = q.get('sort_dir') ?? 'desc';
    if (!SORT_KEYS.includes(sortKey) || (sortDir !== 'asc' && sortDir !== 'desc')) {
      return imsError(400, 'IMG.0001', 'The parameter sort_key or sort_dir is invalid.');
    }
    const imageType = q.get('__imagetype');
    if (imageType !== null && !IMAGE_TYPES.includes(imageType)) {
      return imsError(400, 'IMG.0024', 'The imagetype is invalid.');
    }
    const sign = sortDir === 'asc' ? 1 : -1;
    // A stable order: the sort key, then the id, so a marker always means the same place.
    const sorted = [...this.regionImages(project)].sort((a, b) => sign * (compare(a, b, sortKey) || compare(a, b, 'id')));
    let from = 0;
    const marker = q.get('marker');
    if (marker !== null) {
      const at = sorted.findIndex((i) => i.id === marker);
      if (at < 0) {
        return imsError(400, 'IMG.0001', `The marker ${marker} is invalid.`);
      }
      from = at + 1;
    }
    const id = q.get('id');
    const name = q.get('name');
    const status = q.get('status');
    const page = sorted
      .slice(from)
      .filter(
        (i) =>
          (imageType === null || i.__imagetype === imageType) &&
          (id === null || i.id === id) &&
          (name === null || i.name === name) &&
          (status === null || i.status === status),
      )
      .slice(0, limit);
    return ok({ images: page });
  }
}
