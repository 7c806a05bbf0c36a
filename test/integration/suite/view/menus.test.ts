// Commands that don't apply aren't offered: the installed manifest's menus, checked clause by clause, and
// the context keys behind them (the keybindings: keybindings.test.ts).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, children, sandboxRegion } from '../helpers';
import type { AccountNode, ImageNode } from '../../../../src/tree/nodes';

interface Entry {
  readonly command: string;
  readonly when?: string;
}

function manifest(): { menus: Record<string, Entry[]>; commands: { command: string; title: string }[] } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  const contributes = (ext.packageJSON as { contributes: ReturnType<typeof manifest> }).contributes;
  return contributes;
}

const SINGLE_IMAGE = ['copyImageId', 'openDetails', 'openInConsole', 'share', 'unshare', 'export', 'copy', 'rename', 'editDescription', 'deprecate', 'undeprecate', 'search.reveal'];

describe('Menus in the manifest', () => {
  it('hides single-image items while several images are selected, and offers Export and Clear Cloud Filter only where they apply', () => {
    const items = manifest().menus['view/item/context']!;
    for (const name of SINGLE_IMAGE) {
      const entries = items.filter((e) => e.command === `cloudImageExplorer.${name}`);
      assert.ok(entries.length, name);
      for (const e of entries) {
        assert.match(e.when ?? '', /&& !listMultiSelection$/, `${name}: ${e.when}`);
      }
    }
    for (const name of ['tag', 'untag', 'delete']) {
      assert.ok(items.filter((e) => e.command === `cloudImageExplorer.${name}`).every((e) => !e.when?.includes('listMultiSelection')), `${name} takes several`);
    }
    assert.ok(items.filter((e) => e.command === 'cloudImageExplorer.export').every((e) => (e.when ?? '').includes('can-export')));
    assert.ok(items.filter((e) => e.command === 'cloudImageExplorer.clearCloudFilter').every((e) => (e.when ?? '').includes('cloudFiltered') && !(e.when ?? '').includes('account')));
    const palette = manifest().menus['commandPalette']!;
    assert.equal(palette.find((e) => e.command === 'cloudImageExplorer.clearCloudFilter')?.when, 'cloudImageExplorer.cloudFiltered');
    assert.equal(palette.find((e) => e.command === 'cloudImageExplorer.trySandbox')?.when, 'cloudImageExplorer.sandboxHidden');
    const title = manifest().menus['view/title']!;
    assert.match(title.find((e) => e.command === 'cloudImageExplorer.trySandbox')?.when ?? '', /&& cloudImageExplorer\.sandboxHidden$/);
  });
});

describe('What the menus are given', () => {
  it('an account offers Clear Cloud Filter only while a cloud filter applies to it', async () => {
    const a = await api();
    const account = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.sandbox === true && (n as AccountNode).account.cloud === 'qingcloud')!;
    await a.tree.state.clearAccountFilters(account.account.id);
    assert.doesNotMatch(String(account.treeItem().contextValue), /\bcloudFiltered\b/);
    await a.tree.state.setCloudFilter({ accountId: account.account.id }, { name: 'web' });
    assert.match(String(account.treeItem().contextValue), /\bcloudFiltered\b/);
    await vscode.commands.executeCommand('cloudImageExplorer.clearCloudFilter', account);
    assert.doesNotMatch(String(account.treeItem().contextValue), /\bcloudFiltered\b/);
  });

  it('a Windows image on Alibaba is not offered Export; a Linux one is', async () => {
    const a = await api();
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const images = (await children(a, region)).filter((n): n is ImageNode => n.kind === 'image' && (n as ImageNode).image.owner === 'self');
    const flags = (os: string): string[] =>
      images.filter((n) => n.image.osType === os && n.image.status === 'Available').map((n) => String(n.treeItem().contextValue));
    assert.ok(flags('windows').length && flags('linux').length, 'the first page has both');
    assert.ok(flags('windows').every((c) => !/\bcan-export\b/.test(c)));
    assert.ok(flags('linux').some((c) => /\bcan-export\b/.test(c)));
  });
});
