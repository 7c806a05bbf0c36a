// Huawei SDK-HMAC-SHA256: the published vector (notes §6 H1), then byte-equal Authorization against the
// vendor's own signer (@huaweicloud/huaweicloud-sdk-core AKSKSigner) on generated requests.
//
// Input classes where AKSKSigner 3.1.211 departs from the documented rule, kept OUT of the cross-check and
// tested below against the rule instead:
//  - Paths: it takes the path from legacy url.parse(), which splits at "?"/"#" and pre-escapes space, "'", "{", "}",
//    "|", "^", "`", "\\" (then encodes the "%" again: "a b" -> "a%2520b"). Raw "%" is ambiguous. Dot segments are
//    normalised away by WHATWG URL only. So generated paths use letters, digits, -_.~, Chinese/astral and
//    !*();:@&=+$,[] only.
//  - Header values: it does not trim them (the doc and the Go SDK do). Generated values have no outer whitespace.
//  - Header names with "_": it sorts SignedHeaders by code unit but the canonical header lines with localeCompare,
//    which disagree on "_" vs "-". Generated names use letters, digits and "-".
//  - A string body: it hashes JSON.stringify(data), i.e. a string body gets quotes. Generated bodies are objects.
//  - A multipart/form-data content-type header is left out of its signature. Generated content types are JSON.
//  - An explicit default port (":443") stays in its host; WHATWG URL drops it. Generated ports are non-default.
// Query parameters (unicode, reserved characters, empty values, repeated keys as arrays) are all in the cross-check.
import assert from 'node:assert/strict';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { percentEncode, sha256Hex } from '../../../../src/providers/transport/encoding';
import {
  huaweiCanonicalQuery,
  huaweiCanonicalRequest,
  huaweiCanonicalUri,
  huaweiSignature,
  parseHuaweiAuthorization,
  sdkDate,
  signHuawei,
} from '../../../../src/providers/huawei/signer';
import { Gen, type CharClass } from '../../helpers/generate';

type VendorRequest = Parameters<typeof AKSKSigner.sign>[0];
type VendorCredential = Parameters<typeof AKSKSigner.sign>[1];

function vendorSign(request: VendorRequest, ak: string, sk: string): Record<string, string> {
  const credential = { getAk: () => ak, getSk: () => sk } as unknown as VendorCredential;
  return AKSKSigner.sign(request, credential) as Record<string, string>;
}

const H1 = {
  url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
  ak: 'QTWAOYTTINDUT2QVKYUC',
  sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
  date: new Date('2019-11-15T03:36:55Z'),
  canonicalRequest:
    'GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n' +
    'content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n' +
    'content-type;host;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  hashed: 'b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
  stringToSign: 'SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
  signature: '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
  authorization:
    'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, ' +
    'Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
};

