// Huawei Cloud in the sandbox: one endpoint serving IAM (project lookup) and IMS (ListImages, tags,
// query by tag, members, export, delete, job progress), signed like the API gateway, paged by marker like IMS.
// The region is the project's region (X-Project-Id, or {project_id} in the path). State (tags, members,
// deletions, jobs) is kept for the emulator's life; jobs run on the emulator's shared job clock.
import { ListingIndex, readsOnly } from '../indexes';
import { JobClock } from '../jobs';
import { Random } from '../random';
import type { CloudHandler, EmulatorRequest, EmulatorResponse, KeyStore } from '../types';
import { generateImsImages, huaweiAccount, uuidFrom, type HuaweiProject, type ImsImage } from './data';
import { deleteImage } from './deletion';
import { createDataImage, createImage } from './imports';
import { HuaweiIncoming } from './incoming';
import { HuaweiImsJobs } from './jobs';
import { HuaweiImageCopies } from './copy';
import { HuaweiImageMembers } from './members';
import { HuaweiKmsKeys, type KmsKeyState } from './kms';
import { HuaweiQuotas, type ImsQuotaType } from './quota';
import { IMS_CODES, gatewayError, imsError, invalid, isResponse, ok } from './replies';
import { listImageByTags } from './tagSearch';
import { HuaweiImageTags } from './tags';
import { updateImage } from './update';
import { listFlavors, listServersDetails } from './servers';
import { listScalingConfigs } from './scaling';
import { SandboxUsage } from '../usage';
import { verifyHuawei } from './verify';
import { SandboxBackups, WHOLE_IMAGE_REGION, wholeImageFrom } from './wholeImages';
import { scopeOf, type HuaweiWorld, type Scope } from './world';

export { gatewayError, imsError } from './replies';

const IMAGE_TYPES = ['gold', 'private', 'shared', 'market'];
const SORT_KEYS = ['created_at', 'name', 'container_format', 'disk_format', 'status', 'id', 'size'];
const MAX_LIMIT = 500;
const HEX = '0123456789abcdef';

type Serve = (req: EmulatorRequest, scope: Scope, params: readonly string[]) => EmulatorResponse;

interface Route {
  readonly operation: string;
  readonly method: string;
  /** Matched against the whole path (no trailing slash); groups are the path's parameters. */
  readonly path: RegExp;
  /** Which group is `{project_id}`, for the project-scoped APIs. */
  readonly projectGroup?: number;
}

const SEG = '([^/]+)';
const ROUTES: readonly Route[] = [
  { operation: 'KeystoneListProjects', method: 'GET', path: /^\/v3\/projects$/ },
  { operation: 'ListImages', method: 'GET', path: /^\/v2\/cloudimages$/ },
  { operation: 'BatchAddOrDeleteTags', method: 'POST', path: new RegExp(`^/v2/${SEG}/images/${SEG}/tags/action$`), projectGroup: 0 },
  { operation: 'ListImageByTags', method: 'POST', path: new RegExp(`^/v2/${SEG}/images/resource_instances/action$`), projectGroup: 0 },
  { operation: 'ListImagesTags', method: 'GET', path: new RegExp(`^/v2/${SEG}/images/tags$`), projectGroup: 0 },
  { operation: 'ListImageTags', method: 'GET', path: new RegExp(`^/v2/${SEG}/images/${SEG}/tags$`), projectGroup: 0 },
  { operation: 'GlanceListImageMembers', method: 'GET', path: new RegExp(`^/v2/images/${SEG}/members$`) },
  { operation: 'BatchAddMembers', method: 'POST', path: /^\/v1\/cloudimages\/members$/ },
  { operation: 'BatchDeleteMembers', method: 'DELETE', path: /^\/v1\/cloudimages\/members$/ },
  { operation: 'BatchUpdateMembers', method: 'PUT', path: /^\/v1\/cloudimages\/members$/ },
  { operation: 'CreateImage', method: 'POST', path: /^\/v2\/cloudimages\/action$/ },
  { operation: 'CreateDataImage', method: 'POST', path: /^\/v1\/cloudimages\/dataimages\/action$/ },
  { operation: 'ShowImageQuota', method: 'GET', path: /^\/v1\/cloudimages\/quota$/ },
  { operation: 'ShowJobProgress', method: 'GET', path: new RegExp(`^/v1/cloudimages/job/${SEG}$`) },
  { operation: 'ExportImage', method: 'POST', path: new RegExp(`^/v1/cloudimages/${SEG}/file$`) },
  { operation: 'CopyImageInRegion', method: 'POST', path: new RegExp(`^/v1/cloudimages/${SEG}/copy$`) },
  { operation: 'CopyImageCrossRegion', method: 'POST', path: new RegExp(`^/v1/cloudimages/${SEG}/cross_region_copy$`) },
  { operation: 'GlanceDeleteImage', method: 'DELETE', path: new RegExp(`^/v2/images/${SEG}$`) },
  { operation: 'UpdateImage', method: 'PATCH', path: new RegExp(`^/v2/cloudimages/${SEG}$`) },
  { operation: 'ListKeys', method: 'POST', path: new RegExp(`^/v1.0/${SEG}/kms/list-keys$`), projectGroup: 0 },
  { operation: 'ListServersDetails', method: 'GET', path: new RegExp(`^/v1/${SEG}/cloudservers/detail$`), projectGroup: 0 },
  { operation: 'ListScalingConfigs', method: 'GET', path: new RegExp(`^/autoscaling-api/v1/${SEG}/scaling_configuration$`), projectGroup: 0 },
  { operation: 'ListFlavors', method: 'GET', path: new RegExp(`^/v1/${SEG}/cloudservers/flavors$`), projectGroup: 0 },
];

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
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

