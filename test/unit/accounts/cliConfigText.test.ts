// The CLI configuration files' text (JSON, QingCloud's flat YAML) refused when malformed: a stable code and a
// position or a field, never a value from the file. Fixtures: test/fixtures/cli (every key in them has "FAKE").
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import {
  CliConfigError,
  parseAliyunConfig,
  parseCliConfig,
  parseKooCliConfig,
  parseQingcloudConfig,
  type CliCloud,
  type CliConfigErrorCode,
} from '../../../src/accounts/cliConfig';
import { Gen } from '../helpers/generate';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/cli');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const aliyunJson = (profiles: object[], extra: object = {}): string => JSON.stringify({ current: 'p', profiles, ...extra });

function rejects(parse: () => unknown, code: CliConfigErrorCode, where: { line?: number; column?: number; field?: string } = {}): CliConfigError {
  try {
    parse();
  } catch (e) {
    assert.ok(e instanceof CliConfigError, `a CliConfigError, not ${String(e)}`);
    assert.equal(e.code, code);
    for (const [key, value] of Object.entries(where)) {
      assert.equal(e[key as keyof typeof where], value, key);
    }
    assert.doesNotMatch(e.message, /FAKE/, 'no key or secret in the message');
    return e;
  }
  assert.fail(`expected ${code}`);
}

describe('CLI configuration text', () => {
  describe('malformed files', () => {
    it('gives the line and column of a JSON syntax error, and nothing of the text', () => {
      const e = rejects(() => parseAliyunConfig(fixture('aliyun/malformed.json')), 'invalid-json', { line: 9, column: 4 });
      assert.equal(e.message, 'CLI configuration: invalid-json at line 9, column 4');
      rejects(() => parseKooCliConfig(fixture('huawei/truncated.json')), 'invalid-json', { line: 9 });
      rejects(() => parseKooCliConfig('{"profiles": [' + '['.repeat(5000)), 'invalid-json', { line: 1 });
    });

    it('reads JSON strictly, escapes and a byte-order mark included', () => {
      const r = parseAliyunConfig('\ufeff' + aliyunJson([{ name: 'caf\u00e9 "q"', mode: 'AK', access_key_id: 'FAKEid', access_key_secret: 'FAKE\\s/\n' }], { current: 'café "q"' }));
      assert.deepEqual(r.candidates.map((c) => [c.profile, c.secret, c.current]), [['café "q"', 'FAKE\\s/\n', true]]);
      assert.equal(parseAliyunConfig('{"profiles": [{"name": "\\u0070", "mode": "A\\u004b", "access_key_id": "FAKEid", "access_key_secret": "FAKEs"}]}').candidates[0]?.profile, 'p');
      rejects(() => parseAliyunConfig('{"profiles": [],}'), 'invalid-json', { line: 1, column: 17 });
      rejects(() => parseAliyunConfig("{'profiles': []}"), 'invalid-json', { line: 1, column: 2 });
      rejects(() => parseAliyunConfig('// the CLI writes no comments\n{}'), 'invalid-json', { line: 1, column: 1 });
      rejects(() => parseAliyunConfig('{"current": "a"; "profiles": []}'), 'invalid-json', { line: 1, column: 16 });
      rejects(() => parseAliyunConfig('{"current": "a\\x"}'), 'invalid-json', { line: 1, column: 16 });
      rejects(() => parseAliyunConfig('{"current": 01}'), 'invalid-json', { line: 1, column: 14 });
      rejects(() => parseAliyunConfig('{} {}'), 'invalid-json', { line: 1, column: 4 });
    });

    it('names the field whose type is wrong', () => {
      rejects(() => parseAliyunConfig(fixture('aliyun/wrong-type.json')), 'invalid-field', { field: 'profiles[0].access_key_secret' });
      rejects(() => parseKooCliConfig(fixture('huawei/malformed.json')), 'invalid-field', { field: 'profiles' });
      rejects(() => parseAliyunConfig('[]'), 'invalid-field', { field: '(root)' });
      rejects(() => parseAliyunConfig('{"profiles": [null]}'), 'invalid-field', { field: 'profiles[0]' });
      rejects(() => parseAliyunConfig(aliyunJson([{ name: 'p', mode: 'StsToken', access_key_id: 'FAKEid', access_key_secret: 'FAKEs', sts_token: 'FAKEt', sts_expiration: '2026' }])), 'invalid-field', {
        field: 'profiles[0].sts_expiration',
      });
    });

    it('refuses YAML it would misread, with the line', () => {
      rejects(() => parseQingcloudConfig(fixture('qingcloud/malformed.yaml')), 'invalid-yaml', { line: 2, column: 63 });
      rejects(() => parseQingcloudConfig(fixture('qingcloud/nested.yaml')), 'unsupported-yaml', { line: 2, column: 1 });
      rejects(() => parseQingcloudConfig('zone: pek3\nzone: sh1\n'), 'duplicate-key', { line: 2, field: 'zone' });
      rejects(() => parseQingcloudConfig('- qy_access_key_id\n'), 'unsupported-yaml', { line: 1 });
      rejects(() => parseQingcloudConfig('zone: &z pek3\n'), 'unsupported-yaml', { line: 1, column: 7 });
      rejects(() => parseQingcloudConfig('host: a: b\n'), 'invalid-yaml', { line: 1, column: 8 });
      rejects(() => parseQingcloudConfig("zone: 'pek3' trailing\n"), 'invalid-yaml', { line: 1, column: 13 });
      rejects(() => parseQingcloudConfig('qy_access_key_id "FAKEid"\n'), 'invalid-yaml', { line: 1 });
    });

    it('calls a file with nothing in it empty', () => {
      rejects(() => parseAliyunConfig(' \n'), 'empty');
      rejects(() => parseKooCliConfig('\ufeff'), 'empty');
      rejects(() => parseQingcloudConfig('# nothing yet\n---\n'), 'empty');
    });

    it('never throws anything but CliConfigError, nor puts a key in a message, whatever a file is damaged into', () => {
      const gen = new Gen(20240611);
      const files: [CliCloud, string][] = [
        ['alibaba', 'aliyun/config.json'],
        ['huawei', 'huawei/config-plaintext.json'],
        ['qingcloud', 'qingcloud/config-private.yaml'],
      ];
      for (const [cloud, name] of files) {
        const original = fixture(name);
        for (let n = 0; n < 300; n++) {
          let damaged = original;
          for (let k = gen.int(1, 3); k > 0; k--) {
            const at = gen.int(0, damaged.length);
            damaged = gen.bool()
              ? damaged.slice(0, at) + damaged.slice(at + 1)
              : damaged.slice(0, at) + gen.pick([...'{}[]",:\'\n #-\\\t&*|0']) + damaged.slice(at);
          }
          try {
            const r = parseCliConfig(cloud, damaged);
            for (const s of r.skipped) {
              assert.doesNotMatch(JSON.stringify(s), /FAKE/, `${name} #${n}: skip carries no key`);
            }
          } catch (e) {
            assert.ok(e instanceof CliConfigError, `${name} #${n}: ${String(e)}`);
            assert.doesNotMatch(`${e.message} ${JSON.stringify(e)}`, /FAKE/, `${name} #${n}: error carries no key`);
          }
        }
      }
    });
  });

});
