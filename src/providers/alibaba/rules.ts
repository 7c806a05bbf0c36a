// Alibaba Cloud ECS input rules, per API: TagResources / UntagResources / DescribeImages Tag.N (tags),
// ModifyImageSharePermission (members), ExportImage (OSS bucket, OSSPrefix, ImageFormat), and the shape
// of an AccessKey ID (BatchCompute, the same account system, uses the same).
import { ownImagesIn, ownImagesNotIn, OWN_IMAGES } from '../rules/images';
import { type ImageRules } from '../core/rules';
import type { CopyRules } from '../core/rules';
import type { EditRules } from '../core/rules';
import { objectNameRule } from '../rules/import';
import { type ImportRules } from '../core/rules';
import { checkText } from '../rules/text';
import { type TextRule } from '../core/rules';
import { type CloudRules, type ExportRules, type TagRules } from '../core/rules';
import { type KeyShape } from '../core/rules';
import { type MemberRules } from '../core/rules';

/** `LTAI` and 12 to 20 more letters and digits in practice; 16 to 40 letters and digits accepted. */
export const ALIBABA_KEY_SHAPE: KeyShape = { min: 16, max: 40, upperOnly: false, example: 'LTAI' };

/** An STS AccessKey ID (AssumeRole's Credentials.AccessKeyId): "STS." and then letters and digits. */
export const ALIBABA_STS_KEY_SHAPE: KeyShape = { prefix: 'STS.', min: 16, max: 128, upperOnly: false };

const NO_URLS = ['http://', 'https://'];

/** TagResources Tag.N.Key: 1 to 128 characters, not starting with "aliyun" or "acs:", no http(s)://. UntagResources TagKey.N likewise. */
const TAG_KEY: TextRule = { field: 'tagKey', min: 1, max: 128, reservedPrefixes: ['aliyun', 'acs:'], forbidden: NO_URLS };
/** TagResources Tag.N.Value: may be empty, at most 128 characters, no http(s)://. */
const TAG_VALUE: TextRule = { field: 'tagValue', min: 0, max: 128, forbidden: NO_URLS };

export const ALIBABA_TAG_RULES: TagRules = {
  limits: { maxKeyLength: 128, maxValueLength: 128, maxTagsPerCall: 20, maxResourcesPerCall: 50, namesOnly: false },
  checkTag: (tag) => checkText(tag.key, TAG_KEY) ?? checkText(tag.value, TAG_VALUE),
  checkUntagKey: (key) => checkText(key, TAG_KEY),
  // DescribeImages Tag.N.Key / Tag.N.Value take the same keys and values as TagResources.
  checkFilterTag: (tag) => checkText(tag.key, TAG_KEY) ?? checkText(tag.value, TAG_VALUE),
};

/**
 * An Alibaba Cloud account ID (UID) is a number. The vendor's documents show 10 digits (the
 * ModifyImageSharePermission AddAccount.N example "1234567890"), 16 (real UIDs) and 18
 * (the DescribeImages ImageOwnerId example "20169351435666****"): 10 to 20 digits are accepted.
 */
export const ALIBABA_ACCOUNT_ID = /^\d{10,20}$/;

/** An image is shared with at most 50 accounts; AddAccount.N takes 10 a call (the provider sends runs of 10). */
export const ALIBABA_MEMBER_RULES: MemberRules = { format: 'alibabaAccount', pattern: ALIBABA_ACCOUNT_ID, maxPerImage: 50, maxPerAction: 50 };

/** OSS bucket names: 3 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit. */
const OSS_BUCKET: TextRule = { field: 'bucket', min: 3, max: 63, charset: { name: 'ossBucket', test: (b) => /^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(b) } };
/** ExportImage OSSPrefix: optional; 1 to 30 letters and digits. */
const OSS_PREFIX: TextRule = { field: 'objectPrefix', min: 0, max: 30, charset: { name: 'lettersDigits', test: (p) => /^[A-Za-z0-9]+$/.test(p) } };

export const ALIBABA_EXPORT_FORMATS = ['raw', 'vhd', 'qcow2', 'vmdk', 'vdi'] as const;

export const ALIBABA_EXPORT_RULES: ExportRules = {
  storage: 'oss',
  object: 'prefix',
  formats: ALIBABA_EXPORT_FORMATS,
  checkBucket: (bucket) => checkText(bucket, OSS_BUCKET),
  checkObject: (prefix) => checkText(prefix, OSS_PREFIX),
};

/**
 * An image name (CopyImage DestinationImageName, ModifyImageAttribute ImageName): 2 to 128 characters,
 * starting with a letter or a Chinese character, then letters, Chinese characters, digits, ".", ":", "_" and
 * "-"; not starting with "aliyun" or "acs:", no http(s)://.
 */
