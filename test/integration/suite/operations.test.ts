// Tag, share, export, delete in the real extension host against the sandbox: the tree and the
// details panel show each change; jobs reach 100 % in the panel and the Jobs view, across a reload;
// deletes are confirmed; invalid input is refused before any request.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { AccountNode, ImageNode, Node, RegionNode } from '../../../src/tree/nodes';
import { api, children, label } from './helpers';

async function sandboxRegion(a: ExtensionApi, regionId: string): Promise<RegionNode> {
  const account = (await children(a)).find((n) => n.kind === 'account' && (n as AccountNode).account.cloud === 'alibaba' && (n as AccountNode).account.sandbox);
  const region = (await children(a, account)).find((n): n is RegionNode => n.kind === 'region' && (n as RegionNode).region.id === regionId);
  assert.ok(region, regionId);
  return region;
}

async function ownImages(a: ExtensionApi, region: RegionNode, count: number): Promise<ImageNode[]> {
  let nodes: Node[] = await children(a, region);
  const own = (): ImageNode[] => nodes.filter((n): n is ImageNode => n.kind === 'image' && (n as ImageNode).image.owner === 'self' && (n as ImageNode).image.status === 'Available');
  while (own().length < count && nodes[nodes.length - 1]?.kind === 'loadMore') {
    await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
    nodes = await children(a, region);
  }
  assert.ok(own().length >= count, `${count} own images in ${region.region.id}`);
  return own().slice(0, count);
}

