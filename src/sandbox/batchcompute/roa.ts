// Alibaba BatchCompute (retired, ROA 2015-11-11) in the sandbox: ListImages / GetImage / CreateImage /
// DeleteImage, signed "acs AK:signature" and checked like the cloud, paged by Marker / MaxItemCount.
// Sandbox convention: one origin serves every region, named by the signed x-acs-region-id header.
import { randomUUID } from 'crypto';
import { md5Base64, safeDecode } from '../../providers/transport/encoding';
import { BATCHCOMPUTE_REGIONS } from '../../providers/batchcompute/mapping';
import { BATCHCOMPUTE_VERSION, parseRoaAuthorization, roaSignature, roaStringToSignFromHeaders } from '../../providers/batchcompute/signer';
import { alibabaError } from '../alibaba/ecs';
import { json, type CloudHandler, type EmulatorRequest, type EmulatorResponse, type KeyStore } from '../types';
import { lowerBound } from '../indexes';
import { BATCHCOMPUTE_DATA_REGIONS, SANDBOX_BATCHCOMPUTE_OWNER_ID, generateBatchComputeImages, type BatchComputeImage } from './data';

const HOST = 'batchcompute.aliyuncs.com';
const FRESH_MS = 15 * 60 * 1000;
const DEFAULT_REGION = 'cn-hangzhou';

function error(status: number, code: string, message: string): EmulatorResponse {
  return alibabaError(status, code, message, HOST);
}

function ok(status: number, body: unknown): EmulatorResponse {
  return json(status, body, { 'x-acs-request-id': randomUUID().toUpperCase() });
}

function noContent(): EmulatorResponse {
  return { status: 204, headers: { 'x-acs-request-id': randomUUID().toUpperCase() }, body: '' };
}

/** The image id of `/images/{id}`, or undefined for `/images`. */
function imageIdOf(req: EmulatorRequest): string | undefined {
  const match = /^\/images\/([^/]+)\/?$/.exec(req.url.pathname);
  return match?.[1] === undefined ? undefined : safeDecode(match[1]);
}

function isCollection(req: EmulatorRequest): boolean {
  return /^\/images\/?$/.test(req.url.pathname);
}

function queryOf(req: EmulatorRequest): Record<string, string> {
  const q: Record<string, string> = {};
  for (const [k, v] of req.url.searchParams) {
    q[k] = v;
  }
  return q;
}

export class BatchComputeHandler implements CloudHandler {
  readonly cloud = 'batchcompute' as const;
  private readonly images = new Map<string, BatchComputeImage[]>();
  private readonly idempotent = new Map<string, string>();

  constructor(
    private readonly keys: KeyStore,
    private readonly seed: string,
  ) {}

  operationOf(req: EmulatorRequest): string {
    if (isCollection(req)) {
      return req.method === 'GET' ? 'ListImages' : req.method === 'POST' ? 'CreateImage' : 'Unknown';
    }
    if (imageIdOf(req) !== undefined) {
      return req.method === 'GET' ? 'GetImage' : req.method === 'DELETE' ? 'DeleteImage' : 'Unknown';
    }
    return 'Unknown';
  }

  throttled(): EmulatorResponse {
    return error(400, 'Throttling.User', 'Request was denied due to user flow control.');
  }

  serverError(): EmulatorResponse {
    return error(500, 'InternalError', 'The request processing has failed due to some unknown error, exception or failure.');
  }

  rejected(message: string): EmulatorResponse {
    return error(400, 'InvalidParameter', message);
  }

  handle(req: EmulatorRequest): EmulatorResponse {
    const denied = this.verify(req);
    if (denied) {
      return denied;
    }
    const regionId = req.headers['x-acs-region-id'] ?? DEFAULT_REGION;
    const images = this.regionImages(regionId);
    if (!images) {
      return error(400, 'InvalidParameter', `The region "${regionId}" (x-acs-region-id) is not valid.`);
    }
    const id = imageIdOf(req);
    switch (this.operationOf(req)) {
      case 'ListImages':
        return this.listImages(images, queryOf(req));
      case 'CreateImage':
        return this.createImage(images, req);
      case 'GetImage': {
        const found = images.find((i) => i.Id === id);
        return found ? ok(200, found) : notFound(id);
      }
      case 'DeleteImage': {
        const index = images.findIndex((i) => i.Id === id && i.Type === 'Self');
        if (index < 0) {
          return notFound(id);
        }
        images.splice(index, 1);
        return noContent();
      }
      default:
        return error(404, 'InvalidAction.NotFound', `Specified api is not found: ${req.method} ${req.url.pathname}`);
    }
  }

  /** The region's images (sorted by Id), generated on first use and then kept for the emulator's life. */
  regionImages(regionId: string): BatchComputeImage[] | undefined {
    if (!BATCHCOMPUTE_REGIONS.some((r) => r.id === regionId)) {
      return undefined;
    }
    let list = this.images.get(regionId);
    if (!list) {
      const data = BATCHCOMPUTE_DATA_REGIONS.find((r) => r.RegionId === regionId) ?? { RegionId: regionId, selfCount: 0, systemCount: 0 };
      list = generateBatchComputeImages(this.seed, { ...data, selfCount: this.keys.imageCount?.('batchcompute', regionId) ?? data.selfCount });
      this.images.set(regionId, list);
    }
    return list;
  }

