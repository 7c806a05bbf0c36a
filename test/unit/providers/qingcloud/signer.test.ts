// QingCloud signature_version 1: the published vector (notes §6 Q1, zone pek3a), then the notes' reproduction
// snippet re-implemented here as an independent oracle on generated requests, plus properties of the final query.
// There is no official QingCloud IaaS signer on npm, so the oracle stands in for the vendor's code.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { parseQueryPairs } from '../../../../src/providers/transport/encoding';
import { qingcloudSignature, qingcloudStringToSign, signQingcloud } from '../../../../src/providers/qingcloud/signer';
import { Gen, type CharClass } from '../../helpers/generate';

// --- oracle: notes §6 "Reproduction snippet", QingCloud part, with the digest made a parameter ---
const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
function oracle(p: Record<string, string>, secret: string, m = 'GET', uri = '/iaas/', digest: 'sha256' | 'sha1' = 'sha256'): string {
  const q = Object.keys(p)
    .sort()
    .map((k) => enc(k) + '=' + enc(p[k]!))
    .join('&');
  return encodeURIComponent(createHmac(digest, secret).update(`${m}\n${uri}\n${q}`).digest('base64'));
}

const Q1 = {
  params: {
    action: 'RunInstances',
    count: '1',
    image_id: 'centos64x86a',
    instance_name: 'demo',
    instance_type: 'small_b',
    login_mode: 'passwd',
    login_passwd: 'QingCloud20130712',
    'vxnets.1': 'vxnet-0',
    zone: 'pek3a',
  },
  accessKeyId: 'QYACCESSKEYIDEXAMPLE',
  secret: 'SECRETACCESSKEY',
  date: new Date('2013-08-27T14:30:10Z'),
  stringToSign:
    'GET\n/iaas/\naccess_key_id=QYACCESSKEYIDEXAMPLE&action=RunInstances&count=1&image_id=centos64x86a&instance_name=demo' +
    '&instance_type=small_b&login_mode=passwd&login_passwd=QingCloud20130712&signature_method=HmacSHA256&signature_version=1' +
    '&time_stamp=2013-08-27T14%3A30%3A10Z&version=1&vxnets.1=vxnet-0&zone=pek3a',
  signature: 'byjccvWIvAftaq+oublemagH3bYAlDWxxLFAzAsyslw=',
  encoded: 'byjccvWIvAftaq%2BoublemagH3bYAlDWxxLFAzAsyslw%3D',
};

