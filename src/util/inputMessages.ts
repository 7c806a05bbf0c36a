// Turns the providers' input problems (src/providers/rules/input.ts) into localised sentences. The rules
// themselves live in the providers; this file only words them.
import * as vscode from 'vscode';
import type { Charset, InputField, InputProblem, KeyShape, MemberFormat } from '../providers/core/rules';
import type { CloudKind } from '../providers/core/model';
import { cloudLabel } from './clouds';
import { filterAttributeLabel } from './filterWords';
import { formatList } from './format';

/** Texts quoted as the display language quotes them, listed as it lists them. */
function quoted(texts: readonly string[]): string {
  return formatList(texts.map((t) => vscode.l10n.t('"{0}"', t)));
}

function fieldName(field: InputField): string {
  switch (field) {
    case 'tagKey':
      return vscode.l10n.t('tag key');
    case 'tagValue':
      return vscode.l10n.t('tag value');
    case 'tagName':
      return vscode.l10n.t('tag name');
    case 'bucket':
      return vscode.l10n.t('bucket name');
    case 'object':
      return vscode.l10n.t('object name');
    case 'objectPrefix':
      return vscode.l10n.t('object prefix');
    case 'accountName':
      return vscode.l10n.t('account name');
    case 'accessKeyId':
      return vscode.l10n.t('AccessKey ID');
    case 'secret':
      return vscode.l10n.t('AccessKey secret');
    case 'securityToken':
      return vscode.l10n.t('security token');
    case 'endpoint':
      return vscode.l10n.t('endpoint');
    case 'imageName':
      return vscode.l10n.t('image name');
    case 'imageDescription':
      return vscode.l10n.t('image description');
    case 'imageFamily':
      return vscode.l10n.t('image family');
    case 'osFamily':
      return vscode.l10n.t('OS family');
    case 'kmsKeyId':
      return vscode.l10n.t('KMS key ID');
    case 'agencyName':
      return vscode.l10n.t('agency name');
    case 'diskSize':
      return vscode.l10n.t('disk size');
  }
}

function charsetRule(charset: Charset, field: InputField): string {
  switch (charset) {
    case 'huaweiTagKey':
      return vscode.l10n.t('A Huawei Cloud tag key uses only letters, digits, "_" and "-".');
    case 'huaweiTagValue':
      return vscode.l10n.t('A Huawei Cloud tag value uses only letters, digits, "_", "." and "-".');
    case 'lettersDigits':
      return vscode.l10n.t('The object prefix uses only letters and digits (Alibaba Cloud OSSPrefix).');
    case 'ossBucket':
      return vscode.l10n.t('An OSS bucket name uses lower-case letters, digits and hyphens, and starts and ends with a letter or digit.');
    case 'obsBucket':
      return vscode.l10n.t(
        'An OBS bucket name uses lower-case letters, digits, hyphens and periods, starts and ends with a letter or digit, has no ".." and no period next to a hyphen, and is not an IP address.',
      );
    case 'objectName':
      return vscode.l10n.t('The object name does not start with "/" and has none of \\ : * ? " < > |.');
    case 'noSpaces':
      return vscode.l10n.t('The {0} has no spaces.', fieldName(field));
    case 'alibabaImageName':
      return vscode.l10n.t('An Alibaba Cloud image name starts with a letter or a Chinese character and then uses only letters, Chinese characters, digits, ".", ":", "_" and "-".');
    case 'huaweiImageName':
      return vscode.l10n.t('A Huawei Cloud image name uses only letters, digits, Chinese characters, "-", ".", "_" and spaces.');
    case 'noAngleBrackets':
      return vscode.l10n.t('The {0} may not contain "<" or ">".', fieldName(field));
    case 'kmsKeyUuid':
      return vscode.l10n.t('A KMS key ID is 36 characters: hexadecimal digits in groups of 8, 4, 4, 4 and 12 joined by "-", such as 0d0466b0-e727-4d9c-b35d-f84bb474a37f.');
  }
}

function memberFormatRule(id: string, format: MemberFormat): string {
  switch (format) {
    case 'alibabaAccount':
      return vscode.l10n.t('"{0}" is not an Alibaba Cloud account ID (10 to 20 digits).', id);
    case 'huaweiProject':
      return vscode.l10n.t('"{0}" is not a Huawei Cloud project ID (32 lower-case hexadecimal digits).', id);
    case 'qingcloudUser':
      return vscode.l10n.t('"{0}" is not a QingCloud user ID ("usr-" and 8 letters or digits).', id);
  }
}

