// The details panel's supported instance types (Alibaba DescribeImageSupportInstanceTypes) in the real
// extension host against the sandbox: listed as the cloud gives them; a failure shown in the section as a
// failure with Retry while the rest of the panel stays; Retry asks for that part only and shows the list.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { api, identity, ownImages, sandboxRegion } from '../helpers';

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
});
