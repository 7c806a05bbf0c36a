// Accounts in the real extension host: the secret goes only to SecretStorage, bad input is refused
// before anything is stored, removal asks first and deletes the secret, the sandbox comes back.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { AccountStore } from '../../../../src/accounts/store';
import type { AccountNode, RegionNode } from '../../../../src/tree/nodes';
import { api, children, label } from '../helpers';
import { CANCEL, testInput } from '../../userInput/testUserInput';

describe('Accounts (real extension host)', () => {
  it('adds an account whose secret lives only in SecretStorage, and uses it', async () => {
    const a = await api();
    const emulator = await a.sandbox();
    const { accessKeyId, accessKeySecret } = emulator.credentials('alibaba');
    testInput.script('Alibaba Cloud ECS', 'CI Alibaba', emulator.endpoints.alibaba!, 'AccessKey', accessKeyId, accessKeySecret);
    await vscode.commands.executeCommand('cloudImageExplorer.addAccount');
    const stored = a.accounts.list().find((x) => x.name === 'CI Alibaba');
    assert.ok(stored, 'the account is listed');
    assert.ok(!JSON.stringify(a.accounts.list()).includes(accessKeySecret), 'no secret in the stored accounts');
    assert.ok(!JSON.stringify(a.accounts.list()).includes(accessKeyId), 'no AccessKey ID in the stored accounts either');
    assert.deepEqual(await a.accounts.credentialsOf(stored.id), { accessKeyId, accessKeySecret });
    const node = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.id === stored.id);
    assert.ok(node);
    const regions = (await children(a, node)).filter((n): n is RegionNode => n.kind === 'region');
    assert.ok(regions.length >= 3, 'the stored secret signs its requests');

    testInput.script('Remove');
    await vscode.commands.executeCommand('cloudImageExplorer.removeAccount', node);
    assert.match(testInput.asked[testInput.asked.length - 1]!.message, /Remove the account "CI Alibaba" \(Alibaba Cloud ECS\)\?/);
    assert.ok(!a.accounts.list().some((x) => x.id === stored.id));
    assert.equal(await a.accounts.credentialsOf(stored.id), undefined, 'the secret is deleted too');
  });

  it('refuses bad input with a specific message and stores nothing', async () => {
    const a = await api();
    const before = a.accounts.list().length;
    // Each refused value keeps its box open with the reason; Escape then ends the wizard.
    const cases: [string[], RegExp][] = [
      [['Alibaba Cloud ECS', 'x', '', 'AccessKey', 'short'], /does not look like an AccessKey ID/],
      [['Alibaba Cloud ECS', 'x', '', 'AccessKey', 'LTAI5tExampleKey0001', 'short'], /at least 16 are needed/],
      [['Alibaba Cloud ECS', 'x', 'ftp://x'], /must start with https:\/\//],
      [['Alibaba Cloud ECS', 'x', 'http://ecs.example.com'], /only for this machine/],
      [['Alibaba Cloud ECS', 'Sandbox'], /already exists/],
      [['QingCloud', 'q', '', 'AccessKey', 'qyLowerCase'], /does not look like an AccessKey ID/],
    ];
    for (const [answers, expected] of cases) {
      testInput.script(...answers, CANCEL);
      await vscode.commands.executeCommand('cloudImageExplorer.addAccount');
      assert.match(testInput.shown[testInput.shown.length - 1]!.refused[0] ?? '', expected, answers.join(' / '));
    }
    assert.equal(a.accounts.list().length, before);
  });

  it('hides a removed Sandbox account until "Try the Sandbox"', async () => {
    const a = await api();
    const sandbox = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.cloud === 'batchcompute');
    assert.ok(sandbox);
    testInput.script('Remove');
    await vscode.commands.executeCommand('cloudImageExplorer.removeAccount', sandbox);
    assert.ok(!(await children(a)).some((n) => n.id === sandbox.id));
    await vscode.commands.executeCommand('cloudImageExplorer.trySandbox');
    assert.ok((await children(a)).some((n) => n.id === sandbox.id), label(sandbox));
  });
});

