// Huawei Cloud IMS input rules, per API. Tags differ by endpoint: BatchAddOrDeleteTags "create" takes keys
// of 1 to 36 and values of 0 to 43 characters (letters, digits, "_" and "-"; values also "."), at most 10
// tags an image; its "delete" checks only lengths (key 1 to 127, value 255); ListImages' `tag` filter is
// the legacy "key.value" string, so a key with a dot cannot be searched by. Members are projects.
import { ownImagesIn, OWN_IMAGES } from '../rules/images';
import { type ImageRules } from '../core/rules';
import type { CopyRules } from '../core/rules';
import type { EditRules } from '../core/rules';
import { objectNameRule } from '../rules/import';
import { type ImportRules, type InputProblem } from '../core/rules';
import { checkText } from '../rules/text';
import { type TextRule } from '../core/rules';
import { type CloudRules, type ExportRules, type TagRules } from '../core/rules';
import { type KeyShape } from '../core/rules';
import { type MemberRules } from '../core/rules';

/** 20 capital letters and digits in practice (temporary AKs too); up to 40 accepted. */
export const HUAWEI_KEY_SHAPE: KeyShape = { min: 20, max: 40, upperOnly: true };

const TAG_KEY: TextRule = { field: 'tagKey', min: 1, max: 36, charset: { name: 'huaweiTagKey', test: (k) => /^[\p{L}\p{N}_-]+$/u.test(k) } };
const TAG_VALUE: TextRule = { field: 'tagValue', min: 0, max: 43, charset: { name: 'huaweiTagValue', test: (v) => /^[\p{L}\p{N}_.-]*$/u.test(v) } };
/** The delete action checks neither characters nor white space, only the length. */
const DELETE_KEY: TextRule = { field: 'tagKey', min: 1, max: 127, noOuterSpace: false, noControl: false };

export const HUAWEI_TAG_RULES: TagRules = {
  limits: { maxKeyLength: 36, maxValueLength: 43, maxTagsPerCall: 10, maxResourcesPerCall: 1, namesOnly: false, maxTagsPerImage: 10 },
  checkTag: (tag) => checkText(tag.key, TAG_KEY) ?? checkText(tag.value, TAG_VALUE),
  checkUntagKey: (key) => checkText(key, DELETE_KEY),
  checkFilterTag: (tag) => (tag.key.includes('.') ? { code: 'notSearchable', key: tag.key } : (checkText(tag.key, TAG_KEY) ?? checkText(tag.value, TAG_VALUE))),
};

/** A Huawei project id: 32 lower-case hex digits. */
export const HUAWEI_PROJECT_ID = /^[0-9a-f]{32}$/;

/** A system or data disk image is shared with at most 128 projects (IMS "Restrictions on Image Sharing"). */
export const HUAWEI_MEMBER_RULES: MemberRules = { format: 'huaweiProject', pattern: HUAWEI_PROJECT_ID, maxPerImage: 128, maxPerAction: 128 };

function isIpAddress(name: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
}

/**
 * OBS bucket names: 3 to 63 lower-case letters, digits, hyphens and periods, starting and ending with a
 * letter or digit, no two periods in a row, no period next to a hyphen, not an IP address.
 */
const OBS_BUCKET: TextRule = {
  field: 'bucket',
  min: 3,
  max: 63,
  charset: { name: 'obsBucket', test: (b) => /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(b) && !/\.\.|\.-|-\./.test(b) && !isIpAddress(b) },
};
/**
 * The object (file) name in `bucket_url` "bucket:file": an OBS object key is at most 1,024 bytes of UTF-8;
 * it may not start with "/" and, being a file to download, has none of \ : * ? " < > | (":" would also
 * split bucket_url).
 */
const OBS_OBJECT: TextRule = objectNameRule(1024);

export const HUAWEI_EXPORT_FORMATS = ['qcow2', 'vhd', 'zvhd', 'vmdk'] as const;

export const HUAWEI_EXPORT_RULES: ExportRules = {
  storage: 'obs',
  object: 'name',
  formats: HUAWEI_EXPORT_FORMATS,
  checkBucket: (bucket) => checkText(bucket, OBS_BUCKET),
  checkObject: (object) => checkText(object, OBS_OBJECT),
};

/**
 * An IMS image name (copy, UpdateImage `/name`): 1 to 128 characters of letters, digits, Chinese characters,
 * "-", ".", "_" and spaces, not starting or ending with a space.
 */
const IMAGE_NAME: TextRule = {
  field: 'imageName',
  min: 1,
  max: 128,
  charset: { name: 'huaweiImageName', test: (n) => /^[A-Za-z0-9\p{Script=Han}._ -]+$/u.test(n) },
};
/** An IMS description (copy, `/__description`): at most 1,024 characters, no line breaks (the control check) and no "<" or ">"; empty clears it. */
const IMAGE_DESCRIPTION: TextRule = {
  field: 'imageDescription',
  min: 0,
  max: 1024,
  noOuterSpace: false,
  charset: { name: 'noAngleBrackets', test: (d) => !/[<>]/.test(d) },
};
/** cross_region_copy agency_name: the IAM agency's name, 1 to 64 characters without spaces. */
const AGENCY: TextRule = { field: 'agencyName', min: 1, max: 64, charset: { name: 'noSpaces', test: (a) => !/\s/.test(a) } };

