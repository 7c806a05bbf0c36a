// Import from the vendors' CLI configuration files in the real extension host: the profiles that
// work are added (secrets and tokens only in SecretStorage), a temporary (StsToken) one lists images,
// one the cloud refuses is not added, and what cannot be imported is said with its reason.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { AccountNode, ImageNode, Node, RegionNode } from '../../../../src/tree/nodes';
import { api, children } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

const FIXTURES = path.resolve(__dirname, '../../../../../test/fixtures/cli');

describe('Import accounts from CLI configuration (real extension host)', () => {
  let a: ExtensionApi;
  let dir: string;

  before(async () => {
    a = await api();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-import-'));
  });

  after(async () => {
    for (const account of a.accounts.list().filter((x) => x.name.startsWith('cli-'))) {
      await a.accounts.remove(account.id);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds the profiles that work, refuses one the cloud rejects, and names what cannot be imported', async () => {
    const emulator = await a.sandbox();
    const ali = emulator.credentials('alibaba');
    const sts = emulator.stsCredentials('alibaba')!;
    const qy = emulator.credentials('qingcloud');
    const qyUrl = new URL(emulator.endpoints.qingcloud!);
    const aliyun = path.join(dir, 'aliyun.json');
    fs.writeFileSync(aliyun, JSON.stringify({
      current: 'cli-work',
      profiles: [
        { name: 'cli-work', mode: 'AK', access_key_id: ali.accessKeyId, access_key_secret: ali.accessKeySecret, endpoint: emulator.endpoints.alibaba },
        { name: 'cli-sts', mode: 'StsToken', access_key_id: sts.accessKeyId, access_key_secret: sts.accessKeySecret, sts_token: sts.securityToken, endpoint: emulator.endpoints.alibaba },
        { name: 'cli-wrong', mode: 'AK', access_key_id: ali.accessKeyId, access_key_secret: 'a-wrong-secret-of-enough-length', endpoint: emulator.endpoints.alibaba },
        { name: 'cli-plain', mode: 'AK', access_key_id: ali.accessKeyId, access_key_secret: ali.accessKeySecret, endpoint: 'http://ecs.example.com' },
        { name: 'cli-role', mode: 'RamRoleArn', access_key_id: ali.accessKeyId, access_key_secret: ali.accessKeySecret, ram_role_arn: 'acs:ram::1:role/x' },
      ],
    }));
    const qingcloud = path.join(dir, 'qingcloud.yaml');
    fs.writeFileSync(qingcloud, [
      `qy_access_key_id: '${qy.accessKeyId}'`, `qy_secret_access_key: '${qy.accessKeySecret}'`,
      `host: '${qyUrl.hostname}'`, `port: ${qyUrl.port}`, `protocol: 'http'`, `zone: pek3a`, '',
    ].join('\n'));

    const shown = testInput.shown.length;
    const errors = testInput.errors.length;
    testInput.script(['cli-work · Alibaba Cloud ECS', 'cli-sts · Alibaba Cloud ECS', 'cli-wrong · Alibaba Cloud ECS', 'cli-plain · Alibaba Cloud ECS', /^default/]);
    await vscode.commands.executeCommand('cloudImageExplorer.importAccounts', {
      files: [
        { cloud: 'alibaba', path: aliyun },
        { cloud: 'huawei', path: path.join(FIXTURES, 'huawei', 'config-encrypted.json') },
        { cloud: 'qingcloud', path: qingcloud },
      ],
    });
    assert.equal(testInput.pending.length, 0);
    const offered = testInput.shown[shown]?.items ?? [];
    assert.deepEqual(offered, ['cli-work · Alibaba Cloud ECS', 'cli-sts · Alibaba Cloud ECS', 'cli-wrong · Alibaba Cloud ECS', 'cli-plain · Alibaba Cloud ECS', 'default · QingCloud'],
      'the RamRoleArn profile and the encrypted KooCLI profiles are not offered');

    const names = a.accounts.list().map((x) => x.name);
    assert.ok(names.includes('cli-work') && names.includes('cli-sts') && names.includes('default'), names.join(', '));
    assert.ok(!names.includes('cli-wrong'), 'the refused profile is not added');
    assert.ok(!names.includes('cli-plain'), 'the profile that breaks the input rules is not added');
    assert.match(testInput.errors[errors] ?? '', /3 imported; not imported: cli-wrong · Alibaba Cloud ECS: Alibaba Cloud ECS refused these credentials/);
    assert.match(testInput.errors[errors] ?? '', /cli-plain · Alibaba Cloud ECS: Plain http:\/\/ is allowed only for this machine .*ecs\.example\.com/);

    const stored = JSON.stringify(a.accounts.list());
    for (const secret of [ali.accessKeySecret, sts.accessKeySecret, sts.securityToken, qy.accessKeySecret]) {
      assert.ok(!stored.includes(secret), 'no secret or token outside SecretStorage');
    }
    const stsAccount = a.accounts.list().find((x) => x.name === 'cli-sts');
    assert.ok(stsAccount?.temporary);
    assert.equal(await a.accounts.securityTokenOf(stsAccount.id), sts.securityToken);

    const node = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.name === 'cli-sts');
    assert.ok(node);
    const region = (await children(a, node)).find((n): n is RegionNode => n.kind === 'region' && (n as RegionNode).region.id === 'cn-hangzhou');
    assert.ok(region);
    const images = (await children(a, region)).filter((n: Node): n is ImageNode => n.kind === 'image');
    assert.ok(images.length > 0, 'the imported StsToken profile lists images');
    // The QingCloud profile got its private endpoint (the emulator) and works.
    const qyNode = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.name === 'default');
    assert.equal(qyNode?.account.endpoint, `http://${qyUrl.host}`);
    await a.accounts.remove(qyNode.account.id);
  });
});
