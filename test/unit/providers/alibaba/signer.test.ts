// Alibaba Cloud signing (src/providers/alibaba/signer.ts): the published V2 (A2) and V3 (A3) vectors, then
// byte-equal cross-checks against @alicloud/openapi-util getRPCSignature (V2) and getAuthorization
// (V3, ACS3-HMAC-SHA256) on generated requests.
//
// Where openapi-util 0.3.3 (and openapi-core 1.0.8) depart from the V3 doc, kept out of the V3 cross-check and
// tested below instead: they do not percent-encode query parameter NAMES in the canonical query string (values
// are encoded), while the doc and our signer encode both. So V3 query names are drawn from A-Z a-z 0-9 -_.~
// (ECS names such as Tag.1.Key are of that kind anyway); values use every class.
import assert from 'node:assert/strict';
import OpenApiUtil from '@alicloud/openapi-util';
import { canonicalQuery, percentEncode, sha256Hex } from '../../../../src/providers/transport/encoding';
import { acs3CanonicalRequest, ACS3, parseAcs3Authorization, rpcSignature, rpcStringToSign, signAcs3 } from '../../../../src/providers/alibaba/signer';
import { Gen, type CharClass } from '../../helpers/generate';
import { teaRequest } from '../../helpers/tea';

const ALL: CharClass[] = ['alnum', 'unreserved', 'space', 'reserved', 'other', 'chinese', 'latin', 'astral'];

const A2 = {
  params: {
    AccessKeyId: 'testid',
    Action: 'DescribeDedicatedHosts',
    Format: 'JSON',
    RegionId: 'cn-beijing',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: 'edb2b34af0af9a6d14deaf7c1a5315eb',
    SignatureVersion: '1.0',
    Timestamp: '2023-03-13T08:34:30Z',
    Version: '2014-05-26',
  },
  secret: 'testsecret',
  canonicalQuery:
    'AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing&SignatureMethod=HMAC-SHA1' +
    '&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26',
  stringToSign:
    'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format%3DJSON%26RegionId%3Dcn-beijing' +
    '%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dedb2b34af0af9a6d14deaf7c1a5315eb%26SignatureVersion%3D1.0' +
    '%26Timestamp%3D2023-03-13T08%253A34%253A30Z%26Version%3D2014-05-26',
  signature: '9NaGiOspFP5UPcwX8Iwt2YJXXuk=',
};

const A3 = {
  canonicalRequest:
    'POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n' +
    'host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\n' +
    'x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n' +
    'x-acs-date:2023-10-26T10:22:32Z\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\n' +
    'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n' +
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  hashed: '7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259',
  signature: '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
  authorization:
    'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;' +
    'x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
};

