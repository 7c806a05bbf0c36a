// The rule types beside the contract: what a user may type and ask for, per cloud, as each cloud's rules
// (src/providers/*/rules.ts) describe it, and the problems a check can find, as data. The checks
// themselves are in src/providers/rules/.
import type { FilterAttribute, Image, Tag } from './model';
import type { ImageState } from './vocabulary';

export type InputField =
  | 'tagKey'
  | 'tagValue'
  | 'tagName'
  | 'bucket'
  | 'object'
  | 'objectPrefix'
  | 'accountName'
  | 'accessKeyId'
  | 'secret'
  | 'securityToken'
  | 'endpoint'
  | 'imageName'
  | 'imageDescription'
  | 'imageFamily'
  | 'osFamily'
  // Copy (src/providers/rules/copy.ts)
  | 'kmsKeyId' | 'agencyName'
  | 'diskSize';

/** Named character rules, each with one sentence in the UI. */
export type Charset =
  | 'huaweiTagKey'
  | 'huaweiTagValue'
  | 'lettersDigits'
  | 'ossBucket'
  | 'obsBucket'
  | 'objectName'
  | 'noSpaces'
  | 'alibabaImageName' | 'huaweiImageName' | 'noAngleBrackets'
  | 'kmsKeyUuid';

/** How a cloud writes a member ID. */
export type MemberFormat = 'alibabaAccount' | 'huaweiProject' | 'qingcloudUser';

/** How a cloud writes an AccessKey ID. */
export interface KeyShape {
  /** What every such ID starts with (Alibaba STS: "STS."); `min` and `max` count what follows it. */
  readonly prefix?: string;
  readonly min: number;
  readonly max: number;
  /** True where only capital letters and digits occur. */
  readonly upperOnly: boolean;
  /** How such an ID starts, for the hint (e.g. "LTAI"). */
  readonly example?: string;
}

export type InputProblem =
  | { readonly code: 'required'; readonly field: InputField }
  | { readonly code: 'whitespace'; readonly field: InputField }
  | { readonly code: 'control'; readonly field: InputField }
  | { readonly code: 'tooLong'; readonly field: InputField; readonly length: number; readonly max: number; readonly unit: 'characters' | 'bytes' }
  | { readonly code: 'tooShort'; readonly field: InputField; readonly length: number; readonly min: number }
  | { readonly code: 'reservedPrefix'; readonly field: InputField; readonly prefixes: readonly string[] }
  | { readonly code: 'forbiddenText'; readonly field: InputField; readonly texts: readonly string[] }
  | { readonly code: 'charset'; readonly field: InputField; readonly charset: Charset }
  | { readonly code: 'valueNotAllowed' }
  | { readonly code: 'tooManyTags'; readonly count: number; readonly max: number }
  | { readonly code: 'notSearchable'; readonly key: string }
  | { readonly code: 'tooManyFilterKeys'; readonly count: number; readonly max: number }
  | { readonly code: 'tooManyFilterValues'; readonly key: string; readonly count: number; readonly max: number }
  | { readonly code: 'repeatedFilterKey'; readonly key: string }
  | { readonly code: 'oneStatusOnly'; readonly count: number }
  | { readonly code: 'notFilterable'; readonly what: FilterAttribute | 'created' | 'untagged' }
  | { readonly code: 'filterDate'; readonly text: string }
  | { readonly code: 'filterDateOrder'; readonly from: string; readonly to: string }
  | { readonly code: 'untaggedWithTags' }
  | { readonly code: 'instanceTypeFormat'; readonly text: string }
  | { readonly code: 'noMembers' }
  | { readonly code: 'memberFormat'; readonly id: string; readonly format: MemberFormat }
  | { readonly code: 'tooManyMembers'; readonly count: number; readonly max: number }
  | { readonly code: 'memberLimit'; readonly current: number; readonly adding: number; readonly max: number }
  | { readonly code: 'alreadyMembers'; readonly ids: readonly string[] }
  | { readonly code: 'notMembers'; readonly ids: readonly string[] }
  | { readonly code: 'format'; readonly format: string; readonly formats: readonly string[] }
  | { readonly code: 'outOfRange'; readonly field: InputField; readonly min: number; readonly max: number }
  | { readonly code: 'notOneOf'; readonly value: string; readonly values: readonly string[] }
  | { readonly code: 'accessKeyShape'; readonly shape: KeyShape }
  | { readonly code: 'endpointUrl' }
  | { readonly code: 'endpointScheme' }
  | { readonly code: 'endpointInsecure'; readonly host: string }
  | { readonly code: 'endpointCredentials' }
  | { readonly code: 'endpointPath' }
  | { readonly code: 'copyRegion'; readonly regionId: string } | { readonly code: 'noRegions' } | { readonly code: 'wholeMachineInRegion' }
  // Encryption (copy and import)
  | { readonly code: 'kmsKeyInRegionOnly' } | { readonly code: 'notEncryptable' }
  // Data disks (import)
  | { readonly code: 'tooManyDataDisks'; readonly count: number; readonly max: number } | { readonly code: 'noDataDisks' }
  // Arguments typed by scripts and keybindings
  | { readonly code: 'notShared'; readonly ids: readonly string[] } | { readonly code: 'unknownRegion'; readonly regionId: string };

