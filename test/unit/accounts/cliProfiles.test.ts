// Profile names from the CLIs' files become account names: the rule Add Account applies (checkAccountName),
// and a refused name reported with why, shown escaped and cut.
import { strict as assert } from 'assert';
import { cliModeKind, parseAliyunConfig, parseKooCliConfig } from '../../../src/accounts/cliConfig';

const aliyunJson = (profiles: object[]): string => JSON.stringify({ current: 'p', profiles });
const kooJson = (profiles: object[]): string => JSON.stringify({ authEncrypt: 'false', profiles });

describe('CLI profiles', () => {
  describe('profile names that cannot be account names', () => {
    const ak = { mode: 'AK', access_key_id: 'LTAI5tFAKE00000001', access_key_secret: 'FAKEsecret000000000000000000x' };

    it('refuses a name with a line break and one of 10,000 characters, saying why, and imports the others', () => {
      const long = 'n'.repeat(10_000);
      const result = parseAliyunConfig(aliyunJson([{ name: 'ops\nadmin', ...ak }, { name: long, ...ak }, { name: 'p', ...ak }, { name: ' padded', ...ak }]));
      assert.deepEqual(result.candidates.map((c) => c.profile), ['p']);
      const [newline, tooLong, padded] = result.skipped;
      assert.equal(newline?.reason, 'invalid-name');
      assert.equal(newline?.problem?.code, 'control');
      assert.equal(newline?.profile, 'ops\\u000aadmin', 'shown escaped, on one line');
      assert.equal(tooLong?.reason, 'invalid-name');
      assert.deepEqual(tooLong?.problem, { code: 'tooLong', field: 'accountName', length: 10_000, max: 64, unit: 'characters' });
      assert.equal(tooLong?.profile, `${'n'.repeat(40)}…`, 'shown cut');
      assert.equal(padded?.problem?.code, 'whitespace');
    });

    it('applies the same rule to KooCLI profiles', () => {
      const result = parseKooCliConfig(kooJson([{ name: 'a\rb', mode: 'AKSK', accessKeyId: 'FAKEKOOAK0000000001', secretAccessKey: 'FAKEkooSecret0000000000000001' }]));
      assert.deepEqual(result.candidates, []);
      assert.equal(result.skipped[0]?.reason, 'invalid-name');
    });
  });
  describe('modes that cannot be imported, told apart for the message', () => {
    it('calls the role-assuming modes of both CLIs role-based, SSO and OAuth sign-ins, the rest other', () => {
      const modes = ['RamRoleArn', 'EcsRamRole', 'RamRoleArnWithRoleName', 'ChainableRamRoleArn', 'OIDC', 'ecsAgency', 'AssumeRole', 'CloudSSO', 'OAuth', 'SSO', 'External', 'CredentialsURI', 'RsaKeyPair'];
      assert.deepEqual(modes.map(cliModeKind), ['role', 'role', 'role', 'role', 'role', 'role', 'role', 'sign-in', 'sign-in', 'sign-in', 'other', 'other', 'other']);
      assert.equal(cliModeKind('ramrolearn'), 'role', 'spelt in any case, as the CLIs accept it');
    });
  });
});
