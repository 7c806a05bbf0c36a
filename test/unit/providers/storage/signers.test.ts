// The object-storage signers against the vendors' own SDK signers for the same request: ali-oss
// (signUtils.authorizationV4, OSS Signature V4) and esdk-obs-nodejs (Utils.doAuth, the OBS signature).
// Both compute locally: no request leaves the machine.
import * as assert from 'assert';
import { obsStringToSign, resourcePath, signObs, signOss, type StorageQuery } from '../../../../src/providers/storage/signers';
import { redact } from '../../../../src/providers/transport/redact';

/* eslint-disable @typescript-eslint/no-require-imports */
const ossSdk = require('ali-oss/lib/common/signUtils') as {
  authorizationV4(ak: string, sk: string, region: string, method: string, request: { headers: Record<string, string>; queries?: Record<string, string | null> }, bucket?: string, object?: string): string;
};
const ObsUtils = require('esdk-obs-nodejs/lib/utils') as new (log: unknown) => {
  ak: string;
  sk: string;
  doAuth(opt: { method: string; headers: Record<string, string>; uri: string; urlPath: string }, name: string, ctx: Record<string, string>): void;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const AK = 'LTAI5tExampleKeyId0001';
const SK = 'ExampleSecretForSignerTests000001';
const DATE = new Date('2026-03-04T05:06:07Z');

interface Case {
  readonly name: string;
  readonly method: string;
  readonly bucket?: string;
  readonly key?: string;
  readonly query: StorageQuery;
  readonly headers: Record<string, string>;
}

const CASES: readonly Case[] = [
  { name: 'ListBuckets', method: 'GET', query: { 'max-keys': '1000' }, headers: {} },
  { name: 'ListObjectsV2 by prefix', method: 'GET', bucket: 'cie-images', query: { 'list-type': '2', prefix: 'exports/m-1 x/', 'continuation-token': 'YWJj+/=' }, headers: {} },
  { name: 'initiate (bare sub-resource)', method: 'POST', bucket: 'cie-images', key: 'dir/镜像 file.qcow2', query: { uploads: null }, headers: {} },
  {
    name: 'upload part with Content-MD5',
    method: 'PUT',
    bucket: 'cie-images',
    key: 'dir/disk.vhd',
    query: { partNumber: '7', uploadId: '0004B9894A22E5B1888A1E29F8236E2D' },
    headers: { 'content-md5': '1B2M2Y8AsgTpgAmY7PhCfg==', 'content-type': 'application/octet-stream' },
  },
  { name: 'complete', method: 'POST', bucket: 'b', key: 'k', query: { uploadId: 'ABC' }, headers: { 'content-type': 'application/xml' } },
];

describe('OSS Signature V4 matches ali-oss for the same request', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const ours = signOss({ method: c.method, bucket: c.bucket, key: c.key, query: c.query, headers: c.headers, accessKeyId: AK, accessKeySecret: SK, date: DATE, region: 'cn-hangzhou' });
      const sdkHeaders: Record<string, string> = { ...c.headers, 'x-oss-date': ours['x-oss-date'] ?? '', 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD' };
      const theirs = ossSdk.authorizationV4(AK, SK, 'cn-hangzhou', c.method, { headers: sdkHeaders, queries: { ...c.query } }, c.bucket, c.key);
      assert.strictEqual(ours['authorization'], theirs);
    });
  }

  it('signs an STS token header, and a different region gives a different signature', () => {
    const base = { method: 'GET', bucket: 'b', key: 'k', query: {}, headers: {}, accessKeyId: AK, accessKeySecret: SK, date: DATE };
    const sts = signOss({ ...base, region: 'cn-hangzhou', securityToken: 'CAISTokenExample000001' });
    const sdk = ossSdk.authorizationV4(AK, SK, 'cn-hangzhou', 'GET', {
      headers: { 'x-oss-date': sts['x-oss-date'] ?? '', 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD', 'x-oss-security-token': 'CAISTokenExample000001' },
    }, 'b', 'k');
    assert.strictEqual(sts['authorization'], sdk);
    assert.notStrictEqual(signOss({ ...base, region: 'cn-shanghai' })['authorization'], signOss({ ...base, region: 'cn-hangzhou' })['authorization']);
  });
});