export interface TextRule {
  readonly field: InputField;
  /** 0 allows the empty text. */
  readonly min: number;
  readonly max: number;
  /** How `max` is counted. Default characters (code points). */
  readonly unit?: 'characters' | 'bytes';
  /** Leading or trailing white space is refused (the UI trims what it parses). Default true. */
  readonly noOuterSpace?: boolean;
  /** Control characters (newlines included) are refused. Default true. */
  readonly noControl?: boolean;
  readonly reservedPrefixes?: readonly string[];
  readonly forbidden?: readonly string[];
  readonly charset?: { readonly name: Charset; readonly test: (text: string) => boolean };
}

export interface MemberRules {
  readonly format: MemberFormat;
  readonly pattern: RegExp;
  /** Members one image can have, where the cloud documents a ceiling. */
  readonly maxPerImage?: number;
  /** Members one Share or Unshare may name. */
  readonly maxPerAction: number;
}

export interface TagRules {
  readonly limits: TagLimits;
  /** A tag to add, by the rules of the add call (TagResources, tags/action create, CreateTag). */
  checkTag(tag: Tag): InputProblem | undefined;
  /** A key (or name) to remove, by the rules of the remove call. */
  checkUntagKey(key: string): InputProblem | undefined;
  /** A tag to narrow a listing by, by the rules of the listing's filter. */
  checkFilterTag(tag: Tag): InputProblem | undefined;
}

/** The object storage a cloud imports from and exports to: Alibaba OSS, Huawei OBS. */
export type ObjectStorage = 'oss' | 'obs';

export interface ExportRules {
  /** Where exports go. */
  readonly storage: ObjectStorage;
  /**
   * What the user names: a prefix the cloud puts its own file names after (Alibaba OSSPrefix, default
   * "export"), or the whole object name (Huawei file_name; default from the image's name).
   */
  readonly object: 'prefix' | 'name';
  readonly formats: readonly string[];
  checkBucket(bucket: string): InputProblem | undefined;
  checkObject(object: string): InputProblem | undefined;
}

export interface CloudRules {
  readonly accessKeyId: KeyShape;
  /** A temporary (STS) AccessKey ID, where its shape differs from a long-term one's. */
  readonly temporaryAccessKeyId?: KeyShape;
  readonly tags?: TagRules;
  readonly members?: MemberRules;
  readonly exporting?: ExportRules;
  readonly copying?: CopyRules;
  readonly editing?: EditRules;
}

