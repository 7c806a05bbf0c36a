// What a user types, checked before any request: the problems a check can find, as data (a code and its
// numbers), which the UI turns into a localised sentence (src/util/inputMessages.ts) and the providers
// into an English one when they refuse a call themselves. The checks are beside this file, by what they check.
import { ProviderError } from '../core/errors';
import type { InputProblem } from '../core/rules';

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
    case 'notFilterable':
      return `This cloud's listing cannot be narrowed by ${p.what}.`;
    case 'filterDate':
      return `"${p.text}" is not a date (yyyy-MM-dd, optionally with HH:mm, UTC).`;
    case 'filterDateOrder':
      return `The start ${p.from} comes after the end ${p.to}.`;
    case 'untaggedWithTags':
      return 'A filter for images without tags cannot also name tags.';
    case 'instanceTypeFormat':
      return `"${p.text}" is not an instance type (such as ecs.g7.large).`;
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
    case 'wholeMachineInRegion':
      return 'A whole-machine image cannot be copied within its own region; copy it to another region.';
    case 'kmsKeyInRegionOnly':
      return 'A copy to another region cannot be encrypted with a KMS key on this cloud.';
    case 'notEncryptable':
      return 'This cloud cannot encrypt the new image this way.';
    case 'tooManyDataDisks':
      return `An image takes at most ${p.max} data disks here; ${p.count} were given.`;
    case 'noDataDisks':
      return 'This cloud imports no data disks with a system disk image.';
    case 'notShared':
      return `Not shared with this project: ${p.ids.join(', ')}.`;
    case 'unknownRegion':
      return `The region "${p.regionId}" does not exist on this cloud.`;
  }
}