export class HuaweiImsHandler implements CloudHandler, HuaweiWorld {
  readonly cloud = 'huawei' as const;

  /** Tests only: whether a whole-machine image's backup still exists. */
  backupExists(backupId: string): boolean {
    return this.backups.has(backupId);
  }

  /** Tests only: the backup service holds (or releases) a backup; deleting it then fails. */
  holdBackup(backupId: string, held: boolean): void {
    this.backups.hold(backupId, held);
  }
  readonly jobClock: JobClock;
  private readonly images = new Map<string, ImsImage[]>();
  private readonly account: { domainId: string; projects: HuaweiProject[] };
  private readonly idRandom: Random;
  private readonly issued = new Set<string>();
  private readonly tags = new HuaweiImageTags();
  /** Whole-machine images' backups (wholeImages.ts). */
  readonly backups = new SandboxBackups();
  private readonly jobs: HuaweiImsJobs;
  private readonly members: HuaweiImageMembers;
  private readonly copies: HuaweiImageCopies;
  private readonly incoming: HuaweiIncoming;
  private readonly quotas: HuaweiQuotas;
  /** The DEW/KMS keys of each project (kms.ts). */
  private readonly kms: HuaweiKmsKeys;
  private readonly serves: Readonly<Record<string, Serve>>;
  /** The ECS servers that use the images (servers.ts). */
  private readonly usage: SandboxUsage;
  /** ListImages' sorted order per region and sort, between state changes. */
  private readonly orders = new ListingIndex<{ sorted: readonly ImsImage[]; at: ReadonlyMap<string, number> }>();

