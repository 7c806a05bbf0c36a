// The ways out a cloud's refusal names, as buttons on the outcome, in the real extension host against the
// sandbox: a delete of a shared image offers Stop Sharing…, which unshares it (and the delete then goes
// through); a delete of an image being exported offers Retry When Ready (and Show Job), which follows the
// export's job and sends the same delete once when it has ended, only on that click; a Huawei image still
// being made is followed by its status; a deprecation of a shared image offers Stop Sharing… too.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { imageInUse } from '../../../../src/sandbox/alibaba/world';
import type { ImageNode, RegionNode } from '../../../../src/tree/nodes';
import { allImageNodes, api, children, cleanAfterEach, imageNamed, sandboxRegion, until } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

describe('Ways out of a refused change (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });
  cleanAfterEach(() => a, { faults: true, scriptUsed: true });

  const REGION = 'eu-central-1';
  /** Every image seeded here: the region is otherwise empty, as other suites expect it (view/tree, pickers). */
  const planted: string[] = [];

  /** New own Available images, none that instances use (so only the tested reason stops a delete). */
  async function seeded(count: number): Promise<string[]> {
    const emulator = await a.sandbox();
    const ids: string[] = [];
    while (ids.length < count) {
      const made = emulator.seedImages('alibaba', REGION, 1);
      planted.push(...made);
      ids.push(...made.filter((id) => !imageInUse(id)));
    }
    return ids;
  }

  after(async () => {
    // What the tests left (a deprecated image, the seeds instances use), removed so that the region is empty again.
    const region = await sandboxRegion(a, 'alibaba', REGION);
    const provider = await a.provider(region.account);
    const left = (await provider.findImages(REGION, planted)).map((i) => i.id);
    if (left.length) {
      await provider.deleting!.deleteImages(REGION, left, { force: true });
      await until('the seeded images gone', async () => ((await provider.findImages(REGION, left)).length === 0 ? true : undefined), 60_000);
    }
    await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
  });

  async function nodesOf(region: RegionNode, ids: readonly string[]): Promise<ImageNode[]> {
    await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
    const all = await allImageNodes(a, region);
    return ids.map((id) => all.find((n) => n.image.id === id)!);
  }

  const gone = async (region: RegionNode, id: string): Promise<boolean> => !(await children(a, region)).some((n) => n.kind === 'image' && (n as ImageNode).image.id === id);

  const deletes = (since: number, emulator: Awaited<ReturnType<ExtensionApi['sandbox']>>): string[] =>
    emulator
      .requestsSince(since)
      .filter((r) => r.operation === 'DeleteImage')
      .map((r) => `${r.status}${r.errorCode ? ` ${r.errorCode}` : ''}`);

  it('a shared image: the refusal offers Stop Sharing…, which unshares it; the delete then goes through', async () => {
    const emulator = await a.sandbox();
    const region = await sandboxRegion(a, 'alibaba', REGION);
    const [id] = await seeded(1);
    const provider = await a.provider(region.account);
    const member = '1111222233334444';
    await provider.sharing!.addMembers(REGION, id!, [member]);
    const [node] = await nodesOf(region, [id!]);
    const mark = emulator.requestLog.length;
    const notes = testInput.notifications.length;
    const shown = testInput.shown.length;
    testInput.script('Delete', [member], 'Stop Sharing');
    testInput.clickNext('Stop Sharing…');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    await until('sharing stopped', async () => ((await provider.sharing!.listMembers(REGION, id!)).length === 0 ? true : undefined));
    const refusal = testInput.notifications.slice(notes).find((n) => n.severity === 'error');
    assert.ok(refusal, 'the refusal is shown');
    assert.match(refusal.message, /^Could not delete ".*": The image is shared with other accounts: stop sharing it first\./);
    assert.match(refusal.message, /ImageUseShared/, "the cloud's own words beside ours");
    assert.deepEqual(refusal.buttons, ['Stop Sharing…'], 'the one way out the cloud names');
    const picker = testInput.shown.slice(shown).find((s) => s.title.startsWith('Unshare "'));
    assert.deepEqual(picker?.items, [member], "the product's Unshare, with the image's members");
    assert.deepEqual(deletes(mark, emulator), ['403 ImageUseShared'], 'Stop Sharing… sends no delete by itself');
    // The user retries: nothing stops it now.
    testInput.script('Delete');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    assert.ok(await gone(region, id!));
    assert.deepEqual(deletes(mark, emulator), ['403 ImageUseShared', '200']);
  });

  it('an image being exported: Retry When Ready follows its job and sends the same delete once, when the job has ended; Show Job is offered too (over several images)', async () => {
    const emulator = await a.sandbox();
    const region = await sandboxRegion(a, 'alibaba', REGION);
    const [exporting, plain] = await nodesOf(region, await seeded(2));
    const id = exporting!.image.id;
    testInput.script('ci-exports', 'wayout', 'qcow2');
    await vscode.commands.executeCommand('cloudImageExplorer.export', exporting);
    const job = a.jobs.forImage(region.account.id, REGION, id).find((j) => j.kind === 'export');
    assert.ok(job && (job.state === 'queued' || job.state === 'running'), 'the export runs, followed by the Jobs view');
    const mark = emulator.requestLog.length;
    const notes = testInput.notifications.length;
    testInput.script('Delete');
    testInput.clickNext('Retry When Ready');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', exporting, [exporting, plain]);
    const outcome = testInput.notifications.slice(notes).find((n) => n.severity === 'error');
    assert.equal(outcome?.message, '1 deleted, 1 failed.');
    assert.deepEqual(outcome?.buttons, ['Show Failures', 'Retry When Ready', 'Show Job', 'Retry Failed']);
    assert.match(exporting!.lastError ?? exporting!.busy ?? '', /exported|Waiting/, 'the node says why, or that it waits');
    assert.equal(deletes(mark, emulator).filter((s) => s === '403 ImageIsExporting').length, 1);
    await until('the image deleted once its export ended', async () => ((await gone(region, id)) ? true : undefined), 60_000);
    assert.equal(a.jobs.list().find((j) => j.jobId === job.jobId)?.state, 'succeeded', 'deleted only after the export ended');
    assert.equal((await (await a.provider(region.account)).getImage!(REGION, id)), undefined, 'gone from the cloud');
    assert.deepEqual(deletes(mark, emulator).sort(), ['200', '200', '403 ImageIsExporting'], 'refused once, then sent once more: never twice');
  });

  it('Huawei: an image still being made (IMG.0090) is deleted by Retry When Ready once its status is active, never before', async () => {
    const emulator = await a.sandbox();
    const region = await sandboxRegion(a, 'huawei', 'cn-south-1');
    const provider = await a.provider(region.account);
    const name = `ci way-out import ${Date.now()}`;
    const started = await provider.importing!.importImage('cn-south-1', { bucket: 'ci-obs-wayout', object: 'wait/disk.qcow2', name, platform: 'CentOS 7.9 64bit', architecture: 'x86', diskSizeGiB: 40 });
    const id = started.imageId!;
    await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
    const node = await until('the image being made in the tree', () => imageNamed(a, region, name));
    assert.equal(node.image.status, 'saving', 'still being made');
    const mark = emulator.requestLog.length;
    const notes = testInput.notifications.length;
    testInput.script('Delete');
    testInput.clickNext('Retry When Ready');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    const refusal = testInput.notifications.slice(notes).find((n) => n.severity === 'error');
    assert.match(refusal?.message ?? '', /^Could not delete ".*": The image is still being created: wait until it is available\..*IMG\.0090/s);
    assert.deepEqual(refusal?.buttons, ['Retry When Ready']);
    await until('the image deleted once it was made', async () => ((await gone(region, id)) ? true : undefined), 60_000);
    const calls = emulator.requestsSince(mark).filter((r) => r.method === 'DELETE' && r.path.includes(id));
    // Sent again before the image was made, it would have been refused a second time.
    assert.deepEqual(calls.map((r) => `${r.status}${r.errorCode ? ` ${r.errorCode}` : ''}`), ['400 IMG.0090', '204'], 'refused once, then sent once when active');
  });

  it('Alibaba: deprecating a shared image is refused with Stop Sharing…, which unshares it; deprecating then goes through', async () => {
    const emulator = await a.sandbox();
    const region = await sandboxRegion(a, 'alibaba', REGION);
    const [id] = await seeded(1);
    const provider = await a.provider(region.account);
    const member = '5555666677778888';
    await provider.sharing!.addMembers(REGION, id!, [member]);
    const [node] = await nodesOf(region, [id!]);
    const notes = testInput.notifications.length;
    const mark = emulator.requestLog.length;
    testInput.script('Deprecate', [member], 'Stop Sharing');
    testInput.clickNext('Stop Sharing…');
    await vscode.commands.executeCommand('cloudImageExplorer.deprecate', node);
    await until('sharing stopped', async () => ((await provider.sharing!.listMembers(REGION, id!)).length === 0 ? true : undefined));
    const refusal = testInput.notifications.slice(notes).find((n) => n.severity === 'error');
    assert.match(refusal?.message ?? '', /^The image is shared with other accounts: stop sharing it first\..*ImageUseShared/s);
    assert.deepEqual(refusal?.buttons, ['Stop Sharing…']);
    assert.equal(node!.image.status, 'Available', 'not deprecated by the refusal');
    testInput.script('Deprecate');
    await vscode.commands.executeCommand('cloudImageExplorer.deprecate', node);
    assert.equal((await provider.getImage!(REGION, id!))?.status, 'Deprecated');
    const modifies = emulator.requestsSince(mark).filter((r) => r.operation === 'ModifyImageAttribute').map((r) => `${r.status}${r.errorCode ? ` ${r.errorCode}` : ''}`);
    assert.deepEqual(modifies, ['403 ImageUseShared', '200']);
  });
});
