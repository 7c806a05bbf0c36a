// CreateImage from an OBS file in the sandbox: `POST /v2/cloudimages/action` with image_url
// "bucket:object", name, os_version, min_disk (and optionally description, architecture, type, cmk_id) starts
// an imsImportImageJob. The image record exists from the start ("saving"), is "active" when the job
// succeeds and "killed" when it fails. Any bucket and file exist except those named missing-*. Only
// this way of creating an image is served (from an ECS, a data disk or a backup is not).
import { randomUUID } from 'crypto';
import { HUAWEI_IMPORT_RULES } from '../../providers/huawei/rules';
import type { EmulatorResponse } from '../types';
import type { ImsImage } from './data';
import { checkImportFile, type SandboxObjectStores } from '../storage/imageFiles';
import { encryptionOf } from './copy';
import type { HuaweiImsJobs } from './jobs';
import type { KmsKeyState } from './kms';
import { IMS_CODES, imsError, invalid, isResponse, isoSecond, jsonBody } from './replies';
import type { Scope } from './world';

const RULES = HUAWEI_IMPORT_RULES;

function text(request: Record<string, unknown>, name: string): string | undefined {
  const v = request[name];
  return typeof v === 'string' ? v : undefined;
}

export function createImage(
  jobs: HuaweiImsJobs,
  scope: Scope,
  body: string,
  room: number,
  now: number,
  storage?: SandboxObjectStores,
  keyUsable: (scope: Scope, keyId: string) => KmsKeyState = () => 'missing',
): EmulatorResponse {
  const request = jsonBody(body);
  if (isResponse(request)) {
    return request;
  }
  if (text(request, 'image_url') === undefined) {
    return invalid(request['instance_id'] === undefined ? 'The parameter image_url or instance_id is required.' : 'The sandbox creates images from OBS files only (image_url).');
  }
  const source = sourceOf(request);
  if (isResponse(source)) {
    return source;
  }
  const { url, name, description } = source;
  const osVersion = text(request, 'os_version') ?? '';
  if (!RULES.platforms.includes(osVersion)) {
    return invalid(`The parameter os_version is invalid: ${osVersion || '(none)'}.`);
  }
  const minDisk = request['min_disk'];
  if (typeof minDisk !== 'number' || !Number.isInteger(minDisk) || minDisk < RULES.minDiskGiB || minDisk > RULES.maxDiskGiB) {
    return invalid(`The parameter min_disk is invalid: an integer from ${RULES.minDiskGiB} to ${RULES.maxDiskGiB}.`);
  }
  const architecture = text(request, 'architecture') ?? 'x86';
  if (!RULES.architectures.includes(architecture)) {
    return invalid('The parameter architecture is invalid: x86 or arm.');
  }
  const type = request['type'] ?? 'ECS';
  if (!['ECS', 'FusionCompute', 'BMS', 'Ironic'].includes(String(type))) {
    return invalid('The parameter type is invalid.');
  }
  const key = keyAndFile(request, scope, source, { storage, room, keyUsable });
  if (isResponse(key)) {
    return key;
  }
  const image: ImsImage = { ...importedImage(scope, { name, description, osVersion, minDisk, architecture, url, now }), ...(key ?? {}) };
  return startImport(jobs, scope, image, 'CreateImage');
}

interface ImportedFacts {
  readonly name: string;
  readonly description: string;
  readonly osVersion: string;
  readonly minDisk: number;
  readonly architecture: string;
  readonly url: string;
  readonly now: number;
}

function importedImage(scope: Scope, f: ImportedFacts): ImsImage {
  const id = randomUUID();
  const at = isoSecond(f.now);
  const windows = f.osVersion.toLowerCase().includes('windows');
  return {
    id,
    name: f.name,
    status: 'saving',
    visibility: 'private',
    owner: scope.project.id,
    protected: false,
    container_format: 'bare',
    disk_format: 'zvhd2',
    min_disk: f.minDisk,
    min_ram: 0,
    max_ram: '',
    size: 2,
    virtual_size: 0,
    created_at: at,
    updated_at: at,
    active_at: '',
    tags: [],
    self: `/v2/images/${id}`,
    file: `/v2/images/${id}/file`,
    schema: '/v2/schemas/image',
    checksum: 'd41d8cd98f00b204e9800998ecf8427e',
    architecture: f.architecture,
    __imagetype: 'private',
    __platform: f.osVersion.split(' ')[0] ?? 'Other',
    __os_type: windows ? 'Windows' : 'Linux',
    __os_bit: '64',
    __os_version: f.osVersion,
    __description: f.description,
    __image_size: '0',
    __image_source_type: 'uds',
    __image_location: f.url,
    __isregistered: 'true',
    __originalimagename: '',
    __data_origin: `file,${f.url}`,
    __productcode: '',
    __support_kvm: 'true',
    __support_arm: f.architecture === 'arm' ? 'true' : '',
    __lazyloading: 'true',
    __root_origin: 'file',
    __sequence_num: '',
    enterprise_project_id: '0',
    hw_firmware_type: f.architecture === 'arm' ? 'uefi' : 'bios',
    virtual_env_type: 'FusionCompute',
  };
}

