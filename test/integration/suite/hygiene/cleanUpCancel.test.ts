// Clean Up's Cancel, in the real host against the sandbox: Cancel during the run stops between images. The
// images whose delete was sent are deleted (and reported), no request is sent for the rest, and they are
// left as they were, in the cloud and in the tree.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { HygienePlan } from '../../../../src/hygiene/plan';
import { api, cleanAfterEach, ownListed, sandboxRegion } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

const RULES = ['Not used by any instance', 'Not named by any launch template', "Not named in the workspace's files", 'Older than 90 days', 'Not tagged keep=*'];


describe('Clean Up: Cancel between images (real extension host)', function () {
  this.timeout(180_000);
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });
  cleanAfterEach(() => a, { faults: true, scriptUsed: true });

  it('Cancel after the first image is deleted: what was sent is reported deleted, the rest are not touched', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-beijing');
    testInput.script(RULES, '90');
    const plan = await vscode.commands.executeCommand<HygienePlan | undefined>('cloudImageExplorer.findUnusedImages', region);
    assert.ok(plan && plan.remove.length >= 6, `${plan?.remove.length} proposed`);
    const ownIds = async (): Promise<Set<string>> => new Set((await ownListed(a, region)).map((i) => i.id));
    const before = await ownIds();
    const emulator = await a.sandbox();
    // Deletes take a while, so that Cancel comes while most images still wait their turn.
    emulator.faults.addLatency({ cloud: 'alibaba', operation: 'DeleteImage', ms: 400 });
    const mark = emulator.requestLog.length;
    const firstGone = new Promise<void>((resolve) => {
      const sub = a.tree.onDidChangeImage((e) => {
        if (e.image === undefined && plan.remove.some((x) => x.image.id === e.imageId)) {
          sub.dispose();
          resolve();
        }
      });
    });
    testInput.script('Delete');
    const running = vscode.commands.executeCommand('cloudImageExplorer.cleanUpImages');
    await firstGone;
    await vscode.commands.executeCommand('cloudImageExplorer.cancelCleanUp');
    await running;

    const sent = emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage');
    const after = await ownIds();
    const deleted = [...before].filter((id) => !after.has(id));
    assert.equal(deleted.length, sent.length, 'every delete sent finished; none other was sent');
    assert.ok(deleted.length >= 1 && deleted.length < plan.remove.length, `${deleted.length} of ${plan.remove.length} deleted`);
    const proposed = new Set(plan.remove.map((e) => e.image.id));
    assert.ok(deleted.every((id) => proposed.has(id)), 'nothing outside the plan');
    const untouched = plan.remove.filter((e) => after.has(e.image.id));
    assert.equal(untouched.length, plan.remove.length - deleted.length);
    for (const e of untouched) {
      const node = region.findImage(e.image.id);
      assert.ok(node, `${e.image.id} is still in the tree`);
      assert.equal(node.busy, undefined, `${e.image.id} is no longer marked busy`);
      assert.equal(node.lastError, undefined, `${e.image.id} carries no error`);
    }
    assert.equal(
      testInput.notifications[testInput.notifications.length - 1]?.message,
      `Clean Up cancelled: ${deleted.length} deleted, 0 skipped or failed, ${untouched.length} not touched.`,
    );
  });
});