const IMAGE_NAME: TextRule = {
  field: 'imageName',
  min: 2,
  max: 128,
  reservedPrefixes: ['aliyun', 'acs:'],
  forbidden: NO_URLS,
  charset: { name: 'alibabaImageName', test: (n) => /^\p{L}[\p{L}\p{N}.:_-]*$/u.test(n) },
};
/** An image description (CopyImage DestinationDescription, ModifyImageAttribute Description): 2 to 256 characters, not starting with http(s)://. */
const IMAGE_DESCRIPTION: TextRule = { field: 'imageDescription', min: 2, max: 256, reservedPrefixes: NO_URLS };
/** CopyImage KMSKeyId: a KMS key id (a UUID in the examples); 1 to 128 characters without spaces accepted. */
const KMS_KEY_ID: TextRule = { field: 'kmsKeyId', min: 1, max: 128, charset: { name: 'noSpaces', test: (k) => !/\s/.test(k) } };

/** CopyImage: to any region of the account, at most 5 running at once per region (the rest wait in its queue). */
export const ALIBABA_COPY_RULES: CopyRules = {
  crossRegion: true,
  checkName: (name) => checkText(name, IMAGE_NAME),
  checkDescription: (description) => checkText(description, IMAGE_DESCRIPTION),
  checkKmsKeyId: (keyId) => checkText(keyId, KMS_KEY_ID),
  // Encrypted=true without KMSKeyId encrypts with the cloud's default key.
  defaultKey: true,
};

/** "同一个地域下同时只能有五个镜像复制任务运行，其余任务需要排队等待" (CopyImage, 接口说明). */
export const ALIBABA_MAX_CONCURRENT_COPIES = 5;

export const ALIBABA_EDIT_RULES: EditRules = {
  checkName: (name) => checkText(name, IMAGE_NAME),
  checkDescription: (description) => checkText(description, IMAGE_DESCRIPTION),
};

export const ALIBABA_RULES: CloudRules = {
  accessKeyId: ALIBABA_KEY_SHAPE,
  temporaryAccessKeyId: ALIBABA_STS_KEY_SHAPE,
  tags: ALIBABA_TAG_RULES,
  members: ALIBABA_MEMBER_RULES,
  exporting: ALIBABA_EXPORT_RULES,
  copying: ALIBABA_COPY_RULES,
  editing: ALIBABA_EDIT_RULES,
};

/**
 * Which images each command applies to: only custom (own) images; ModifyImageSharePermission and
 * ExportImage want an Available one (IncorrectImageStatus otherwise), DeleteImage refuses one being
 * created (ImageIsCreating, also while it waits in the queue).
 */
export const ALIBABA_IMAGE_RULES: ImageRules = {
  tag: OWN_IMAGES,
  share: ownImagesIn('available'),
  export: ownImagesIn('available'),
  delete: ownImagesNotIn('creating', 'queued'),
  // CopyImage copies custom images only, Available ones (IncorrectImageStatus otherwise).
  copy: ownImagesIn('available'),
  // ModifyImageAttribute renames and describes custom images in any state; Status=Deprecated wants an
  // Available image, Status=Available a Deprecated one.
  edit: OWN_IMAGES,
  deprecate: ownImagesIn('available', 'deprecated'),
};

/** ImportImage takes the same ImageName and (optional: empty is not sent) Description as the calls above. */
/** ImportImage's Platform values (the API reference's list), OSType and Architecture. */
export const ALIBABA_IMPORT_PLATFORMS = [
  'Aliyun', 'Anolis', 'CentOS', 'CentOS Stream', 'Ubuntu', 'Debian', 'RedHat', 'SUSE', 'OpenSUSE', 'Fedora', 'Fedora CoreOS',
  'CoreOS', 'AlmaLinux', 'Rocky Linux', 'Kylin', 'UOS', 'FreeBSD', 'Gentoo', 'Customized Linux', 'Others Linux',
  'Windows Server 2012', 'Windows Server 2016', 'Windows Server 2019', 'Windows Server 2022',
] as const;

export const ALIBABA_IMPORT_RULES: ImportRules = {
  storage: 'oss',
  formats: ['RAW', 'VHD', 'QCOW2', 'VMDK'],
  platforms: ALIBABA_IMPORT_PLATFORMS,
  architectures: ['x86_64', 'arm64', 'i386'],
  osTypes: ['linux', 'windows'],
  // DiskImageSize of a system disk image, GiB.
  minDiskGiB: 5,
  maxDiskGiB: 2048,
  checkBucket: (bucket) => checkText(bucket, OSS_BUCKET),
  // DiskDeviceMapping.2..17: data disks beside the system disk (DiskImageSize 5 to 2,000 GiB each).
  dataDisks: { max: 16, minGiB: 5, maxGiB: 2000 },
  // DiskDeviceMapping.N.OSSObject: an OSS object key, at most 1,023 bytes.
  checkObject: (object) => checkText(object, objectNameRule(1023)),
  checkName: (name) => checkText(name, IMAGE_NAME),
  checkDescription: (description) => (description ? checkText(description, IMAGE_DESCRIPTION) : undefined),
};
