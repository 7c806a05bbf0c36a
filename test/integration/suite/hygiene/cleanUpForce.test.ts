// Clean Up's Force, in the real host against the sandbox: Force is sent only for the images the user chose.
// Every planned image refuses a plain delete (an injected refusal a request with Force=true passes: the
// plan never holds an image instances use, and the re-check skips one that came to be used, so the cloud's
// own ImageUsingByInstance cannot be reached from a plan). The image chosen for Force is deleted; every
// other one is refused, so no Force was sent for it, and each says so in the tree and the report.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { HygienePlan } from '../../../../src/hygiene/plan';
import type { ImageNode } from '../../../../src/tree/nodes';
import { api, sandboxRegion } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

/** No age rule: the seeded images are new. */
const RULES = ['Not used by any instance', 'Not named by any launch template', "Not named in the workspace's files", 'Not tagged keep=*', 'Not shared with other accounts'];
const REGION = 'eu-central-1';

describe('Clean Up: Force only for the images chosen (real extension host)', function () {
  this.timeout(180_000);
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });

  /** The images this suite seeded into the sandbox's empty region, removed after it (other suites expect it empty). */
  let seededHere: string[] = [];

  afterEach(async () => {
    const emulator = await a.sandbox();
    emulator.faults.clear();
    if (seededHere.length) {
      const region = await sandboxRegion(a, 'alibaba', REGION);
      const provider = await a.provider(region.account);
      for (const id of seededHere) {
        // The chosen one is already gone (its delete is refused: that is fine).
        await provider.deleting!.deleteImages(REGION, [id], { force: true }).catch(() => undefined);
      }
      seededHere = [];
      await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
    }
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');
  });

  it('the image chosen for Force is deleted with it; the others are sent without it and refused', async () => {
    const emulator = await a.sandbox();
    const seeded = emulator.seedImages('alibaba', REGION, 4);
    seededHere = seeded;
    const region = await sandboxRegion(a, 'alibaba', REGION);
    const provider = await a.provider(region.account);
    // One image kept by its tag, so that the rules do not propose every image (which asks once more).
    await provider.tags!.addTags(REGION, [seeded[3]!], [{ key: 'keep', value: 'yes' }]);
    await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
    testInput.script(RULES);
    const plan = await vscode.commands.executeCommand<HygienePlan | undefined>('cloudImageExplorer.findUnusedImages', region);
    assert.ok(plan, 'a plan');
    const ids = plan.remove.map((e) => e.image.id);
    assert.ok(seeded.slice(0, 3).every((id) => ids.includes(id)) && !ids.includes(seeded[3]!), ids.join(', '));
    const forced = plan.remove.find((e) => e.image.id === seeded[1])!.image;
    assert.equal(plan.remove.filter((e) => e.image.name === forced.name).length, 1, 'the forced image is picked by its own name');
    for (const id of ids) {
      emulator.faults.refuseImage({ cloud: 'alibaba', operation: 'DeleteImage', imageId: id, unless: 'Force=true', message: 'Plain delete refused.' });
    }

    const mark = emulator.requestLog.length;
    const asked = testInput.asked.length;
    const shown = testInput.shown.length;
    testInput.script('Choose Images to Force Delete…', [forced.name], 'Delete');
    await vscode.commands.executeCommand('cloudImageExplorer.cleanUpImages');

    const [first, second] = testInput.asked.slice(asked);
    assert.deepEqual(first?.buttons, ['Delete', 'Choose Images to Force Delete…']);
    assert.doesNotMatch(first?.detail ?? '', /Force delete/, 'no Force until chosen');
    const pick = testInput.shown.slice(shown).find((s) => s.kind === 'pick');
    assert.deepEqual([...(pick?.items ?? [])].sort(), plan.remove.map((e) => e.image.name).sort(), 'every planned image may be chosen, none is by default');
    assert.match(second?.detail ?? '', /Force delete: 1 image\./, 'the second modal names the choice');
    assert.deepEqual(second?.buttons, ['Delete']);

    // One delete per image: the forced one passed the refusal (Force=true), every other was refused (no Force).
    const deletes = emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage');
    assert.deepEqual(deletes.map((r) => r.status).sort(), [200, ...ids.slice(1).map(() => 400)]);
    const left = new Set((await provider.listImages({ regionId: REGION, pageSize: provider.maxPageSize, filter: { owner: 'self' } })).items.map((i) => i.id));
    for (const id of ids) {
      assert.equal(left.has(id), id !== forced.id, id);
    }
    assert.ok(!region.findImage(forced.id), 'the forced image left the tree');
    for (const id of ids.filter((x) => x !== forced.id)) {
      const node = region.findImage(id) as ImageNode | undefined;
      assert.match(node?.lastError ?? '', /Plain delete refused/, `${id} says why it is still there`);
      assert.equal(node?.busy, undefined);
    }
    assert.deepEqual(testInput.errors.slice(-1), [`1 deleted, ${ids.length - 1} failed.`]);
  });
});