describe('Alibaba signer', () => {
  describe('published vector A2 (RPC V2, HMAC-SHA1)', () => {
    it('reproduces the canonical query, string to sign and signature', () => {
      assert.equal(canonicalQuery(A2.params), A2.canonicalQuery);
      assert.equal(rpcStringToSign('GET', A2.params), A2.stringToSign);
      assert.equal(rpcSignature('GET', A2.params, A2.secret), A2.signature);
      assert.equal(rpcSignature('GET', { ...A2.params, Signature: A2.signature }, A2.secret), A2.signature, 'Signature itself is not signed');
      assert.equal(OpenApiUtil.getRPCSignature(A2.params, 'GET', A2.secret), A2.signature);
    });
  });

  describe('published vector A3 (V3, ACS3-HMAC-SHA256)', () => {
    const signed = signAcs3({
      method: 'POST',
      host: 'ecs.cn-shanghai.aliyuncs.com',
      query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
      headers: { 'x-acs-action': 'RunInstances', 'x-acs-version': '2014-05-26' },
      body: '',
      accessKeyId: 'YourAccessKeyId',
      accessKeySecret: 'YourAccessKeySecret',
      date: new Date('2023-10-26T10:22:32Z'),
      nonce: '3156853299f313e23d1673dc12e1703d',
    });

    it('reproduces the canonical request, its hash, the signature and Authorization', () => {
      assert.equal(signed.canonicalRequest, A3.canonicalRequest);
      assert.equal(sha256Hex(signed.canonicalRequest), A3.hashed);
      assert.equal(signed.stringToSign, `${ACS3}\n${A3.hashed}`);
      assert.equal(signed.signature, A3.signature);
      assert.equal(signed.headers['authorization'], A3.authorization);
    });

    it('parses its Authorization header', () => {
      assert.deepEqual(parseAcs3Authorization(A3.authorization), {
        credential: 'YourAccessKeyId',
        signedHeaders: ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'],
        signature: A3.signature,
      });
    });
  });

  describe('cross-check V2 against openapi-util getRPCSignature', () => {
    const CASES = 300;
    it(`gives a byte-equal signature on ${CASES} generated requests`, () => {
      const g = new Gen(0x41_32);
      for (let i = 0; i < CASES; i++) {
        const params: Record<string, string> = {
          AccessKeyId: 'LTAI' + g.text(['alnum'], 12, 20),
          Action: g.pick(['DescribeImages', 'DescribeRegions', 'ModifyImageAttribute', 'TagResources']),
          Format: 'JSON',
          SignatureMethod: 'HMAC-SHA1',
          SignatureNonce: g.hex(32),
          SignatureVersion: '1.0',
          Timestamp: g.date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          Version: '2014-05-26',
          ...g.params(['alnum', 'unreserved', 'reserved', 'space', 'chinese', 'latin', 'astral'], ALL, 0, 8),
        };
        const method = g.pick(['GET', 'POST']);
        const secret = g.text(['alnum', 'unreserved', 'reserved', 'chinese'], 10, 40);
        assert.equal(rpcSignature(method, params, secret), OpenApiUtil.getRPCSignature({ ...params }, method, secret), `case ${i}: ${canonicalQuery(params)}`);
      }
    });
  });

  describe('cross-check V3 against openapi-util getAuthorization (ACS3-HMAC-SHA256)', () => {
    const CASES = 300;
    it(`gives a byte-equal Authorization on ${CASES} generated requests`, () => {
      const g = new Gen(0x41_33);
      let emptyValues = 0;
      for (let i = 0; i < CASES; i++) {
        const method = g.method(['GET', 'POST', 'PUT', 'DELETE']);
        const roa = g.bool(0.3);
        const canonicalUri = roa ? '/' + ['images', g.text(ALL, 1, 8)].map(percentEncode).join('/') : '/';
        const query = g.params(['alnum', 'unreserved'], ALL, 0, 8);
        emptyValues += Object.values(query).includes('') ? 1 : 0;
        const headers: Record<string, string> = {
          'x-acs-action': g.pick(['DescribeImages', 'CreateImage', 'DeleteImage']),
          'x-acs-version': '2014-05-26',
        };
        for (let n = g.int(0, 3); n > 0; n--) {
          headers[`${g.pick(['x-acs-', 'X-Acs-'])}${g.text(['alnum'], 1, 8).toLowerCase()}`] =
            g.text(['space'], 0, 2) + g.text(['alnum', 'unreserved', 'reserved', 'chinese', 'latin'], 1, 10) + g.text(['space'], 0, 2);
        }
        if (g.bool(0.4)) {
          headers['Content-Type'] = g.pick(['application/json', 'application/x-www-form-urlencoded']);
        }
        if (g.bool(0.4)) {
          headers['User-Agent'] = 'unsigned ' + g.text(ALL, 0, 5);
        }
        const body = method === 'POST' || method === 'PUT' ? (g.bool(0.7) ? JSON.stringify(g.jsonBody()) : '') : '';
        const accessKeyId = 'LTAI' + g.text(['alnum'], 12, 20);
        const accessKeySecret = g.text(['alnum', 'unreserved', 'reserved'], 20, 30);
        const signed = signAcs3({
          method,
          host: g.pick(['ecs.cn-hangzhou.aliyuncs.com', 'ecs-cn-hangzhou.aliyuncs.com', '127.0.0.1:9000']),
          canonicalUri,
          query,
          headers,
          body,
          accessKeyId,
          accessKeySecret,
          securityToken: g.bool(0.3) ? g.text(['alnum', 'unreserved'], 20, 40) : undefined,
          date: g.date(),
          nonce: g.hex(32),
        });
        const sent = { ...signed.headers };
        delete sent['authorization'];
        const vendor = OpenApiUtil.getAuthorization(
          teaRequest(method, canonicalUri, { ...query }, sent),
          ACS3,
          sha256Hex(body),
          accessKeyId,
          accessKeySecret,
        );
        assert.equal(signed.headers['authorization'], vendor, `case ${i}\n${signed.canonicalRequest}`);
      }
      assert.ok(emptyValues > 20, `coverage: ${emptyValues} requests with an empty query value`);
    });

    it('encodes query parameter names as the V3 doc says (openapi-util leaves them raw)', () => {
      const { canonicalRequest } = acs3CanonicalRequest({
        method: 'GET',
        canonicalUri: '/',
        query: { 'Tag.1.Key': 'a b', '名 称': '值*', empty: '' },
        signedHeaders: { host: 'h' },
        hashedPayload: sha256Hex(''),
      });
      assert.equal(canonicalRequest.split('\n')[2], 'Tag.1.Key=a%20b&empty=&%E5%90%8D%20%E7%A7%B0=%E5%80%BC%2A');
    });
  });
});