  /** Authorization `acs AK:signature` over the ROA string to sign; Date within 15 minutes; one use per nonce. */
  private verify(req: EmulatorRequest): EmulatorResponse | undefined {
    const auth = req.headers['authorization'];
    const parsed = auth === undefined ? undefined : parseRoaAuthorization(auth);
    if (!parsed) {
      return error(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards: expected "Authorization: acs AccessKeyId:Signature".');
    }
    const secret = this.keys.secretOf('batchcompute', parsed.accessKeyId);
    if (secret === undefined) {
      return error(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    }
    const token = req.headers['x-acs-security-token'];
    if (token !== this.keys.securityTokenOf?.('batchcompute', parsed.accessKeyId)) {
      return error(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.');
    }
    const date = Date.parse(req.headers['date'] ?? '');
    if (!Number.isFinite(date) || Math.abs(this.keys.now() - date) > FRESH_MS) {
      return error(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    }
    if (req.body.length > 0 && req.headers['content-md5'] !== md5Base64(req.body)) {
      return error(400, 'InvalidContentMD5', 'The Content-MD5 header does not match the request body.');
    }
    const stringToSign = roaStringToSignFromHeaders(req.method, req.url.pathname, queryOf(req), req.headers);
    if (roaSignature(stringToSign, secret) !== parsed.signature) {
      return error(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
    }
    const nonce = req.headers['x-acs-signature-nonce'];
    if (!nonce) {
      return error(400, 'MissingParameter', 'The header "x-acs-signature-nonce" that is mandatory for processing this request is not supplied.');
    }
    if (!this.keys.claimNonce('batchcompute', nonce, this.keys.now())) {
      return error(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    }
    if (req.headers['x-acs-version'] !== BATCHCOMPUTE_VERSION) {
      return error(400, 'InvalidVersion', 'Specified parameter x-acs-version is not valid.');
    }
    return undefined;
  }

  /** Marker = the Id the page starts at; NextMarker = the Id of the next page's first image, "" on the last page. */
  private listImages(images: readonly BatchComputeImage[], query: Readonly<Record<string, string>>): EmulatorResponse {
    const rawCount = query['MaxItemCount'];
    const count = rawCount === undefined || rawCount === '' ? 50 : Number(rawCount);
    if (!Number.isInteger(count) || count < 0 || count > 100) {
      return error(400, 'InvalidMaxItemCount', 'The specified MaxItemCount is not valid: it must be an integer in [0, 100].');
    }
    // An invalid Type is ignored, as documented: the default (Self) applies.
    const type = query['Type'] === 'System' ? 'System' : 'Self';
    // The list is kept in Id order: start at the marker, and read only as far as the page and the next one.
    const matched: BatchComputeImage[] = [];
    for (let n = lowerBound(images, query['Marker'] ?? '', (i) => i.Id); n < images.length && matched.length <= count; n++) {
      const image = images[n] as BatchComputeImage;
      if (image.Type === type) {
        matched.push(image);
      }
    }
    const next = matched[count];
    return ok(200, { NextMarker: count > 0 && next ? next.Id : '', Items: matched.slice(0, count) });
  }

  /** POST /images {Name?, Description?, EcsImageId*, Platform*} -> 201 {Id}; IdempotentToken returns the first Id. */
  private createImage(images: BatchComputeImage[], req: EmulatorRequest): EmulatorResponse {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.body || '{}') as Record<string, unknown>;
    } catch {
      return error(400, 'InvalidJsonFormat', 'The request body is not valid JSON.');
    }
    if (typeof body['EcsImageId'] !== 'string' || !/^m-[0-9a-z]+$/.test(body['EcsImageId'])) {
      return error(400, typeof body['EcsImageId'] === 'string' ? 'InvalidEcsImageId' : 'MissingEcsImageId', 'The EcsImageId is missing or not valid.');
    }
    if (body['Platform'] !== 'Linux' && body['Platform'] !== 'Windows') {
      return error(400, 'MissingPlatform', 'The Platform (Linux or Windows) is missing or not valid.');
    }
    const token = req.url.searchParams.get('IdempotentToken');
    const earlier = token ? this.idempotent.get(token) : undefined;
    if (earlier) {
      return ok(201, { Id: earlier });
    }
    const id = `img-${randomUUID().replace(/-/g, '').slice(0, 24)}`;
    images.push({
      Id: id,
      Name: typeof body['Name'] === 'string' ? body['Name'] : '',
      Description: typeof body['Description'] === 'string' ? body['Description'] : '',
      EcsImageId: body['EcsImageId'],
      Platform: body['Platform'],
      Type: 'Self',
      OwnerId: SANDBOX_BATCHCOMPUTE_OWNER_ID,
      CreationTime: new Date(this.keys.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    images.sort((a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0));
    if (token) {
      this.idempotent.set(token, id);
    }
    return ok(201, { Id: id });
  }
}

function notFound(id: string | undefined): EmulatorResponse {
  return error(404, 'InvalidResource.NotFound', `The specified image "${id ?? ''}" is not found.`);
}
