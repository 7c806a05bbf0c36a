// "See all of yours" and "Act only where you can", in the real host over the sandbox: own images in
// every status with their state's icon and progress, BatchCompute's System images, menus and commands
// that follow ownership and state (refused in words before any request), Open in Console hidden on the
// sandbox, and Show/Hide Regions per account.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { AccountNode, ImageNode, Node, RegionNode } from '../../../../src/tree/nodes';
import { api, children, label, readable, sandboxRegion } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

/** Loads pages of a region until `count` images match (or the region ends). */
async function imagesWhere(a: ExtensionApi, region: RegionNode, count: number, test: (n: ImageNode) => boolean): Promise<ImageNode[]> {
  let nodes: Node[] = await children(a, region);
  const matching = (): ImageNode[] => nodes.filter((n): n is ImageNode => n.kind === 'image' && test(n as ImageNode));
  while (matching().length < count && nodes[nodes.length - 1]?.kind === 'loadMore') {
    await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
    nodes = await children(a, region);
  }
  assert.ok(matching().length >= count, `${count} matching images in ${region.region.id}`);
  return matching().slice(0, count);
}

function contextOf(node: Node): string {
  return String(node.treeItem().contextValue);
}

function iconOf(node: Node): string {
  return (node.treeItem().iconPath as vscode.ThemeIcon).id;
}

describe('Own images in every status, and commands only where they apply (real extension host)', () => {
  let a: ExtensionApi;
  before(async () => {
    a = await api();
  });

  it('shows own Alibaba images that are not Available, each with its status, icon and progress', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const [creating] = await imagesWhere(a, region, 1, (n) => n.image.owner === 'self' && n.image.status === 'Creating');
    const [unavailable] = await imagesWhere(a, region, 1, (n) => n.image.owner === 'self' && n.image.status === 'UnAvailable');
    assert.match(String(creating!.treeItem().description), /^Creating \(\d{1,2}%\)( ·|$)/);
    assert.equal(iconOf(creating!), 'loading~spin');
    assert.match(String(unavailable!.treeItem().description), /^Unavailable( ·|$)/);
    assert.equal(iconOf(unavailable!), 'circle-slash');
    // The hover, built when the view asks (resolveTreeItem), says the same.
    const tip = readable(a.tree.resolveTreeItem(creating!.treeItem(), creating!).tooltip);
    assert.match(tip, /Status: Creating/);
    assert.match(tip, /Progress: \d{1,2}%/);
    // Its own: tags apply in any state; sharing, export and delete wait until it is ready.
    const ctx = contextOf(creating!);
    assert.ok(ctx.includes('can-tag') && ctx.includes('state-creating'), ctx);
    for (const flag of ['can-share', 'can-export', 'can-delete']) {
      assert.ok(!ctx.includes(flag), `${flag} hidden: ${ctx}`);
    }
    const [available] = await imagesWhere(a, region, 1, (n) => n.image.owner === 'self' && n.image.status === 'Available');
    assert.match(String(available!.treeItem().description), /^\d+ \w+ · \d+ GiB · [^·]+$/, 'age · size · OS, no state');
  });

  it('lists BatchCompute System images after the account\'s own', async () => {
    const region = await sandboxRegion(a, 'batchcompute', 'cn-hangzhou');
    const [system] = await imagesWhere(a, region, 1, (n) => n.image.owner === 'system');
    assert.equal(iconOf(system!), 'package');
    assert.ok(!contextOf(system!).includes('can-delete'), contextOf(system!));
  });

  it('offers no Delete, Tag or Share on a system image, and refuses them in words before any request', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-shanghai');
    const [system] = await imagesWhere(a, region, 1, (n) => n.image.owner === 'system');
    const ctx = contextOf(system!);
    assert.ok(/\bimage\b/.test(ctx) && ctx.includes('owner-system'), ctx);
    for (const flag of ['can-tag', 'can-share', 'can-export', 'can-delete']) {
      assert.ok(!ctx.includes(flag), `${flag} hidden: ${ctx}`);
    }
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const errors = testInput.errors.length;
    await vscode.commands.executeCommand('cloudImageExplorer.delete', system, [system]);
    await vscode.commands.executeCommand('cloudImageExplorer.tag', system, [system], { key: 'env', value: 'x' });
    await vscode.commands.executeCommand('cloudImageExplorer.share', system);
    const refused = testInput.errors.slice(errors);
    assert.equal(refused.length, 3, refused.join('\n'));
    assert.match(refused[0]!, new RegExp(`^Delete Image is not possible: "${escape(system!.image.name)}" is not one of this account's own images \\(Public image\\)\\.`));
    assert.match(refused[1]!, /^Add Tag is not possible: .*\(Public image\)/);
    assert.match(refused[2]!, /^Share Image is not possible: .*\(Public image\)/);
    assert.deepEqual(emulator.requestsSince(mark), [], 'no request');
  });

  it('hides Open in Console on the sandbox\'s images and refuses it in words', async () => {
    const region = await sandboxRegion(a, 'qingcloud', 'pek3');
    const [image] = await imagesWhere(a, region, 1, (n) => n.image.owner === 'self');
    assert.ok(!contextOf(image!).includes('can-console'), contextOf(image!));
    const errors = testInput.errors.length;
    await vscode.commands.executeCommand('cloudImageExplorer.openInConsole', image);
    assert.match(testInput.errors[errors] ?? '', /is an image of the sandbox, which no web console knows/);
  });

  it('shows only the regions chosen for an account, says how many are hidden, and shows them all again', async () => {
    const account = (await children(a)).find(
      (n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.sandbox === true && (n as AccountNode).account.cloud === 'qingcloud',
    )!;
    const all = (await children(a, account)).map(label);
    assert.ok(all.length > 2, all.join());
    testInput.script([all[0]!, all[1]!]);
    await vscode.commands.executeCommand('cloudImageExplorer.showHideRegions', account);
    // The regions shown, then a row that counts the hidden ones (labels.test.ts reads it).
    assert.deepEqual((await children(a, account)).map(label), [...all.slice(0, 2), `${all.length - 2} regions hidden`]);
    assert.equal(String(account.treeItem().description), `2/${all.length} regions`);
    const shown = testInput.shown[testInput.shown.length - 1]!;
    assert.deepEqual(shown.items, all, 'the picker offers every region');
    testInput.script(/./);
    await vscode.commands.executeCommand('cloudImageExplorer.showHideRegions', account);
    assert.deepEqual((await children(a, account)).map(label), all);
    assert.equal(account.treeItem().description, undefined);
    assert.equal(testInput.pending.length, 0);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