describe('Huawei SDK-HMAC-SHA256 signer', () => {
  describe('published vector H1', () => {
    const signed = signHuawei({
      method: 'GET',
      url: H1.url,
      headers: { 'Content-Type': 'application/json' },
      accessKeyId: H1.ak,
      secretAccessKey: H1.sk,
      date: H1.date,
    });

    it('reproduces the canonical request, string to sign, signature and Authorization', () => {
      assert.equal(signed.canonicalRequest, H1.canonicalRequest);
      assert.equal(sha256Hex(signed.canonicalRequest), H1.hashed);
      assert.equal(signed.stringToSign, H1.stringToSign);
      assert.equal(signed.signature, H1.signature);
      assert.equal(signed.authorization, H1.authorization);
      assert.equal(signed.headers['Authorization'], H1.authorization);
    });

    it('sends host and X-Sdk-Date, and no project or token header unless given', () => {
      assert.equal(signed.headers['host'], 'service.region.example.com');
      assert.equal(signed.headers['X-Sdk-Date'], '20191115T033655Z');
      assert.equal(signed.headers['X-Project-Id'], undefined);
      assert.equal(signed.headers['X-Security-Token'], undefined);
    });

    it('verifies from the received parts (what the emulator does)', () => {
      const parsed = parseHuaweiAuthorization(H1.authorization);
      assert.deepEqual(parsed, { accessKeyId: H1.ak, signedHeaders: ['content-type', 'host', 'x-sdk-date'], signature: H1.signature });
      const received: Record<string, string> = {
        host: 'service.region.example.com',
        'x-sdk-date': '20191115T033655Z',
        'content-type': 'application/json',
        'user-agent': 'not signed',
      };
      const picked = Object.fromEntries(parsed!.signedHeaders.map((h) => [h, received[h] ?? '']));
      const result = huaweiSignature(
        { method: 'GET', path: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs', query: [['marker', '13551d6b-755d-4757-b956-536f674975c0'], ['limit', '2']], headers: picked },
        H1.sk,
      );
      assert.equal(result.signature, H1.signature);
    });

    it('matches the vendor signer on the vector', () => {
      const vendor = vendorSign(
        {
          method: 'GET',
          endpoint: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
          headers: { 'X-Sdk-Date': '20191115T033655Z', 'content-type': 'application/json' },
          queryParams: { limit: '2', marker: '13551d6b-755d-4757-b956-536f674975c0' },
        },
        H1.ak,
        H1.sk,
      );
      assert.equal(vendor['Authorization'], H1.authorization);
    });
  });

  describe('cross-check against @huaweicloud/huaweicloud-sdk-core AKSKSigner', () => {
    const CASES = 300;
    const pathClasses: CharClass[] = ['alnum', 'unreserved', 'chinese', 'latin', 'astral'];
    const pathReserved = [...'!*();:@&=+$,[]'];
    const queryClasses: CharClass[] = ['alnum', 'unreserved', 'space', 'reserved', 'other', 'chinese', 'latin', 'astral'];
    const headerClasses: CharClass[] = ['alnum', 'unreserved', 'reserved', 'chinese', 'latin'];

    function pathSegment(g: Gen): string {
      let s = g.name(pathClasses, 8);
      for (let i = g.int(0, 2); i > 0; i--) {
        s += g.pick(pathReserved) + g.text(pathClasses, 0, 3);
      }
      return s;
    }

    function headerName(g: Gen): string {
      const parts = ['x'];
      for (let i = g.int(1, 3); i > 0; i--) {
        parts.push(g.text(['alnum'], 1, 6));
      }
      return parts.join('-');
    }

    it(`gives a byte-equal Authorization on ${CASES} generated requests`, () => {
      const g = new Gen(0x48_57_31);
      let withRepeats = 0;
      let withEmpty = 0;
      for (let i = 0; i < CASES; i++) {
        const method = g.method();
        const host = g.pick(['ims.cn-north-4.myhuaweicloud.com', 'ims.ap-southeast-1.myhuaweicloud.com', '127.0.0.1:8443', 'localhost:9000']);
        const segments = Array.from({ length: g.int(0, 4) }, () => pathSegment(g));
        const path = '/' + segments.join('/') + (segments.length > 0 && g.bool(0.3) ? '/' : '');

        const query: Record<string, string | string[]> = {};
        const pairs: Array<[string, string]> = [];
        for (let n = g.int(0, 6); n > 0; n--) {
          const key = g.name(queryClasses, 8);
          if (key in query) {
            continue;
          }
          const values = Array.from({ length: g.bool(0.2) ? g.int(2, 3) : 1 }, () => (g.bool(0.2) ? '' : g.text(queryClasses, 1, 12)));
          query[key] = values.length === 1 ? values[0]! : values;
          values.forEach((v) => pairs.push([key, v]));
          withRepeats += values.length > 1 ? 1 : 0;
          withEmpty += values.includes('') ? 1 : 0;
        }
        g.shuffle(pairs);
        const search = pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');

        const headers: Record<string, string> = {};
        for (let n = g.int(0, 4); n > 0; n--) {
          headers[headerName(g)] = g.text(headerClasses, 1, 4) + g.text([...headerClasses, 'space'], 0, 8) + g.text(headerClasses, 1, 4);
        }
        const data = ['POST', 'PUT', 'PATCH'].includes(method) && g.bool(0.8) ? g.jsonBody() : undefined;
        if (data || g.bool(0.3)) {
          headers[g.pick(['content-type', 'Content-Type'])] = g.pick(['application/json', 'application/json;charset=UTF-8']);
        }
        if (g.bool(0.15)) {
          headers['X-Sdk-Content-Sha256'] = 'UNSIGNED-PAYLOAD';
        }
        const date = g.date();
        const ak = g.text(['alnum'], 16, 24).toUpperCase();
        const sk = g.text(['alnum', 'unreserved'], 30, 40);
        const projectId = g.bool(0.5) ? g.hex(32) : undefined;
        const securityToken = g.bool(0.3) ? g.text(['alnum', 'unreserved'], 20, 60) : undefined;

        const ours = signHuawei({
          method,
          url: `https://${host}${path}${search ? `?${search}` : ''}`,
          headers,
          body: data === undefined ? undefined : JSON.stringify(data),
          accessKeyId: ak,
          secretAccessKey: sk,
          date,
          projectId,
          securityToken,
        });

        const vendorHeaders: Record<string, string> = { ...headers, 'X-Sdk-Date': sdkDate(date) };
        if (projectId) {
          vendorHeaders['X-Project-Id'] = projectId;
        }
        if (securityToken) {
          vendorHeaders['X-Security-Token'] = securityToken;
        }
        const vendorQuery = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
        const vendor = vendorSign({ method, endpoint: `https://${host}${path}`, headers: vendorHeaders, queryParams: vendorQuery, data }, ak, sk);
        assert.equal(ours.authorization, vendor['Authorization'], `case ${i}: ${method} ${path}?${search}\n${ours.canonicalRequest}`);
        assert.equal(ours.headers['host'], vendor['host'], `case ${i}: host`);
      }
      assert.ok(withRepeats > 10 && withEmpty > 10, `coverage: ${withRepeats} repeated keys, ${withEmpty} empty values`);
    });
  });

  describe('documented rules the vendor signer does not follow (see the header comment)', () => {
    it('encodes each decoded path segment once and always ends the canonical URI with "/"', () => {
      assert.equal(huaweiCanonicalUri("/v1/a b/it's/中/100%"), '/v1/a%20b/it%27s/%E4%B8%AD/100%25/');
      assert.equal(huaweiCanonicalUri('/v1/a%20b/it%27s/%E4%B8%AD'), '/v1/a%20b/it%27s/%E4%B8%AD/');
      assert.equal(huaweiCanonicalUri('/v1/a%2Fb/'), '/v1/a%2Fb/');
      assert.equal(huaweiCanonicalUri(''), '/');
      assert.equal(huaweiCanonicalUri('/'), '/');
    });

    it('signs the path of a URL with spaces and quotes the same as its encoded form', () => {
      const base = { method: 'GET', accessKeyId: 'AK', secretAccessKey: 'SK', date: new Date(0) };
      const raw = signHuawei({ ...base, url: "https://h.example.com/v1/a b/it's" });
      const wire = signHuawei({ ...base, url: 'https://h.example.com/v1/a%20b/it%27s' });
      assert.equal(raw.authorization, wire.authorization);
      assert.match(raw.canonicalRequest, /^GET\n\/v1\/a%20b\/it%27s\/\n/);
    });

    it('sorts repeated keys by value, keeps "k=" for empty values, and accepts pairs or a record', () => {
      const expected = 'a=&a=1&a=2&b%20c=%E4%B8%AD&z=%2A';
      assert.equal(huaweiCanonicalQuery([['z', '*'], ['a', '2'], ['b c', '中'], ['a', ''], ['a', '1']]), expected);
      assert.equal(huaweiCanonicalQuery({ z: '*', a: ['2', '', '1'], 'b c': '中' }), expected);
      assert.equal(huaweiCanonicalQuery([]), '');
    });

    it('lower-cases, trims and sorts header lines by code unit ("-" before "_")', () => {
      const { canonicalRequest, signedHeaders } = huaweiCanonicalRequest({
        method: 'get',
        path: '/x',
        query: {},
        headers: { 'X_B': ' two ', 'X-Sdk-Date': '20200101T000000Z', 'x-a': '\tone  word ', Host: 'h' },
      });
      assert.equal(signedHeaders, 'host;x-a;x-sdk-date;x_b');
      assert.equal(
        canonicalRequest,
        'GET\n/x/\n\nhost:h\nx-a:one  word\nx-sdk-date:20200101T000000Z\nx_b:two\n\nhost;x-a;x-sdk-date;x_b\n' + sha256Hex(''),
      );
    });

    it('hashes the exact body bytes, or takes X-Sdk-Content-Sha256 when present', () => {
      const base = { method: 'POST', path: '/', query: {}, body: 'abc' };
      const plain = huaweiCanonicalRequest({ ...base, headers: { 'X-Sdk-Date': 'd', host: 'h' } });
      assert.ok(plain.canonicalRequest.endsWith(`\n${sha256Hex('abc')}`));
      const unsigned = huaweiCanonicalRequest({ ...base, headers: { 'X-Sdk-Date': 'd', host: 'h', 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' } });
      assert.ok(unsigned.canonicalRequest.endsWith('\nUNSIGNED-PAYLOAD'));
    });
  });

  describe('headers and parsing', () => {
    it('adds X-Project-Id and X-Security-Token and signs them', () => {
      const signed = signHuawei({
        method: 'GET',
        url: 'https://ims.cn-north-4.myhuaweicloud.com/v2/cloudimages?limit=5',
        accessKeyId: 'AK',
        secretAccessKey: 'SK',
        date: new Date('2024-02-29T23:59:59.999Z'),
        projectId: 'p1',
        securityToken: 'tok',
      });
      assert.equal(signed.headers['X-Sdk-Date'], '20240229T235959Z');
      assert.equal(signed.headers['X-Project-Id'], 'p1');
      assert.equal(signed.headers['X-Security-Token'], 'tok');
      assert.equal(signed.signedHeaders, 'host;x-project-id;x-sdk-date;x-security-token');
    });

    it('requires X-Sdk-Date among the signed headers', () => {
      assert.throws(() => huaweiSignature({ method: 'GET', path: '/', query: {}, headers: { host: 'h' } }, 'SK'), /X-Sdk-Date/);
    });

    it('rejects other schemes and incomplete headers', () => {
      assert.equal(parseHuaweiAuthorization('ACS3-HMAC-SHA256 Credential=a,SignedHeaders=b,Signature=c'), undefined);
      assert.equal(parseHuaweiAuthorization('SDK-HMAC-SHA256 Access=AK, Signature=abc'), undefined);
      assert.deepEqual(parseHuaweiAuthorization('SDK-HMAC-SHA256 Access=AK,SignedHeaders=host,Signature=ab'), {
        accessKeyId: 'AK',
        signedHeaders: ['host'],
        signature: 'ab',
      });
    });
  });
});
