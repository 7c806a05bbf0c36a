// Import from the vendors' CLI configuration files in the real extension host: every profile found is shown,
// none checked; those it cannot import (role-based, encrypted) and those already added are listed below a line
// with why, and checking them imports nothing; the checked profiles that work are added (secrets and tokens
// only in SecretStorage), a temporary (StsToken) one lists images, one the cloud refuses is not added; the
// closing message names each imported, refused and skipped profile with its reason.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { CloudKind } from '../../../../src/providers/core/model';
import type { AccountNode, ImageNode, Node, RegionNode } from '../../../../src/tree/nodes';
import { accountLabel } from '../../../../src/util/clouds';
import type { PickItem, PickOptions } from '../../../../src/util/userInput/types';
import { api, children } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

const FIXTURES = path.resolve(__dirname, '../../../../../test/fixtures/cli');

function label(name: string, cloud: CloudKind): string {
  return accountLabel({ name, cloud });
}

/**
 * Runs the command with the double answering, and returns the items of each multi-pick as the command built
 * them (their checked state, separators and details, which the double's record leaves out).
 */
async function withPicks(a: ExtensionApi, run: () => Thenable<unknown>): Promise<PickItem<unknown>[][]> {
  const seen: PickItem<unknown>[][] = [];
  const recorder = new Proxy(testInput, {
    get(target, prop): unknown {
      if (prop === 'pickMany') {
        return (items: readonly PickItem<unknown>[], options: PickOptions) => {
          seen.push([...items]);
          return target.pickMany(items, options);
        };
      }
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  a.useUserInput(recorder);
  try {
    await run();
  } finally {
    a.useUserInput(testInput);
  }
  return seen;
}

function lastNotification(): { severity: string; message: string } {
  const n = testInput.notifications[testInput.notifications.length - 1];
  return { severity: n?.severity ?? '', message: n?.message ?? '' };
}

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

  it('shows every profile unchecked, with why it cannot import some; adds the checked ones that work and names each outcome', async () => {
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

    const ali1 = (name: string): string => label(name, 'alibaba');
    // cli-role is checked too: a row below the line, which imports nothing.
    testInput.script([ali1('cli-work'), ali1('cli-sts'), ali1('cli-wrong'), ali1('cli-plain'), label('default', 'qingcloud'), ali1('cli-role')]);
    const [items] = await withPicks(a, () => vscode.commands.executeCommand('cloudImageExplorer.importAccounts', {
      files: [
        { cloud: 'alibaba', path: aliyun },
        { cloud: 'huawei', path: path.join(FIXTURES, 'huawei', 'config-encrypted.json') },
        { cloud: 'qingcloud', path: qingcloud },
      ],
    }));
    assert.equal(testInput.pending.length, 0);
    assert.ok(items, 'the profiles were offered in one picker');
    // Every profile found: the importable ones, a line, then the ones that cannot be imported with why.
    assert.deepEqual(items.map((i) => i.label), [
      ali1('cli-work'), ali1('cli-sts'), ali1('cli-wrong'), ali1('cli-plain'), label('default', 'qingcloud'),
      '', ali1('cli-role'), label('default', 'huawei'), label('ecs', 'huawei'),
    ]);
    assert.equal(items[5]?.kind, vscode.QuickPickItemKind.Separator, 'a line without text (text would sit over the row after it)');
    assert.deepEqual(items.filter((i) => i.picked).map((i) => i.label), [], 'no profile is checked before the user checks it');
    const why = (l: string): string => { const row = items.slice(6).find((i) => i.label === l); return `${row?.description ?? ''} | ${row?.detail ?? ''}`; };
    assert.equal(why(ali1('cli-role')), 'cannot be imported | role-based (RamRoleArn): needs a role session, which importing does not support');
    assert.match(why(label('default', 'huawei')), /^cannot be imported \| encrypted: KooCLI keeps these keys encrypted/);
    assert.match(why(label('ecs', 'huawei')), /^cannot be imported \| role-based \(ecsAgency\)/);

    const names = a.accounts.list().map((x) => x.name);
    assert.ok(names.includes('cli-work') && names.includes('cli-sts') && names.includes('default'), names.join(', '));
    assert.ok(!names.includes('cli-wrong'), 'the refused profile is not added');
    assert.ok(!names.includes('cli-plain'), 'the profile that breaks the input rules is not added');
    assert.ok(!names.includes('cli-role') && !names.includes('ecs'), 'checking a profile that cannot be imported imports nothing');
    // One closing message: each imported, refused (with the cloud's reason) and skipped (with why) profile.
    const result = lastNotification();
    assert.equal(result.severity, 'warning', result.message);
    assert.ok(result.message.startsWith(`Imported 3 accounts: ${ali1('cli-work')}, ${ali1('cli-sts')}, ${label('default', 'qingcloud')}. 2 profiles were refused: `), result.message);
    assert.match(result.message, /cli-wrong · [^(]+ \(The cloud rejected the access key: .* The cloud says: \w+/);
    assert.match(result.message, /cli-plain · [^(]+ \(Plain http:\/\/ is allowed only for this machine .*ecs\.example\.com/);
    assert.ok(result.message.includes(`3 profiles were skipped: ${ali1('cli-role')} (role-based (RamRoleArn): needs a role session, which importing does not support), ${label('default', 'huawei')} (encrypted: `), result.message);
    assert.ok(result.message.includes(`${label('ecs', 'huawei')} (role-based (ecsAgency)`), result.message);
    assert.ok(!result.message.includes(ali.accessKeyId), 'no key in the message');

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
  it('names a profile whose check failed for another reason than its key as not checked, not refused, and Retry imports it', async () => {
    const emulator = await a.sandbox();
    const ali = emulator.credentials('alibaba');
    // The first test's accounts hold this key: removed, so that the profile is offered, not shown as added.
    for (const account of a.accounts.list().filter((x) => x.name.startsWith('cli-'))) {
      await a.accounts.remove(account.id);
    }
    const file = path.join(dir, 'busy.json');
    fs.writeFileSync(file, JSON.stringify({
      current: 'cli-busy',
      profiles: [{ name: 'cli-busy', mode: 'AK', access_key_id: ali.accessKeyId, access_key_secret: ali.accessKeySecret, endpoint: emulator.endpoints.alibaba }],
    }));
    // The cloud's 5xx on every attempt of the first check (a read is tried 4 times); the retried check passes.
    emulator.faults.add({ kind: 'server-error', cloud: 'alibaba', operation: 'DescribeRegions', times: 4 });
    const mark = testInput.notifications.length;
    testInput.script([label('cli-busy', 'alibaba')]);
    testInput.clickNext('Retry');
    try {
      await vscode.commands.executeCommand('cloudImageExplorer.importAccounts', { files: [{ cloud: 'alibaba', path: file }] });
    } finally {
      emulator.faults.clear();
    }
    const [first, second] = testInput.notifications.slice(mark);
    assert.ok(first && second, 'the outcome, then the outcome after Retry');
    assert.equal(first.severity, 'error');
    assert.ok(first.message.startsWith(`No account was imported. 1 profile could not be checked: ${label('cli-busy', 'alibaba')} (The cloud had an internal error: retry later. The cloud says: InternalError`), first.message);
    assert.doesNotMatch(first.message, /refused/);
    assert.deepEqual(first.buttons, ['Retry']);
    assert.deepEqual([second.severity, second.message, second.buttons], ['info', `Imported 1 account: ${label('cli-busy', 'alibaba')}.`, []]);
    assert.ok(a.accounts.list().some((x) => x.name === 'cli-busy'), 'added by Retry');
  });

  it('shows a profile whose key is already an account as added, and checking it adds nothing', async () => {
    const emulator = await a.sandbox();
    const ali = emulator.credentials('alibaba');
    await a.accounts.add({ name: 'cli-mine', cloud: 'alibaba', accessKeyId: ali.accessKeyId, accessKeySecret: ali.accessKeySecret, endpoint: emulator.endpoints.alibaba });
    const file = path.join(dir, 'again.json');
    fs.writeFileSync(file, JSON.stringify({
      current: 'cli-same',
      profiles: [
        { name: 'cli-same', mode: 'AK', access_key_id: ali.accessKeyId, access_key_secret: ali.accessKeySecret, endpoint: emulator.endpoints.alibaba },
        // A key no account has (never tried here: it is not checked).
        { name: 'cli-fresh', mode: 'AK', access_key_id: 'LTAI5tFreshKeyNotAnAccount', access_key_secret: 'a-fresh-secret-of-enough-length', endpoint: emulator.endpoints.alibaba },
      ],
    }));
    const before = a.accounts.list().length;
    testInput.script([label('cli-same', 'alibaba')]);
    const [items] = await withPicks(a, () => vscode.commands.executeCommand('cloudImageExplorer.importAccounts', { files: [{ cloud: 'alibaba', path: file }] }));
    assert.deepEqual(items?.map((i) => [i.label, i.description ?? '']), [
      [label('cli-fresh', 'alibaba'), emulator.endpoints.alibaba!],
      ['', ''],
      [label('cli-same', 'alibaba'), 'already added as account "cli-mine"'],
    ]);
    assert.equal(a.accounts.list().length, before, 'nothing was added');
    const result = lastNotification();
    assert.deepEqual(result, { severity: 'info', message: `No account was imported. 1 profile was skipped: ${label('cli-same', 'alibaba')} (already added as account "cli-mine").` });
  });

  it('without a profile it can import, names each one found with why, and asks nothing', async () => {
    const prompts = testInput.shown.length;
    await vscode.commands.executeCommand('cloudImageExplorer.importAccounts', { files: [{ cloud: 'huawei', path: path.join(FIXTURES, 'huawei', 'config-encrypted.json') }] });
    assert.equal(testInput.shown.length, prompts, 'no picker with nothing to check');
    const result = lastNotification();
    assert.equal(result.severity, 'info');
    assert.ok(result.message.startsWith(`No account was imported. 2 profiles were skipped: ${label('default', 'huawei')} (encrypted: KooCLI keeps these keys encrypted`), result.message);
    assert.ok(result.message.endsWith(`${label('ecs', 'huawei')} (role-based (ecsAgency): needs a role session, which importing does not support).`), result.message);
  });
});
