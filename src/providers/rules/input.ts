// What a user types, checked before any request. Each cloud's rules (src/providers/*/rules.ts) are built
// from these pieces with the limits of the API each operation really calls; a check answers a problem
// as data (a code and its numbers), which the UI turns into a localised sentence and the providers into
// an English one when they refuse a call themselves.
import type { CopyRules } from './copy';
import { ProviderError } from '../core/errors';
import type { Tag } from '../core/model';
import type { EditRules } from '../shared/editing';
import type { ExportRequest, TagLimits } from '../core/operations';

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
  | 'alibabaImageName' | 'huaweiImageName' | 'noAngleBrackets';

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
  | { readonly code: 'copyRegion'; readonly regionId: string } | { readonly code: 'noRegions' };

/** A call refused before any request because its input breaks the cloud's rules. */
export class InvalidInputError extends ProviderError {
  static override readonly brand: string = 'InvalidInputError';

  constructor(readonly problem: InputProblem) {
    super({ cloud: 'local', code: 'InvalidInput', message: describeProblem(problem) });
  }
}

/** Throws the problem, if there is one. */
export function assertValid(problem: InputProblem | undefined): void {
  if (problem) {
    throw new InvalidInputError(problem);
  }
}

/** The first problem of several checks. */
export function firstProblem(...checks: ReadonlyArray<() => InputProblem | undefined>): InputProblem | undefined {
  for (const check of checks) {
    const p = check();
    if (p) {
      return p;
    }
  }
  return undefined;
}

/** Characters as the clouds count them: code points (an emoji is one), not UTF-16 units. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

export function byteCount(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

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

/** One text against one rule: required, white space, control characters, length, prefixes, forbidden text, characters. */
export function checkText(text: string, rule: TextRule): InputProblem | undefined {
  const { field } = rule;
  if (!text.length) {
    return rule.min > 0 ? { code: 'required', field } : undefined;
  }
  if ((rule.noOuterSpace ?? true) && text.trim() !== text) {
    return { code: 'whitespace', field };
  }
  if ((rule.noControl ?? true) && CONTROL.test(text)) {
    return { code: 'control', field };
  }
  const unit = rule.unit ?? 'characters';
  const length = unit === 'bytes' ? byteCount(text) : charCount(text);
  if (length > rule.max) {
    return { code: 'tooLong', field, length, max: rule.max, unit };
  }
  if (length < rule.min) {
    return { code: 'tooShort', field, length, min: rule.min };
  }
  const lower = text.toLowerCase();
  if (rule.reservedPrefixes?.some((p) => lower.startsWith(p))) {
    return { code: 'reservedPrefix', field, prefixes: rule.reservedPrefixes };
  }
  if (rule.forbidden?.some((f) => lower.includes(f))) {
    return { code: 'forbiddenText', field, texts: rule.forbidden };
  }
  if (rule.charset && !rule.charset.test(text)) {
    return { code: 'charset', field, charset: rule.charset.name };
  }
  return undefined;
}

// ---- Accounts: the same for every cloud but the shape of the AccessKey ID ----

export const ACCOUNT_NAME_RULE: TextRule = { field: 'accountName', min: 1, max: 64 };

export function checkAccountName(name: string): InputProblem | undefined {
  return checkText(name, ACCOUNT_NAME_RULE);
}

export function checkAccessKeyId(value: string, shape: KeyShape): InputProblem | undefined {
  const problem = checkText(value, { field: 'accessKeyId', min: 1, max: 160 });
  if (problem) {
    return problem;
  }
  const prefix = shape.prefix ?? '';
  const rest = value.startsWith(prefix) ? value.slice(prefix.length) : '';
  const chars = shape.upperOnly ? /^[A-Z0-9]+$/ : /^[A-Za-z0-9]+$/;
  return chars.test(rest) && rest.length >= shape.min && rest.length <= shape.max ? undefined : { code: 'accessKeyShape', shape };
}

/** Secrets are 30 to 40 characters on these clouds; 16 to 128 without white space is what is accepted. */
export function checkSecret(value: string): InputProblem | undefined {
  return checkText(value, { field: 'secret', min: 16, max: 128, charset: { name: 'noSpaces', test: (v) => !/\s/.test(v) } });
}

/**
 * The security token of temporary credentials (Alibaba STS, Huawei temporary AK/SK): a long opaque string,
 * hundreds to a few thousand characters; 16 to 16,384 without white space is what is accepted.
 */
