// What a delete says in the real extension host against the sandbox: an image instances use is refused
// with exactly that reason, and the notification offers Force Delete, which asks again (saying what
// Force means) and then deletes it; a single delete confirms success; Show Failures keeps Retry Failed
// reachable in the list it opens.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { imageInUse } from '../../../../src/sandbox/alibaba/world';
import type { ImageNode, RegionNode } from '../../../../src/tree/nodes';
import { allImageNodes, api, children, cleanAfterEach, ownImages, sandboxRegion, until } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

describe('What a delete says (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });
  cleanAfterEach(() => a, { faults: true, scriptUsed: true });

  /** An own Available image that instances use and that is shared with nobody (so only the use stops a delete). */
  async function inUse(region: RegionNode): Promise<ImageNode> {
    const provider = await a.provider(region.account);
    for (let count = 10; ; count += 10) {
      for (const node of (await ownImages(a, region, count, 'Available')).filter((n) => imageInUse(n.image.id))) {
        const image = await provider.getImage!(region.region.id, node.image.id);
        if (image?.raw?.['IsSelfShared'] !== 'True') {
          return node;
        }
      }
    }
  }

  const gone = async (region: RegionNode, id: string): Promise<boolean> => !(await children(a, region)).some((n) => n.kind === 'image' && (n as ImageNode).image.id === id);

  it('an Alibaba image instances use: the refusal says so and offers Force Delete, which confirms what Force means and deletes it', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-beijing');
    const node = await inUse(region);
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const asked = testInput.asked.length;
    const notes = testInput.notifications.length;
    testInput.script('Delete', 'Force Delete');
    testInput.clickNext('Force Delete');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    await until('the image deleted with Force', async () => ((await gone(region, node.image.id)) ? true : undefined));
    const refusal = testInput.notifications.slice(notes).find((n) => n.severity === 'error');
    assert.ok(refusal, 'the refusal is shown');
    assert.match(refusal.message, /^Could not delete ".*": The image is used by instances, so the cloud keeps it\./);
    assert.match(refusal.message, /The cloud says: ImageUsingByInstance: The specified image has been used to create instances\./, "the cloud's own words beside ours");
    assert.doesNotMatch(refusal.message, /being created|exported/, 'not a reason that is not the cloud’s');
    assert.deepEqual(refusal.buttons, ['Force Delete']);
    const [first, second] = testInput.asked.slice(asked);
    assert.deepEqual(first?.buttons, ['Delete', 'Force Delete']);
    assert.equal(second?.message, `Force delete the image "${node.image.name}" (${node.image.id})?`);
    assert.match(second?.detail ?? '', /Instances use this image.*Force=true.*keep running/s);
    assert.deepEqual(second?.buttons, ['Force Delete'], 'one way on from the confirmation (or Cancel)');
    assert.deepEqual(
      emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage').map((r) => `${r.status}${r.errorCode ? ` ${r.errorCode}` : ''}`),
      ['403 ImageUsingByInstance', '200'],
      'refused once, then deleted with Force once',
    );
    assert.ok(testInput.notifications.slice(notes).some((n) => n.severity === 'info' && n.message === `Deleted "${node.image.name}".`));
  });

  it('a single delete confirms success, as a bulk one reports its count', async () => {
    const emulator = await a.sandbox();
    const [id] = emulator.seedImages('alibaba', 'eu-central-1', 1);
    const region = await sandboxRegion(a, 'alibaba', 'eu-central-1');
    await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
    const node = (await allImageNodes(a, region)).find((n) => n.image.id === id)!;
    const notes = testInput.notifications.length;
    testInput.script('Delete');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    assert.deepEqual(
      testInput.notifications.slice(notes).map((n) => [n.severity, n.message]),
      [['info', `Deleted "${node.image.name}".`]],
    );
    assert.ok(await gone(region, id!));
  });

  it('Show Failures keeps Retry Failed reachable: picking it sends the refused image again', async () => {
    const emulator = await a.sandbox();
    const ids = emulator.seedImages('alibaba', 'eu-central-1', 2);
    const region = await sandboxRegion(a, 'alibaba', 'eu-central-1');
    await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
    const nodes = (await allImageNodes(a, region)).filter((n) => ids.includes(n.image.id));
    const refused = nodes[0]!;
    emulator.faults.refuseImage({ cloud: 'alibaba', operation: 'DeleteImage', imageId: refused.image.id, times: 1, message: 'Refused once.' });
    const shown = testInput.shown.length;
    const mark = emulator.requestLog.length;
    testInput.script('Delete', '$(refresh) Retry Failed', 'Delete');
    testInput.clickNext('Show Failures');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', nodes[0], nodes);
    await until('the refused image deleted on retry', async () => ((await gone(region, refused.image.id)) ? true : undefined));
    const list = testInput.shown.slice(shown).find((s) => s.title === 'Images that failed');
    assert.deepEqual(list?.items, ['$(refresh) Retry Failed', refused.image.name]);
    const calls = emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage');
    assert.equal(calls.length, 3, 'two, then the refused one once more');
  });
});