/** An AccountStore over in-memory global state and Secret Storage, with both maps to look into. */
function memoryStore(): { store: AccountStore; state: Map<string, unknown>; secrets: Map<string, string> } {
  const state = new Map<string, unknown>();
  const secrets = new Map<string, string>();
  const memento = {
    keys: () => [...state.keys()],
    get: <T>(key: string, fallback?: T) => (state.has(key) ? (state.get(key) as T) : fallback),
    update: (key: string, value: unknown) => Promise.resolve(void state.set(key, value)),
  } as unknown as vscode.Memento;
  const storage = {
    get: (key: string) => Promise.resolve(secrets.get(key)),
    store: (key: string, value: string) => Promise.resolve(void secrets.set(key, value)),
    delete: (key: string) => Promise.resolve(void secrets.delete(key)),
    onDidChange: new vscode.EventEmitter<vscode.SecretStorageChangeEvent>().event,
  } as unknown as vscode.SecretStorage;
  return { store: new AccountStore(memento, storage), state, secrets };
}

describe('Accounts stored by earlier versions (AccessKey ID in global state)', () => {
  it('are read as before, then moved: the ID into Secret Storage, out of global state', async () => {
    const { store, state, secrets } = memoryStore();
    state.set('cloudImageExplorer.accounts', [{ id: 'old-1', name: 'Old', cloud: 'alibaba', accessKeyId: 'LTAI5tLegacyStoredKey01' }]);
    secrets.set('cloudImageExplorer.secret.old-1', 'LegacySecretStoredAlone00001');
    const expected = { accessKeyId: 'LTAI5tLegacyStoredKey01', accessKeySecret: 'LegacySecretStoredAlone00001' };
    assert.deepEqual(await store.credentialsOf('old-1'), expected, 'read as before the move');
    assert.equal(await store.migrate(), 1);
    assert.ok(!JSON.stringify(state.get('cloudImageExplorer.accounts')).includes('LTAI5tLegacyStoredKey01'), 'out of global state');
    assert.deepEqual(await store.credentialsOf('old-1'), expected, 'read after the move');
    assert.equal(await store.migrate(), 0, 'nothing left to move');
    store.dispose();
  });
});

describe('Edit Account keeps keys in Secret Storage (AccountStore.update)', () => {
  it('renames without losing the key, puts a new key ID and token only in Secret Storage, and drops the token with it', async () => {
    const { store, state, secrets } = memoryStore();
    state.set('cloudImageExplorer.accounts', [{ id: 'old-1', name: 'Old', cloud: 'alibaba', accessKeyId: 'LTAI5tLegacyStoredKey01' }]);
    secrets.set('cloudImageExplorer.secret.old-1', 'LegacySecretStoredAlone00001');
    const stateText = (): string => JSON.stringify(state.get('cloudImageExplorer.accounts'));

    await store.update('old-1', { name: 'Renamed' });
    assert.equal(store.get('old-1')?.name, 'Renamed');
    assert.deepEqual(await store.credentialsOf('old-1'), { accessKeyId: 'LTAI5tLegacyStoredKey01', accessKeySecret: 'LegacySecretStoredAlone00001' }, 'the key still reads');

    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const sts = { accessKeyId: 'STS.NewTemporaryKeyId0001', accessKeySecret: 'NewSecretAfterRotation000001', securityToken: 'CAISNewSecurityToken000000001' };
    const saved = await store.update('old-1', { credentials: { ...sts, expiresAt } });
    assert.deepEqual([saved.temporary, saved.expiresAt], [true, expiresAt]);
    assert.deepEqual(await store.credentialsOf('old-1'), sts);
    for (const secret of [sts.accessKeyId, sts.accessKeySecret, sts.securityToken, 'LTAI5tLegacyStoredKey01']) {
      assert.ok(!stateText().includes(secret), `not in global state: ${secret}`);
      assert.ok(!JSON.stringify(store.list()).includes(secret), `not in the listed accounts: ${secret}`);
    }

    const key = { accessKeyId: 'LTAI5tRotatedKeyId000001', accessKeySecret: 'RotatedSecretLongTerm0000001' };
    const back = await store.update('old-1', { credentials: key });
    assert.deepEqual([back.temporary, back.expiresAt], [undefined, undefined], 'no longer temporary');
    assert.deepEqual(await store.credentialsOf('old-1'), key);
    assert.equal(await store.securityTokenOf('old-1'), undefined, 'the old token is deleted');
    assert.ok(!stateText().includes(key.accessKeyId), 'the new ID is not in global state');

    await store.remove('old-1');
    assert.deepEqual([...secrets.keys()], [], 'removal deletes every entry');
    store.dispose();
  });
});
