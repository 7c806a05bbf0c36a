// Huawei IMS wire shapes (ImageInfo, tags, members, job progress) -> the common model, and its words -> the common vocabulary.
import { isTrue, num, objectsOf, str, timestamp, type Json } from '../shared/common';
import type { Image, ImageOwner, Tag } from '../core/model';
import type { JobState, JobStatus } from '../core/jobs';
import type { Member } from '../core/sharing';
import { redact } from '../transport/redact';
import { reasonTable } from '../core/reasons';
import { errorRules, type CloudVocabulary, type ImageState, type MemberState } from '../core/vocabulary';
import { VISIBILITY_WORDS, fieldCatalogue, stateOfStatus, yesNo } from '../shared/fields';

/** `__imagetype`: gold (public), private, shared, market (KooGallery). */
export function mapOwner(imageType: unknown): ImageOwner {
  switch (imageType) {
    case 'gold':
      return 'system';
    case 'private':
      return 'self';
    case 'shared':
      return 'shared';
    case 'market':
      return 'marketplace';
    default:
      return 'unknown';
  }
}

/**
 * ImageInfo `tags` are strings "key.value" (the legacy tag form); a tag without a dot is a key with an empty value.
 * The split is at the first dot, so a key that itself has a dot reads wrong here: the structured
 * ListImageTags answer (`mapTagPairs`) is the exact one, and what the tag commands use.
 */
export function mapTags(tags: unknown): Tag[] {
  if (!Array.isArray(tags)) {
    return [];
  }
  return tags
    .filter((t): t is string => typeof t === 'string' && t.length > 0)
    .map((t) => {
      const dot = t.indexOf('.');
      return dot < 0 ? { key: t, value: '' } : { key: t.slice(0, dot), value: t.slice(dot + 1) };
    });
}

function architectureOf(i: Json): string | undefined {
  return str(i['architecture']) ?? (i['__support_arm'] === 'true' ? 'arm' : undefined);
}

/** `keepRaw`: also keep the cloud's JSON as `raw` (details); a listing for the tree leaves it out. */
export function mapImage(regionId: string, i: Json, keepRaw = true): Image {
  const id = String(i['id']);
  return {
    id,
    name: str(i['name']) ?? id,
    regionId,
    description: str(i['__description']),
    status: str(i['status']) ?? 'unknown',
    owner: mapOwner(i['__imagetype']),
    osName: str(i['__os_version']),
    osType: str(i['__os_type']),
    architecture: architectureOf(i),
    sizeGiB: num(i['min_disk']),
    createdAt: timestamp(i['created_at']),
    platform: str(i['__platform']),
    tags: mapTags(i['tags']),
    ...(keepRaw ? { raw: i } : {}),
    ...(isWholeImage(i) ? { wholeMachine: { ...(str(i['__backup_id']) ? { backupId: str(i['__backup_id']) } : {}) } } : {}),
  };
}

/** A full-ECS (whole-machine) image: `__whole_image` true (a Boolean; some answers give the string, "true" or "True"). */
export function isWholeImage(i: Json): boolean {
  return isTrue(i['__whole_image']);
}

/** ListImageTags `{tags:[{key, value}]}`; a missing value is ''. */
export function mapTagPairs(tags: unknown): Tag[] {
  return objectsOf(tags)
    .map((t) => ({ key: str(t['key']) ?? '', value: str(t['value']) ?? '' }))
    .filter((t) => t.key !== '');
}

/** A Glance member `{member_id, image_id, status, created_at, updated_at, ...}`; undefined without an id. */
export function mapMember(m: Json): Member | undefined {
  const id = str(m['member_id']);
  return id === undefined ? undefined : { id, status: str(m['status']), sharedAt: timestamp(m['created_at']) };
}

const JOB_STATES: Readonly<Record<string, JobState>> = { INIT: 'queued', RUNNING: 'running', SUCCESS: 'succeeded', FAIL: 'failed' };