/** What a member ID is on a cloud, plural, for prompts. */
export function memberNounPlural(format: MemberFormat): string {
  switch (format) {
    case 'alibabaAccount':
      return vscode.l10n.t('account IDs');
    case 'huaweiProject':
      return vscode.l10n.t('project IDs');
    case 'qingcloudUser':
      return vscode.l10n.t('user IDs');
  }
}

function keyShapeHint(shape: KeyShape): string {
  if (shape.prefix) {
    return vscode.l10n.t('{0} and then letters and digits', shape.prefix);
  }
  const count =
    shape.min === shape.max
      ? shape.upperOnly
        ? vscode.l10n.t('{0} capital letters and digits', shape.min)
        : vscode.l10n.t('{0} letters and digits', shape.min)
      : shape.upperOnly
        ? vscode.l10n.t('{0} to {1} capital letters and digits', shape.min, shape.max)
        : vscode.l10n.t('{0} to {1} letters and digits', shape.min, shape.max);
  return shape.example ? vscode.l10n.t('{0}, such as {1}…', count, shape.example) : count;
}

/** One sentence for a problem; `cloud` names the cloud where the sentence needs it. */
/** `regionName`: a region as the tree names it, for sentences (its ID where there is none). */
export function inputMessage(p: InputProblem, cloud?: CloudKind, regionName: (regionId: string) => string = (id) => id): string {
  switch (p.code) {
    case 'required':
      return vscode.l10n.t('Enter the {0}.', fieldName(p.field));
    case 'whitespace':
      return vscode.l10n.t('The {0} starts or ends with a space; remove it.', fieldName(p.field));
    case 'control':
      return vscode.l10n.t('The {0} contains a line break or another control character.', fieldName(p.field));
    case 'tooLong':
      return p.unit === 'bytes'
        ? vscode.l10n.t('The {0} takes {1} bytes in UTF-8; at most {2} are allowed.', fieldName(p.field), p.length, p.max)
        : vscode.l10n.t('The {0} has {1} characters; at most {2} are allowed.', fieldName(p.field), p.length, p.max);
    case 'tooShort':
      return vscode.l10n.t('The {0} has {1} characters; at least {2} are needed.', fieldName(p.field), p.length, p.min);
    case 'reservedPrefix':
      return vscode.l10n.t('The {0} may not start with any of: {1}.', fieldName(p.field), quoted(p.prefixes));
    case 'forbiddenText':
      return vscode.l10n.t('The {0} may not contain: {1}.', fieldName(p.field), quoted(p.texts));
    case 'charset':
      return charsetRule(p.charset, p.field);
    case 'valueNotAllowed':
      return vscode.l10n.t('QingCloud tags are names without values: enter only the name.');
    case 'tooManyTags':
      return vscode.l10n.t('An image can carry at most {0} tags; this would make {1}.', p.max, p.count);
    case 'notSearchable':
      return vscode.l10n.t('Images cannot be searched by the tag key "{0}" on this cloud.', p.key);
    case 'tooManyFilterKeys':
      return vscode.l10n.t('A tag filter on this cloud takes at most {0} keys; {1} were given.', p.max, p.count);
    case 'tooManyFilterValues':
      return p.max === 0
        ? vscode.l10n.t('Tags on this cloud are names without values: filter by "{0}" without "=".', p.key)
        : vscode.l10n.t('The tag key "{0}" takes at most {1} values in a filter on this cloud; {2} were given.', p.key, p.max, p.count);
    case 'oneStatusOnly':
      return vscode.l10n.t('This cloud filters by one status at a time; {0} were given.', p.count);
    case 'notFilterable':
      return vscode.l10n.t('This cloud cannot narrow its listing by {0}.', filterAttributeLabel(p.what));
    case 'filterDate':
      return vscode.l10n.t('"{0}" is not a date: write it as 2024-05-01 or 2024-05-01 08:30 (UTC).', p.text);
    case 'filterDateOrder':
      return vscode.l10n.t('The start ({0}) comes after the end ({1}).', p.from, p.to);
    case 'untaggedWithTags':
      return vscode.l10n.t('Images without tags cannot be asked for together with tag conditions.');
    case 'instanceTypeFormat':
      return vscode.l10n.t('"{0}" is not an instance type; write it as the cloud names it, such as ecs.g7.large.', p.text);
    case 'repeatedFilterKey':
      return vscode.l10n.t('The tag key "{0}" is given twice; give its values together, as {0}=a,b.', p.key);
    case 'noMembers':
      return vscode.l10n.t('Enter at least one member ID.');
    case 'memberFormat':
      return memberFormatRule(p.id, p.format);
    case 'tooManyMembers':
      return vscode.l10n.t('{0} IDs were given; at most {1} can be changed at a time.', p.count, p.max);
    case 'memberLimit':
      return vscode.l10n.t('An image can be shared with at most {0} members; it has {1}.', p.max, p.current);
    case 'alreadyMembers':
      return vscode.l10n.t('The image is already shared with {0}.', formatList(p.ids));
    case 'notMembers':
      return vscode.l10n.t('The image is not shared with {0}.', formatList(p.ids));
    case 'format':
      return vscode.l10n.t('{0} cannot export to "{1}"; choose one of {2}.', cloud ? cloudLabel(cloud) : vscode.l10n.t('This cloud'), p.format, formatList(p.formats));
    case 'accessKeyShape':
      return vscode.l10n.t('This does not look like an AccessKey ID of this cloud ({0}).', keyShapeHint(p.shape));
    case 'endpointUrl':
      return vscode.l10n.t('Enter a full URL such as https://ecs.example.com, or leave it empty.');
    case 'endpointScheme':
      return vscode.l10n.t('The endpoint must start with https:// (or http:// for this machine only).');
    case 'endpointInsecure':
      return vscode.l10n.t('Plain http:// is allowed only for this machine (localhost, 127.0.0.1, ::1); use https:// for {0}.', p.host);
    case 'endpointCredentials':
      return vscode.l10n.t('Do not put a user name or password in the endpoint; the AccessKey is asked for separately.');
    case 'endpointPath':
      return vscode.l10n.t('Give only the scheme, host and port, without a path.');
    case 'copyRegion':
      return vscode.l10n.t('{0} copies an image only within its own region; {1} cannot be chosen.', cloud ? cloudLabel(cloud) : vscode.l10n.t('This cloud'), regionName(p.regionId));
    case 'noRegions':
      return vscode.l10n.t('Choose at least one destination region.');
    case 'wholeMachineInRegion':
      return vscode.l10n.t('A whole-machine image cannot be copied within its own region; choose another region.');
    case 'kmsKeyInRegionOnly':
      return vscode.l10n.t('{0} encrypts a copy with a KMS key only within the region of the image; copy it there, or copy it unencrypted.', cloud ? cloudLabel(cloud) : vscode.l10n.t('This cloud'));
    case 'tooManyDataDisks':
      return vscode.l10n.t('An image takes at most {0} data disks on this cloud; {1} were given.', p.max, p.count);
    case 'noDataDisks':
      return vscode.l10n.t('{0} imports no data disks with a system disk image.', cloud ? cloudLabel(cloud) : vscode.l10n.t('This cloud'));
    case 'notShared':
      return vscode.l10n.t('No image {0} is shared with this project; only images shared with it can be accepted or rejected.', formatList(p.ids));
    case 'unknownRegion':
      return vscode.l10n.t('The region "{0}" does not exist on {1}.', p.regionId, cloud ? cloudLabel(cloud) : vscode.l10n.t('this cloud'));
    case 'notEncryptable':
      return vscode.l10n.t('{0} cannot encrypt the new image this way.', cloud ? cloudLabel(cloud) : vscode.l10n.t('This cloud'));
    case 'outOfRange':
      return vscode.l10n.t('The {0} must be a whole number from {1} to {2}.', fieldName(p.field), p.min, p.max);
    case 'notOneOf':
      return vscode.l10n.t('"{0}" is not among the values this cloud takes: {1}.', p.value, formatList(p.values));
  }
}

/** The sentence for a problem, or undefined (as an input box's validateInput wants it). */
export function messageOf(p: InputProblem | undefined, cloud?: CloudKind): string | undefined {
  return p ? inputMessage(p, cloud) : undefined;
}
