// Commands that don't apply aren't offered, and the tree's keys act on its selection: the installed
// manifest's keybindings and menus, checked clause by clause, and the context keys behind them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, children, identity, ownImages, sandboxRegion } from '../helpers';
import { testInput } from '../../userInput/testUserInput';
import type { AccountNode, ImageNode } from '../../../../src/tree/nodes';

interface Entry {
  readonly command: string;
  readonly when?: string;
  readonly key?: string;
  readonly mac?: string;
}

function manifest(): { keybindings: Entry[]; menus: Record<string, Entry[]>; commands: { command: string; title: string }[] } {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  const contributes = (ext.packageJSON as { contributes: ReturnType<typeof manifest> }).contributes;
  return contributes;
}

const VIEW_FOCUSED = 'focusedView == cloudImageExplorer.images && !inputFocus';
const SINGLE_IMAGE = ['copyImageId', 'openDetails', 'openInConsole', 'share', 'unshare', 'export', 'copy', 'rename', 'editDescription', 'deprecate', 'undeprecate', 'search.reveal'];

describe('Menus and keybindings in the manifest', () => {
  it('binds Delete, F2, Ctrl/Cmd+C and F5 only while the Images view has focus (and not its filter box)', () => {
    const keys = manifest().keybindings;
    const want: Record<string, string> = {
      delete: 'cloudImageExplorer.delete',
      f2: 'cloudImageExplorer.rename',
      'ctrl+c': 'cloudImageExplorer.copyImageId',
      f5: 'cloudImageExplorer.refresh',
    };
    for (const [key, command] of Object.entries(want)) {
      const entry = keys.find((k) => k.key === key && k.command === command);
      assert.ok(entry, `${key} → ${command}`);
      assert.ok(entry.when?.startsWith(VIEW_FOCUSED), `${key}: ${entry.when}`);
    }
    assert.equal(keys.find((k) => k.key === 'ctrl+c')?.mac, 'cmd+c');
    // Enter is the tree's own: it runs the focused row's command, which on an image opens its details
    // (a binding of ours would act on the selection, not on the row the arrows moved to).
    assert.ok(!keys.some((k) => k.key === 'enter' && k.when?.includes('cloudImageExplorer.images')));
    const commands = new Set(manifest().commands.map((c) => c.command));
    for (const k of keys.filter((k) => k.command.startsWith('cloudImageExplorer.'))) {
      assert.ok(commands.has(k.command), `${k.command} is a contributed command`);
      assert.match(k.when ?? '', /focusedView == cloudImageExplorer\.\w+/, `${k.key} is bound in one view only`);
      if (k.command !== 'cloudImageExplorer.refresh') {
        assert.match(k.when ?? '', /cloudImageExplorer\.imagesSelected/, `${k.key} acts on images only`);
      }
    }
  });

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

describe('Keybindings act on the view’s selection (they pass no argument)', () => {
  after(() => vscode.commands.executeCommand('workbench.view.explorer'));

  it('Ctrl/Cmd+C copies the selected image’s ID, F2 renames it, Open Details opens it; none asks which image; Enter runs the row’s Open Details', async () => {
    const a = await api();
    const [image] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shenzhen'), 1, 'Available');
    await vscode.commands.executeCommand('cloudImageExplorer.imageIds.reveal', identity(image!));
    await vscode.env.clipboard.writeText('');
    const shown = testInput.shown.length;
    await vscode.commands.executeCommand('cloudImageExplorer.copyImageId');
    assert.equal(await vscode.env.clipboard.readText(), image!.image.id);
    testInput.script('renamed-by-f2');
    await vscode.commands.executeCommand('cloudImageExplorer.rename');
    assert.equal(image!.image.name, 'renamed-by-f2');
    assert.deepEqual(testInput.shown.slice(shown).map((s) => s.kind), ['input'], 'only the new name was asked: no image picker');
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails');
    await a.panels.rendered(identity(image!), () => true);
    assert.equal(image!.treeItem().command?.command, 'cloudImageExplorer.openDetails', 'Enter on the row opens the details');
  });
});
