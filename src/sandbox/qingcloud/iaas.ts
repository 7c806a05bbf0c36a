// QingCloud IaaS in the sandbox: zones and images, tags, sharing, DeleteImages and its jobs, signed and
// paged like the cloud. State (tags, grants, deletions, jobs) is kept for the emulator's life; jobs run
// on the emulator's shared job clock (sandbox/jobs.ts).
// Errors are `{ ret_code, message }` with HTTP 200, as the cloud (and its SDK tests) answer; only an
// internal error comes with HTTP 500.
import { ListingIndex, readsOnly } from '../indexes';
import { JobClock } from '../jobs';
import { Random } from '../random';
import { seededImages } from '../seeding';
import { formParams, type CloudHandler, type EmulatorRequest, type EmulatorResponse, type KeyStore } from '../types';
import { QINGCLOUD_ZONES, generateQingcloudImages, type QingcloudImage } from './data';
import { QingcloudImageJobs } from './jobs';
import { listParam, notFound, ok, paged, parameterError, qingcloudError, type Params } from './params';
import { modifyImageAttributes } from './attributes';
import { describeInstances } from './instances';
import { SandboxUsage } from '../usage';
import { QingcloudSharing } from './sharing';
import { QingcloudTags } from './tags';
import { isQingcloudFailure, verifyQingcloud } from './verify';
import { isResponse, zoneScope, type QingcloudWorld } from './world';

export { listParam, qingcloudError } from './params';

export const SANDBOX_QINGCLOUD_USER_ID = 'usr-sbx00001';

const IMAGE_PROVIDERS = ['system', 'self', 'shared'];
const IMAGE_STATUSES = ['pending', 'available', 'deprecated', 'suspended', 'deleted', 'ceased'];
const PROCESSOR_TYPES = ['64bit', '32bit'];
const VISIBILITIES = ['public', 'private'];
const ZONE_STATUSES = ['active', 'faulty', 'defunct'];
const ID_CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';

export class QingcloudHandler implements CloudHandler, QingcloudWorld {
  readonly cloud = 'qingcloud' as const;
  readonly userId = SANDBOX_QINGCLOUD_USER_ID;
  readonly jobs: QingcloudImageJobs;
  /** The emulator's shared job clock, or one of the handler's own for a bare key store. */
  readonly jobClock: JobClock;
  private readonly images = new Map<string, QingcloudImage[]>();
  private readonly idRandom: Random;
  private readonly issued = new Set<string>();
  private readonly actions: Readonly<Record<string, (params: Params) => EmulatorResponse>>;
  /** DescribeImages' matches per zone and filter, between state changes. */
  private readonly listings = new ListingIndex<readonly QingcloudImage[]>();
  private seedRounds = 0;

  constructor(
    private readonly keys: KeyStore,
    private readonly seed: string,
  ) {
    this.idRandom = new Random(`${seed}/qingcloud/ids`);
    this.jobClock = keys.jobClock ?? new JobClock(() => keys.now());
    const tags = new QingcloudTags(this);
    const sharing = new QingcloudSharing(this);
    this.jobs = new QingcloudImageJobs(this);
    const usage = new SandboxUsage(seed, 'qingcloud', { instance: (rnd) => `i-${rnd.chars(ID_CHARS, 8)}`, template: (rnd) => `lt-${rnd.chars(ID_CHARS, 8)}` });
    this.actions = {
      DescribeZones: (p) => this.describeZones(p),
      DescribeImages: (p) => this.describeImages(p),
      CreateTag: (p) => tags.createTag(p),
      DescribeTags: (p) => tags.describeTags(p),
      AttachTags: (p) => tags.attachTags(p),
      DetachTags: (p) => tags.detachTags(p),
      GrantImageToUsers: (p) => sharing.grantImageToUsers(p),
      RevokeImageFromUsers: (p) => sharing.revokeImageFromUsers(p),
      DescribeImageUsers: (p) => sharing.describeImageUsers(p),
      DeleteImages: (p) => this.jobs.deleteImages(p),
      CloneImages: (p) => this.jobs.cloneImages(p),
      ModifyImageAttributes: (p) => modifyImageAttributes(this, p),
      DescribeJobs: (p) => this.jobs.describeJobs(p),
      DescribeInstances: (p) => describeInstances(this, usage, p),
    };
  }

  operationOf(req: EmulatorRequest): string {
    return formParams(req)['action'] || 'Unknown';
  }

  throttled(): EmulatorResponse {
    return qingcloudError(5100, 'ServerBusy, please retry later');
  }

  serverError(): EmulatorResponse {
    return qingcloudError(5000, 'InternalError, the server encountered an internal error, please retry later', 500);
  }

  rejected(message: string): EmulatorResponse {
    return qingcloudError(1100, `ParameterError, ${message}`);
  }

