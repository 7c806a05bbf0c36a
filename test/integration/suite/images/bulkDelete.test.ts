// Deleting 500 images at once in the real extension host against the sandbox: one confirmation, a bounded
// number of DeleteImage requests in flight (the emulator's request log counts them: at least 5, never
// more than the bound), one request per image, every image gone from the tree and from the cloud, and
// the summary says so.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { CHANGES_IN_FLIGHT } from '../../../../src/providers/shared/bounded';
import type { ImageNode } from '../../../../src/tree/nodes';
import { allImageNodes, api, children, cleanAfterEach, sandboxRegion } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

describe('Bulk delete at any size (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });
  cleanAfterEach(() => a, { faults: true, scriptUsed: true });

  it('deletes 500 Alibaba images with a bounded number in flight, each sent once, all gone', async function () {
    this.timeout(180_000);
    const emulator = await a.sandbox();
    const seeded = new Set(emulator.seedImages('alibaba', 'eu-central-1', 500));
    const region = await sandboxRegion(a, 'alibaba', 'eu-central-1');
    await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
    const nodes = (await allImageNodes(a, region)).filter((n) => seeded.has(n.image.id));
    assert.equal(nodes.length, 500, 'the 500 seeded images are listed');
    // Each answer takes a moment, as a cloud's does: what the client keeps in flight shows in the log.
    emulator.faults.addLatency({ cloud: 'alibaba', operation: 'DeleteImage', ms: 20 });
    const mark = emulator.requestLog.length;
    const asked = testInput.asked.length;
    const infos = testInput.notifications.length;
    testInput.script('Delete');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', nodes[0], nodes);
    assert.match(testInput.asked[asked]?.message ?? '', /^Delete 500 images\?/);
    const deletes = emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage');
    assert.equal(deletes.length, 500, 'one DeleteImage per image, none sent twice');
    assert.ok(deletes.every((r) => r.status === 200), 'every one applied');
    const most = Math.max(...deletes.map((r) => r.inFlight ?? 0));
    assert.ok(most >= 5, `at least 5 in flight at once (${most})`);
    assert.ok(most <= CHANGES_IN_FLIGHT, `at most ${CHANGES_IN_FLIGHT} in flight at once (${most})`);
    const left = (await children(a, region)).filter((n): n is ImageNode => n.kind === 'image' && seeded.has((n as ImageNode).image.id));
    assert.deepEqual(left.map((n) => n.image.id), [], 'every image left the tree');
    const provider = await a.provider(region.account);
    assert.deepEqual(await provider.findImages('eu-central-1', [...seeded]), [], 'and the cloud');
    assert.ok(testInput.notifications.slice(infos).some((n) => n.message === '500 images deleted.'), 'the summary says so');
  });
});
