// Alibaba ECS wire shapes -> the common model, and its words -> the common vocabulary.
import { num, str, timestamp, wrappedList, type Json } from '../shared/common';
import type { Image, ImageOwner, Region, Tag } from '../core/model';
import { errorRules, type CloudVocabulary, type FieldCatalogue, type ImageState } from '../core/vocabulary';
import { reasonTable } from '../core/reasons';

export function mapRegion(r: Json): Region {
  return { id: String(r['RegionId']), name: str(r['LocalName']) ?? String(r['RegionId']), endpoint: str(r['RegionEndpoint']) };
}

export function mapOwner(alias: unknown, isPublic: unknown): ImageOwner {
  switch (alias) {
    case 'system':
      return 'system';
    case 'self':
      return 'self';
    case 'others':
      return isPublic === true || isPublic === 'true' ? 'community' : 'shared';
    case 'marketplace':
      return 'marketplace';
    default:
      return 'unknown';
  }
}

/**
 * `language` picks the OS name: OSName is the Chinese one, OSNameEn the English one. `keepRaw`: also keep
 * the cloud's JSON as `raw` (details); a listing for the tree leaves it out.
 */
export function mapImage(regionId: string, i: Json, language = 'en-US', keepRaw = true): Image {
  const [osName, osNameOther] = language === 'zh-CN' ? [i['OSName'], i['OSNameEn']] : [i['OSNameEn'], i['OSName']];
  const tags: Tag[] = wrappedList(i['Tags'], 'Tag')
    .map((t) => ({ key: str(t['TagKey']) ?? '', value: str(t['TagValue']) ?? '' }))
    .filter((t) => t.key !== '');
  return {
    id: String(i['ImageId']),
    name: str(i['ImageName']) ?? String(i['ImageId']),
    regionId,
    description: str(i['Description']),
    status: str(i['Status']) ?? 'Unknown',
    owner: mapOwner(i['ImageOwnerAlias'], i['IsPublic']),
    osName: str(osName) ?? str(osNameOther),
    osType: str(i['OSType']),
    architecture: str(i['Architecture']),
    sizeGiB: num(i['Size']),
    createdAt: timestamp(i['CreationTime']),
    ...progressOf(i),
    tags,
    platform: str(i['Platform']),
    family: str(i['ImageFamily']),
    ...(keepRaw ? { raw: i } : {}),
  };
}

/** DescribeImages `Progress` ("45%") while the image is being created or copied (Creating, Waiting). */
function progressOf(i: Json): { progress?: number } {
  const status = str(i['Status']);
  const match = /^(\d{1,3})%?$/.exec(str(i['Progress'])?.trim() ?? '');
  return (status === 'Creating' || status === 'Waiting') && match ? { progress: Math.min(100, Number(match[1])) } : {};
}

/** DescribeImages `Status`: Creating, Waiting, Available, UnAvailable, CreateFailed, Deprecated. */
const IMAGE_STATES: Readonly<Record<string, ImageState>> = {
  Available: 'available',
  Creating: 'creating',
  Waiting: 'queued',
  UnAvailable: 'unavailable',
  CreateFailed: 'failed',
  Deprecated: 'deprecated',
};

/** POP error codes (ECS, and BatchCompute, which speaks the same ones), most specific first. */
export const alibabaErrorKind = errorRules([
  [/^InvalidTimeStamp/, 'clock'],
  [/^(SignatureDoesNotMatch|IncompleteSignature|SignatureNonceUsed|InvalidSignatureMethod|InvalidAccessKeyId|InvalidSecurityToken|MissingSecurityToken)/, 'auth'],
  [/^Throttling/, 'throttled'],
  [/^QuotaExceed/, 'quota'],
  [/(^Forbidden|\.Forbidden$|^NoPermission)/, 'forbidden'],
  [/^(IncorrectImageStatus|ImageIsCreating|ImageIsExporting|ImageUseShared|ImageUsingByInstance|OperationDenied)/, 'conflict'],
  [/\.NotFound$/, 'notFound'],
  [/^(InvalidParameter|MissingParameter|Invalid[A-Za-z]*\.Malformed|InvalidTagCount|InvalidVersion|InvalidRegionId|DryRunOperation)/, 'invalid'],
  [/^(InternalError|ServiceUnavailable|UnknownError)/, 'server'],
]);