  constructor(
    private readonly keys: KeyStore,
    private readonly seed: string,
  ) {
    this.account = huaweiAccount(seed);
    this.kms = new HuaweiKmsKeys(seed, this.account.domainId);
    const keyUsable = (scope: Scope, keyId: string): KmsKeyState => this.kms.keyState(scope.project, keyId);
    this.idRandom = new Random(`${seed}/huawei/jobs`);
    this.jobClock = keys.jobClock ?? new JobClock(() => keys.now());
    this.jobs = new HuaweiImsJobs(this);
    this.members = new HuaweiImageMembers(this.jobs);
    this.copies = new HuaweiImageCopies(this, this.jobs, () => this.orders.changed(), (scope) => this.quotas.room('image', scope), keyUsable, (image) => this.incoming.statusOf(image));
    this.incoming = new HuaweiIncoming(this.jobs);
    this.quotas = new HuaweiQuotas(keys.quotas, { used: (type, scope) => this.used(type, scope) });
    this.usage = new SandboxUsage(seed, 'huawei', { instance: uuidFrom, template: uuidFrom });
    this.serves = {
      ListImages: (req, scope) => this.listImages(req, scope),
      BatchAddOrDeleteTags: (req, scope, [, id]) => this.tags.batchAction(scope, decode(id ?? ''), req.body),
      ListImageByTags: (req, scope) => listImageByTags(scope, this.tags, req.body),
      ListImageTags: (_req, scope, [, id]) => this.tags.listImageTags(scope, decode(id ?? '')),
      ListImagesTags: (_req, scope) => this.tags.listProjectTags(scope),
      GlanceListImageMembers: (_req, scope, [id]) => this.members.listMembers(scope, decode(id ?? '')),
      BatchAddMembers: (req, scope) => this.members.change(scope, req.body, true, this.quotas.room('image_member', scope)),
      BatchDeleteMembers: (req, scope) => this.members.change(scope, req.body, false),
      BatchUpdateMembers: (req, scope) => this.incoming.update(scope, req.body, this.quotas.room('image_shared', scope)),
      CreateImage: (req, scope) => createImage(this.jobs, scope, req.body, this.quotas.room('image', scope), this.keys.now(), this.keys.storage, keyUsable),
      ListKeys: (req, scope) => this.kms.listKeys(scope.project, req.body),
      CreateDataImage: (req, scope) => createDataImage(this.jobs, scope, req.body, this.quotas.room('image', scope), this.keys.now(), this.keys.storage, keyUsable),
      ShowImageQuota: (_req, scope) => this.quotas.show(scope),
      ShowJobProgress: (_req, scope, [id]) => this.jobs.showJobProgress(scope, decode(id ?? '')),
      ExportImage: (req, scope, [id]) => this.jobs.exportImage(scope, decode(id ?? ''), req.body, this.keys.storage),
      CopyImageInRegion: (req, scope, [id]) => this.copies.copyInRegion(scope, decode(id ?? ''), req.body),
      CopyImageCrossRegion: (req, scope, [id]) => this.copies.crossRegionCopy(scope, decode(id ?? ''), req.body),
      GlanceDeleteImage: (req, scope, [id]) =>
        deleteImage(scope, decode(id ?? ''), req.body, this.backups, (imageId) => {
          this.tags.forget(imageId);
          this.members.forget(imageId);
        }),
      UpdateImage: (req, scope, [id]) => updateImage(req, scope, decode(id ?? ''), this.keys.now()),
      ListServersDetails: (req, scope) => listServersDetails(req, scope, this.usage),
      ListScalingConfigs: (req, scope) => listScalingConfigs(req, scope, this.usage),
      ListFlavors: (_req, scope) => listFlavors(scope),
    };
  }

  get projects(): readonly HuaweiProject[] {
    return this.account.projects;
  }

  operationOf(req: EmulatorRequest): string {
    return this.routeOf(req)?.route.operation ?? 'Unknown';
  }

  throttled(): EmulatorResponse {
    return gatewayError(429, 'APIGW.0308', 'The throttling threshold has been reached: policy user over ratelimit');
  }

  /** IMS documents no code for an internal error; IMG.0999 is this sandbox's choice, in IMS's error shape. */
  serverError(): EmulatorResponse {
    return imsError(500, IMS_CODES.internal, 'System error.');
  }

  /** The gateway's "request is not valid" (APIGW.0201), as it answers a malformed request. */
  rejected(message: string): EmulatorResponse {
    return gatewayError(400, 'APIGW.0201', message);
  }