export function checkSecurityToken(value: string): InputProblem | undefined {
  return checkText(value, { field: 'securityToken', min: 16, max: 16_384, charset: { name: 'noSpaces', test: (v) => !/\s/.test(v) } });
}

/** A loopback host: localhost, 127.0.0.0/8 or ::1. Plain HTTP is allowed to these only. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** An endpoint override: empty, or scheme://host[:port] with https, or http to a loopback host; no credentials, no path. */
export function checkEndpoint(value: string): InputProblem | undefined {
  if (!value.length) {
    return undefined;
  }
  const problem = checkText(value, { field: 'endpoint', min: 1, max: 2048 });
  if (problem) {
    return problem;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { code: 'endpointUrl' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { code: 'endpointScheme' };
  }
  if (url.username || url.password) {
    return { code: 'endpointCredentials' };
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    return { code: 'endpointPath' };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { code: 'endpointInsecure', host: url.hostname };
  }
  return undefined;
}

// ---- Members (share / unshare) ----

export interface MemberRules {
  readonly format: MemberFormat;
  readonly pattern: RegExp;
  /** Members one image can have, where the cloud documents a ceiling. */
  readonly maxPerImage?: number;
  /** Members one Share or Unshare may name. */
  readonly maxPerAction: number;
}

/** The IDs to add: at least one, each well formed, not too many, none already a member, the image's ceiling kept. */
export function checkNewMembers(rules: MemberRules, ids: readonly string[], current: readonly string[]): InputProblem | undefined {
  const listed = checkMemberList(rules, ids);
  if (listed) {
    return listed;
  }
  const already = ids.filter((id) => current.includes(id));
  if (already.length) {
    return { code: 'alreadyMembers', ids: already };
  }
  if (rules.maxPerImage !== undefined && current.length + ids.length > rules.maxPerImage) {
    return { code: 'memberLimit', current: current.length, adding: ids.length, max: rules.maxPerImage };
  }
  return undefined;
}

/** The IDs to remove: at least one, each well formed, not too many, all current members. */
export function checkRemovedMembers(rules: MemberRules, ids: readonly string[], current: readonly string[]): InputProblem | undefined {
  const listed = checkMemberList(rules, ids);
  if (listed) {
    return listed;
  }
  const unknown = ids.filter((id) => !current.includes(id));
  return unknown.length ? { code: 'notMembers', ids: unknown } : undefined;
}

/** Every ID well formed and at most maxPerAction of them (duplicates count once). */
export function checkMemberList(rules: MemberRules, ids: readonly string[]): InputProblem | undefined {
  if (!ids.length) {
    return { code: 'noMembers' };
  }
  const bad = ids.find((id) => !rules.pattern.test(id));
  if (bad !== undefined) {
    return { code: 'memberFormat', id: bad, format: rules.format };
  }
  const count = new Set(ids).size;
  return count > rules.maxPerAction ? { code: 'tooManyMembers', count, max: rules.maxPerAction } : undefined;
}

// ---- Export ----

export function checkFormat(format: string, formats: readonly string[]): InputProblem | undefined {
  return formats.includes(format) ? undefined : { code: 'format', format, formats };
}

/** One English sentence for logs and for callers without a UI; the UI words its own, localised. */
export function describeProblem(p: InputProblem): string {
  switch (p.code) {
    case 'required':
      return `The ${p.field} is empty.`;
    case 'whitespace':
      return `The ${p.field} starts or ends with white space.`;
    case 'control':
      return `The ${p.field} contains a line break or another control character.`;
    case 'tooLong':
      return `The ${p.field} has ${p.length} ${p.unit}; at most ${p.max} are allowed.`;
    case 'tooShort':
      return `The ${p.field} has ${p.length} characters; at least ${p.min} are needed.`;
    case 'reservedPrefix':
      return `The ${p.field} may not start with ${p.prefixes.map((x) => `"${x}"`).join(' or ')}.`;
    case 'forbiddenText':
      return `The ${p.field} may not contain ${p.texts.map((x) => `"${x}"`).join(' or ')}.`;
    case 'charset':
      return `The ${p.field} has characters the cloud does not allow (${p.charset}).`;
    case 'valueNotAllowed':
      return 'Tags on this cloud are names without values.';
    case 'tooManyTags':
      return `An image can carry at most ${p.max} tags; this would make ${p.count}.`;
    case 'notSearchable':
      return `Images cannot be searched by the tag key "${p.key}".`;
    case 'tooManyFilterKeys':
      return `A tag filter takes at most ${p.max} keys here; ${p.count} were given.`;
    case 'tooManyFilterValues':
      return `The tag key "${p.key}" takes at most ${p.max} values in a filter here; ${p.count} were given.`;
    case 'repeatedFilterKey':
      return `The tag key "${p.key}" is given twice in one tag filter.`;
    case 'oneStatusOnly':
      return `This cloud filters by one status at a time; ${p.count} were given.`;
    case 'noMembers':
      return 'No member ID was given.';
    case 'memberFormat':
      return `"${p.id}" is not a valid member ID (${p.format}).`;
    case 'tooManyMembers':
      return `${p.count} member IDs were given; at most ${p.max} at a time.`;
    case 'memberLimit':
      return `An image can be shared with at most ${p.max} members; it has ${p.current} and ${p.adding} were given.`;
    case 'alreadyMembers':
      return `The image is already shared with ${p.ids.join(', ')}.`;
    case 'notMembers':
      return `The image is not shared with ${p.ids.join(', ')}.`;
    case 'format':
      return `"${p.format}" is not one of the formats ${p.formats.join(', ')}.`;
    case 'notOneOf':
      return `"${p.value}" is not one of ${p.values.join(', ')}.`;
    case 'outOfRange':
      return `The ${p.field} must be a whole number from ${p.min} to ${p.max}.`;
    case 'accessKeyShape':
      return `This is not an AccessKey ID of this cloud (${p.shape.prefix ?? ''}${p.shape.min} to ${p.shape.max} letters and digits).`;
    case 'endpointUrl':
      return 'The endpoint is not a URL.';
    case 'endpointScheme':
      return 'The endpoint must start with https://.';
    case 'endpointInsecure':
      return `Plain http:// is allowed only for this machine (loopback), not for ${p.host}.`;
    case 'endpointCredentials':
      return 'The endpoint may not contain a user name or password.';
    case 'endpointPath':
      return 'The endpoint is a scheme, host and port only, without a path.';
    case 'copyRegion':
      return `This cloud cannot copy the image to ${p.regionId}.`;
    case 'noRegions':
      return 'No destination region was given.';
  }
}

// ---- What each cloud exposes (src/providers/*/rules.ts; the registry is src/providers/rules/index.ts) ----

export interface TagRules {
  readonly limits: TagLimits;
  /** A tag to add, by the rules of the add call (TagResources, tags/action create, CreateTag). */
  checkTag(tag: Tag): InputProblem | undefined;
  /** A key (or name) to remove, by the rules of the remove call. */
  checkUntagKey(key: string): InputProblem | undefined;
  /** A tag to narrow a listing by, by the rules of the listing's filter. */
  checkFilterTag(tag: Tag): InputProblem | undefined;
}

export interface ExportRules {
  readonly formats: readonly string[];
  checkBucket(bucket: string): InputProblem | undefined;
  checkObject(object: string): InputProblem | undefined;
}

export function checkExport(rules: ExportRules, request: ExportRequest): InputProblem | undefined {
  return rules.checkBucket(request.bucket) ?? rules.checkObject(request.object) ?? (request.quick ? undefined : checkFormat(request.format, rules.formats));
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

/** Refuses tags to add that break the rules, or more distinct keys than an image can carry. */
export function assertTags(rules: TagRules, tags: readonly Tag[]): void {
  for (const tag of tags) {
    assertValid(rules.checkTag(tag));
  }
  const count = new Set(tags.map((t) => t.key)).size;
  const max = rules.limits.maxTagsPerImage;
  if (max !== undefined && count > max) {
    throw new InvalidInputError({ code: 'tooManyTags', count, max });
  }
}

/** Refuses keys (names) to remove that the remove call would refuse. */
export function assertUntagKeys(rules: TagRules, keys: readonly string[]): void {
  for (const key of keys) {
    assertValid(rules.checkUntagKey(key));
  }
}

/** Refuses member IDs a Share or Unshare call may not send (an empty list is no call at all). */
export function assertMembers(rules: MemberRules, ids: readonly string[]): void {
  if (ids.length) {
    assertValid(checkMemberList(rules, ids));
  }
}
