// Bad input across the four clouds, table-driven: each case is refused by the cloud's rules with a
// specific problem, and where a provider call takes that input, the call is refused with the same
// problem before any request reaches the emulator. Limits are those of the API each operation calls.
import { strict as assert } from 'assert';
import { createProvider } from '../../../../src/providers/stack';
import { HttpClient } from '../../../../src/providers/transport/http';
import { InvalidInputError, describeProblem } from '../../../../src/providers/rules/problems';
import { type InputProblem } from '../../../../src/providers/core/rules';
import { checkAccessKeyId, checkAccountName, checkEndpoint, checkSecret, checkSecurityToken } from '../../../../src/providers/rules/accounts';
import { checkExport } from '../../../../src/providers/rules/cloud';
import { checkNewMembers, checkRemovedMembers } from '../../../../src/providers/rules/members';
import type { CloudKind, Tag } from '../../../../src/providers/core/model';
import type { ExportRequest } from '../../../../src/providers/core/exporting';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { CLOUD_RULES, accessKeyShape } from '../../../../src/providers/rules/index';
import { Emulator } from '../../../../src/sandbox/emulator';

type Input =
  | { readonly tag: Tag }
  | { readonly untag: string }
  | { readonly filter: Tag }
  | { readonly share: readonly string[]; readonly current?: readonly string[] }
  | { readonly unshare: readonly string[]; readonly current: readonly string[] }
  | { readonly export: Partial<ExportRequest> }
  | { readonly name: string }
  | { readonly accessKeyId: string }
  | { readonly temporaryAccessKeyId: string }
  | { readonly securityToken: string }
  | { readonly secret: string }
  | { readonly endpoint: string }
  | { readonly tags: readonly Tag[] };

interface Case {
  readonly cloud: CloudKind;
  readonly input: Input;
  /** The problem's code and the fields that make it specific. */
  readonly refused: Partial<InputProblem> & { readonly code: InputProblem['code'] };
}

const REGION: Record<CloudKind, string> = { alibaba: 'cn-hangzhou', huawei: 'cn-north-4', qingcloud: 'pek3', batchcompute: 'cn-hangzhou' };
const IMAGE: Record<CloudKind, string> = {
  alibaba: 'm-bp1validimage000001',
  huawei: '0b680482-acaa-4045-b14c-9a8c7dfe9c70',
  qingcloud: 'img-valid001',
  batchcompute: 'img-valid001',
};
const GOOD_EXPORT: Record<'alibaba' | 'huawei', ExportRequest> = {
  alibaba: { bucket: 'exports', object: 'export', format: 'qcow2' },
  huawei: { bucket: 'exports', object: 'disk.qcow2', format: 'qcow2' },
};
const ids = (n: number, make: (i: number) => string): string[] => Array.from({ length: n }, (_, i) => make(i));
const alibabaIds = (n: number): string[] => ids(n, (i) => String(1000000000000000 + i));
const projectIds = (n: number): string[] => ids(n, (i) => i.toString(16).padStart(32, '0'));
const userIds = (n: number): string[] => ids(n, (i) => `usr-${i.toString(36).padStart(8, '0')}`);