  newJobId(): string {
    for (;;) {
      const id = this.idRandom.chars(HEX, 32);
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }

  handle(req: EmulatorRequest): EmulatorResponse {
    const found = this.routeOf(req);
    if (!found) {
      return gatewayError(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment');
    }
    const denied = verifyHuawei(req, this.keys);
    if (denied) {
      return gatewayError(denied.status, denied.code, denied.message);
    }
    const { route, params } = found;
    if (route.operation === 'KeystoneListProjects') {
      return this.listProjects(req);
    }
    const scope = scopeOf(this, req, route.projectGroup === undefined ? undefined : decode(params[route.projectGroup] ?? ''));
    if (isResponse(scope)) {
      return scope;
    }
    // Jobs that have run their time take effect before anything reads the state.
    this.jobs.settle();
    const serve = this.serves[route.operation];
    const answer = serve ? serve(req, scope, params) : gatewayError(404, 'APIGW.0101', 'The API does not exist');
    if (!readsOnly(req.method)) {
      this.orders.changed();
    }
    return answer;
  }

  /** The images of a project's region, generated on first use and then kept for the emulator's life. */
  regionImages(project: HuaweiProject): ImsImage[] {
    let list = this.images.get(project.regionId);
    if (!list) {
      list = generateImsImages(this.seed, project.regionId, project.id, this.keys.imageCount?.('huawei', project.regionId));
      list.push(...this.incoming.generate(this.seed, project.regionId, list.find((i) => i.__imagetype === 'shared') ?? list[0]));
      const template = project.regionId === WHOLE_IMAGE_REGION ? list.find((i) => i.__imagetype === 'private' && i.status === 'active') : undefined;
      if (template) {
        const whole = wholeImageFrom(this.seed, template);
        this.backups.add(String(whole['__backup_id']));
        list.push(whole);
      }
      this.images.set(project.regionId, list);
    }
    return list;
  }

  /** What each quota counts in a project's region. */
  private used(type: ImsQuotaType, scope: Scope): number {
    const own = scope.images.filter((i) => i.__imagetype === 'private' && i['owner'] === scope.project.id);
    switch (type) {
      case 'image':
        return own.length;
      case 'image_shared':
        return this.incoming.accepted(scope);
      case 'image_member':
        return this.members.count(own.map((i) => i.id));
    }
  }

  private routeOf(req: EmulatorRequest): { route: Route; params: string[] } | undefined {
    const path = req.url.pathname.replace(/\/+$/, '');
    for (const route of ROUTES) {
      const m = route.method === req.method ? route.path.exec(path) : null;
      if (m) {
        return { route, params: m.slice(1) };
      }
    }
    return undefined;
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

  private listImages(req: EmulatorRequest, scope: Scope): EmulatorResponse {
    const q = req.url.searchParams;
    const limitText = q.get('limit');
    const limit = limitText === null ? MAX_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      return invalid(`The parameter limit is invalid: it must be an integer from 1 to ${MAX_LIMIT}.`);
    }
    const sortKey = q.get('sort_key') ?? 'created_at';
    const sortDir = q.get('sort_dir') ?? 'desc';
    if (!SORT_KEYS.includes(sortKey) || (sortDir !== 'asc' && sortDir !== 'desc')) {
      return invalid('The parameter sort_key or sort_dir is invalid.');
    }
    const imageType = q.get('__imagetype');
    if (imageType !== null && !IMAGE_TYPES.includes(imageType)) {
      return imsError(400, IMS_CODES.imageType, 'The imagetype is invalid.');
    }
    const { sorted, at } = this.order(scope, sortKey, sortDir);
    let from = 0;
    const marker = q.get('marker');
    if (marker !== null) {
      const found = at.get(marker);
      if (found === undefined) {
        return invalid(`The marker ${marker} is invalid.`);
      }
      from = found + 1;
    }
    const id = q.get('id');
    const name = q.get('name');
    const status = q.get('status');
    // `tag` is the legacy "key.value" string, matched exactly against the image's tag strings.
    const tag = q.get('tag');
    // Glance's rule for shared images: only those with the member status asked for (default accepted).
    const memberStatus = q.get('member_status');
    if (memberStatus !== null && !['accepted', 'rejected', 'pending'].includes(memberStatus)) {
      return invalid('The parameter member_status is invalid: accepted, rejected or pending.');
    }
    const visibility = q.get('visibility');
    const matches = (i: ImsImage): boolean =>
      (imageType === null || i.__imagetype === imageType) &&
      (id === null || i.id === id) &&
      (name === null || i.name === name) &&
      (status === null || i.status === status) &&
      (tag === null || (Array.isArray(i['tags']) && i['tags'].includes(tag))) &&
      (visibility === null || i['visibility'] === visibility) &&
      this.incoming.visible(i, memberStatus);
    const page: ImsImage[] = [];
    for (let n = from; n < sorted.length && page.length < limit; n++) {
      const image = sorted[n] as ImsImage;
      if (matches(image)) {
        page.push(image);
      }
    }
    return ok({ images: page });
  }

  /** The region's images in a stable order (the sort key, then the id, so a marker always means the same place), and each id's place. */
  private order(scope: Scope, sortKey: string, sortDir: string): { sorted: readonly ImsImage[]; at: ReadonlyMap<string, number> } {
    return this.orders.get(`${scope.project.regionId}/${sortKey}/${sortDir}`, () => {
      const sign = sortDir === 'asc' ? 1 : -1;
      const sorted = [...scope.images].sort((a, b) => sign * (compare(a, b, sortKey) || compare(a, b, 'id')));
      return { sorted, at: new Map(sorted.map((image, n) => [image.id, n])) };
    });
  }
}