describe('OBS signature matches esdk-obs-nodejs for the same request', () => {
  const silent = { isLevelEnabled: () => false, runLog: () => undefined };
  for (const c of CASES) {
    it(c.name, () => {
      const ours = signObs({ method: c.method, bucket: c.bucket, key: c.key, query: c.query, headers: c.headers, accessKeyId: AK, accessKeySecret: SK, date: DATE, securityToken: 'obs-token-000000001' });
      const utils = new ObsUtils(silent);
      utils.ak = AK;
      utils.sk = SK;
      const headers: Record<string, string> = { 'x-obs-date': ours['x-obs-date'] ?? '', 'x-obs-security-token': 'obs-token-000000001' };
      if (c.headers['content-md5']) {
        headers['Content-MD5'] = c.headers['content-md5'];
      }
      if (c.headers['content-type']) {
        headers['Content-Type'] = c.headers['content-type'];
      }
      const qs = Object.entries(c.query).map(([k, v]) => (v === null ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
      const opt = { method: c.method, headers, uri: resourcePath(c.bucket, c.key), urlPath: qs.length ? `?${qs.join('&')}` : '' };
      utils.doAuth(opt, 'test', { headerPrefix: 'x-obs-', headerMetaPrefix: 'x-obs-meta-', authPrefix: 'OBS', stsToken: 'x-obs-security-token' });
      assert.strictEqual(ours['authorization'], opt.headers['Authorization']);
    });
  }

  it('follows the documented example: GET of an object, Date line, resource /bucket/object', () => {
    const text = obsStringToSign('GET', 'bucket', 'object.txt', {}, { date: 'Sat, 12 Oct 2015 08:12:38 GMT' });
    assert.strictEqual(text, 'GET\n\n\nSat, 12 Oct 2015 08:12:38 GMT\n/bucket/object.txt');
  });
});

describe('Redaction of object-storage credentials', () => {
  it('takes out OSS V4 and OBS Authorization values, token headers and signed-URL parameters', () => {
    const oss = signOss({ method: 'GET', bucket: 'b', key: 'k', query: {}, headers: {}, accessKeyId: 'AKIDNOSHAPE0001', accessKeySecret: SK, date: DATE, region: 'cn-hangzhou', securityToken: 'tok-secret-0001' });
    const obs = signObs({ method: 'GET', bucket: 'b', key: 'k', query: {}, headers: {}, accessKeyId: 'OBSKEYNOSHAPE01', accessKeySecret: SK, date: DATE });
    const text = [
      `authorization: ${oss['authorization'] ?? ''}`,
      `x-oss-security-token: tok-secret-0001`,
      `Authorization: ${obs['authorization'] ?? ''}`,
      `signed with ${obs['authorization'] ?? ''} here`,
      'https://b.oss-cn-hangzhou.aliyuncs.com/k?OSSAccessKeyId=AKIDNOSHAPE0001&Expires=1&Signature=abc%2Bdef',
      'https://b.oss-cn-hangzhou.aliyuncs.com/k?x-oss-credential=AKIDNOSHAPE0001%2F20260304&x-oss-signature=deadbeef',
      'https://b.obs.cn-north-4.myhuaweicloud.com/k?AccessKeyId=OBSKEYNOSHAPE01&Signature=xyz',
    ].join('\n');
    const out = redact(text);
    for (const secret of ['AKIDNOSHAPE0001', 'OBSKEYNOSHAPE01', 'tok-secret-0001', 'abc%2Bdef', 'deadbeef', 'xyz', (obs['authorization'] ?? '').split(':')[1] ?? '']) {
      assert.ok(!out.includes(secret), `${secret} is left in:\n${out}`);
    }
    assert.strictEqual(redact('the file is OBS my-bucket:image.qcow2'), 'the file is OBS my-bucket:image.qcow2');
  });
});