const BAD: readonly Case[] = [
  // Alibaba TagResources / UntagResources / DescribeImages Tag.N: 128 characters, reserved prefixes, no URLs.
  { cloud: 'alibaba', input: { tag: { key: '', value: 'x' } }, refused: { code: 'required', field: 'tagKey' } },
  { cloud: 'alibaba', input: { tag: { key: 'a'.repeat(129), value: '' } }, refused: { code: 'tooLong', field: 'tagKey', length: 129, max: 128 } },
  { cloud: 'alibaba', input: { tag: { key: '😀'.repeat(129), value: '' } }, refused: { code: 'tooLong', field: 'tagKey', length: 129, max: 128, unit: 'characters' } },
  { cloud: 'alibaba', input: { tag: { key: ' env', value: 'prod' } }, refused: { code: 'whitespace', field: 'tagKey' } },
  { cloud: 'alibaba', input: { tag: { key: 'env', value: 'prod ' } }, refused: { code: 'whitespace', field: 'tagValue' } },
  { cloud: 'alibaba', input: { tag: { key: 'acs:owner', value: 'x' } }, refused: { code: 'reservedPrefix', field: 'tagKey' } },
  { cloud: 'alibaba', input: { tag: { key: 'AliyunTeam', value: 'x' } }, refused: { code: 'reservedPrefix', field: 'tagKey' } },
  { cloud: 'alibaba', input: { tag: { key: 'see http://x', value: '' } }, refused: { code: 'forbiddenText', field: 'tagKey' } },
  { cloud: 'alibaba', input: { tag: { key: 'site', value: 'https://example.com' } }, refused: { code: 'forbiddenText', field: 'tagValue' } },
  { cloud: 'alibaba', input: { tag: { key: 'note', value: 'v'.repeat(129) } }, refused: { code: 'tooLong', field: 'tagValue', length: 129, max: 128 } },
  { cloud: 'alibaba', input: { tag: { key: 'a\nb', value: '' } }, refused: { code: 'control', field: 'tagKey' } },
  { cloud: 'alibaba', input: { tag: { key: 'note', value: 'x\ty' } }, refused: { code: 'control', field: 'tagValue' } },
  { cloud: 'alibaba', input: { untag: 'acs:x' }, refused: { code: 'reservedPrefix', field: 'tagKey' } },
  { cloud: 'alibaba', input: { untag: 'k'.repeat(10_240) }, refused: { code: 'tooLong', field: 'tagKey', length: 10_240, max: 128 } },
  { cloud: 'alibaba', input: { untag: '' }, refused: { code: 'required', field: 'tagKey' } },
  { cloud: 'alibaba', input: { untag: 'en\u2028v' }, refused: { code: 'control', field: 'tagKey' } },
  { cloud: 'alibaba', input: { filter: { key: 'acs:ecs', value: '' } }, refused: { code: 'reservedPrefix', field: 'tagKey' } },
  // Alibaba ModifyImageSharePermission: account IDs of 10 to 20 digits, 50 an image.
  { cloud: 'alibaba', input: { share: ['12345'] }, refused: { code: 'memberFormat', id: '12345', format: 'alibabaAccount' } },
  { cloud: 'alibaba', input: { share: ['1'.repeat(21)] }, refused: { code: 'memberFormat', format: 'alibabaAccount' } },
  { cloud: 'alibaba', input: { share: ['1234567890', 'user@example.com'] }, refused: { code: 'memberFormat', id: 'user@example.com' } },
  { cloud: 'alibaba', input: { share: alibabaIds(51) }, refused: { code: 'tooManyMembers', count: 51, max: 50 } },
  { cloud: 'alibaba', input: { share: alibabaIds(3000) }, refused: { code: 'tooManyMembers', count: 3000, max: 50 } },
  { cloud: 'alibaba', input: { share: alibabaIds(6), current: alibabaIds(51).slice(6, 51) }, refused: { code: 'memberLimit', current: 45, adding: 6, max: 50 } },
  { cloud: 'alibaba', input: { share: ['1234567890'], current: ['1234567890'] }, refused: { code: 'alreadyMembers', ids: ['1234567890'] } },
  { cloud: 'alibaba', input: { share: [] }, refused: { code: 'noMembers' } },
  { cloud: 'alibaba', input: { unshare: ['1234567891'], current: ['1234567890'] }, refused: { code: 'notMembers', ids: ['1234567891'] } },
  // Alibaba ExportImage: OSS bucket names, OSSPrefix of 1 to 30 letters and digits, the five formats.
  { cloud: 'alibaba', input: { export: { bucket: 'ab' } }, refused: { code: 'tooShort', field: 'bucket', length: 2, min: 3 } },
  { cloud: 'alibaba', input: { export: { bucket: 'b'.repeat(64) } }, refused: { code: 'tooLong', field: 'bucket', length: 64, max: 63 } },
  { cloud: 'alibaba', input: { export: { bucket: 'My_Bucket' } }, refused: { code: 'charset', charset: 'ossBucket' } },
  { cloud: 'alibaba', input: { export: { bucket: '-exports' } }, refused: { code: 'charset', charset: 'ossBucket' } },
  { cloud: 'alibaba', input: { export: { bucket: 'my.exports' } }, refused: { code: 'charset', charset: 'ossBucket' } },
  { cloud: 'alibaba', input: { export: { object: 'exp-ort' } }, refused: { code: 'charset', field: 'objectPrefix', charset: 'lettersDigits' } },
  { cloud: 'alibaba', input: { export: { object: 'x'.repeat(31) } }, refused: { code: 'tooLong', field: 'objectPrefix', length: 31, max: 30 } },
  { cloud: 'alibaba', input: { export: { object: 'exp\nort' } }, refused: { code: 'control', field: 'objectPrefix' } },
  { cloud: 'alibaba', input: { export: { format: 'iso' } }, refused: { code: 'format', format: 'iso' } },
  { cloud: 'alibaba', input: { accessKeyId: 'short' }, refused: { code: 'accessKeyShape' } },
  { cloud: 'alibaba', input: { accessKeyId: 'LTAI5t Example 0001' }, refused: { code: 'accessKeyShape' } },
  // Temporary credentials: an STS AccessKey ID is "STS." and 16 to 128 letters and digits (BatchCompute too);
  // Huawei's temporary AK looks like a long-term one; the security token is long and has no spaces.
  { cloud: 'alibaba', input: { temporaryAccessKeyId: 'LTAI5tNotAnStsKeyId01' }, refused: { code: 'accessKeyShape' } },
  { cloud: 'alibaba', input: { temporaryAccessKeyId: 'STS.tooShort' }, refused: { code: 'accessKeyShape' } },
  { cloud: 'alibaba', input: { temporaryAccessKeyId: 'STS.NUgYrLnoC37m-ZZCNnA' }, refused: { code: 'accessKeyShape' } },
  { cloud: 'batchcompute', input: { temporaryAccessKeyId: `STS.${'a'.repeat(129)}` }, refused: { code: 'accessKeyShape' } },
  { cloud: 'huawei', input: { temporaryAccessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez' }, refused: { code: 'accessKeyShape' } },
  { cloud: 'alibaba', input: { securityToken: '' }, refused: { code: 'required', field: 'securityToken' } },
  { cloud: 'alibaba', input: { securityToken: 'CAIS1234' }, refused: { code: 'tooShort', field: 'securityToken', length: 8, min: 16 } },
  { cloud: 'huawei', input: { securityToken: 'gQpjbi1ub3J0aC00 jdpBnAsbHJx' }, refused: { code: 'charset', field: 'securityToken', charset: 'noSpaces' } },
  { cloud: 'huawei', input: { securityToken: `gQpjbi1ub3J0aC00\n${'x'.repeat(100)}` }, refused: { code: 'control', field: 'securityToken' } },
  // Huawei BatchAddOrDeleteTags: create 36/43 characters of letters, digits, _ - (values also .), 10 an image;
  // delete checks lengths only (127); the ListImages tag filter is "key.value".
  { cloud: 'huawei', input: { tag: { key: 'k'.repeat(37), value: '' } }, refused: { code: 'tooLong', field: 'tagKey', length: 37, max: 36 } },
  { cloud: 'huawei', input: { tag: { key: 'k', value: 'v'.repeat(44) } }, refused: { code: 'tooLong', field: 'tagValue', length: 44, max: 43 } },
  { cloud: 'huawei', input: { tag: { key: '键'.repeat(37), value: '' } }, refused: { code: 'tooLong', field: 'tagKey', length: 37, max: 36 } },
  { cloud: 'huawei', input: { tag: { key: 'a/b', value: '' } }, refused: { code: 'charset', charset: 'huaweiTagKey' } },
  { cloud: 'huawei', input: { tag: { key: 'team name', value: '' } }, refused: { code: 'charset', charset: 'huaweiTagKey' } },
  { cloud: 'huawei', input: { tag: { key: 'env.prod', value: '' } }, refused: { code: 'charset', charset: 'huaweiTagKey' } },
  { cloud: 'huawei', input: { tag: { key: 'team', value: 'data platform' } }, refused: { code: 'charset', charset: 'huaweiTagValue' } },
  { cloud: 'huawei', input: { tag: { key: '😀', value: '' } }, refused: { code: 'charset', charset: 'huaweiTagKey' } },
  { cloud: 'huawei', input: { tags: ids(11, (i) => `k${i}`).map((key) => ({ key, value: '' })) }, refused: { code: 'tooManyTags', count: 11, max: 10 } },
  { cloud: 'huawei', input: { untag: 'k'.repeat(128) }, refused: { code: 'tooLong', field: 'tagKey', length: 128, max: 127 } },
  { cloud: 'huawei', input: { untag: '' }, refused: { code: 'required', field: 'tagKey' } },
  { cloud: 'huawei', input: { filter: { key: 'env.prod', value: 'x' } }, refused: { code: 'notSearchable', key: 'env.prod' } },
  { cloud: 'huawei', input: { share: ['ABCDEF0123456789ABCDEF0123456789'] }, refused: { code: 'memberFormat', format: 'huaweiProject' } },
  { cloud: 'huawei', input: { share: ['0123'] }, refused: { code: 'memberFormat', id: '0123' } },
  { cloud: 'huawei', input: { share: projectIds(129) }, refused: { code: 'tooManyMembers', count: 129, max: 128 } },
  // Huawei ExportImage: OBS bucket names, object keys of at most 1,024 UTF-8 bytes, four formats.
  { cloud: 'huawei', input: { export: { bucket: 'my..exports' } }, refused: { code: 'charset', charset: 'obsBucket' } },
  { cloud: 'huawei', input: { export: { bucket: '192.168.1.10' } }, refused: { code: 'charset', charset: 'obsBucket' } },
  { cloud: 'huawei', input: { export: { bucket: 'my.-exports' } }, refused: { code: 'charset', charset: 'obsBucket' } },
  { cloud: 'huawei', input: { export: { bucket: 'exports.' } }, refused: { code: 'charset', charset: 'obsBucket' } },
  { cloud: 'huawei', input: { export: { object: 'disk\nimage.qcow2' } }, refused: { code: 'control', field: 'object' } },
  { cloud: 'huawei', input: { export: { object: 'disk\r.qcow2' } }, refused: { code: 'control', field: 'object' } },
  { cloud: 'huawei', input: { export: { object: '/disk.qcow2' } }, refused: { code: 'charset', charset: 'objectName' } },
  { cloud: 'huawei', input: { export: { object: 'a:b.qcow2' } }, refused: { code: 'charset', charset: 'objectName' } },
  { cloud: 'huawei', input: { export: { object: '镜'.repeat(342) } }, refused: { code: 'tooLong', field: 'object', length: 1026, max: 1024, unit: 'bytes' } },
  { cloud: 'huawei', input: { export: { object: '' } }, refused: { code: 'required', field: 'object' } },
  { cloud: 'huawei', input: { export: { object: ' disk.qcow2' } }, refused: { code: 'whitespace', field: 'object' } },
  { cloud: 'huawei', input: { export: { format: 'raw' } }, refused: { code: 'format', format: 'raw' } },
  { cloud: 'huawei', input: { accessKeyId: 'sandboxhuaweiak00001' }, refused: { code: 'accessKeyShape' } },
  // QingCloud CreateTag: names of fewer than 15 characters, no values; users usr-xxxxxxxx, 100 an action.
  { cloud: 'qingcloud', input: { tag: { key: 'x'.repeat(15), value: '' } }, refused: { code: 'tooLong', field: 'tagName', length: 15, max: 14 } },
  { cloud: 'qingcloud', input: { tag: { key: '标'.repeat(15), value: '' } }, refused: { code: 'tooLong', field: 'tagName', length: 15, max: 14 } },
  { cloud: 'qingcloud', input: { tag: { key: 'env', value: 'prod' } }, refused: { code: 'valueNotAllowed' } },
  { cloud: 'qingcloud', input: { tag: { key: ' dev', value: '' } }, refused: { code: 'whitespace', field: 'tagName' } },
  { cloud: 'qingcloud', input: { tag: { key: '', value: '' } }, refused: { code: 'required', field: 'tagName' } },
  { cloud: 'qingcloud', input: { tag: { key: 'a\u0000b', value: '' } }, refused: { code: 'control', field: 'tagName' } },
  { cloud: 'qingcloud', input: { untag: 'x'.repeat(15) }, refused: { code: 'tooLong', field: 'tagName', max: 14 } },
  { cloud: 'qingcloud', input: { filter: { key: 'golden', value: 'x' } }, refused: { code: 'valueNotAllowed' } },
  { cloud: 'qingcloud', input: { share: ['usr-abc'] }, refused: { code: 'memberFormat', format: 'qingcloudUser' } },
  { cloud: 'qingcloud', input: { share: ['USR-ABCD1234'] }, refused: { code: 'memberFormat', id: 'USR-ABCD1234' } },
  { cloud: 'qingcloud', input: { share: userIds(101) }, refused: { code: 'tooManyMembers', count: 101, max: 100 } },
  { cloud: 'qingcloud', input: { accessKeyId: 'QYLOWERCASEKEY00000a' }, refused: { code: 'accessKeyShape' } },
  { cloud: 'qingcloud', input: { accessKeyId: 'QYACCESSKEYIDEXAMPLE1' }, refused: { code: 'accessKeyShape' } },
  // BatchCompute: an Alibaba Cloud key. Account fields are the same for every cloud.
  { cloud: 'batchcompute', input: { accessKeyId: 'L'.repeat(41) }, refused: { code: 'accessKeyShape' } },
  { cloud: 'batchcompute', input: { name: '' }, refused: { code: 'required', field: 'accountName' } },
  { cloud: 'batchcompute', input: { name: 'x'.repeat(65) }, refused: { code: 'tooLong', field: 'accountName', length: 65, max: 64 } },
  { cloud: 'batchcompute', input: { name: ' prod' }, refused: { code: 'whitespace', field: 'accountName' } },
  { cloud: 'batchcompute', input: { name: 'prod\nstaging' }, refused: { code: 'control', field: 'accountName' } },
  { cloud: 'batchcompute', input: { secret: 'short' }, refused: { code: 'tooShort', field: 'secret', length: 5, min: 16 } },
  { cloud: 'batchcompute', input: { secret: 'has a space in it 0000' }, refused: { code: 'charset', charset: 'noSpaces' } },
  { cloud: 'batchcompute', input: { endpoint: 'ftp://batchcompute.example.com' }, refused: { code: 'endpointScheme' } },
  { cloud: 'batchcompute', input: { endpoint: 'http://batchcompute.cn-hangzhou.aliyuncs.com' }, refused: { code: 'endpointInsecure', host: 'batchcompute.cn-hangzhou.aliyuncs.com' } },
  { cloud: 'batchcompute', input: { endpoint: 'http://10.0.0.5:8080' }, refused: { code: 'endpointInsecure', host: '10.0.0.5' } },
  { cloud: 'batchcompute', input: { endpoint: 'http://127.0.0.1.example.com' }, refused: { code: 'endpointInsecure' } },
  { cloud: 'batchcompute', input: { endpoint: 'https://user:pw@ecs.example.com' }, refused: { code: 'endpointCredentials' } },
  { cloud: 'batchcompute', input: { endpoint: 'https://ecs.example.com/v1' }, refused: { code: 'endpointPath' } },
  { cloud: 'batchcompute', input: { endpoint: 'https://ecs.example.com?x=1' }, refused: { code: 'endpointPath' } },
  { cloud: 'batchcompute', input: { endpoint: 'ecs.example.com' }, refused: { code: 'endpointUrl' } },
];

const GOOD: ReadonlyArray<Pick<Case, 'cloud' | 'input'>> = [
  { cloud: 'alibaba', input: { tag: { key: '😀'.repeat(128), value: '' } } },
  { cloud: 'alibaba', input: { tag: { key: '项目', value: 'acs:value-is-fine' } } },
  { cloud: 'alibaba', input: { share: ['1234567890', '1234567890123456', '201693514356661234'] } },
  { cloud: 'alibaba', input: { export: { object: '' } } },
  { cloud: 'alibaba', input: { temporaryAccessKeyId: 'STS.NUgYrLnoC37mZZCNnAbez2ZqK' } },
  { cloud: 'batchcompute', input: { temporaryAccessKeyId: `STS.${'a'.repeat(128)}` } },
  { cloud: 'huawei', input: { temporaryAccessKeyId: 'HST3UXQ2VB7RDHPJ1F6K' } },
  { cloud: 'huawei', input: { securityToken: `gQpjbi1ub3J0aC00${'jdpBnAsbHJx+/='.repeat(300)}` } },
  { cloud: 'huawei', input: { tag: { key: '项目', value: 'cc-1024.v2' } } },
  { cloud: 'huawei', input: { untag: 'a key the create call would refuse: 1/2' } },
  { cloud: 'huawei', input: { export: { bucket: 'my.exports-1', object: '镜'.repeat(341) } } },
  { cloud: 'qingcloud', input: { tag: { key: '标'.repeat(14), value: '' } } },
  { cloud: 'batchcompute', input: { endpoint: 'http://127.0.0.1:8080' } },
  { cloud: 'batchcompute', input: { endpoint: 'http://localhost:1' } },
  { cloud: 'batchcompute', input: { endpoint: 'http://[::1]:9' } },
  { cloud: 'batchcompute', input: { endpoint: '' } },
];

/** The cloud's rules' answer for an input. */
function check(c: Pick<Case, 'cloud' | 'input'>): InputProblem | undefined {
  const rules = CLOUD_RULES[c.cloud];
  const i = c.input;
  if ('tag' in i) {
    return rules.tags!.checkTag(i.tag);
  }
  if ('tags' in i) {
    const count = new Set(i.tags.map((t) => t.key)).size;
    const max = rules.tags!.limits.maxTagsPerImage!;
    return count > max ? { code: 'tooManyTags', count, max } : undefined;
  }
  if ('untag' in i) {
    return rules.tags!.checkUntagKey(i.untag);
  }
  if ('filter' in i) {
    return rules.tags!.checkFilterTag(i.filter);
  }
  if ('share' in i) {
    return checkNewMembers(rules.members!, i.share, i.current ?? []);
  }
  if ('unshare' in i) {
    return checkRemovedMembers(rules.members!, i.unshare, i.current);
  }
  if ('export' in i) {
    return checkExport(rules.exporting!, { ...GOOD_EXPORT[c.cloud as 'alibaba' | 'huawei'], ...i.export });
  }
  if ('name' in i) {
    return checkAccountName(i.name);
  }
  if ('accessKeyId' in i) {
    return checkAccessKeyId(i.accessKeyId, rules.accessKeyId);
  }
  if ('temporaryAccessKeyId' in i) {
    return checkAccessKeyId(i.temporaryAccessKeyId, accessKeyShape(c.cloud, true));
  }
  if ('securityToken' in i) {
    return checkSecurityToken(i.securityToken);
  }
  if ('secret' in i) {
    return checkSecret(i.secret);
  }
  return checkEndpoint(i.endpoint);
}

/** The provider call that takes the input, where there is one (pure checks: undefined). */
function call(p: ImageProvider, c: Case): Promise<unknown> | undefined {
  const region = REGION[c.cloud];
  const image = IMAGE[c.cloud];
  const i = c.input;
  if ('tag' in i) {
    return p.tags!.addTags(region, [image], [i.tag]);
  }
  if ('tags' in i) {
    return p.tags!.addTags(region, [image], i.tags);
  }
  if ('untag' in i) {
    return p.tags!.removeTags(region, [image], [i.untag]);
  }
  if ('filter' in i) {
    return p.listImages({ regionId: region, pageSize: 10, filter: { tag: i.filter } });
  }
  if ('share' in i && !i.current && i.share.length) {
    return p.sharing!.addMembers(region, image, i.share);
  }
  if ('export' in i) {
    return p.exporting!.exportImage(region, image, { ...GOOD_EXPORT[c.cloud as 'alibaba' | 'huawei'], ...i.export });
  }
  return undefined;
}

function label(c: Pick<Case, 'cloud' | 'input'>): string {
  const text = JSON.stringify(c.input);
  return `${c.cloud} ${text.length > 90 ? `${text.slice(0, 90)}…` : text}`;
}

describe('Bad input is refused before any request, with a specific problem', () => {
  const emulator = new Emulator();
  const http = new HttpClient({ maxAttempts: 1 });
  const providers = new Map<CloudKind, ImageProvider>();

  before(async () => {
    await emulator.start();
    for (const cloud of emulator.clouds) {
      providers.set(cloud, createProvider(cloud, { http, credentials: emulator.credentials(cloud), endpoint: emulator.endpoints[cloud] }));
    }
  });
  after(async () => {
    await http.close();
    await emulator.stop();
  });

  it('has at least 60 bad inputs, on every cloud', () => {
    assert.ok(BAD.length >= 60, `${BAD.length} cases`);
    for (const cloud of ['alibaba', 'huawei', 'qingcloud', 'batchcompute'] as const) {
      assert.ok(BAD.some((c) => c.cloud === cloud), cloud);
    }
  });

  for (const c of BAD) {
    it(`refuses ${label(c)}: ${c.refused.code}`, async () => {
      const problem = check(c);
      assert.ok(problem, 'refused by the rules');
      assert.deepEqual({ ...problem, ...c.refused }, problem, `the specific problem: ${JSON.stringify(problem)}`);
      assert.ok(describeProblem(problem).length > 10);
      const pending = call(providers.get(c.cloud)!, c);
      if (pending) {
        const mark = emulator.requestLog.length;
        const err = await pending.then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(err instanceof InvalidInputError, `the provider refuses it too: ${String(err)}`);
        assert.deepEqual(err.problem, problem);
        assert.equal(err.message, describeProblem(problem));
        assert.deepEqual(emulator.requestsSince(mark), [], 'no request was sent');
      }
    });
  }

  for (const c of GOOD) {
    it(`accepts ${label(c)}`, () => {
      assert.equal(check(c), undefined);
    });
  }

  it('lets the limits through that the clouds accept: a 128-emoji Alibaba key, a 10-digit account ID', async () => {
    const alibaba = providers.get('alibaba')!;
    const own = (await alibaba.listImages({ regionId: 'cn-hangzhou', pageSize: 50, filter: { owner: 'self', status: 'Available' } })).items[0]!;
    await alibaba.tags!.addTags('cn-hangzhou', [own.id], [{ key: '😀'.repeat(128), value: '' }]);
    assert.ok((await alibaba.tags!.listTags('cn-hangzhou', own.id)).some((t) => t.key === '😀'.repeat(128)));
    await alibaba.sharing!.addMembers('cn-hangzhou', own.id, ['1234567890']);
    assert.ok((await alibaba.sharing!.listMembers('cn-hangzhou', own.id)).some((m) => m.id === '1234567890'));
  });
});
