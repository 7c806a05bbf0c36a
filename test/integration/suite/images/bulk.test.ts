// Changes over several images in the real extension host against the sandbox: when the cloud refuses one
// image, the others are changed (deleted images leave the tree, tagged ones show the tag) and only the
// refused one stays marked, with the cloud's error; the summary counts both. The Tag picker offers the
// keys and values the account already uses.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { ImageNode } from '../../../../src/tree/nodes';
import { api, children, cleanAfterEach, ownImages, sandboxRegion, until } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

describe('Changes over several images (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });
  cleanAfterEach(() => a, { faults: true, scriptUsed: true });

  it('deletes three images when the cloud refuses one: two leave the tree, exactly that one stays marked', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-wulanchabu');
    const nodes = await ownImages(a, region, 3, 'Available');
    const refused = nodes[1]!;
    const emulator = await a.sandbox();
    emulator.faults.refuseImage({ cloud: 'alibaba', operation: 'DeleteImage', imageId: refused.image.id, message: 'Refused by the bulk test.' });
    const errors = testInput.errors.length;
    // Force: an image some instance uses is deleted too, so only the injected refusal fails.
    testInput.script('Force Delete');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', nodes[0], nodes);
    const left = new Set((await children(a, region)).map((n) => n.id));
    for (const n of nodes) {
      assert.equal(left.has(n.id), n === refused, `${n.image.id} ${n === refused ? 'stays' : 'is gone'}`);
    }
    assert.equal(refused.busy, undefined);
    assert.match(refused.lastError ?? '', /Refused by the bulk test\./);
    const marked = (await children(a, region)).filter((n): n is ImageNode => n.kind === 'image' && Boolean((n as ImageNode).lastError));
    assert.deepEqual(
      marked.map((n) => n.image.id),
      [refused.image.id],
      'only the refused image is marked',
    );
    assert.deepEqual(testInput.errors.slice(errors), ['2 deleted, 1 failed.']);
  });

  it('Show Failures lists the refused images to pick from, and Retry Failed stays offered beside it', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-wulanchabu');
    const nodes = await ownImages(a, region, 2, 'Available');
    const refused = nodes[0]!;
    (await a.sandbox()).faults.refuseImage({ cloud: 'alibaba', operation: 'DeleteImage', imageId: refused.image.id, message: 'Refused for Show Failures.' });
    const shown = testInput.shown.length;
    testInput.script('Force Delete', refused.image.name);
    testInput.clickNext('Show Failures');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', nodes[0], nodes);
    await until('the failures shown and one picked', () => (testInput.pending.length === 0 ? true : undefined));
    const list = testInput.shown.slice(shown).find((s) => s.title === 'Images that failed');
    assert.deepEqual(list?.items, ['$(refresh) Retry Failed', refused.image.name], 'Retry Failed stays reachable in the list');
    assert.deepEqual(testInput.notifications.at(-1)?.buttons, ['Show Failures', 'Retry Failed'], 'Retry Failed stays offered beside it');
  });

  it('tags three images when the cloud refuses one: two show the tag, the refused one its error', async () => {
    const region = await sandboxRegion(a, 'huawei', 'cn-north-4');
    const nodes = (await ownImages(a, region, 6, 'active')).slice(3);
    const refused = nodes[2]!;
    const emulator = await a.sandbox();
    emulator.faults.refuseImage({ cloud: 'huawei', operation: 'BatchAddOrDeleteTags', imageId: refused.image.id, message: 'Not this one.' });
    const errors = testInput.errors.length;
    await vscode.commands.executeCommand('cloudImageExplorer.tag', nodes[0], nodes, { key: 'bulk-ci', value: 'one-refused' });
    for (const n of nodes) {
      assert.equal(
        n.image.tags.some((t) => t.key === 'bulk-ci' && t.value === 'one-refused'),
        n !== refused,
        n.image.id,
      );
      assert.equal(Boolean(n.lastError), n === refused, `${n.image.id} marked: ${String(n.lastError)}`);
    }
    assert.match(refused.lastError ?? '', /Not this one\./);
    assert.deepEqual(testInput.errors.slice(errors), ['2 tagged, 1 failed.']);
    // The cloud has what the tree shows.
    const provider = await a.provider(refused.account);
    assert.ok(!(await provider.tags!.listTags('cn-north-4', refused.image.id)).some((t) => t.key === 'bulk-ci'));
  });

  it('offers the keys the account uses, then the values used with the key picked', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-wulanchabu');
    const [first, second] = await ownImages(a, region, 2, 'Available');
    // The account uses team=picker-ci from now on (on the first image).
    await vscode.commands.executeCommand('cloudImageExplorer.tag', first, [first], { key: 'team', value: 'picker-ci' });
    const shown = testInput.shown.length;
    testInput.script('team', 'picker-ci');
    await vscode.commands.executeCommand('cloudImageExplorer.tag', second, [second]);
    const [keyStep, valueStep] = testInput.shown.slice(shown);
    assert.equal(keyStep?.kind, 'pick');
    assert.ok(keyStep?.items?.includes('team'), `keys offered: ${keyStep?.items?.join(', ')}`);
    assert.equal(valueStep?.kind, 'pick');
    assert.ok(valueStep?.items?.includes('picker-ci'), `values offered: ${valueStep?.items?.join(', ')}`);
    assert.ok(second!.image.tags.some((t) => t.key === 'team' && t.value === 'picker-ci'));
  });

  it('refuses a new key the cloud would refuse before any request, and takes a valid one', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-wulanchabu');
    const [node] = await ownImages(a, region, 1, 'Available');
    const emulator = await a.sandbox();
    const shown = testInput.shown.length;
    testInput.script('$(add) New key…', 'aliyun-reserved', 'picked-new', '$(add) New value…', 'typed-value');
    const mark = emulator.requestLog.length;
    await vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node]);
    const keyBox = testInput.shown.slice(shown).find((s) => s.kind === 'input');
    assert.match(keyBox?.refused[0] ?? '', /may not start with/);
    assert.deepEqual(
      emulator.requestsSince(mark).filter((r) => r.operation === 'TagResources').length,
      1,
      'one request, with the valid key',
    );
    assert.ok(node!.image.tags.some((t) => t.key === 'picked-new' && t.value === 'typed-value'));
  });
});
