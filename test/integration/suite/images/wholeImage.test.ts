// A Huawei whole-machine image in the real extension host against the sandbox: shown as such in the tree
// and its hover (with where it can be used while its backup is made, as Huawei's documentation says), and deleted with its backup from the delete's confirmation, which names the backup.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { WHOLE_IMAGE_REGION } from '../../../../src/sandbox/huawei/wholeImages';
import type { ImageNode, Node } from '../../../../src/tree/nodes';
import { api, children, readable, sandboxRegion } from '../helpers';
import { CANCEL, testInput } from '../../userInput/testUserInput';

describe('Huawei whole-machine images (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });

  afterEach(() => {
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');
  });

  it('is shown as a whole-machine image and deleted with its backup', async () => {
    const region = await sandboxRegion(a, 'huawei', WHOLE_IMAGE_REGION);
    let nodes: Node[] = await children(a, region);
    while (!nodes.some((n) => n.kind === 'image' && (n as ImageNode).image.wholeMachine) && nodes.at(-1)?.kind === 'loadMore') {
      await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes.at(-1));
      nodes = await children(a, region);
    }
    const node = nodes.find((n): n is ImageNode => n.kind === 'image' && Boolean((n as ImageNode).image.wholeMachine));
    assert.ok(node, 'the whole-machine image is listed');
    const backupId = node.image.wholeMachine!.backupId!;
    assert.match(String(node.treeItem().description), /^Whole-machine image · /);
    const hover = readable(node.tooltip());
    assert.ok(hover.includes(`Kind: Whole-machine image (the server with its data disks, kept in backup ${backupId})`), hover);
    // No IMS field says the image is usable in one availability zone only while its backup is made: the hover says what the docs do.
    assert.ok(hover.includes('Availability zones: Only the source server\'s availability zone until its backup is complete'), hover);
    const others = nodes.filter((n): n is ImageNode => n.kind === 'image' && !(n as ImageNode).image.wholeMachine);
    assert.ok(others.every((n) => !String(n.treeItem().description).startsWith('Whole-machine')), 'other images are not marked');
    const emulator = await a.sandbox();
    // Huawei copies a whole-machine image only to another region (IMG.0130): its own region is not offered.
    const copies = emulator.requestLog.length;
    const shownBefore = testInput.shown.length;
    testInput.script(CANCEL);
    await vscode.commands.executeCommand('cloudImageExplorer.copy', node);
    const regions = testInput.shown[shownBefore]!;
    assert.ok(regions.items && regions.items.length > 1, 'the other regions are offered');
    assert.ok(!regions.items.includes(WHOLE_IMAGE_REGION), `its own region is not: ${regions.items.join(', ')}`);
    assert.deepEqual(emulator.requestsSince(copies).filter((r) => /copy/i.test(r.operation)), [], 'nothing sent');
    assert.ok(emulator.backupExists('huawei', backupId));
    const asked = testInput.asked.length;
    testInput.script('Delete with Backup');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    const modal = testInput.asked[asked]!;
    assert.deepEqual(modal.buttons, ['Delete Image Only', 'Delete with Backup']);
    assert.ok(modal.detail?.includes(`is a whole-machine image: the server and its data disks are kept in a backup (${backupId})`), modal.detail);
    assert.ok(!(await children(a, region)).some((n) => n.kind === 'image' && (n as ImageNode).image.id === node.image.id), 'gone from the tree');
    assert.equal(emulator.backupExists('huawei', backupId), false, 'and its backup from the cloud');
  });
});
