// QingCloud in the real extension host: named tags, sharing with users, and an asynchronous delete
// whose node shows "Deleting…" until the job ends and then disappears.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { api, children, ownImages, sandboxRegion } from '../helpers';
import { testInput } from '../../userInput/testUserInput';



describe('QingCloud operations over the sandbox (real extension host)', () => {
  let a: ExtensionApi;
  before(async () => {
    a = await api();
  });

  it('offers no export on QingCloud images', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'qingcloud', 'pek3'), 1, 'available');
    const ctx = String(node!.treeItem().contextValue);
    assert.ok(ctx.includes('can-tag') && ctx.includes('can-delete'), ctx);
    assert.ok(!ctx.includes('can-export'), ctx);
  });

  it('attaches and detaches a named tag; a value is refused before any request', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'qingcloud', 'pek3'), 1, 'available');
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const errors = testInput.errors.length;
    await vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node], { key: 'web', value: 'prod' });
    assert.match(testInput.errors[errors] ?? '', /names without values/);
    assert.equal(emulator.requestsSince(mark).filter((r) => r.cloud === 'qingcloud' && /Tag/.test(r.operation)).length, 0);
    await vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node], { key: 'ci-web', value: '' });
    assert.ok(node!.image.tags.some((t) => t.key === 'ci-web'));
    await vscode.commands.executeCommand('cloudImageExplorer.untag', node, [node], ['ci-web']);
    assert.ok(!node!.image.tags.some((t) => t.key === 'ci-web'));
  });

  it('shares with a user and unshares', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'qingcloud', 'sh1a'), 1, 'available');
    const provider = await a.provider(node!.account);
    testInput.script('usr-ci000001');
    await vscode.commands.executeCommand('cloudImageExplorer.share', node);
    assert.ok((await provider.sharing!.listMembers('sh1a', node!.image.id)).some((m) => m.id === 'usr-ci000001'));
    testInput.script(['usr-ci000001'], 'Stop Sharing');
    await vscode.commands.executeCommand('cloudImageExplorer.unshare', node);
    assert.equal((await provider.sharing!.listMembers('sh1a', node!.image.id)).length, 0);
  });

  it('deletes two images in one job: the nodes show "Deleting…" until it ends, then disappear', async () => {
    const region = await sandboxRegion(a, 'qingcloud', 'gd2');
    const nodes = await ownImages(a, region, 2, 'available');
    testInput.script('Delete');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', nodes[0], nodes);
    const asked = testInput.asked[testInput.asked.length - 1]!;
    assert.match(asked.message, /Delete 2 images\?/);
    assert.deepEqual(asked.buttons, ['Delete'], 'no Force on QingCloud');
    for (const n of nodes) {
      assert.equal(n.busy, 'Deleting…');
      assert.match(String(n.treeItem().description), /Deleting…/);
    }
    const jobs = a.jobs.list().filter((j) => j.kind === 'delete' && nodes.some((n) => n.image.id === j.imageId));
    assert.equal(jobs.length, 2);
    assert.equal(new Set(jobs.map((j) => j.jobId)).size, 1, 'one job for both');
    const started = Date.now();
    for (;;) {
      const ids = (await children(a, region)).map((n) => n.id);
      if (!nodes.some((n) => ids.includes(n.id))) {
        break;
      }
      assert.ok(Date.now() - started < 45_000, 'the nodes disappear when the job ends');
      await new Promise((r) => setTimeout(r, 300));
    }
    assert.ok(a.jobs.list().filter((j) => j.jobId === jobs[0]!.jobId).every((j) => j.state === 'succeeded'));
  });
});