function identity(node: ImageNode): { accountId: string; regionId: string; imageId: string } {
  return { accountId: node.account.id, regionId: node.parent.region.id, imageId: node.image.id };
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await probe();
    if (v) {
      return v;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('Image operations over the sandbox (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });

  afterEach(() => {
    a.panels.closeAll();
  });

  it('offers on each image only what its cloud can do', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'cn-shanghai'), 1);
    const ctx = String(node!.treeItem().contextValue);
    for (const flag of ['can-tag', 'can-share', 'can-export', 'can-delete']) {
      assert.ok(ctx.includes(flag), `${flag} in "${ctx}"`);
    }
  });

  it('tags then untags an image, and the tree and the panel show each change', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'cn-shanghai'), 1);
    const id = identity(node!);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    await a.panels.rendered(id, () => true);
    await vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node], { key: 'ci-test', value: 'round-trip' });
    assert.ok(node!.image.tags.some((t) => t.key === 'ci-test' && t.value === 'round-trip'), 'tree node has the tag');
    assert.match(String((node!.treeItem().tooltip as vscode.MarkdownString).value), /ci-test=round-trip/);
    await a.panels.rendered(id, (r) => r.tags.includes('ci-test=round-trip'));
    await vscode.commands.executeCommand('cloudImageExplorer.untag', node, [node], ['ci-test']);
    assert.ok(!node!.image.tags.some((t) => t.key === 'ci-test'), 'tag gone from the tree');
    await a.panels.rendered(id, (r) => !r.tags.includes('ci-test=round-trip'));
  });

  it('tags several selected images at once', async () => {
    const nodes = await ownImages(a, await sandboxRegion(a, 'cn-shanghai'), 3);
    await vscode.commands.executeCommand('cloudImageExplorer.tag', nodes[0], nodes, { key: 'batch', value: 'yes' });
    for (const n of nodes) {
      assert.ok(n.image.tags.some((t) => t.key === 'batch'), n.image.id);
    }
    await vscode.commands.executeCommand('cloudImageExplorer.untag', nodes[0], nodes, ['batch']);
  });

  it('shares with a member and unshares after a confirmation', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'cn-beijing'), 1);
    const id = identity(node!);
    const member = '1111222233334444';
    await vscode.commands.executeCommand('cloudImageExplorer.share', node, undefined, [member]);
    const provider = await a.provider(node!.account);
    assert.ok((await provider.sharing!.listMembers(id.regionId, id.imageId)).some((m) => m.id === member));
    a.prompter.answerNext('Stop Sharing');
    await vscode.commands.executeCommand('cloudImageExplorer.unshare', node, undefined, [member]);
    assert.match(a.prompter.asked[a.prompter.asked.length - 1]!.message, new RegExp(member));
    assert.ok(!(await provider.sharing!.listMembers(id.regionId, id.imageId)).some((m) => m.id === member));
  });

  // The same across a real window reload: test/integration/restart.
  it('exports: the job reaches 100 % in the panel and the Jobs view', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'cn-shenzhen'), 1);
    const id = identity(node!);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    await vscode.commands.executeCommand('cloudImageExplorer.export', node, undefined, { bucket: 'ci-exports', object: 'ciexport', format: 'qcow2' });
    const job = a.jobs.forImage(id.accountId, id.regionId, id.imageId).find((j) => j.kind === 'export');
    assert.ok(job, 'the export is tracked');
    await a.panels.rendered(id, (r) => r.jobs.some((j) => j.jobId === job.jobId && Number(j.percent) > 0 && Number(j.percent) < 100));
    const done = await a.panels.rendered(id, (r) => r.jobs.some((j) => j.jobId === job.jobId && j.percent === '100'), 60_000);
    assert.ok(done);
    const view = await until('the Jobs view to show success', () =>
      a.jobs.list().find((j) => j.jobId === job.jobId && j.state === 'succeeded' && j.percent === 100),
    );
    assert.equal(view.kind, 'export');
  });

  it('deletes after a modal confirmation that names the image; the node disappears', async () => {
    const region = await sandboxRegion(a, 'cn-shenzhen');
    const nodes = await ownImages(a, region, 3);
    const victim = nodes.find((n) => !/in-use/.test(JSON.stringify(n.image.raw))) ?? nodes[0]!;
    const emulator = await a.sandbox();
    // Cancel first: nothing is deleted and no request is sent.
    let mark = emulator.requestLog.length;
    a.prompter.answerNext(undefined);
    await vscode.commands.executeCommand('cloudImageExplorer.delete', victim, [victim]);
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage').length, 0);
    const asked = a.prompter.asked[a.prompter.asked.length - 1]!;
    assert.ok(asked.message.includes(victim.image.name), asked.message);
    assert.ok(asked.buttons.includes('Force Delete'), 'Alibaba offers Force');
    assert.match(asked.detail ?? '', /Force Delete/);
    mark = emulator.requestLog.length;
    a.prompter.answerNext('Force Delete');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', victim, [victim]);
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage').length, 1);
    const left = (await children(a, region)).map((n) => n.id);
    assert.ok(!left.includes(victim.id), 'the node is gone');
  });

  it('keeps the node and shows the error when a delete fails', async () => {
    const region = await sandboxRegion(a, 'cn-shenzhen');
    const [node] = await ownImages(a, region, 1);
    const emulator = await a.sandbox();
    emulator.faults.add({ kind: 'server-error', cloud: 'alibaba', operation: 'DeleteImage' });
    try {
      a.prompter.answerNext('Delete');
      await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    } finally {
      emulator.faults.clear();
    }
    assert.ok((await children(a, region)).some((n) => n.id === node!.id), 'the node stays');
    assert.equal(node!.busy, undefined);
    assert.match(node!.lastError ?? '', /InternalError/);
    assert.match(a.prompter.errors[a.prompter.errors.length - 1] ?? '', /InternalError/);
  });

  it('refuses invalid input with a specific message before any request', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'cn-shanghai'), 1);
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const cases: [string, unknown, RegExp][] = [
      ['cloudImageExplorer.tag', { key: 'aliyun-owned', value: 'x' }, /reserves keys that start with "aliyun"/],
      ['cloudImageExplorer.tag', { key: 'k'.repeat(129), value: '' }, /129 characters; Alibaba Cloud allows at most 128/],
      ['cloudImageExplorer.tag', { key: 'site', value: 'https://example.com' }, /cannot contain "http:\/\/" or "https:\/\/"/],
      ['cloudImageExplorer.export', { bucket: 'Bad_Bucket', object: 'x', format: 'qcow2' }, /lower-case letters, digits and hyphens/],
      ['cloudImageExplorer.export', { bucket: 'good-bucket', object: 'has space', format: 'qcow2' }, /1 to 30 letters and digits/],
      ['cloudImageExplorer.export', { bucket: 'good-bucket', object: 'ok', format: 'iso' }, /cannot export to "iso"/],
    ];
    for (const [command, arg, expected] of cases) {
      const before = a.prompter.errors.length;
      await vscode.commands.executeCommand(command, node, [node], arg);
      assert.equal(a.prompter.errors.length, before + 1, `${command} ${JSON.stringify(arg)} was refused`);
      assert.match(a.prompter.errors[a.prompter.errors.length - 1]!, expected);
    }
    const mutations = emulator.requestsSince(mark).filter((r) => /^(TagResources|ExportImage|ModifyImageSharePermission)$/.test(r.operation));
    assert.deepEqual(mutations.map((r) => r.operation), [], 'no request reached the emulator');
    assert.ok(label(node!));
  });
});