export interface CopyRules {
  checkName(name: string): InputProblem | undefined;
  /** Absent where the copy call takes no description (QingCloud CloneImages). */
  checkDescription?(description: string): InputProblem | undefined;
  /** Present where a copy can be encrypted with a key of the user's (Alibaba KMSKeyId, Huawei cmk_id). */
  checkKmsKeyId?(keyId: string): InputProblem | undefined;
  /** True where "encrypted" without a key uses the cloud's default key (Alibaba Encrypted=true alone). */
  readonly defaultKey?: boolean;
  /** True where only a copy within the image's region takes a key (Huawei: cross_region_copy has no cmk_id). */
  readonly keyInRegionOnly?: boolean;
  /** Present where a copy to another region goes through an IAM agency (Huawei agency_name). */
  checkAgencyName?(agency: string): InputProblem | undefined;
  /** Whether a copy may leave the image's region (QingCloud clones within its zone only). */
  readonly crossRegion: boolean;
  /** True where a whole-machine image is copied only to another region (Huawei IMG.0130: no copy within its region). */
  readonly wholeMachineElsewhereOnly?: boolean;
  /** True where an image shared with the project is copied within its region once accepted (Huawei `/copy`; its cross_region_copy takes private images only). */
  readonly receivedInRegion?: boolean;
}

export interface EditRules {
  /** A new name, by the rules of the cloud's modify call. */
  checkName(name: string): InputProblem | undefined;
  /** A new description ('' clears it where the cloud allows an empty one). */
  checkDescription(description: string): InputProblem | undefined;
}

export interface ImportRules {
  /** Where the image file is read from. */
  readonly storage: ObjectStorage;
  /** The file formats the cloud imports; empty where it reads the format from the file (Huawei). */
  readonly formats: readonly string[];
  /** Values the cloud knows for the OS (Alibaba Platform, Huawei os_version), offered in a list. */
  readonly platforms: readonly string[];
  readonly architectures: readonly string[];
  /** Alibaba OSType values; empty where the platform says it (Huawei). */
  readonly osTypes: readonly string[];
  readonly minDiskGiB: number;
  readonly maxDiskGiB: number;
  checkBucket(bucket: string): InputProblem | undefined;
  checkObject(object: string): InputProblem | undefined;
  checkName(name: string): InputProblem | undefined;
  checkDescription(description: string): InputProblem | undefined;
  /** Present where an import can encrypt the new image with a key of the user's (Huawei cmk_id). */
  checkKmsKeyId?(keyId: string): InputProblem | undefined;
  /** Where a system disk image can bring data disks' files along (Alibaba DiskDeviceMapping.2..17): how many, what size. */
  readonly dataDisks?: DiskRange & { readonly max: number };
  /** Where a data disk image is made from one file (Huawei dataimages/action): its size and OS types. */
  readonly dataImage?: DiskRange & { readonly osTypes: readonly string[] };
}

/** A disk's size range, GiB. */
export interface DiskRange {
  readonly minGiB: number;
  readonly maxGiB: number;
}

export type Capability = 'tag' | 'share' | 'export' | 'delete' | 'copy' | 'edit' | 'deprecate';

/** Why a command does not apply to an image: the cloud has no such operation, the image is not the account's own, or its state. */
export type ImageRefusal = 'cloud' | 'notOwned' | 'state';

/** Whether one command applies to one image (undefined: it does). */
export type ImageRule = (image: Pick<Image, 'owner'>, state: ImageState) => ImageRefusal | undefined;

/**
 * A cloud's rule for every capability it offers (a unit test checks that none is missing): a new
 * capability adds one entry per cloud.
 */
export type ImageRules = Readonly<Partial<Record<Capability, ImageRule>>>;

export interface TagLimits {
  readonly maxKeyLength: number;
  readonly maxValueLength: number;
  /** Tags per request. */
  readonly maxTagsPerCall: number;
  /** Images per request. */
  readonly maxResourcesPerCall: number;
  /** True where a tag is a name only (QingCloud): values must be empty. */
  readonly namesOnly: boolean;
  /** Tags one image can carry, where the cloud documents a ceiling (Huawei: 10). */
  readonly maxTagsPerImage?: number;
}
