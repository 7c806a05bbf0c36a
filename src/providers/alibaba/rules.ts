// Alibaba Cloud ECS input rules, per API: TagResources / UntagResources / DescribeImages Tag.N (tags),
// ModifyImageSharePermission (members), ExportImage (OSS bucket, OSSPrefix, ImageFormat), and the shape
// of an AccessKey ID (BatchCompute, the same account system, uses the same).
import { objectNameRule, type ImportRules } from '../importRules';
import { checkText, type CloudRules, type ExportRules, type KeyShape, type MemberRules, type TagRules, type TextRule } from '../input';

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
  formats: ALIBABA_EXPORT_FORMATS,
  checkBucket: (bucket) => checkText(bucket, OSS_BUCKET),
  checkObject: (prefix) => checkText(prefix, OSS_PREFIX),
};

export const ALIBABA_RULES: CloudRules = {
  accessKeyId: ALIBABA_KEY_SHAPE,
  temporaryAccessKeyId: ALIBABA_STS_KEY_SHAPE,
  tags: ALIBABA_TAG_RULES,
  members: ALIBABA_MEMBER_RULES,
  exporting: ALIBABA_EXPORT_RULES,
};

/**
 * ImportImage ImageName: 2 to 128 characters, starting with a letter (any script), then letters, digits,
 * ".", "_", "-" and ":"; not starting with http:// or https://. Description: up to 256 characters (the
 * API's 2 to 256 when given; empty is not sent), no http(s):// at the start.
 */
const IMAGE_NAME: TextRule = {
  field: 'imageName',
  min: 2,
  max: 128,
  reservedPrefixes: NO_URLS,
  charset: { name: 'alibabaImageName', test: (n) => /^\p{L}[\p{L}\p{N}._:-]*$/u.test(n) },
};
const DESCRIPTION: TextRule = { field: 'description', min: 0, max: 256, reservedPrefixes: NO_URLS };

/** ImportImage's Platform values (the API reference's list), OSType and Architecture. */
export const ALIBABA_IMPORT_PLATFORMS = [
  'Aliyun', 'Anolis', 'CentOS', 'CentOS Stream', 'Ubuntu', 'Debian', 'RedHat', 'SUSE', 'OpenSUSE', 'Fedora', 'Fedora CoreOS',
  'CoreOS', 'AlmaLinux', 'Rocky Linux', 'Kylin', 'UOS', 'FreeBSD', 'Gentoo', 'Customized Linux', 'Others Linux',
  'Windows Server 2012', 'Windows Server 2016', 'Windows Server 2019', 'Windows Server 2022',
] as const;

export const ALIBABA_IMPORT_RULES: ImportRules = {
  formats: ['RAW', 'VHD', 'QCOW2', 'VMDK'],
  platforms: ALIBABA_IMPORT_PLATFORMS,
  architectures: ['x86_64', 'arm64', 'i386'],
  osTypes: ['linux', 'windows'],
  // DiskImageSize of a system disk image, GiB.
  minDiskGiB: 5,
  maxDiskGiB: 2048,
  checkBucket: (bucket) => checkText(bucket, OSS_BUCKET),
  // DiskDeviceMapping.N.OSSObject: an OSS object key, at most 1,023 bytes.
  checkObject: (object) => checkText(object, objectNameRule(1023)),
  checkName: (name) => checkText(name, IMAGE_NAME),
  checkDescription: (description) => checkText(description, DESCRIPTION),
};
