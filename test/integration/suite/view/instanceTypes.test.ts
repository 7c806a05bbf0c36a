// The details panel's supported instance types (Alibaba DescribeImageSupportInstanceTypes) in the real
// extension host against the sandbox: listed as the cloud gives them; a failure shown in the section as a
// failure with Retry while the rest of the panel stays; Retry asks for that part only and shows the list.
// The image's hover asks for them only on request (a command link), then shows them, or the failure with Retry.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { api, identity, ownImages, readable, sandboxRegion } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

const OPERATION = 'DescribeImageSupportInstanceTypes';

describe('Supported instance types in the details panel (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });

  afterEach(async () => {
    (await a.sandbox()).faults.clear();
    a.panels.closeAll();
  });

  it('shows a failure as a failure with Retry, and Retry asks again for that section only', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-hangzhou'), 1, 'Available');
    const id = identity(node!);
    const provider = await a.provider(node!.account);
    const expected = await provider.details!.instanceTypes!(id.regionId, id.imageId);
    assert.ok(expected.length > 0);

    const emulator = await a.sandbox();
    emulator.faults.add({ kind: 'server-error', cloud: 'alibaba', operation: OPERATION });
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    const failed = await a.panels.rendered(id, (r) => r.instanceTypesError !== '');
    assert.equal(failed.instanceTypes, '', 'no list while it failed');
    assert.ok(failed.sections.includes('Supported instance types'), failed.sections.join(', '));
    assert.ok(failed.fields.length > 0 && failed.name === node!.image.name, 'the rest of the panel is shown');
    assert.ok(!failed.actions.includes('Retry'), 'Retry belongs to the section, not the header');

    emulator.faults.clear();
    const mark = emulator.requestLog.length;
    await a.panels.retryInstanceTypes(id);
    const shown = await a.panels.rendered(id, (r) => r.instanceTypes !== '');
    assert.equal(shown.instanceTypesError, '');
    assert.equal(shown.instanceTypes, expected.join(', '));
    assert.deepEqual(
      emulator.requestsSince(mark).map((r) => r.operation),
      [OPERATION],
      'only the section was asked for again',
    );
  });

  it('the hover asks for the supported types only on request (a command link), shows them, and shows a failure with Retry', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shenzhen'), 1, 'Available');
    const id = identity(node!);
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const before = node!.tooltip();
    assert.ok(!emulator.requestsSince(mark).some((r) => r.operation === OPERATION), 'nothing asked for on hover');
    const link = `command:cloudImageExplorer.showInstanceTypes?${encodeURIComponent(JSON.stringify([id]))}`;
    assert.ok(before.value.includes(link), before.value);
    assert.deepEqual(before.isTrusted, { enabledCommands: ['cloudImageExplorer.showInstanceTypes'] }, 'only that command is trusted');

    // A failure: said with Retry; Retry asks again (and fails again: said again); the hover says it, with the link.
    emulator.faults.add({ kind: 'server-error', cloud: 'alibaba', operation: OPERATION });
    const said = testInput.notifications.length;
    testInput.clickNext('Retry');
    await vscode.commands.executeCommand('cloudImageExplorer.showInstanceTypes', id);
    const errors = testInput.notifications.slice(said).filter((n) => n.severity === 'error');
    assert.equal(errors.length, 2, errors.map((n) => n.message).join(' | '));
    assert.ok(errors.every((n) => n.buttons.includes('Retry') && n.message.includes('could not be read')));
    const failed = readable(node!.tooltip());
    assert.match(failed, /could not be read/);
    assert.ok(failed.includes(`[Retry](${link})`), failed);

    emulator.faults.clear();
    const provider = await a.provider(node!.account);
    const expected = await provider.details!.instanceTypes!(id.regionId, id.imageId);
    await vscode.commands.executeCommand('cloudImageExplorer.showInstanceTypes', id);
    const shown = readable(node!.tooltip());
    assert.ok(shown.includes(expected.slice(0, 3).join(', ')), shown);
    assert.ok(!shown.includes('could not be read'));
  });

  it('offers no supported-types link on clouds without the listing', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'huawei', 'cn-north-4'), 1, 'active');
    assert.ok(!node!.tooltip().value.includes('showInstanceTypes'));
  });
});
