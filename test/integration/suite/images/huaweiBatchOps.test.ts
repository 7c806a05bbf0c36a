// Huawei Cloud IMS and the retired BatchCompute in the real extension host: Huawei's share and export
// are async jobs followed to the end; BatchCompute offers delete only and says it is retired.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { api, children, ownImages, sandboxRegion, until } from '../helpers';
import { testInput } from '../../userInput/testUserInput';




describe('Huawei IMS and BatchCompute operations over the sandbox (real extension host)', () => {
  let a: ExtensionApi;
  before(async () => {
    a = await api();
  });
  afterEach(() => a.panels.closeAll());

  it('Huawei: tags and untags with key and value', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'huawei', 'cn-north-4'), 1, 'active');
    await vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node], { key: 'ci-env', value: 'staging' });
    assert.ok(node!.image.tags.some((t) => t.key === 'ci-env' && t.value === 'staging'));
    await vscode.commands.executeCommand('cloudImageExplorer.untag', node, [node], ['ci-env']);
    assert.ok(!node!.image.tags.some((t) => t.key === 'ci-env'));
  });

  it('Huawei: sharing with a project is a job; the member appears when it succeeds', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'huawei', 'cn-east-3'), 1, 'active');
    const project = '0123456789abcdef0123456789abcdef';
    await vscode.commands.executeCommand('cloudImageExplorer.share', node, undefined, [project]);
    const job = a.jobs.list().find((j) => j.kind === 'share' && j.imageId === node!.image.id);
    assert.ok(job, 'the share job is tracked');
    await until('the share job to succeed', () => a.jobs.list().find((j) => j.jobId === job.jobId && j.state === 'succeeded'));
    const provider = await a.provider(node!.account);
    assert.ok((await provider.sharing!.listMembers('cn-east-3', node!.image.id)).some((m) => m.id === project));
    // A malformed project ID is refused before any request.
    const errors = testInput.errors.length;
    await vscode.commands.executeCommand('cloudImageExplorer.share', node, undefined, ['not-a-project']);
    assert.match(testInput.errors[errors] ?? '', /"not-a-project" is not a Huawei Cloud project ID/);
  });

  it('Huawei: export reaches 100 % in the panel', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'huawei', 'cn-north-4'), 1, 'active');
    const id = { accountId: node!.account.id, regionId: 'cn-north-4', imageId: node!.image.id };
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    await vscode.commands.executeCommand('cloudImageExplorer.export', node, undefined, { bucket: 'ci-obs-bucket', object: 'exports/ci.qcow2', format: 'qcow2' });
    const job = a.jobs.list().find((j) => j.kind === 'export' && j.imageId === node!.image.id);
    assert.ok(job);
    await a.panels.rendered(id, (r) => r.jobs.some((j) => j.jobId === job.jobId && j.percent === '100'), 60_000);
  });

  it('BatchCompute: says it is retired, offers delete only, and deletes after confirmation', async () => {
    const r = await sandboxRegion(a, 'batchcompute', 'cn-hangzhou');
    assert.match(String(r.parent.treeItem().description), /retired/);
    const [node] = await ownImages(a, r, 1, 'Available');
    const ctx = String(node!.treeItem().contextValue);
    assert.ok(ctx.includes('can-delete'), ctx);
    for (const flag of ['can-tag', 'can-share', 'can-export']) {
      assert.ok(!ctx.includes(flag), `${flag} hidden: ${ctx}`);
    }
    testInput.script('Delete');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    assert.deepEqual(testInput.asked[testInput.asked.length - 1]!.buttons, ['Delete']);
    assert.ok(!(await children(a, r)).some((n) => n.id === node!.id));
  });
});
