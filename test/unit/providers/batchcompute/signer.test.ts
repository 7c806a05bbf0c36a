// Alibaba ROA "acs" signing (BatchCompute): byte-equal string to sign and signature against the vendor's
// @alicloud/openapi-util getStringToSign + getROASignature on generated requests.
//
// Where openapi-util 0.3.3 departs from our rule, kept out of the cross-check and tested below instead:
//  - It picks x-acs-* headers case-sensitively (a "X-Acs-Foo" key is not signed); the Tea SDK only ever uses
//    lower-case names, and HTTP header names are case-insensitive, so we lower-case first.
//  - A missing Accept header becomes the text "undefined" in its string to sign (the SDKs always send Accept);
//    we use an empty line.
// Empty query values follow openapi-util: `k=` (the Java core SDK writes a bare `k`).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import OpenApiUtil from '@alicloud/openapi-util';
import { percentEncode } from '../../../../src/providers/transport/encoding';
import {
  parseRoaAuthorization,
  roaCanonicalizedResource,
  roaSignature,
  roaStringToSign,
  signRoa,
} from '../../../../src/providers/batchcompute/signer';
import { Gen, type CharClass } from '../../helpers/generate';
import { teaRequest } from '../../helpers/tea';

describe('Alibaba ROA (BatchCompute) signer', () => {
  describe('cross-check against @alicloud/openapi-util getStringToSign / getROASignature', () => {
    const CASES = 300;
    const classes: CharClass[] = ['alnum', 'unreserved', 'space', 'reserved', 'other', 'chinese', 'latin', 'astral'];

    it(`gives a byte-equal string to sign and signature on ${CASES} generated requests`, () => {
      const g = new Gen(0x42_43);
      let emptyValues = 0;
      for (let i = 0; i < CASES; i++) {
        const method = g.method(['GET', 'POST', 'PUT', 'DELETE']);
        const segments = ['images', ...(g.bool(0.6) ? [g.text(classes, 1, 10)] : [])];
        const path = '/' + segments.map(percentEncode).join('/');
        const query = g.params(['alnum', 'unreserved', 'reserved', 'chinese', 'space'], classes, 0, 6);
        emptyValues += Object.values(query).includes('') ? 1 : 0;
        const extra: Record<string, string> = {};
        for (let n = g.int(0, 3); n > 0; n--) {
          const value = g.text(['space'], 0, 2) + g.text(classes, 1, 6) + g.pick(['', '\t', '\n', '\r\n', '\f', '  ']) + g.text(classes, 0, 6) + g.text(['space'], 0, 2);
          extra[`x-acs-${g.text(['alnum'], 1, 8).toLowerCase()}`] = value;
        }
        if (g.bool(0.5)) {
          extra['user-agent'] = 'AlibabaCloud (test) ' + g.text(classes, 0, 5);
        }
        if (g.bool(0.3)) {
          extra['accept'] = g.pick(['application/json', 'application/xml', '*/*']);
        }
        const body = method === 'POST' || method === 'PUT' ? (g.bool(0.8) ? JSON.stringify(g.jsonBody()) : '') : undefined;
        if (body && g.bool(0.5)) {
          extra['Content-Type'] = 'application/json; charset=utf-8';
        }
        const accessKeyId = 'LTAI' + g.text(['alnum'], 12, 20);
        const accessKeySecret = g.text(['alnum', 'unreserved', 'reserved'], 20, 30);
        const signed = signRoa({
          method,
          host: g.pick(['batchcompute.cn-qingdao.aliyuncs.com', 'batchcompute.cn-hangzhou.aliyuncs.com', '127.0.0.1:9000']),
          path,
          query,
          headers: extra,
          body,
          accessKeyId,
          accessKeySecret,
          securityToken: g.bool(0.3) ? g.text(['alnum', 'unreserved'], 20, 40) : undefined,
          date: g.date(),
          nonce: g.hex(32),
        });

        const vendorHeaders = { ...signed.headers };
        delete vendorHeaders['authorization'];
        const vendorStringToSign = OpenApiUtil.getStringToSign(teaRequest(method, path, { ...query }, vendorHeaders));
        assert.equal(signed.stringToSign, vendorStringToSign, `case ${i}`);
        const vendorSignature = OpenApiUtil.getROASignature(vendorStringToSign, accessKeySecret);
        assert.equal(signed.signature, vendorSignature, `case ${i}`);
        assert.equal(signed.headers['authorization'], `acs ${accessKeyId}:${vendorSignature}`);
        assert.equal(roaSignature(signed.stringToSign, accessKeySecret), vendorSignature);
      }
      assert.ok(emptyValues > 20, `coverage: ${emptyValues} requests with an empty query value`);
    });
  });

  describe('string to sign', () => {
    it('lays out verb, accept, md5, type, date, x-acs-* headers and the unencoded resource', () => {
      const text = roaStringToSign({
        method: 'get',
        accept: 'application/json',
        date: 'Thu, 01 Jan 1970 00:00:00 GMT',
        headers: { 'X-Acs-Version': '2015-11-11', 'x-acs-b': ' two\tparts ', host: 'h', 'x-acs-signature-nonce': 'n' },
        path: '/images',
        query: { Type: 'System', Marker: '', MaxItemCount: '50', 名: '值 &' },
      });
      assert.equal(
        text,
        'GET\napplication/json\n\n\nThu, 01 Jan 1970 00:00:00 GMT\n' +
          'x-acs-b:two parts\nx-acs-signature-nonce:n\nx-acs-version:2015-11-11\n' +
          '/images?Marker=&MaxItemCount=50&Type=System&名=值 &',
      );
    });

    it('has no "?" without query params, and an empty Accept line when there is none', () => {
      assert.equal(roaCanonicalizedResource('/images/img-1', {}), '/images/img-1');
      assert.equal(roaCanonicalizedResource('/images/img-1'), '/images/img-1');
      assert.equal(roaStringToSign({ method: 'DELETE', headers: {}, path: '/images/img-1' }), 'DELETE\n\n\n\n\n/images/img-1');
    });
  });

  describe('signRoa', () => {
    const base = {
      host: 'batchcompute.cn-qingdao.aliyuncs.com',
      accessKeyId: 'AKID',
      accessKeySecret: 'secret',
      date: new Date('2015-11-11T08:00:00Z'),
      nonce: 'nonce-1',
    };

    it('sends the common headers, and Content-MD5 (base64) and a JSON content type with a body', () => {
      const body = JSON.stringify({ Name: '镜像', EcsImageId: 'm-1', Platform: 'Linux' });
      const signed = signRoa({ ...base, method: 'POST', path: '/images', query: { IdempotentToken: 't 1' }, body });
      assert.equal(signed.headers['date'], 'Wed, 11 Nov 2015 08:00:00 GMT');
      assert.equal(signed.headers['accept'], 'application/json');
      assert.equal(signed.headers['x-acs-signature-method'], 'hmac-sha1');
      assert.equal(signed.headers['x-acs-signature-version'], '1.0');
      assert.equal(signed.headers['x-acs-signature-nonce'], 'nonce-1');
      assert.equal(signed.headers['x-acs-version'], '2015-11-11');
      assert.equal(signed.headers['content-md5'], createHash('md5').update(body).digest('base64'));
      assert.equal(signed.headers['content-type'], 'application/json');
      assert.equal(signed.pathAndQuery, '/images?IdempotentToken=t%201');
      assert.ok(signed.stringToSign.endsWith('\n/images?IdempotentToken=t 1'));
    });

    it('sends no Content-MD5 without a body, and the STS headers with a token', () => {
      const signed = signRoa({ ...base, method: 'GET', path: '/images', securityToken: 'sts' });
      assert.equal(signed.headers['content-md5'], undefined);
      assert.equal(signed.headers['content-type'], undefined);
      assert.equal(signed.headers['x-acs-security-token'], 'sts');
      assert.equal(signed.headers['x-acs-accesskey-id'], 'AKID');
      assert.equal(signed.pathAndQuery, '/images');
    });

    it('signs mixed-case x-acs-* headers under their lower-case names', () => {
      const lower = signRoa({ ...base, method: 'GET', path: '/images', headers: { 'x-acs-extra': 'v' } });
      const mixed = signRoa({ ...base, method: 'GET', path: '/images', headers: { 'X-Acs-Extra': 'v' } });
      assert.equal(mixed.signature, lower.signature);
      assert.match(lower.stringToSign, /\nx-acs-extra:v\n/);
    });

    it('parses the Authorization header', () => {
      const signed = signRoa({ ...base, method: 'GET', path: '/images' });
      assert.deepEqual(parseRoaAuthorization(signed.headers['authorization']!), { accessKeyId: 'AKID', signature: signed.signature });
      assert.equal(parseRoaAuthorization('SDK-HMAC-SHA256 Access=a'), undefined);
      assert.equal(parseRoaAuthorization('acs nocolon'), undefined);
    });
  });
});
