// Rename, Edit Description, Deprecate / Make Available in the real extension host against the sandbox:
// the input box is the real one (answers scripted on the extension's own input), the tree node and an
// open details panel show the change without a refresh, a bad name is refused before any request, and
// the panel draws tags exactly as typed.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { ImageNode } from '../../../../src/tree/nodes';
import { api, identity, label, ownImages, sandboxRegion } from '../helpers';
import { testInput, CANCEL } from '../../userInput/testUserInput';

describe('Editing images over the sandbox (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });

  afterEach(() => {
    a.panels.closeAll();
    assert.equal(testInput.pending.length, 0, 'every scripted answer was asked for');
    testInput.clearScript();
  });

  /** The number of requests of an operation the emulator has seen so far. */
  async function count(operation: string): Promise<number> {
    return (await a.sandbox()).requestLog.filter((r) => r.operation === operation).length;
  }

  it('renames an own image: the tree and the open panel show the new name', async () => {
    const [, , node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-hangzhou'), 3, 'Available');
    const id = identity(node!);
    assert.match(String(node!.treeItem().contextValue), /\bcan-edit\b/);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    const before = await a.panels.rendered(id, (r) => r.actions.length > 0);
    assert.ok(before.actions.includes('Rename…') && before.actions.includes('Edit Description…'), before.actions.join(', '));
    testInput.script('web-renamed-01');
    await vscode.commands.executeCommand('cloudImageExplorer.rename', node);
    const asked = testInput.shown[testInput.shown.length - 1]!;
    assert.equal(asked.kind, 'input');
    assert.match(asked.text, new RegExp(id.imageId));
    assert.equal(node!.image.name, 'web-renamed-01');
    assert.equal(label(node!), 'web-renamed-01');
    await a.panels.rendered(id, (r) => r.name === 'web-renamed-01');
    const provider = await a.provider(node!.account);
    assert.equal((await provider.getImage!(id.regionId, id.imageId))?.name, 'web-renamed-01', 'the cloud has it');
  });

  it('changes a description (Huawei): the node and the open panel show it', async () => {
    const [, node] = await ownImages(a, await sandboxRegion(a, 'huawei', 'cn-south-1'), 2, 'active');
    const id = identity(node!);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    await a.panels.rendered(id, () => true);
    testInput.script('Golden image, built by CI 2026-11-23');
    await vscode.commands.executeCommand('cloudImageExplorer.editDescription', node);
    assert.equal(node!.image.description, 'Golden image, built by CI 2026-11-23');
    await a.panels.rendered(id, (r) => r.description === 'Golden image, built by CI 2026-11-23');
  });

  it('refuses a bad name in the input box, with the rule, before any request', async () => {
    const [, , , node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-hangzhou'), 4, 'Available');
    const sent = await count('ModifyImageAttribute');
    testInput.script('https://web-01', 'aliyun-web', CANCEL);
    await vscode.commands.executeCommand('cloudImageExplorer.rename', node);
    const asked = testInput.shown[testInput.shown.length - 1]!;
    assert.equal(asked.refused.length, 2, asked.refused.join(' | '));
    assert.match(asked.refused[0]!, /^The image name may not contain: .*https:\/\//);
    assert.match(asked.refused[1]!, /^The image name may not start with any of: .*aliyun/);
    assert.equal(await count('ModifyImageAttribute'), sent, 'no request');
    assert.notEqual(node!.image.name, 'https://web-01');
  });

  it('deprecates an own Alibaba image after a modal naming it, then makes it available again', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const provider = await a.provider(region.account);
    const candidates = await ownImages(a, region, 8, 'Available');
    let node: ImageNode | undefined;
    for (const n of candidates.slice(4)) {
      if (!(await provider.sharing!.listMembers(region.region.id, n.image.id)).length) {
        node = n;
        break;
      }
    }
    assert.ok(node, 'an own unshared image');
    const id = identity(node);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    await a.panels.rendered(id, (r) => r.actions.includes('Deprecate…'));
    testInput.script('Deprecate');
    await vscode.commands.executeCommand('cloudImageExplorer.deprecate', node);
    const modal = testInput.asked[testInput.asked.length - 1]!;
    assert.match(modal.message, new RegExp(`"${node.image.name}" \\(${id.imageId}\\)`));
    assert.deepEqual(modal.buttons, ['Deprecate']);
    assert.equal(node.image.status, 'Deprecated');
    assert.equal((await provider.getImage!(id.regionId, id.imageId))?.status, 'Deprecated');
    await a.panels.rendered(id, (r) => r.actions.includes('Make Available') && !r.actions.includes('Deprecate…'));
    await vscode.commands.executeCommand('cloudImageExplorer.undeprecate', node);
    assert.equal(node.image.status, 'Available');
    assert.equal((await provider.getImage!(id.regionId, id.imageId))?.status, 'Available');
    await a.panels.rendered(id, (r) => r.actions.includes('Deprecate…'));
  });

  it('keeps a deprecation unsent when the modal is cancelled', async () => {
    const [, , , , node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-hangzhou'), 5, 'Available');
    const sent = await count('ModifyImageAttribute');
    testInput.script(undefined);
    await vscode.commands.executeCommand('cloudImageExplorer.deprecate', node);
    assert.equal(await count('ModifyImageAttribute'), sent);
    assert.equal(node!.image.status, 'Available');
  });

  it('shows tags in the panel exactly as typed (case kept, no spaces added)', async () => {
    const [, node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'ap-southeast-1'), 2, 'Available');
    const id = identity(node!);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    await a.panels.rendered(id, () => true);
    await vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node], { key: 'env', value: 'staging' });
    await vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node], { key: 'Team', value: 'Web-Platform' });
    const shown = await a.panels.rendered(id, (r) => r.tags.includes('Team=Web-Platform'));
    assert.ok(shown.tags.includes('env=staging'), shown.tags.join(', '));
    await vscode.commands.executeCommand('cloudImageExplorer.untag', node, [node], ['env', 'Team']);
  });
});