/**
 * The documented codes of the image operations (DeleteImage, ModifyImageSharePermission, CopyImage,
 * CancelCopyImage, ExportImage, ImportImage, CancelTask, TagResources, ModifyImageAttribute) that say more than their kind.
 */
export const alibabaErrorReason = reasonTable({
  ImageUsingByInstance: 'imageInUse',
  ImageUseShared: 'imageShared',
  ImageIsCreating: 'imageCreating',
  ImageIsImporting: 'imageImporting',
  ImageIsExporting: 'imageExporting',
  'OperationDenied.ImageCopying': 'imageCopying',
  IncorrectImageStatus: 'imageStatus',
  'QuotaExceed.ShareImageUser': 'shareQuota',
  'InvalidOSSBucket.NotFound': 'bucketNotFound',
  'InvalidOSSObject.NotFound': 'objectNotFound',
  IncorrectTaskStatus: 'taskStatus',
  ImageCreatedNotFromCopy: 'notACopy',
});

export const ALIBABA_FIELDS: FieldCatalogue = {
  ImageId: { id: 'id', group: 'general' },
  ImageName: { id: 'name', group: 'general' },
  Description: { id: 'description', group: 'general' },
  Status: { id: 'status', group: 'general', format: 'state' },
  Progress: { id: 'progress', group: 'general' },
  ImageOwnerAlias: { id: 'owner', group: 'general', format: 'owner' },
  ImageOwnerId: { id: 'ownerId', group: 'general' },
  CreationTime: { id: 'createdAt', group: 'general', format: 'date' },
  ImageFamily: { id: 'family', group: 'general' },
  ImageVersion: { id: 'version', group: 'general' },
  Usage: { id: 'usage', group: 'general', values: { instance: 'yes', none: 'no' } },
  OSName: { id: 'osName', group: 'system', language: { is: 'zh', twin: 'OSNameEn' } },
  OSNameEn: { id: 'osNameEn', group: 'system', language: { is: 'en', twin: 'OSName' } },
  OSType: { id: 'osType', group: 'system' },
  Platform: { id: 'platform', group: 'system' },
  Architecture: { id: 'architecture', group: 'system' },
  BootMode: { id: 'bootMode', group: 'system' },
  'Features.NvmeSupport': { id: 'nvme', group: 'system', values: { supported: 'yes', unsupported: 'no' } },
  'Features.ImdsSupport': { id: 'imds', group: 'system' },
  Size: { id: 'size', group: 'storage', format: 'gib' },
  'DiskDeviceMappings.DiskDeviceMapping[].Device': { id: 'diskDevice', group: 'storage' },
  'DiskDeviceMappings.DiskDeviceMapping[].Size': { id: 'diskSize', group: 'storage', format: 'gib' },
  'DiskDeviceMappings.DiskDeviceMapping[].SnapshotId': { id: 'diskSnapshot', group: 'storage' },
  'DiskDeviceMappings.DiskDeviceMapping[].Type': { id: 'diskType', group: 'storage', values: { system: 'systemDisk', data: 'dataDisk' } },
  'DiskDeviceMappings.DiskDeviceMapping[].Format': { id: 'diskFormat', group: 'storage' },
  'DiskDeviceMappings.DiskDeviceMapping[].Progress': { id: 'diskProgress', group: 'storage' },
  'DiskDeviceMappings.DiskDeviceMapping[].Encrypted': { id: 'diskEncrypted', group: 'storage', format: 'bool' },
  IsPublic: { id: 'public', group: 'access', format: 'bool' },
  IsSelfShared: { id: 'selfShared', group: 'access', format: 'bool' },
  IsCopied: { id: 'copied', group: 'access', format: 'bool' },
  IsSubscribed: { id: 'subscribed', group: 'access', format: 'bool' },
  ProductCode: { id: 'productCode', group: 'access' },
  ResourceGroupId: { id: 'resourceGroup', group: 'access' },
  LicenseType: { id: 'license', group: 'access' },
  'Tags.Tag[].TagKey': { id: 'tags', group: 'other' },
  'Tags.Tag[].TagValue': { id: 'tags', group: 'other' },
};

export const ALIBABA_VOCABULARY: CloudVocabulary = {
  imageState: (image) => IMAGE_STATES[image.status] ?? 'unknown',
  errorKind: alibabaErrorKind,
  errorReason: alibabaErrorReason,
  fields: ALIBABA_FIELDS,
};
