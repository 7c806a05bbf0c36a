// Copy Image in the real extension host against the sandbox: the real wizard (scripted, with a refused
// name and Back) copies an Alibaba image to another region, confirmed in a modal, followed to the new
// image in the destination region of the tree; a copy to two regions is one grouped job announced once
// with each region's outcome; a running copy is cancelled (the unfinished image is gone), retried, and
// the finished jobs are cleared. (Across a window reload: test/integration/restart.)
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { TrackedJob } from '../../../../src/jobs/model';
import type { ImageNode, Node } from '../../../../src/tree/nodes';
import { api, children, ownImages, sandboxRegion, until } from '../helpers';
import { testInput, BACK } from '../../userInput/testUserInput';

function copiesOf(a: ExtensionApi, node: ImageNode): TrackedJob[] {
  return a.jobs.forImage(node.account.id, node.parent.region.id, node.image.id).filter((j) => j.kind === 'copy');
}

describe('Copy Image over the sandbox (real extension host)', () => {
  let a: ExtensionApi;
  let images: ImageNode[];

  before(async () => {
    a = await api();
    images = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shanghai'), 4, 'Available');
  });

  afterEach(() => {
    testInput.clearScript();
  });

  it('offers Copy Image on images of clouds that can copy, not on BatchCompute', async () => {
    assert.match(String(images[0]!.treeItem().contextValue), /\bcan-copy\b/);
    const bc = (await children(a, await sandboxRegion(a, 'batchcompute', 'cn-shenzhen'))).find((n): n is ImageNode => n.kind === 'image');
    assert.ok(bc, 'a BatchCompute image');
    assert.doesNotMatch(String(bc.treeItem().contextValue), /can-copy/);
  });

  it('copies to another region through the wizard and follows the copy to the new image in that region of the tree', async () => {
    const node = images[0]!;
    const shown = testInput.shown.length;
    testInput.script(['cn-shenzhen'], '1-starts-with-a-digit', 'draft-name', BACK, 'ci-cross-region', '', 'Not encrypted');
    testInput.script('Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.copy', node);
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');
    const names = testInput.shown.slice(shown).filter((s) => s.text === 'Name of the new image');
    assert.equal(names.length, 2, 'Back returned to the name');
    assert.match(names[0]!.refused[0] ?? '', /starts with a letter/, 'a name the cloud refuses is refused as typed');
    const asked = testInput.asked[testInput.asked.length - 1]!;
    assert.ok(asked.message.includes(node.image.name) && asked.message.includes('China (Shenzhen)'), asked.message);
    assert.match(asked.detail ?? '', /charges/);
    const [job] = copiesOf(a, node);
    assert.ok(job?.target, 'the copy is tracked');
    assert.equal(job.follow, 'image');
    assert.equal(job.pollRegionId, 'cn-shenzhen');
    const done = await until('the copy to finish', () => a.jobs.list().find((j) => j.jobId === job.jobId && j.state === 'succeeded'), 60_000);
    assert.equal(done.percent, 100);
    const destination = await sandboxRegion(a, 'alibaba', 'cn-shenzhen');
    const copy = await until('the new image in the destination region', async () =>
      (await children(a, destination)).find((n: Node): n is ImageNode => n.kind === 'image' && (n as ImageNode).image.id === job.target!.imageId),
    );
    assert.equal(copy.image.name, 'ci-cross-region');
    await until('the end of the copy to be announced', () => testInput.notifications.some((n) => n.message === `Copy of image ${node.image.name} to China (Shenzhen): done.`) || undefined);
  });

  it('copies to two regions as one grouped job, announced once when both are done, with each region\'s outcome', async () => {
    const node = images[1]!;
    testInput.script(['cn-beijing', 'ap-southeast-1'], 'ci-grouped', '', 'Not encrypted', 'Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.copy', node);
    const jobs = copiesOf(a, node);
    assert.equal(jobs.length, 2);
    const group = jobs[0]!.group;
    assert.ok(group && jobs.every((j) => j.group === group), 'one group');
    assert.deepEqual(a.jobs.grouped(group).map((j) => j.target?.regionId).sort(), ['ap-southeast-1', 'cn-beijing']);
    const title = `Copy of image ${node.image.name} to 2 regions`;
    const announced = (): string[] => testInput.notifications.map((n) => n.message).filter((m) => m.startsWith(title));
    await until('both copies to finish', () => a.jobs.grouped(group).every((j) => j.state === 'succeeded') || undefined, 60_000);
    await until('the group to be announced', () => announced().length > 0 || undefined);
    assert.deepEqual(announced(), [`${title}: China (Beijing) done; Singapore done`]);
  });

  it('cancels a running copy (its unfinished image is deleted), retries it, and clears the finished jobs', async () => {
    const node = images[2]!;
    testInput.script(['cn-shenzhen'], 'ci-to-cancel', '', 'Not encrypted', 'Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.copy', node);
    const [job] = copiesOf(a, node);
    assert.ok(job && (job.state === 'queued' || job.state === 'running'), 'running');
    testInput.script('Stop the Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.cancel', job);
    assert.match(testInput.asked[testInput.asked.length - 1]!.message, /Stop "Copy of image .* to China \(Shenzhen\)"\?/);
    assert.equal(job.state, 'cancelled');
    assert.equal(job.reason, 'cancelled');
    const provider = await a.provider(node.account);
    assert.equal(await provider.getImage!('cn-shenzhen', job.jobId), undefined, 'the unfinished copy is gone');
    await until('the cancel to be announced', () => testInput.notifications.some((n) => n.severity === 'warning' && n.message.includes(': cancelled. You cancelled it.')) || undefined);
    testInput.script('Retry');
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.retry', job);
    const again = copiesOf(a, node).find((j) => j.jobId !== job.jobId);
    assert.ok(again, 'sent again once');
    assert.equal(copiesOf(a, node).length, 2);
    await until('the retried copy to finish', () => (again.state === 'succeeded' ? again : undefined), 60_000);
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.clearFinished');
    assert.deepEqual(a.jobs.list().filter((j) => j.state === 'succeeded' || j.state === 'failed' || j.state === 'cancelled'), []);
  });
});