/**
 * A KMS key id (cmk_id; the image's `__system__cmkid`): "fixed at 36 bytes", a UUID such as
 * 0d0466b0-e727-4d9c-b35d-f84bb474a37f (the DEW/KMS key_id).
 */
const CMK_ID: TextRule = {
  field: 'kmsKeyId',
  min: 36,
  max: 36,
  charset: { name: 'kmsKeyUuid', test: (k) => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(k) },
};

export function checkHuaweiKeyId(keyId: string): InputProblem | undefined {
  return checkText(keyId, CMK_ID);
}

/**
 * In-region copy (`/copy`: name, description, cmk_id) and cross-region copy (`/cross_region_copy`, which
 * needs an agency and takes no cmk_id). IMS has no "default key": an encrypted copy names its key.
 */
export const HUAWEI_COPY_RULES: CopyRules = {
  crossRegion: true,
  wholeMachineElsewhereOnly: true,
  checkName: (name) => checkText(name, IMAGE_NAME),
  checkDescription: (description) => checkText(description, IMAGE_DESCRIPTION),
  checkAgencyName: (agency) => checkText(agency, AGENCY),
  checkKmsKeyId: checkHuaweiKeyId,
  keyInRegionOnly: true,
  // An image shared with the project is copied within its region once accepted (IMS permissions, Image
  // Replication: "Shared image replication is only supported in IAM projects"); a pending one is refused
  // (IMG.0196). cross_region_copy replicates the project's private images only.
  receivedInRegion: true,
};

export const HUAWEI_EDIT_RULES: EditRules = {
  checkName: (name) => checkText(name, IMAGE_NAME),
  checkDescription: (description) => checkText(description, IMAGE_DESCRIPTION),
};

export const HUAWEI_RULES: CloudRules = {
  accessKeyId: HUAWEI_KEY_SHAPE,
  tags: HUAWEI_TAG_RULES,
  members: HUAWEI_MEMBER_RULES,
  exporting: HUAWEI_EXPORT_RULES,
  copying: HUAWEI_COPY_RULES,
  editing: HUAWEI_EDIT_RULES,
};

/**
 * Which images each command applies to: only the project's private images (public, shared and
 * Marketplace ones are refused); sharing and export also want the image active.
 */
export const HUAWEI_IMAGE_RULES: ImageRules = {
  tag: OWN_IMAGES,
  share: ownImagesIn('available'),
  export: ownImagesIn('available'),
  delete: OWN_IMAGES,
  // Copies (in-region and cross-region) are of the project's private images, active ones.
  copy: ownImagesIn('available'),
  // UpdateImage changes the project's private images.
  edit: OWN_IMAGES,
};

/** A few os_version values of IMS's list ("Values of Related Parameters"); the file's OS must be one the cloud knows. */
export const HUAWEI_OS_VERSIONS = [
  'CentOS 7.9 64bit',
  'Ubuntu 22.04 server 64bit',
  'Ubuntu 20.04 server 64bit',
  'Huawei Cloud EulerOS 2.0 64bit',
  'EulerOS 2.9 64bit',
  'Debian GNU/Linux 12.0.0 64bit',
  'openEuler 22.03 64bit',
  'Other Linux(64 bit)',
] as const;

/** Create image from an OBS file (POST /v2/cloudimages/action with image_url): min_disk 1 to 1,024 GB. */
export const HUAWEI_IMPORT_RULES: ImportRules = {
  storage: 'obs',
  formats: [],
  platforms: HUAWEI_OS_VERSIONS,
  architectures: ['x86', 'arm'],
  osTypes: [],
  minDiskGiB: 1,
  maxDiskGiB: 1024,
  checkBucket: (bucket) => checkText(bucket, OBS_BUCKET),
  checkObject: (object) => checkText(object, OBS_OBJECT),
  checkName: (name) => checkText(name, IMAGE_NAME),
  checkDescription: (description) => checkText(description, IMAGE_DESCRIPTION),
  // CreateImage (and the data-image action) take cmk_id: the new image is encrypted with that key.
  checkKmsKeyId: checkHuaweiKeyId,
  // dataimages/action: min_disk 40 to 2,048 GB; os_type Linux (Windows data images are no longer made).
  dataImage: { minGiB: 40, maxGiB: 2048, osTypes: ['Linux'] },
};

/** Export: images of 1 TB or more cannot be exported; over 128 GB, only the fast export (is_quick_export) works. */
export const HUAWEI_EXPORT_MAX_GIB = 1024;
export const HUAWEI_QUICK_EXPORT_OVER_GIB = 128;
