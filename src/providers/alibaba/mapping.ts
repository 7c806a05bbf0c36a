// Alibaba ECS wire shapes -> the common model, and its words -> the common vocabulary.
import { num, str, timestamp, wrappedList, type Json } from '../shared/common';
import type { Image, ImageOwner, Region, Tag } from '../core/model';
import { errorRules, type CloudVocabulary, type ImageState } from '../core/vocabulary';
import { fieldCatalogue, stateOfStatus, yesNo } from '../shared/fields';
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
    // The cloud's English names carry doubled spaces ("Ubuntu  22.04 64 bit"): shown with single ones.
    osName: (str(osName) ?? str(osNameOther))?.replace(/\s+/g, ' ').trim(),
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
  if (status !== 'Creating' && status !== 'Waiting') {
    return {};
  }
  const match = /^(\d{1,3})%?$/.exec(str(i['Progress'])?.trim() ?? '');
  return match ? { progress: Math.min(100, Number(match[1])) } : {};
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

export const ALIBABA_FIELDS = fieldCatalogue({
  general: {
    ImageId: 'id',
    ImageName: 'name',
    Description: 'description',
    Status: 'status:state',
    Progress: 'progress',
    ImageOwnerAlias: 'owner:owner',
    ImageOwnerId: 'ownerId',
    CreationTime: 'createdAt:date',
    ImageFamily: 'family',
    ImageVersion: 'version',
    Usage: { id: 'usage', values: yesNo('instance', 'none') },
  },
  system: {
    OSName: { id: 'osName', language: { is: 'zh', twin: 'OSNameEn' } },
    OSNameEn: { id: 'osNameEn', language: { is: 'en', twin: 'OSName' } },
    OSType: 'osType',
    Platform: 'platform',
    Architecture: 'architecture',
    BootMode: 'bootMode',
    'Features.NvmeSupport': { id: 'nvme', values: yesNo('supported', 'unsupported') },
    'Features.ImdsSupport': 'imds',
  },
  storage: {
    Size: 'size:gib',
    'DiskDeviceMappings.DiskDeviceMapping[].Device': 'diskDevice',
    'DiskDeviceMappings.DiskDeviceMapping[].Size': 'diskSize:gib',
    'DiskDeviceMappings.DiskDeviceMapping[].SnapshotId': 'diskSnapshot',
    'DiskDeviceMappings.DiskDeviceMapping[].Type': { id: 'diskType', values: { system: 'systemDisk', data: 'dataDisk' } },
    'DiskDeviceMappings.DiskDeviceMapping[].Format': 'diskFormat',
    'DiskDeviceMappings.DiskDeviceMapping[].Progress': 'diskProgress',
    'DiskDeviceMappings.DiskDeviceMapping[].Encrypted': 'diskEncrypted:bool',
  },
  access: {
    IsPublic: 'public:bool',
    IsSelfShared: 'selfShared:bool',
    IsCopied: 'copied:bool',
    IsSubscribed: 'subscribed:bool',
    ProductCode: 'productCode',
    ResourceGroupId: 'resourceGroup',
    LicenseType: 'license',
  },
  other: { 'Tags.Tag[].TagKey': 'tags', 'Tags.Tag[].TagValue': 'tags' },
});

export const ALIBABA_VOCABULARY: CloudVocabulary = {
  imageState: stateOfStatus(IMAGE_STATES),
  errorKind: alibabaErrorKind,
  errorReason: alibabaErrorReason,
  fields: ALIBABA_FIELDS,
};