/**
 * `entities.process_percent` as 0..100. Its scale is not documented (the notes leave 0-1 vs 0-100 open);
 * the sandbox reports 0..100. A value of at most 1 with a fractional part is read as a fraction
 * (0.35 -> 35); anything else as a percentage (1 -> 1, 35 -> 35). Clamped to 0..100.
 */
export function jobPercent(value: unknown): number | undefined {
  const n = num(value);
  if (n === undefined) {
    return undefined;
  }
  const percent = n <= 1 && !Number.isInteger(n) ? n * 100 : n;
  return Math.min(100, Math.max(0, Math.round(percent)));
}

/** ShowJobProgress `{job_id, status, begin_time, end_time, error_code, fail_reason, entities:{process_percent, image_id}}`. */
export function mapJob(j: Json): JobStatus {
  const cloudState = str(j['status']) ?? 'UNKNOWN';
  const state = JOB_STATES[cloudState.toUpperCase()] ?? 'running';
  const entities = typeof j['entities'] === 'object' && j['entities'] !== null ? (j['entities'] as Json) : {};
  // ShowJobProgress puts a failure at the top; the JobEntities model (ShowJob) also in entities (error_code, error).
  const reason = str(j['fail_reason']) ?? str(entities['error']) ?? str(entities['addition_error_msg']);
  const code = str(j['error_code']) ?? str(entities['error_code']) ?? str(entities['addition_error_code']);
  // The cloud's own words only (redacted); with none, the UI says that the cloud gave no reason.
  const words = [code, reason].filter(Boolean).join(': ');
  const error = state === 'failed' && words ? redact(words) : undefined;
  return {
    jobId: String(j['job_id']),
    state,
    percent: state === 'succeeded' ? 100 : jobPercent(entities['process_percent']),
    cloudState,
    error,
    startedAt: timestamp(j['begin_time']),
    finishedAt: timestamp(j['end_time']),
    imageId: str(entities['image_id']),
  };
}

/** Glance `status`: queued (waiting to be made), saving (being made), active, killed (failed), deleted. */
const IMAGE_STATES: Readonly<Record<string, ImageState>> = {
  active: 'available',
  saving: 'creating',
  queued: 'queued',
  killed: 'failed',
  deleted: 'deleted',
};

const MEMBER_STATES: Readonly<Record<string, MemberState>> = { accepted: 'accepted', pending: 'pending', rejected: 'rejected' };

/**
 * The API gateway's codes are documented (APIGW.0301 auth, APIGW.0101 unknown API, APIGW/APIG.0308
 * throttling); IMS's own IMG.* codes are read by their HTTP status (400 invalid, 403, 404, 5xx).
 */
const huaweiErrorKind = errorRules([
  [/^APIG(W)?\.0301$/, 'auth'],
  [/^APIG(W)?\.0308$/, 'throttled'],
  [/^APIG(W)?\.0101$/, 'notFound'],
  [/^ProjectNotFound$/, 'notFound'],
]);

/**
 * IMS's documented codes (API reference "错误码", ims_03_0908: all answered with HTTP 400) for what the product
 * does: list, delete, share and answer shares, copy, export, import, tag, edit, encrypt.
 */