describe('QingCloud signer', () => {
  describe('published vector Q1 (pek3a)', () => {
    const signed = signQingcloud({ method: 'GET', uri: '/iaas/', params: Q1.params, accessKeyId: Q1.accessKeyId, secret: Q1.secret, date: Q1.date });

    it('reproduces the string to sign and the signature', () => {
      assert.equal(signed.stringToSign, Q1.stringToSign);
      assert.equal(signed.signature, Q1.signature);
      assert.equal(qingcloudSignature('GET', '/iaas/', signed.params, Q1.secret), Q1.signature);
    });

    it('builds the query with the URL-encoded signature last', () => {
      assert.equal(signed.query, `${Q1.stringToSign.split('\n')[2]}&signature=${Q1.encoded}`);
    });

    it('adds the common params', () => {
      assert.deepEqual(
        {
          access_key_id: signed.params['access_key_id'],
          signature_method: signed.params['signature_method'],
          signature_version: signed.params['signature_version'],
          time_stamp: signed.params['time_stamp'],
          version: signed.params['version'],
        },
        { access_key_id: Q1.accessKeyId, signature_method: 'HmacSHA256', signature_version: '1', time_stamp: '2013-08-27T14:30:10Z', version: '1' },
      );
    });

    it('verifies a received query: the signature param is ignored in the string to sign', () => {
      const received = Object.fromEntries(parseQueryPairs(signed.query));
      assert.equal(received['signature'], Q1.signature);
      assert.equal(qingcloudStringToSign('get', '/iaas/', received), Q1.stringToSign);
      assert.equal(qingcloudSignature('GET', '/iaas/', received, Q1.secret), Q1.signature);
      assert.notEqual(qingcloudSignature('GET', '/iaas', received, Q1.secret), Q1.signature, 'the signed path must equal the request path');
    });
  });

  describe('derivation against the reproduction-snippet oracle', () => {
    const CASES = 300;
    const classes: CharClass[] = ['alnum', 'unreserved', 'space', 'reserved', 'other', 'chinese', 'latin', 'astral'];

    function generated(seed: number): Array<{ method: string; uri: string; algorithm: 'HmacSHA256' | 'HmacSHA1'; signed: ReturnType<typeof signQingcloud>; secret: string }> {
      const g = new Gen(seed);
      const out = [];
      for (let i = 0; i < CASES; i++) {
        const params: Record<string, string> = {
          action: g.pick(['DescribeImages', 'DeleteImages', 'ModifyImageAttributes', 'CaptureInstance', 'DescribeJobs']),
          zone: g.pick(['pek3a', 'pek3', 'sh1a', 'gd2', 'ap2a']),
          ...g.params(['alnum', 'unreserved', 'reserved', 'space', 'chinese'], classes, 0, 8),
        };
        for (let n = g.int(0, 3); n > 0; n--) {
          params[`images.${n}`] = g.bool(0.2) ? '' : `img-${g.text(['alnum'], 8, 8)}`;
        }
        const method = g.pick(['GET', 'POST']);
        const uri = g.pick(['/iaas/', '/iaas', '/iaas/中文 path/']);
        const algorithm = g.pick(['HmacSHA256', 'HmacSHA1'] as const);
        const secret = g.text(['alnum', 'unreserved', 'reserved', 'chinese'], 10, 40);
        const signed = signQingcloud({ method, uri, params, accessKeyId: g.text(['alnum'], 20, 20), secret, date: g.date(), algorithm });
        out.push({ method, uri, algorithm, signed, secret });
      }
      return out;
    }
    const cases = generated(0x51_43);

    it(`matches the oracle on ${CASES} generated requests (HmacSHA256 and HmacSHA1)`, () => {
      let sha1 = 0;
      cases.forEach(({ method, uri, algorithm, signed, secret }, i) => {
        const digest = algorithm === 'HmacSHA1' ? 'sha1' : 'sha256';
        sha1 += digest === 'sha1' ? 1 : 0;
        const expected = oracle(signed.params, secret, method, uri, digest);
        assert.equal(encodeURIComponent(signed.signature), expected, `case ${i}: ${signed.stringToSign}`);
        assert.ok(signed.query.endsWith(`&signature=${expected}`), `case ${i}: query`);
        assert.equal(qingcloudSignature(method, uri, { ...signed.params, signature: 'ignored' }, secret, algorithm), signed.signature);
      });
      assert.ok(sha1 > 50 && sha1 < CASES - 50);
    });

    it('puts signature last, exactly once, with +, / and = encoded', () => {
      let sawPlus = 0;
      let sawSlash = 0;
      for (const { signed } of cases) {
        const parts = signed.query.split('&');
        const last = parts[parts.length - 1]!;
        assert.ok(last.startsWith('signature='));
        assert.equal(parts.filter((p) => p.startsWith('signature=')).length, 1);
        const value = last.slice('signature='.length);
        assert.match(value, /^[A-Za-z0-9%]+$/);
        assert.equal(decodeURIComponent(value), signed.signature);
        sawPlus += signed.signature.includes('+') ? 1 : 0;
        sawSlash += signed.signature.includes('/') ? 1 : 0;
        assert.ok(value.endsWith('%3D') || !signed.signature.endsWith('='));
      }
      assert.ok(sawPlus > 10 && sawSlash > 10, 'the generated signatures exercise + and /');
    });

    it('keeps the other params sorted, encoded (space as %20) and round-trippable', () => {
      for (const { signed } of cases) {
        const pairs = parseQueryPairs(signed.query);
        const names = pairs.slice(0, -1).map(([k]) => k);
        assert.deepEqual(names, Object.keys(signed.params).sort());
        assert.deepEqual(Object.fromEntries(pairs.slice(0, -1)), signed.params);
        assert.ok(!signed.query.includes(' ') && !signed.query.includes('+'));
      }
    });
  });
});