/**
 * A data disk image from an OBS file: `POST /v1/cloudimages/dataimages/action` {name, description?,
 * image_url, min_disk (40 to 2,048), os_type? (Linux; Windows data images are no longer made), cmk_id?}
 * -> {job_id}. The image (virtual_env_type "DataImage", as IMS marks data disk images) is listed from
 * the start, "saving", and "active" when the job succeeds.
 */
export function createDataImage(
  jobs: HuaweiImsJobs,
  scope: Scope,
  body: string,
  room: number,
  now: number,
  storage: SandboxObjectStores | undefined,
  keyUsable: (scope: Scope, keyId: string) => KmsKeyState,
): EmulatorResponse {
  const request = jsonBody(body);
  if (isResponse(request)) {
    return request;
  }
  const source = sourceOf(request);
  if (isResponse(source)) {
    return source;
  }
  const { url, name, description } = source;
  const range = RULES.dataImage!;
  const minDisk = request['min_disk'];
  if (typeof minDisk !== 'number' || !Number.isInteger(minDisk) || minDisk < range.minGiB || minDisk > range.maxGiB) {
    return invalid(`The parameter min_disk is invalid: an integer from ${range.minGiB} to ${range.maxGiB}.`);
  }
  const osType = text(request, 'os_type') ?? 'Linux';
  if (!range.osTypes.includes(osType)) {
    return invalid(`The parameter os_type is invalid: ${osType}.`);
  }
  const key = keyAndFile(request, scope, source, { storage, room, keyUsable });
  if (isResponse(key)) {
    return key;
  }
  const base = importedImage(scope, { name, description, osVersion: 'Other Linux(64 bit)', minDisk, architecture: 'x86', url, now });
  const image: ImsImage = {
    ...base,
    __os_type: osType,
    __os_version: '',
    __platform: '',
    virtual_env_type: 'DataImage',
    __support_kvm: '',
    ...(key ?? {}),
  };
  return startImport(jobs, scope, image, 'CreateDataImage');
}

interface ImportSource {
  readonly url: string;
  readonly bucket: string;
  readonly object: string;
  readonly name: string;
  readonly description: string;
}

/** What every import names: the OBS file ("bucket:object"), the image's name and description. */
function sourceOf(request: Record<string, unknown>): ImportSource | EmulatorResponse {
  const url = text(request, 'image_url') ?? '';
  const colon = url.indexOf(':');
  const bucket = url.slice(0, colon);
  const object = url.slice(colon + 1);
  if (colon < 0 || RULES.checkBucket(bucket) || RULES.checkObject(object)) {
    return invalid('The parameter image_url is invalid: "<OBS bucket>:<image file>" is required.');
  }
  const name = text(request, 'name') ?? '';
  if (RULES.checkName(name)) {
    return invalid('The parameter name is invalid.');
  }
  const description = text(request, 'description') ?? '';
  if (RULES.checkDescription(description)) {
    return invalid('The parameter description is invalid.');
  }
  return { url, bucket, object, name, description };
}

interface ImportRoom {
  readonly storage: SandboxObjectStores | undefined;
  readonly room: number;
  readonly keyUsable: (scope: Scope, keyId: string) => KmsKeyState;
}

/**
 * The KMS key (cmk_id), if any, must be usable; the file must exist in a Standard bucket of the image's
 * region; the quota must have room. Answers the key's fields for the image, or the refusal.
 */
function keyAndFile(request: Record<string, unknown>, scope: Scope, source: ImportSource, { storage, room, keyUsable }: ImportRoom): ReturnType<typeof encryptionOf> {
  const key = encryptionOf(request, (keyId) => keyUsable(scope, keyId));
  if (isResponse(key)) {
    return key;
  }
  const { bucket, object } = source;
  const stored = checkImportFile(storage, 'huawei', scope.project.regionId, bucket, object, true);
  if (bucket.startsWith('missing-') || object.startsWith('missing') || stored === 'noObject') {
    return imsError(404, IMS_CODES.fileNotFound, `The image file ${object} does not exist in the OBS bucket ${bucket}.`);
  }
  if (stored === 'otherRegion') {
    return imsError(400, IMS_CODES.bucketRegion, `The OBS bucket ${bucket} is not in the region of the image (${scope.project.regionId}).`);
  }
  if (stored === 'notStandard') {
    return invalid(`The storage class of the OBS bucket ${bucket} must be Standard.`);
  }
  if (room < 1) {
    return imsError(400, IMS_CODES.imageQuota, 'The quota of private images (image) is exceeded.');
  }
  return key;
}

/** The image is listed from the start ("saving"): "active" when the job succeeds, "killed" when it fails. */
function startImport(jobs: HuaweiImsJobs, scope: Scope, image: ImsImage, operation: 'CreateImage' | 'CreateDataImage'): EmulatorResponse {
  scope.images.push(image);
  return jobs.start(scope, {
    operation,
    jobType: 'imsImportImageJob',
    imageId: image.id,
    imageName: image.name,
    apply: (finishedAt) => Object.assign(image, { status: 'active', active_at: isoSecond(finishedAt), updated_at: isoSecond(finishedAt) }),
    fail: () => Object.assign(image, { status: 'killed' }),
  });
}
