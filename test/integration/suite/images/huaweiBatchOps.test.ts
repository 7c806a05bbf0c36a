// Huawei Cloud IMS and the retired BatchCompute in the real extension host: Huawei's share and export
// are async jobs followed to the end; BatchCompute offers delete only and says it is retired.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { api, children, ownImages, sandboxRegion, until } from '../helpers';
import { CANCEL, testInput } from '../../userInput/testUserInput';




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
    testInput.script(project);
    await vscode.commands.executeCommand('cloudImageExplorer.share', node);
    const job = a.jobs.list().find((j) => j.kind === 'share' && j.imageId === node!.image.id);
    assert.ok(job, 'the share job is tracked');
    await until('the share job to succeed', () => a.jobs.list().find((j) => j.jobId === job.jobId && j.state === 'succeeded'));
    const provider = await a.provider(node!.account);
    assert.ok((await provider.sharing!.listMembers('cn-east-3', node!.image.id)).some((m) => m.id === project));
    // A malformed project ID is refused in the box as it is typed, before any request.
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const shown = testInput.shown.length;
    testInput.script('not-a-project', CANCEL);
    await vscode.commands.executeCommand('cloudImageExplorer.share', node);
    const box = testInput.shown[shown]!;
    assert.match(box.title, /^Share "/);
    assert.match(box.text, new RegExp(`Shared with: ${project}`), 'the box shows the current members');
    assert.match(box.refused[0] ?? '', /"not-a-project" is not a Huawei Cloud project ID/);
    assert.deepEqual(emulator.requestsSince(mark).filter((r) => r.method !== 'GET'), [], 'nothing sent');
  });

  it('Huawei: export reaches 100 % in the panel', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'huawei', 'cn-north-4'), 1, 'active');
    const id = { accountId: node!.account.id, regionId: 'cn-north-4', imageId: node!.image.id };
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    testInput.script('ci-obs-bucket', 'exports/ci.qcow2', 'Standard export', 'qcow2');
    await vscode.commands.executeCommand('cloudImageExplorer.export', node);
    const job = a.jobs.list().find((j) => j.kind === 'export' && j.imageId === node!.image.id);
    assert.ok(job, testInput.notifications.slice(-2).map((n) => n.message).join(' | '));
    await a.panels.rendered(id, (r) => r.jobs.some((j) => j.jobId === job.jobId && j.percent === '100'), 60_000);
  });

  it('BatchCompute: says it is retired, offers delete only, and deletes after confirmation', async () => {
    const r = await sandboxRegion(a, 'batchcompute', 'cn-hangzhou');
    // Said in the account row's description (its label names the cloud short).
    assert.equal(String(r.parent.treeItem().description), 'retired');
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
