// Changes in the real extension host: one of a kind per image at a time (a second one is refused in
// words, with no request), a job's end announced exactly once, and a change whose reply is lost
// (the emulator applies it, then drops the connection) said as what happened.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { ImageNode } from '../../../../src/tree/nodes';
import { api, children, nextJobsChange, ownImages, sandboxRegion, until } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

function notices(pattern: RegExp): string[] {
  return testInput.notifications.map((n) => n.message).filter((m) => pattern.test(m));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('Changes: once, one at a time, said as they happened (real extension host)', () => {
  let a: ExtensionApi;
  let images: ImageNode[];

  before(async () => {
    a = await api();
    const region = await sandboxRegion(a, 'alibaba', 'ap-southeast-1');
    const own = await ownImages(a, region, 6, 'Available');
    // The tree's images carry no raw JSON: whether one is shared is read from the image itself.
    const provider = await a.provider(region.account);
    const shared = await Promise.all(own.map(async (n) => (await provider.getImage?.(region.region.id, n.image.id))?.raw?.['IsSelfShared'] === 'True'));
    images = own.filter((_, i) => !shared[i]);
    assert.ok(images.length >= 2, 'two unshared own images');
  });

  it('refuses a second export of an image while its export runs, without a request; announces the end once', async () => {
    const node = images[0]!;
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    testInput.script('ci-once', 'first', 'vhd');
    await vscode.commands.executeCommand('cloudImageExplorer.export', node);
    const job = a.jobs.forImage(node.account.id, node.parent.region.id, node.image.id).find((j) => j.kind === 'export');
    assert.ok(job, 'the export is tracked');
    await vscode.commands.executeCommand('cloudImageExplorer.export', node); // refused before any prompt
    assert.match(testInput.notifications[testInput.notifications.length - 1]?.message ?? '', /is already being exported/);
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'ExportImage').length, 1, 'one ExportImage');

    const done = new RegExp(`^Export of image ${escape(node.image.name)}: done\\.$`);
    await until('the end of the export to be announced', () => notices(done).length > 0, 60_000);
    assert.equal(notices(done).length, 1);
    const polled = nextJobsChange(a);
    a.jobs.pollNow();
    await polled;
    assert.equal(notices(done).length, 1, 'still once after another poll');
  });

  it('runs one of two tag commands invoked at once on an image, and says the other is already running', async () => {
    const node = images[0]!;
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const before = testInput.notifications.length;
    await Promise.all([
      vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node], { key: 'ci-once', value: 'a' }),
      vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node], { key: 'ci-once', value: 'b' }),
    ]);
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'TagResources').length, 1);
    assert.deepEqual(
      testInput.notifications.slice(before).map((n) => n.message),
      [`The tags of "${node.image.name}" are already being changed: wait until that has finished.`],
    );
    await vscode.commands.executeCommand('cloudImageExplorer.untag', node, [node], ['ci-once']);
  });

  it('deletes once when the reply is lost, and says the image read back is gone; the node disappears', async () => {
    const node = images[1]!;
    const region = node.parent;
    const emulator = await a.sandbox();
    emulator.faults.add({ kind: 'drop-reply', cloud: 'alibaba', operation: 'DeleteImage', times: 1 });
    const mark = emulator.requestLog.length;
    const errors = testInput.errors.length;
    testInput.script('Force Delete');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    assert.deepEqual(emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage').map((r) => r.fault), ['drop-reply']);
    assert.equal(testInput.errors.length, errors, 'no failure shown');
    assert.match(testInput.notifications[testInput.notifications.length - 1]?.message ?? '', /reply about ".*" was lost; reading back shows the change was made/);
    assert.ok(!(await children(a, region)).some((n) => n.id === node.id), 'the node is gone');
  });

  it('says in words that an export whose reply was lost is not known to have started (Huawei cannot tell), and what to check', async () => {
    // Not the image over 128 GB another test imports here (its only export is the fast one).
    const node = (await ownImages(a, await sandboxRegion(a, 'huawei', 'cn-south-1'), 2, 'active')).find((n) => n.image.name !== 'ci big db');
    const emulator = await a.sandbox();
    emulator.faults.add({ kind: 'drop-reply', cloud: 'huawei', operation: 'ExportImage', times: 1 });
    const mark = emulator.requestLog.length;
    const errors = testInput.errors.length;
    testInput.script('ci-obs-bucket', 'lost.qcow2', 'Standard export', 'qcow2');
    await vscode.commands.executeCommand('cloudImageExplorer.export', node);
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'ExportImage').length, 1, 'sent once');
    const shown = testInput.errors[errors] ?? '';
    assert.match(shown, new RegExp(`^Whether the export of "${escape(node!.image.name)}" started is not known\\.`));
    assert.match(shown, /so the request was not sent again\. Reading it back from the cloud cannot tell\. Before exporting again, look for the file in the bucket/);
    assert.ok(!a.jobs.forImage(node!.account.id, 'cn-south-1', node!.image.id).some((j) => j.kind === 'export'), 'nothing tracked');
  });
});
