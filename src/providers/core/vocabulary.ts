// The common vocabulary every cloud's own words map into: image states, member states, error kinds
// and what each raw field of an image is. Plain data and words-free: the human words (per language)
// live on the vscode side; each cloud's mapping rules live in its provider folder (mapping.ts).
import type { ErrorReason } from './reasons';
import type { Image } from './model';

/** One state vocabulary for every cloud ("Available", "active", "available" are all 'available'). */
export type ImageState =
  | 'available'
  | 'creating'
  | 'queued'
  | 'unavailable'
  | 'failed'
  | 'deprecated'
  | 'suspended'
  | 'deleting'
  | 'deleted'
  | 'unknown';

/** States in which the image is still being made or removed (the tree shows a spinner). */
export const TRANSIENT_STATES: readonly ImageState[] = ['creating', 'queued', 'deleting'];

/** A sharing member's answer (Huawei asks the receiving project to accept). */
export type MemberState = 'accepted' | 'pending' | 'rejected' | 'unknown';

/** What went wrong, in terms a user can act on. */
export type ErrorKind =
  | 'auth'
  | 'clock'
  | 'forbidden'
  | 'notFound'
  | 'throttled'
  | 'quota'
  | 'invalid'
  | 'conflict'
  | 'server'
  | 'timeout'
  | 'network'
  | 'badResponse'
  | 'cancelled'
  | 'other';

/** What a raw field of an image is, in one list for every cloud. */
export type FieldId =
  | 'id' | 'name' | 'description' | 'status' | 'transition' | 'progress' | 'owner' | 'ownerId' | 'createdAt' | 'updatedAt'
  | 'activeAt' | 'statusTime' | 'family' | 'version' | 'usage' | 'origin' | 'baseImage' | 'ecsImage'
  | 'osName' | 'osNameEn' | 'osType' | 'osBits' | 'platform' | 'architecture' | 'bootMode' | 'hypervisor' | 'minRam'
  | 'recommendedType' | 'defaultUser' | 'nvme' | 'imds'
  | 'size' | 'minDisk' | 'imageSize' | 'diskFormat' | 'containerFormat' | 'checksum'
  | 'diskDevice' | 'diskSize' | 'diskSnapshot' | 'diskType' | 'diskProgress' | 'diskEncrypted'
  | 'encrypted' | 'kmsKey'
  | 'visibility' | 'public' | 'selfShared' | 'copied' | 'subscribed' | 'protected' | 'productCode' | 'resourceGroup'
  | 'enterpriseProject' | 'license' | 'wholeImage' | 'backupId'
  | 'tags';

export type FieldGroup = 'general' | 'system' | 'storage' | 'access' | 'other';

export const FIELD_GROUPS: readonly FieldGroup[] = ['general', 'system', 'storage', 'access', 'other'];

/** How a value reads: a date, a yes/no, a size (GiB, MiB or bytes), a percentage, the state or owner, or text as given. */
export type FieldFormat = 'text' | 'date' | 'bool' | 'gib' | 'mib' | 'bytes' | 'percent' | 'state' | 'owner';

/** Common words for a cloud's enumerated values (yes/no, disk roles, visibility). */
export type FieldWord = 'yes' | 'no' | 'systemDisk' | 'dataDisk' | 'public' | 'private' | 'shared' | 'wholeMachine';

export interface FieldInfo {
  readonly id: FieldId;
  readonly group: FieldGroup;
  readonly format?: FieldFormat;
  /** The cloud's words for this field's values -> common words; a value not listed shows as given. */
  readonly values?: Readonly<Record<string, FieldWord>>;
  /**
   * A field in one language whose twin (a raw path) says the same in the other (Alibaba OSName, OSNameEn):
   * shown in a UI of its own language, or when the twin is empty.
   */
  readonly language?: { readonly is: 'zh' | 'en'; readonly twin: string };
}

/**
 * A cloud's field catalogue: the flattened raw path of a field (`A.B[].C`, array indices written `[]`)
 * to what it is. Fields it does not name are shown under 'other' with their raw path.
 */
export type FieldCatalogue = Readonly<Record<string, FieldInfo>>;

/** Each cloud's rules from its own words to the common vocabulary. */
export interface CloudVocabulary {
  imageState(image: Pick<Image, 'status' | 'raw'>): ImageState;
  /** The kind of one of the cloud's error codes; undefined leaves it to the HTTP status. */
  errorKind(code: string): ErrorKind | undefined;
  /** Why, more precisely, where the cloud documents the code (reasons.ts); undefined leaves it to the kind. */
  errorReason?(code: string): ErrorReason | undefined;
  /** Where the cloud reports a member's answer. */
  memberState?(status: string): MemberState;
  readonly fields: FieldCatalogue;
}

/** Codes the provider core itself gives (HTTP layer, local checks), on any cloud. */
const LOCAL_KINDS: Readonly<Record<string, ErrorKind>> = {
  Timeout: 'timeout',
  NetworkError: 'network',
  BadResponse: 'badResponse',
  ResponseTooLarge: 'badResponse',
  Aborted: 'cancelled',
};

/** A last resort from the HTTP status, when the cloud's code says nothing we know. */
export function kindOfHttpStatus(status: number | undefined): ErrorKind | undefined {
  if (status === undefined) {
    return undefined;
  }
  if (status === 401) {
    return 'auth';
  }
  if (status === 403) {
    return 'forbidden';
  }
  if (status === 404) {
    return 'notFound';
  }
  if (status === 409) {
    return 'conflict';
  }
  if (status === 429) {
    return 'throttled';
  }
  if (status >= 500) {
    return 'server';
  }
  return status >= 400 ? 'invalid' : undefined;
}

/** The provider core's own codes (on any cloud); with `local`, also its checks before a request (InvalidTag, BadRequest…). */
export function coreErrorKind(code: string, local: boolean): ErrorKind | undefined {
  return LOCAL_KINDS[code] ?? (local && /^(Invalid|BadRequest|BadCursor|TooMany)/.test(code) ? 'invalid' : undefined);
}

/** A code-to-kind reader from ordered [pattern, kind] rules: the first that matches wins. */
export function errorRules(rules: readonly (readonly [RegExp, ErrorKind])[]): (code: string) => ErrorKind | undefined {
  return (code) => rules.find(([pattern]) => pattern.test(code))?.[1];
}

/** The catalogue key of a flattened path: array indices become `[]`. */
export function catalogueKey(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}