  /** Tests only: `count` own available images added to a zone (Emulator.seedImages). */
  seedImages(zoneId: string, count: number): string[] {
    const list = this.zoneImages(zoneId);
    const zone = QINGCLOUD_ZONES.find((z) => z.zone_id === zoneId);
    if (!list || !zone) {
      throw new Error(`No QingCloud sandbox zone ${zoneId}.`);
    }
    const known = new Set(list.map((i) => i.image_id));
    const added = seededImages(
      count,
      (round) => generateQingcloudImages(`${this.seed}/seeded/${++this.seedRounds}/${round}`, { ...zone, imageCount: 200 }, SANDBOX_QINGCLOUD_USER_ID),
      (i) => i.provider === 'self' && !known.has(i.image_id),
      (i): QingcloudImage => ({ ...i, status: 'available', transition_status: '' }),
    );
    list.push(...added);
    this.listings.changed();
    return added.map((i) => i.image_id);
  }

  now(): number {
    return this.keys.now();
  }

  newId(prefix: string): string {
    for (;;) {
      const id = `${prefix}-${this.idRandom.chars(ID_CHARS, 8)}`;
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }

  handle(req: EmulatorRequest): EmulatorResponse {
    if (req.method !== 'GET' && req.method !== 'POST') {
      return qingcloudError(1101, `ParameterError, unsupported method [${req.method}]`);
    }
    const call = verifyQingcloud(req, this.keys);
    if (isQingcloudFailure(call)) {
      return qingcloudError(call.retCode, call.message);
    }
    if (!call.action) {
      return parameterError('the parameter [action] is required');
    }
    const action = Object.prototype.hasOwnProperty.call(this.actions, call.action) ? this.actions[call.action] : undefined;
    if (!action) {
      return parameterError(`unsupported action [${call.action}]`);
    }
    // Jobs that have run their time take effect before anything reads the state.
    if (this.jobs.settle()) {
      this.listings.changed();
    }
    const answer = action(call.params);
    if (!readsOnly(req.method, call.action)) {
      this.listings.changed();
    }
    return answer;
  }

  /** The zone's images, generated on first use and then kept for the emulator's life. */
  zoneImages(zoneId: string): QingcloudImage[] | undefined {
    const zone = QINGCLOUD_ZONES.find((z) => z.zone_id === zoneId);
    if (!zone) {
      return undefined;
    }
    let list = this.images.get(zoneId);
    if (!list) {
      const imageCount = this.keys.imageCount?.('qingcloud', zoneId) ?? zone.imageCount;
      list = generateQingcloudImages(this.seed, { ...zone, imageCount }, SANDBOX_QINGCLOUD_USER_ID);
      this.images.set(zoneId, list);
    }
    return list;
  }

  private describeZones(params: Params): EmulatorResponse {
    const ids = listParam(params, 'zones');
    const statuses = listParam(params, 'status');
    const badStatus = statuses.find((s) => !ZONE_STATUSES.includes(s));
    if (badStatus !== undefined) {
      return parameterError(`invalid zone status [${badStatus}]`);
    }
    const zones = QINGCLOUD_ZONES.filter(
      (z) => (!ids.length || ids.includes(z.zone_id)) && (!statuses.length || statuses.includes(z.status)),
    ).map((z) => ({ zone_id: z.zone_id, status: z.status }));
    return ok('DescribeZones', { zone_set: zones, total_count: zones.length });
  }

  private describeImages(params: Params): EmulatorResponse {
    const scope = zoneScope(this, params);
    if (isResponse(scope)) {
      return scope;
    }
    const provider = params['provider'];
    if (provider !== undefined && !IMAGE_PROVIDERS.includes(provider)) {
      return parameterError(`invalid provider [${provider}]`);
    }
    const statuses = listParam(params, 'status');
    const badStatus = statuses.find((s) => !IMAGE_STATUSES.includes(s));
    if (badStatus !== undefined) {
      return parameterError(`invalid image status [${badStatus}]`);
    }
    const processor = params['processor_type'];
    if (processor !== undefined && !PROCESSOR_TYPES.includes(processor)) {
      return parameterError(`invalid processor_type [${processor}]`);
    }
    const visibility = params['visibility'];
    if (visibility !== undefined && !VISIBILITIES.includes(visibility)) {
      return parameterError(`invalid visibility [${visibility}]`);
    }
    const family = params['os_family'];
    const ids = listParam(params, 'images');
    // An id the zone does not know is an error, not an empty set (describe_images.md), whatever else is asked.
    const unknown = ids.find((id) => !scope.images.some((i) => i.image_id === id));
    if (unknown !== undefined) {
      return notFound(`resource [${unknown}] not found`);
    }
    const tagIds = listParam(params, 'tags');
    const word = params['search_word']?.toLowerCase();
    const matched = this.listings.get(JSON.stringify([scope.zone, provider, statuses, ids, tagIds, word, processor, visibility, family]), () =>
      scope.images.filter(
        (i) =>
          (!provider || i.provider === provider) &&
          (!processor || i['processor_type'] === processor) &&
          (!visibility || i['visibility'] === visibility) &&
          (!family || i['os_family'] === family) &&
          (statuses.length ? statuses.includes(i.status) : i.status !== 'deleted' && i.status !== 'ceased') &&
          (!ids.length || ids.includes(i.image_id)) &&
          (!tagIds.length || i.tags.some((t) => tagIds.includes(t.tag_id))) &&
          (!word || i.image_id.toLowerCase().includes(word) || i.image_name.toLowerCase().includes(word)),
      ),
    );
    return paged(params, 'DescribeImages', 'image_set', matched);
  }
}
