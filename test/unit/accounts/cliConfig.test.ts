// Import from the vendors' CLI configuration files: every field a candidate carries, every reason a profile is
// skipped, and malformed files refused with a code and a position or field, never with a value from the file.
// The fixtures (test/fixtures/cli) are shaped like what each CLI writes; every key in them is fake and has
// "FAKE" in it, so a leak into a message is easy to catch.
import { strict as assert } from 'assert';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import {
  CliConfigError,
  cliConfigLocations,
  loadCliConfig,
  MAX_CLI_CONFIG_BYTES,
  parseAliyunConfig,
  parseKooCliConfig,
  parseQingcloudConfig,
  type CliConfigErrorCode,
  type CliConfigLocation,
  type CliConfigResult,
} from '../../../src/accounts/cliConfig';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/cli');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

function candidate(result: CliConfigResult, profile: string) {
  const found = result.candidates.find((c) => c.profile === profile);
  assert.ok(found, `candidate ${profile}`);
  return found;
}

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

const aliyunJson = (profiles: object[], extra: object = {}): string => JSON.stringify({ current: 'p', profiles, ...extra });
const kooJson = (profiles: object[], extra: object = { authEncrypt: 'false' }): string => JSON.stringify({ ...extra, profiles });

describe('CLI configuration import', () => {
  describe('Alibaba Cloud CLI (~/.aliyun/config.json)', () => {
    const result = parseAliyunConfig(fixture('aliyun/config.json'));

    it('imports an AK profile with its keys and region', () => {
      assert.deepEqual(candidate(result, 'default'), {
        cloud: 'alibaba',
        profile: 'default',
        current: false,
        accessKeyId: 'LTAI5tFAKEDEFAULT0001',
        secret: 'FAKEdefaultSecret0001xxxxxxxxx',
        region: 'cn-hangzhou',
      });
    });

    it('imports a StsToken profile with its security token, and marks the file\'s current profile', () => {
      assert.deepEqual(candidate(result, 'sts'), {
        cloud: 'alibaba',
        profile: 'sts',
        current: true,
        accessKeyId: 'STS.NUFAKESTS0002',
        secret: 'FAKEstsSecret0002xxxxxxxxxxxxx',
        securityToken: 'CAISFAKESTSTOKEN0002xxxxxxxxxxxxxxxxxxxxxxxx',
        region: 'cn-shanghai',
      });
      assert.deepEqual(
        result.candidates.filter((c) => c.current).map((c) => c.profile),
        ['sts'],
      );
    });

    it('reads sts_expiration (Unix seconds) as the expiry of a StsToken profile', () => {
      const sts = candidate(result, 'sts-expiring');
      assert.equal(sts.expiresAt, '2026-01-01T01:00:00.000Z');
      assert.equal(sts.securityToken, 'CAISFAKESTSTOKEN0003xxxxxxxxxxxxxxxxxxxxxxxx');
      assert.equal(sts.region, 'cn-beijing');
    });

    it('takes the mode in any case, as the CLI does, and the profile endpoint as an https origin', () => {
      assert.deepEqual(candidate(result, 'private'), {
        cloud: 'alibaba',
        profile: 'private',
        current: false,
        accessKeyId: 'LTAI5tFAKEPRIVATE0004',
        secret: 'FAKEprivateSecret0004xxxxxxxxx',
        region: 'cn-shenzhen',
        endpoint: 'https://ecs-vpc.cn-shenzhen.aliyuncs.com',
      });
    });

    it('skips every other mode, incomplete profiles and a repeated name, each with its reason', () => {
      assert.deepEqual(result.skipped, [
        { cloud: 'alibaba', profile: 'ramrole', reason: 'unsupported-mode', detail: 'RamRoleArn' },
        { cloud: 'alibaba', profile: 'ecs', reason: 'unsupported-mode', detail: 'EcsRamRole' },
        { cloud: 'alibaba', profile: 'sso', reason: 'unsupported-mode', detail: 'CloudSSO' },
        { cloud: 'alibaba', profile: 'half', reason: 'missing-secret' },
        { cloud: 'alibaba', profile: 'sts-no-token', reason: 'missing-security-token' },
        { cloud: 'alibaba', profile: 'new', reason: 'not-configured' },
        { cloud: 'alibaba', profile: 'default', reason: 'duplicate-profile' },
      ]);
      assert.deepEqual(
        result.candidates.map((c) => c.profile),
        ['default', 'sts', 'sts-expiring', 'private'],
      );
      assert.equal(candidate(result, 'default').accessKeyId, 'LTAI5tFAKEDEFAULT0001', 'the first of two same-named profiles wins');
    });

    it('skips a profile without a key ID or without a name, and one whose endpoint is not an origin', () => {
      const r = parseAliyunConfig(
        aliyunJson([
          { name: 'p', mode: 'AK', access_key_secret: 'FAKEs' },
          { mode: 'AK', access_key_id: 'FAKEid', access_key_secret: 'FAKEs' },
          { name: 'q', mode: 'AK', access_key_id: 'FAKEid', access_key_secret: 'FAKEs', endpoint: 'https://ecs.aliyuncs.com/some/path' },
          { name: 'r', mode: 'AK', access_key_id: 'FAKEid', access_key_secret: 'FAKEs', endpoint: 'ftp://ecs.aliyuncs.com' },
          { name: 's', mode: 'AK', access_key_id: 'FAKEid', access_key_secret: 'FAKEs', endpoint: 'http://127.0.0.1:8080' },
        ]),
      );
      assert.deepEqual(r.skipped, [
        { cloud: 'alibaba', profile: 'p', reason: 'missing-access-key-id' },
        { cloud: 'alibaba', profile: '', reason: 'missing-name' },
        { cloud: 'alibaba', profile: 'q', reason: 'invalid-endpoint', detail: 'endpoint' },
        { cloud: 'alibaba', profile: 'r', reason: 'invalid-endpoint', detail: 'endpoint' },
      ]);
      assert.equal(candidate(r, 's').endpoint, 'http://127.0.0.1:8080');
    });

    it('treats the empty strings of a file that lists every field as absent', () => {
      const r = parseAliyunConfig(fixture('aliyun/config-all-fields.json'));
      assert.deepEqual(r.candidates, [
        {
          cloud: 'alibaba',
          profile: 'default',
          current: true,
          accessKeyId: 'LTAI4FAKEALLFIELDS01',
          secret: 'FAKEallFieldsSecret01xxxxxxxxx',
          region: 'ap-southeast-1',
        },
      ]);
      assert.deepEqual(r.skipped, []);
    });

    it('lets ALIBABA_CLOUD_PROFILE choose the current profile, and falls back to "default" without `current`', () => {
      const overridden = parseAliyunConfig(fixture('aliyun/config.json'), { currentProfile: 'private' });
      assert.deepEqual(
        overridden.candidates.filter((c) => c.current).map((c) => c.profile),
        ['private'],
      );
      const noCurrent = parseAliyunConfig(JSON.stringify({ profiles: [{ name: 'default', mode: 'AK', access_key_id: 'FAKEid', access_key_secret: 'FAKEs' }] }));
      assert.equal(candidate(noCurrent, 'default').current, true);
    });
  });

  describe('Huawei KooCLI (~/.hcloud/config.json)', () => {
    it('imports AKSK profiles stored in clear, permanent and temporary, with their region', () => {
      const r = parseKooCliConfig(fixture('huawei/config-plaintext.json'));
      assert.deepEqual(r.candidates, [
        {
          cloud: 'huawei',
          profile: 'default',
          current: false,
          accessKeyId: 'HPUAFAKEDEFAULT00001',
          secret: 'FAKEhuaweiDefaultSecret00001xxxxxxxxxxxx',
          region: 'cn-north-4',
        },
        {
          cloud: 'huawei',
          profile: 'temp',
          current: true,
          accessKeyId: 'HPUAFAKETEMP00002',
          secret: 'FAKEhuaweiTempSecret00002xxxxxxxxxxxxxxx',
          securityToken: 'gQpjbi1ub3J0aC00FAKESECURITYTOKEN00002xxxxxxxxxxxxxxxxxxxxxxxx',
          region: 'ap-southeast-1',
        },
      ]);
      assert.deepEqual(r.skipped, [
        { cloud: 'huawei', profile: 'ecs', reason: 'unsupported-mode', detail: 'ecsAgency' },
        { cloud: 'huawei', profile: 'sso', reason: 'unsupported-mode', detail: 'SSO' },
        { cloud: 'huawei', profile: 'assume', reason: 'unsupported-mode', detail: 'AssumeRole' },
        { cloud: 'huawei', profile: 'no-secret', reason: 'missing-secret' },
      ]);
    });

    it('skips AKSK profiles KooCLI encrypted (its default), and says so rather than importing ciphertext', () => {
      const r = parseKooCliConfig(fixture('huawei/config-encrypted.json'));
      assert.deepEqual(r.candidates, []);
      assert.deepEqual(r.skipped, [
        { cloud: 'huawei', profile: 'default', reason: 'encrypted' },
        { cloud: 'huawei', profile: 'ecs', reason: 'unsupported-mode', detail: 'ecsAgency' },
      ]);
    });

    it('reads authEncrypt as KooCLI writes it: absent means encrypted, "false" or false means clear', () => {
      const profile = { name: 'p', accessKeyId: 'FAKEid', secretAccessKey: 'FAKEs' };
      assert.deepEqual(parseKooCliConfig(kooJson([profile], {})).skipped, [{ cloud: 'huawei', profile: 'p', reason: 'encrypted' }]);
      assert.equal(parseKooCliConfig(kooJson([profile], { authEncrypt: false })).candidates.length, 1, 'a profile without mode is AKSK');
      assert.equal(parseKooCliConfig(kooJson([profile], { authEncrypt: 'FALSE' })).candidates.length, 1);
      assert.equal(parseKooCliConfig(kooJson([{ ...profile, mode: 'aksk' }])).candidates.length, 1, 'the mode in any case');
      rejects(() => parseKooCliConfig(kooJson([profile], { authEncrypt: 0 })), 'invalid-field', { field: 'authEncrypt' });
      assert.deepEqual(parseKooCliConfig(kooJson([{ name: 'p', mode: 'AKSK', secretAccessKey: 'FAKEs' }])).skipped, [
        { cloud: 'huawei', profile: 'p', reason: 'missing-access-key-id' },
      ]);
    });
  });

  describe('QingCloud (~/.qingcloud/config.yaml)', () => {
    it('imports the file as it is documented: keys and zone, public endpoint', () => {
      assert.deepEqual(parseQingcloudConfig(fixture('qingcloud/config.yaml')), {
        cloud: 'qingcloud',
        candidates: [
          {
            cloud: 'qingcloud',
            profile: 'default',
            current: true,
            accessKeyId: 'QYACCESSKEYIDFAKE0001',
            secret: 'FAKEqingcloudSecretAccessKey0001xxxxxxxxx',
            region: 'pek3a',
          },
        ],
        skipped: [],
      });
    });

    it('builds the endpoint from host, port and protocol when they name a private API server', () => {
      const r = parseQingcloudConfig(fixture('qingcloud/config-private.yaml'));
      assert.deepEqual(r.candidates, [
        {
          cloud: 'qingcloud',
          profile: 'default',
          current: true,
          accessKeyId: 'QYACCESSKEYIDFAKE0002',
          secret: 'FAKEqingcloud"Private"Secret0002xxxxxxx',
          region: 'sh1a',
          endpoint: 'https://api.qingcloud.private.example.com:8443',
        },
      ]);
    });

    it('skips the SDK\'s installed default file, whose keys are commented out', () => {
      assert.deepEqual(parseQingcloudConfig(fixture('qingcloud/config-sdk-default.yaml')).skipped, [
        { cloud: 'qingcloud', profile: 'default', reason: 'missing-access-key-id' },
      ]);
    });

    it('sets an endpoint only when host/port/protocol differ from the public API, and skips unusable ones', () => {
      const keys = "qy_access_key_id: FAKEid\nqy_secret_access_key: 'FAKEs'\n";
      const parse = (more: string): CliConfigResult => parseQingcloudConfig(keys + more);
      assert.equal(parse("host: api.qingcloud.com\nport: '443'\nprotocol: HTTPS\nuri: /iaas/\n").candidates[0]?.endpoint, undefined);
      assert.equal(parse('protocol: http\nport: 80\n').candidates[0]?.endpoint, 'http://api.qingcloud.com');
      assert.equal(parse('protocol: http\n').candidates[0]?.endpoint, 'http://api.qingcloud.com:443', 'the SDKs default the port to 443 whatever the protocol');
      assert.equal(parse('host: 10.0.0.5\n').candidates[0]?.endpoint, 'https://10.0.0.5');
      const skip = (more: string) => parse(more).skipped;
      assert.deepEqual(skip('port: 0\n'), [{ cloud: 'qingcloud', profile: 'default', reason: 'invalid-endpoint', detail: 'port' }]);
      assert.deepEqual(skip('port: https\n'), [{ cloud: 'qingcloud', profile: 'default', reason: 'invalid-endpoint', detail: 'port' }]);
      assert.deepEqual(skip('protocol: ftp\n'), [{ cloud: 'qingcloud', profile: 'default', reason: 'invalid-endpoint', detail: 'protocol' }]);
      assert.deepEqual(skip("host: 'evil.example.com/path'\n"), [{ cloud: 'qingcloud', profile: 'default', reason: 'invalid-endpoint', detail: 'host' }]);
      assert.deepEqual(skip('uri: /api\n'), [{ cloud: 'qingcloud', profile: 'default', reason: 'unsupported-uri', detail: '/api' }]);
      assert.deepEqual(parseQingcloudConfig('qy_access_key_id: FAKEid\nzone: pek3\n').skipped, [
        { cloud: 'qingcloud', profile: 'default', reason: 'missing-secret' },
      ]);
    });
  });

  describe('where the files are', () => {
    it('follows each CLI\'s home-directory path on POSIX and on Windows', () => {
      assert.deepEqual(cliConfigLocations({ env: {}, home: '/home/ada', platform: 'linux' }), [
        { cloud: 'alibaba', path: '/home/ada/.aliyun/config.json' },
        { cloud: 'huawei', path: '/home/ada/.hcloud/config.json' },
        { cloud: 'qingcloud', path: '/home/ada/.qingcloud/config.yaml' },
      ]);
      assert.deepEqual(
        cliConfigLocations({ env: {}, home: 'C:\\Users\\Ada', platform: 'win32' }).map((l) => l.path),
        ['C:\\Users\\Ada\\.aliyun\\config.json', 'C:\\Users\\Ada\\.hcloud\\config.json', 'C:\\Users\\Ada\\.qingcloud\\config.yaml'],
      );
    });

    it('respects ALIBABA_CLOUD_CONFIG_FILE and ALIBABA_CLOUD_PROFILE (and the CLI\'s alias, first)', () => {
      const [alibaba] = cliConfigLocations({
        env: { ALIBABA_CLOUD_CONFIG_FILE: '/etc/aliyun.json', ALIBABA_CLOUD_PROFILE: 'prod', ALIBABACLOUD_PROFILE: 'first' },
        home: '/home/ada',
        platform: 'linux',
      });
      assert.deepEqual(alibaba, { cloud: 'alibaba', path: '/etc/aliyun.json', fromEnv: 'ALIBABA_CLOUD_CONFIG_FILE', currentProfile: 'first' });
    });

    it('loads what is there, reports what is missing, and turns an unreadable or malformed file into an error', async () => {
      const home = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-config-'));
      try {
        const [alibaba, huawei, qingcloud] = cliConfigLocations({ env: { ALIBABA_CLOUD_PROFILE: 'default' }, home });
        await fs.mkdir(path.dirname(alibaba!.path), { recursive: true });
        await fs.copyFile(path.join(FIXTURES, 'aliyun/config.json'), alibaba!.path);
        await fs.mkdir(huawei!.path, { recursive: true }); // a directory where the file should be
        const loaded = await loadCliConfig(alibaba!);
        assert.equal(loaded.status, 'loaded');
        assert.deepEqual(
          loaded.status === 'loaded' ? loaded.result.candidates.filter((c) => c.current).map((c) => c.profile) : [],
          ['default'],
        );
        const unreadable = await loadCliConfig(huawei!);
        assert.equal(unreadable.status === 'failed' && unreadable.error.code, 'not-a-file', 'a directory is not read');
        assert.deepEqual(await loadCliConfig(qingcloud!), { status: 'missing', location: qingcloud });
        await fs.mkdir(path.dirname(qingcloud!.path), { recursive: true });
        await fs.copyFile(path.join(FIXTURES, 'qingcloud/malformed.yaml'), qingcloud!.path);
        const malformed = await loadCliConfig(qingcloud!);
        assert.equal(malformed.status === 'failed' && malformed.error.code, 'invalid-yaml');
      } finally {
        await fs.rm(home, { recursive: true, force: true });
      }
    });
  });

  describe('files that are not configuration files', () => {
    let dir: string;
    const at = (name: string): CliConfigLocation => ({ cloud: 'alibaba', path: path.join(dir, name) });
    const code = async (name: string): Promise<string | undefined> => {
      const load = await loadCliConfig(at(name));
      return load.status === 'failed' ? load.error.code : load.status;
    };

    before(async () => {
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-config-odd-'));
    });
    after(async () => {
      await fs.rm(dir, { recursive: true, force: true });
    });

    it('refuses a FIFO and a link to one without waiting for a writer', async function () {
      if (process.platform === 'win32') {
        this.skip();
      }
      execFileSync('mkfifo', [path.join(dir, 'fifo')]);
      await fs.symlink(path.join(dir, 'fifo'), path.join(dir, 'config.json'));
      // Nobody ever opens the FIFO for writing: a read of it would wait for ever.
      assert.equal(await code('fifo'), 'not-a-file');
      assert.equal(await code('config.json'), 'not-a-file', 'the link is followed, then refused');
    });

    it('refuses a device and a link to one (/dev/zero never ends)', async function () {
      if (process.platform === 'win32') {
        this.skip();
      }
      await fs.symlink('/dev/zero', path.join(dir, 'zero.json'));
      assert.equal((await loadCliConfig({ cloud: 'huawei', path: '/dev/zero' })).status, 'failed');
      assert.equal(await code('zero.json'), 'not-a-file');
    });

    it('refuses a 100 MiB file from its size, before reading it', async () => {
      const file = path.join(dir, 'huge.json');
      const handle = await fs.open(file, 'w');
      await handle.truncate(100 * 1024 * 1024); // sparse: no disk used
      await handle.close();
      const before = process.memoryUsage().arrayBuffers;
      assert.equal(await code('huge.json'), 'too-large');
      assert.ok(process.memoryUsage().arrayBuffers - before < MAX_CLI_CONFIG_BYTES, 'nothing of it was buffered');
      // Just past the limit is refused too; just within it is read (and here is not JSON).
      await fs.truncate(file, MAX_CLI_CONFIG_BYTES + 1);
      assert.equal(await code('huge.json'), 'too-large');
      await fs.truncate(file, MAX_CLI_CONFIG_BYTES);
      assert.equal(await code('huge.json'), 'invalid-json');
    });

    it('applies the limit it is given: the same file refused under a lower one, loaded under the default', async () => {
      const file = path.join(dir, 'small.json');
      await fs.writeFile(file, aliyunJson([{ name: 'p', mode: 'AK', access_key_id: 'LTAI5tFAKE00000001', access_key_secret: 'FAKEsecret000000000000000000x' }]));
      const load = await loadCliConfig(at('small.json'), { maxBytes: 20 });
      assert.equal(load.status === 'failed' && load.error.code, 'too-large');
      assert.equal((await loadCliConfig(at('small.json'))).status, 'loaded');
    });
  });

});
