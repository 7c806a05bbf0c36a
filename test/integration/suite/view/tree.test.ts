// The walking skeleton in the real extension host: Sandbox account -> regions -> paged images,
// "Load more…" to the end, and a signature failure that becomes an error node Retry recovers from.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { AccountNode, ImageNode, Node, RegionNode } from '../../../../src/tree/nodes';
import { api, children, EXTENSION_ID, label, until } from '../helpers';

async function sandboxAccount(a: ExtensionApi): Promise<AccountNode> {
  const roots = await children(a);
  const account = roots.find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.sandbox === true && (n as AccountNode).account.cloud === 'alibaba');
  assert.ok(account, `a Sandbox account in ${roots.map(label).join(', ')}`);
  return account;
}

async function region(a: ExtensionApi, id: string): Promise<RegionNode> {
  const regions = await children(a, await sandboxAccount(a));
  const r = regions.find((n): n is RegionNode => n.kind === 'region' && (n as RegionNode).region.id === id);
  assert.ok(r, `region ${id} in ${regions.map(label).join(', ')}`);
  return r;
}

function images(nodes: Node[]): ImageNode[] {
  return nodes.filter((n): n is ImageNode => n.kind === 'image');
}

describe('Images tree over the sandbox (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
    await vscode.workspace.getConfiguration('cloudImageExplorer').update('pageSize', 50, vscode.ConfigurationTarget.Global);
  });

  it('activates and contributes its commands and view', async () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['addAccount', 'removeAccount', 'refresh', 'copyImageId', 'loadMore', 'retry', 'showLog', 'trySandbox']) {
      assert.ok(commands.includes(`cloudImageExplorer.${id}`), id);
    }
    await vscode.commands.executeCommand('workbench.view.extension.cloudImageExplorer');
  });

  it('lists the Sandbox account and its regions', async () => {
    const account = await sandboxAccount(a);
    // The cloud is in the label (short; in full when spoken): the four sandbox accounts read apart at any width.
    assert.equal(label(account), 'Sandbox · Alibaba ECS');
    assert.equal(account.treeItem().accessibilityInformation?.label, 'Sandbox, Alibaba Cloud ECS, local emulator');
    const regions = (await children(a, account)).filter((n) => n.kind === 'region');
    assert.ok(regions.length >= 3, `${regions.length} regions`);
    assert.ok(regions.map(label).includes('China (Hangzhou)'));
  });

  it('shows the first page of a region, then "Load more…" appends pages with no duplicate and no gap until TotalCount', async () => {
    const r = await region(a, 'cn-hangzhou');
    a.tree.refresh(r);
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    let nodes = await children(a, r);
    assert.equal(images(nodes).length, 50);
    assert.ok(nodes[nodes.length - 1]?.kind === 'loadMore', 'Load more… comes last');
    const total = r.loader.total ?? 0;
    assert.ok(total > 300, `hundreds of images, got ${total}`);
    let rounds = 0;
    while (nodes[nodes.length - 1]?.kind === 'loadMore') {
      await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
      nodes = await children(a, r);
      rounds++;
      assert.ok(rounds < 100);
    }
    const ids = images(nodes).map((n) => n.image.id);
    assert.equal(ids.length, total);
    assert.equal(new Set(ids).size, total, 'no duplicates');
    // One DescribeImages request per page: nothing loaded twice, nothing skipped.
    const calls = emulator.requestsSince(mark).filter((e) => e.operation === 'DescribeImages');
    assert.equal(calls.length, Math.ceil(total / 50));
    assert.ok(calls.every((c) => c.status === 200));
  });

  it('a Refresh while "Load more…" is on its way shows the region from its first page: the late page is dropped', async () => {
    const r = await region(a, 'cn-shanghai');
    a.tree.refresh(r);
    const firstPage = images(await children(a, r)).map((n) => n.image.id);
    assert.equal(firstPage.length, 50);
    const emulator = await a.sandbox();
    emulator.faults.addLatency({ cloud: 'alibaba', operation: 'DescribeImages', ms: 500 });
    try {
      const nodes = await children(a, r);
      const loadMore = vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
      await until('page 2 to be on its way', () => r.loader.loading || undefined);
      await vscode.commands.executeCommand('cloudImageExplorer.refresh', r);
      const shown = images(await children(a, r)).map((n) => n.image.id);
      await loadMore;
      assert.deepEqual(shown, firstPage, 'the first page, not page 2 in its place');
      assert.deepEqual(images(await children(a, r)).map((n) => n.image.id), firstPage, 'and still after page 2 would have arrived');
      assert.equal(r.loader.error, undefined, 'no error node: the dropped page was cancelled, not failed');
    } finally {
      emulator.faults.clear();
    }
  });

  it('loads nothing for regions nobody opened', async () => {
    const emulator = await a.sandbox();
    const account = await sandboxAccount(a);
    a.tree.refresh(account);
    const mark = emulator.requestLog.length;
    await children(a, account);
    const ops = emulator.requestsSince(mark).map((e) => e.operation);
    assert.deepEqual(ops, ['DescribeRegions']);
  });

  it('turns a signature failure into an error node with Retry, and Retry recovers once the cause is gone', async () => {
    const emulator = await a.sandbox();
    const { accessKeyId, accessKeySecret } = emulator.credentials('alibaba');
    const r = await region(a, 'cn-shanghai');
    emulator.setAccessKeySecret('alibaba', accessKeyId, 'a-different-secret-000000');
    try {
      await vscode.commands.executeCommand('cloudImageExplorer.refresh', r);
      const failed = await children(a, r);
      assert.equal(failed.length, 1);
      const error = failed[0];
      assert.ok(error?.kind === 'error', label(error!));
      assert.match(label(error!), /rejected the access key/);
      assert.match(String(error!.treeItem().tooltip), /SignatureDoesNotMatch/);
      assert.equal(error!.treeItem().command?.command, 'cloudImageExplorer.retry');
      // Retry while the cause is still there fails the same way.
      await vscode.commands.executeCommand('cloudImageExplorer.retry', error);
      assert.ok((await children(a, r))[0]?.kind === 'error');
    } finally {
      emulator.setAccessKeySecret('alibaba', accessKeyId, accessKeySecret);
    }
    const stillError = (await children(a, r))[0];
    assert.ok(stillError?.kind === 'error', 'the error stays until Retry');
    await vscode.commands.executeCommand('cloudImageExplorer.retry', stillError);
    const recovered = await children(a, r);
    assert.equal(images(recovered).length, 50);
  });

  it('keeps loaded images when "Load more…" fails, and Retry continues from there', async () => {
    const emulator = await a.sandbox();
    const r = await region(a, 'cn-beijing');
    a.tree.refresh(r);
    let nodes = await children(a, r);
    assert.equal(images(nodes).length, 50);
    emulator.faults.add({ kind: 'server-error', cloud: 'alibaba', operation: 'DescribeImages' });
    try {
      await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
      nodes = await children(a, r);
      assert.equal(images(nodes).length, 50, 'what was loaded stays');
      assert.ok(nodes[nodes.length - 1]?.kind === 'error');
    } finally {
      emulator.faults.clear();
    }
    await vscode.commands.executeCommand('cloudImageExplorer.retry', nodes[nodes.length - 1]);
    nodes = await children(a, r);
    assert.equal(images(nodes).length, r.loader.total);
  });

  it('shows an empty-state node for a region without images', async () => {
    const nodes = await children(a, await region(a, 'eu-central-1'));
    assert.equal(nodes.length, 1);
    assert.equal(label(nodes[0]!), 'No images in this region.');
  });
});
