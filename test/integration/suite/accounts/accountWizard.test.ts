// Add Account and Edit Account through their real prompts (answers scripted on the extension's own
// input object): the step counter, Back, validation as typed, the credentials checked with the
// cloud before anything is saved, temporary (STS) credentials, and the expiry refused in words.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { AccountConfig } from '../../../../src/providers/core/model';
import type { AccountNode, ErrorNode, ImageNode, RegionNode } from '../../../../src/tree/nodes';
import { api, children } from '../helpers';
import { testInput, BACK, CANCEL } from '../../userInput/testUserInput';

async function accountNode(a: ExtensionApi, name: string): Promise<AccountNode> {
  const node = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.name === name);
  assert.ok(node, `account ${name} in the tree`);
  return node;
}

function stored(a: ExtensionApi, name: string): AccountConfig | undefined {
  return a.accounts.list().find((x) => x.name === name);
}

describe('Add Account and Edit Account wizards (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });

  it('refuses credentials the cloud rejects, before saving anything', async () => {
    const emulator = await a.sandbox();
    const { accessKeyId } = emulator.credentials('alibaba');
    const shown = testInput.shown.length;
    const asked = testInput.asked.length;
    testInput.script('Alibaba Cloud ECS', 'Wrong Secret', emulator.endpoints.alibaba!, 'AccessKey', accessKeyId, 'a-wrong-secret-of-enough-length');
    testInput.script(undefined); // the refusal is shown; the user closes it
    await vscode.commands.executeCommand('cloudImageExplorer.addAccount');
    const refusal = testInput.asked[asked];
    assert.ok(refusal, 'the refusal was shown');
    assert.match(refusal.message, /Alibaba Cloud ECS refused these credentials; nothing was saved\./);
    assert.match(refusal.detail ?? '', /SignatureDoesNotMatch|access key/i, 'the cloud\'s own words are shown beside it');
    assert.deepEqual(refusal.buttons, ['Edit Credentials']);
    assert.ok(!refusal.detail?.includes(accessKeyId), 'no AccessKey ID in the message');
    assert.equal(stored(a, 'Wrong Secret'), undefined, 'nothing saved');
    assert.deepEqual(testInput.shown.slice(shown).map((s) => s.title), [
      'Add Account (1/6)', 'Add Account (2/6)', 'Add Account (3/6)', 'Add Account (4/6)', 'Add Account (5/6)', 'Add Account (6/6)',
    ]);
  });

  it('headlines a failed check by its kind: a server error or throttling is not a refusal, and offers Retry and Save Anyway', async () => {
    const emulator = await a.sandbox();
    const { accessKeyId, accessKeySecret } = emulator.credentials('alibaba');
    // Every attempt of the first check gets the cloud's 5xx (the HTTP layer tries a read 4 times); Retry's check passes.
    emulator.faults.add({ kind: 'server-error', cloud: 'alibaba', operation: 'DescribeRegions', times: 4 });
    const asked = testInput.asked.length;
    try {
      testInput.script('Alibaba Cloud ECS', 'Busy Alibaba', emulator.endpoints.alibaba!, 'AccessKey', accessKeyId, accessKeySecret, 'Retry');
      await vscode.commands.executeCommand('cloudImageExplorer.addAccount');
    } finally {
      emulator.faults.clear();
    }
    const failed = testInput.asked[asked];
    assert.ok(failed, 'the failed check was shown');
    assert.equal(failed.message, 'Alibaba Cloud ECS had an internal error, so these credentials were not checked; nothing was saved.');
    assert.doesNotMatch(failed.message, /refused/);
    assert.match(failed.detail ?? '', /internal error.*The cloud says: InternalError/);
    assert.deepEqual(failed.buttons, ['Retry', 'Edit Credentials', 'Save Anyway']);
    assert.equal(testInput.asked.length, asked + 1, 'Retry checked again, and the check passed');
    const busy = stored(a, 'Busy Alibaba');
    assert.ok(busy, 'saved after Retry');
    await a.accounts.remove(busy.id);

    // Throttled on every attempt: said so, and Save Anyway keeps the unchecked key.
    emulator.faults.add({ kind: 'throttle', cloud: 'alibaba', operation: 'DescribeRegions' });
    try {
      testInput.script('Alibaba Cloud ECS', 'Throttled Alibaba', emulator.endpoints.alibaba!, 'AccessKey', accessKeyId, accessKeySecret, 'Save Anyway');
      await vscode.commands.executeCommand('cloudImageExplorer.addAccount');
    } finally {
      emulator.faults.clear();
    }
    const throttled = testInput.asked[testInput.asked.length - 1]!;
    assert.equal(throttled.message, 'Alibaba Cloud ECS is limiting requests, so these credentials were not checked; nothing was saved.');
    assert.deepEqual(throttled.buttons, ['Retry', 'Edit Credentials', 'Save Anyway']);
    const saved = stored(a, 'Throttled Alibaba');
    assert.ok(saved, 'Save Anyway saved it');
    await a.accounts.remove(saved.id);
  });

  it('goes Back, says why input is refused as it is typed, and after "Edit Credentials" saves the corrected key', async () => {
    const emulator = await a.sandbox();
    const { accessKeyId, accessKeySecret } = emulator.credentials('alibaba');
    const shown = testInput.shown.length;
    testInput.script(
      'Alibaba Cloud ECS', 'Wizard Alibaba', emulator.endpoints.alibaba!,
      'AccessKey', BACK, // at the AccessKey ID: back to the kind of key
      'AccessKey', 'short', accessKeyId, // "short" is refused, the real one accepted
      'a-wrong-secret-of-enough-length', // the cloud refuses it ...
      'Edit Credentials', // ... and its refusal's "Edit Credentials" goes back to the secret
      accessKeySecret,
    );
    await vscode.commands.executeCommand('cloudImageExplorer.addAccount');
    const steps = testInput.shown.slice(shown);
    assert.deepEqual(steps.map((s) => s.title), [
      'Add Account (1/6)', 'Add Account (2/6)', 'Add Account (3/6)', 'Add Account (4/6)', 'Add Account (5/6)',
      'Add Account (4/6)', 'Add Account (5/6)', 'Add Account (6/6)', 'Add Account (6/6)',
    ]);
    assert.match(steps[6]!.refused[0] ?? '', /does not look like an AccessKey ID/);
    const account = stored(a, 'Wizard Alibaba');
    assert.ok(account, 'saved after the correction');
    assert.equal((await a.accounts.credentialsOf(account.id))?.accessKeySecret, accessKeySecret);
    assert.ok(!JSON.stringify(a.accounts.list()).includes(accessKeySecret), 'the secret is only in SecretStorage');
    const regions = (await children(a, await accountNode(a, 'Wizard Alibaba'))).filter((n) => n.kind === 'region');
    assert.ok(regions.length >= 3);
  });

  it('adds temporary (STS) credentials that list images, and refuses them in words once expired, with no request', async () => {
    const emulator = await a.sandbox();
    const sts = emulator.stsCredentials('alibaba');
    assert.ok(sts);
    const shown = testInput.shown.length;
    testInput.script(
      'Alibaba Cloud ECS', 'STS Alibaba', emulator.endpoints.alibaba!, 'Temporary credentials',
      'LTAI5tNotAnStsKeyId01', sts.accessKeyId, sts.accessKeySecret, sts.securityToken, 'yesterday', '2h',
    );
    await vscode.commands.executeCommand('cloudImageExplorer.addAccount');
    const steps = testInput.shown.slice(shown);
    assert.equal(steps[4]!.title, 'Add Account (5/8)');
    assert.match(steps[4]!.refused[0] ?? '', /STS\. and then letters and digits/);
    assert.match(steps[7]!.refused[0] ?? '', /Enter a time such as/);
    const account = stored(a, 'STS Alibaba');
    assert.ok(account?.temporary, 'saved as temporary');
    const hours = (Date.parse(account.expiresAt ?? '') - Date.now()) / 3_600_000;
    assert.ok(hours > 1.9 && hours <= 2, `expires in 2 h (${hours})`);
    assert.equal(await a.accounts.securityTokenOf(account.id), sts.securityToken);
    assert.ok(!JSON.stringify(a.accounts.list()).includes(sts.securityToken), 'the token is only in SecretStorage');

    const region = (await children(a, await accountNode(a, 'STS Alibaba'))).find((n): n is RegionNode => n.kind === 'region' && (n as RegionNode).region.id === 'cn-hangzhou');
    assert.ok(region);
    const images = (await children(a, region)).filter((n): n is ImageNode => n.kind === 'image');
    assert.ok(images.length > 0, 'the STS account lists images');

    // Time passes: the credentials are now past their expiry.
    await a.accounts.update(account.id, {
      credentials: { accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret, securityToken: sts.securityToken, expiresAt: new Date(Date.now() - 60_000).toISOString() },
    });
    const mark = emulator.requestLog.length;
    const expiredRegions = await children(a, await accountNode(a, 'STS Alibaba'));
    const error = expiredRegions.find((n): n is ErrorNode => n.kind === 'error');
    assert.ok(error, 'an error node instead of regions');
    const text = `${String(error.treeItem().label)} ${String(error.treeItem().tooltip ?? '')}`;
    assert.match(text, /temporary credentials of account "STS Alibaba" expired at .*Edit Account/);
    assert.equal(emulator.requestsSince(mark).length, 0, 'no request with expired credentials');
  });

  it('edits an account: rename, and a new key that the cloud refuses changes nothing', async () => {
    const emulator = await a.sandbox();
    const account = stored(a, 'Wizard Alibaba');
    assert.ok(account);
    const secret = (await a.accounts.credentialsOf(account.id))?.accessKeySecret;
    testInput.script('Rename', 'Sandbox', 'Renamed Alibaba'); // "Sandbox" is taken
    await vscode.commands.executeCommand('cloudImageExplorer.editAccount', await accountNode(a, 'Wizard Alibaba'));
    assert.match(testInput.shown[testInput.shown.length - 1]!.refused[0] ?? '', /already exists/);
    assert.equal(a.accounts.get(account.id)?.name, 'Renamed Alibaba');

    const asked = testInput.asked.length;
    testInput.script('New AccessKey (rotate the secret)', 'AccessKey', emulator.credentials('alibaba').accessKeyId, 'another-wrong-secret-0001');
    testInput.script(undefined);
    await vscode.commands.executeCommand('cloudImageExplorer.editAccount', await accountNode(a, 'Renamed Alibaba'));
    assert.match(testInput.asked[asked]?.message ?? '', /refused these credentials/);
    assert.equal((await a.accounts.credentialsOf(account.id))?.accessKeySecret, secret, 'the old secret stays');

    testInput.script('Renamed Alibaba · Alibaba Cloud ECS', CANCEL); // from the palette: the picker names the cloud
    await vscode.commands.executeCommand('cloudImageExplorer.editAccount');
  });

  it('names accounts with their cloud in the Remove picker, and removes the wizard\'s accounts', async () => {
    for (const name of ['Renamed Alibaba', 'STS Alibaba']) {
      const account = stored(a, name);
      assert.ok(account);
      const shown = testInput.shown.length;
      testInput.script(`${name} · Alibaba Cloud ECS`);
      testInput.script('Remove');
      await vscode.commands.executeCommand('cloudImageExplorer.removeAccount');
      const items = testInput.shown[shown]?.items ?? [];
      assert.ok(items.includes('Sandbox · Alibaba Cloud ECS') && items.includes('Sandbox · Huawei Cloud IMS'), items.join(', '));
      assert.equal(stored(a, name), undefined);
      assert.equal(await a.accounts.securityTokenOf(account.id), undefined, 'the token is deleted too');
    }
  });
});