export const huaweiErrorReason = reasonTable({
  'IMG.0027': 'imageNotFound',
  'IMG.0086': 'imageNotFound',
  'IMG.0144': 'imageNotFound',
  'IMG.0028': 'imageProtected',
  'IMG.0091': 'imageProtected',
  'IMG.0090': 'imageCreating',
  'IMG.0046': 'imageStatus',
  'IMG.0148': 'imageExporting',
  'IMG.0047': 'notOwner',
  'IMG.0092': 'notOwner',
  'IMG.0106': 'notOwner',
  'IMG.0077': 'cloudPublicImage',
  'IMG.0078': 'marketplaceImage',
  'IMG.0083': 'publicImage',
  'IMG.0089': 'publicImage',
  'IMG.0093': 'marketplaceImage',
  'IMG.0094': 'cloudPublicImage',
  'IMG.0107': 'marketplaceImage',
  'IMG.0015': 'imageQuota',
  'IMG.0088': 'sharedQuota',
  'IMG.0076': 'shareSelf',
  'IMG.0098': 'encryptedImage',
  'IMG.0143': 'encryptedImage',
  'IMG.0197': 'encryptedImage',
  'IMG.0128': 'wholeImage',
  'IMG.0130': 'wholeImage',
  'IMG.0135': 'wholeImage',
  'IMG.0152': 'wholeImageOneZone',
  'IMG.0176': 'backupNotDeleted',
  'IMG.0071': 'notExportable',
  'IMG.0079': 'notExportable',
  'IMG.0080': 'notExportable',
  'IMG.0081': 'notExportable',
  'IMG.0160': 'exportTooLarge',
  'IMG.0070': 'objectExists',
  'IMG.0057': 'importFile',
  'IMG.0121': 'objectNotFound',
  'IMG.0059': 'fileTooLarge',
  'IMG.0058': 'bucketRegion',
  'IMG.0069': 'bucketAccess',
  'IMG.0095': 'kmsKeyNotFound',
  'IMG.0101': 'kmsKeyNotFound',
  'IMG.0097': 'kmsKeyDisabled',
  'IMG.0102': 'kmsKeyDisabled',
  'IMG.0099': 'kmsKeyAccess',
  'IMG.0103': 'kmsKeyAccess',
  'IMG.0115': 'tagInvalid',
  'IMG.0116': 'tagQuota',
  'IMG.0009': 'nameExists',
  'IMG.0002': 'nameInvalid',
  'IMG.0003': 'nameInvalid',
  'IMG.0062': 'nameInvalid',
  'IMG.0004': 'descriptionInvalid',
  'IMG.0054': 'descriptionInvalid',
  'IMG.0060': 'tooManyTasks',
  'IMG.0149': 'tooManyTasks',
  'IMG.0194': 'tooManyTasks',
  'IMG.0196': 'notAccepted',
});

export const HUAWEI_FIELDS = fieldCatalogue({
  general: {
    id: 'id',
    name: 'name',
    __description: 'description',
    status: 'status:state',
    __imagetype: 'owner:owner',
    // A whole-machine image says where it can be used (no field reports its one-zone state while the backup is made).
    __whole_image: { id: 'wholeImage', format: 'bool', values: { true: 'wholeMachine' } },
    __backup_id: 'backupId',
    owner: 'ownerId',
    created_at: 'createdAt:date',
    updated_at: 'updatedAt:date',
    active_at: 'activeAt:date',
    __data_origin: 'origin',
    __originalimagename: 'baseImage',
  },
  system: {
    __os_version: 'osName',
    __os_type: 'osType',
    __os_bit: 'osBits',
    __platform: 'platform',
    architecture: 'architecture',
    hw_firmware_type: 'bootMode',
    virtual_env_type: 'hypervisor',
    min_ram: 'minRam:mib',
  },
  storage: {
    min_disk: 'minDisk:gib',
    __image_size: 'imageSize:bytes',
    disk_format: 'diskFormat',
    container_format: 'containerFormat',
    checksum: 'checksum',
    // Encryption: "1" encrypted with the KMS key __system__cmkid. Both spellings of the flag are published.
    __system__encrypted: { id: 'encrypted', values: yesNo('1', '0') },
    __system_encrypted: { id: 'encrypted', values: yesNo('1', '0') },
    __system__cmkid: 'kmsKey',
  },
  access: {
    visibility: { id: 'visibility', values: VISIBILITY_WORDS },
    protected: 'protected:bool',
    __productcode: 'productCode',
    enterprise_project_id: 'enterpriseProject',
  },
  other: {
    'tags[]': 'tags',
  },
});

export const HUAWEI_VOCABULARY: CloudVocabulary = {
  imageState: stateOfStatus(IMAGE_STATES),
  errorKind: huaweiErrorKind,
  errorReason: huaweiErrorReason,
  memberState: (status) => MEMBER_STATES[status] ?? 'unknown',
  fields: HUAWEI_FIELDS,
};
