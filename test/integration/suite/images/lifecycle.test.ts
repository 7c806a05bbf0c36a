// Import, images shared with me, quotas and fast export in the real extension host against the sandbox:
// an import (Alibaba from the region node, Huawei from the palette) followed to a new image in its region;
// Huawei shared images accepted and rejected; the quota shown, and a share, an import and a copy refused when
// it is full; fast export offered (and the only way) for a Huawei image over 128 GB.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { RegionNode } from '../../../../src/tree/nodes';
import type { SharedImageNode, SharedWithMeNode } from '../../../../src/tree/sharedWithMe';
import { api, children, imageNamed, label, ownImages, readable, sandboxRegion, until } from '../helpers';
import { testInput, BACK } from '../../userInput/testUserInput';


async function jobDone(a: ExtensionApi, kind: string, imageName: string): Promise<void> {
  const job = await until(`the ${kind} job of ${imageName} to be tracked`, () => a.jobs.list().find((j) => j.kind === kind && j.imageName === imageName));
  await until(`the ${kind} job of ${imageName} to succeed`, () => a.jobs.list().find((j) => j.jobId === job.jobId && j.imageId === job.imageId && j.state === 'succeeded'), 60_000);
}

async function sharedGroup(a: ExtensionApi, region: RegionNode): Promise<SharedWithMeNode> {
  const group = (await children(a, region)).find((n) => n.kind === 'sharedWithMe');
  assert.ok(group, 'the region has a "Shared with Me" group');
  return group as SharedWithMeNode;
}

describe('Import, shared with me, quota and fast export (real extension host)', () => {
  let a: ExtensionApi;
  before(async () => {
    a = await api();
  });
  afterEach(async () => {
    testInput.clearScript();
    (await a.sandbox()).quotas.reset();
  });

  it('Alibaba: Import Image… on a region, with Back and a refused bucket, is followed to a new Available image', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-shenzhen');
    const shown = testInput.shown.length;
    testInput.script(
      'System disk image',
      'Bad_Bucket', 'ci-import-bucket', // refused as typed, then a good one
      'builds/web.qcow2', BACK, 'builds/web-v7.qcow2', // Back from the name to the file
      'ci-imported-web-v7', 'Imported by the lifecycle test',
      'QCOW2', 'linux', 'Ubuntu', 'x86_64', '40',
    );
    await vscode.commands.executeCommand('cloudImageExplorer.importImage', region);
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');
    const prompts = testInput.shown.slice(shown);
    assert.deepEqual(prompts[0]!.items, ['System disk image', 'System disk image with data disks'], 'the kinds of image Alibaba imports');
    assert.match(prompts[1]!.refused[0] ?? '', /OSS bucket name uses lower-case letters/);
    assert.ok(prompts.some((p) => /\(\d+\/\d+\)$/.test(p.title)), 'the steps are counted');
    await jobDone(a, 'import', 'ci-imported-web-v7');
    const node = await until('the new image in the region', async () => {
      const n = await imageNamed(a, region, 'ci-imported-web-v7');
      return n?.image.status === 'Available' ? n : undefined;
    });
    assert.equal(node.image.owner, 'self');
  });

  it('Huawei: Import Image… from the palette (account, region) is followed to a new active image', async () => {
    testInput.script(/Huawei/, /^(CN North-Beijing4|华北-北京四)$/, 'System disk image', 'ci-obs-images', 'builds/api.qcow2', 'ci imported api', '', 'Ubuntu 22.04 server 64bit', 'x86', '40', 'Not encrypted');
    await vscode.commands.executeCommand('cloudImageExplorer.importImage');
    assert.equal(testInput.pending.length, 0);
    await jobDone(a, 'import', 'ci imported api');
    const region = await sandboxRegion(a, 'huawei', 'cn-north-4');
    await until('the imported image, active', async () => (await imageNamed(a, region, 'ci imported api'))?.image.status === 'active');
  });

  it('Huawei: a pending shared image is accepted and joins the region; another is rejected', async () => {
    const region = await sandboxRegion(a, 'huawei', 'ap-southeast-1');
    const group = await sharedGroup(a, region);
    const pending = (await children(a, group)).filter((n): n is SharedImageNode => n.kind === 'sharedImage' && (n as SharedImageNode).received.membership === 'pending');
    assert.ok(pending.length >= 2, `${pending.length} pending`);
    assert.match(String(group.treeItem().description), /\d+ pending/);
    const [yes, no] = pending;
    await vscode.commands.executeCommand('cloudImageExplorer.acceptShared', yes, [yes]);
    await vscode.commands.executeCommand('cloudImageExplorer.rejectShared', no, [no]);
    await jobDone(a, 'accept', yes!.received.image.name);
    await jobDone(a, 'reject', no!.received.image.name);
    await until('the accepted image in the region', async () => (await imageNamed(a, region, yes!.received.image.name)) !== undefined);
    const after = await children(a, await sharedGroup(a, region));
    const status = (id: string): string | undefined => (after.find((n) => n.kind === 'sharedImage' && (n as SharedImageNode).received.image.id === id) as SharedImageNode | undefined)?.received.membership;
    assert.equal(status(yes!.received.image.id), 'accepted');
    assert.equal(status(no!.received.image.id), 'rejected');
    assert.equal(await imageNamed(a, region, no!.received.image.name), undefined, 'a rejected image stays out of the region');
  });

  it('Huawei: accepts every pending image of a group at once, each image its own job', async () => {
    const region = await sandboxRegion(a, 'huawei', 'cn-east-3');
    const group = await sharedGroup(a, region);
    const pending = (await children(a, group)).filter((n): n is SharedImageNode => n.kind === 'sharedImage' && (n as SharedImageNode).received.membership === 'pending');
    assert.ok(pending.length >= 2, `${pending.length} pending`);
    await vscode.commands.executeCommand('cloudImageExplorer.acceptShared', group);
    assert.match(testInput.notifications[testInput.notifications.length - 1]?.message ?? '', new RegExp(`^Accepting ${pending.length === 1 ? '1 shared image' : `${pending.length} shared images`}: the Jobs view follows`));
    for (const n of pending) {
      await jobDone(a, 'accept', n.received.image.name);
    }
    const after = await children(a, await sharedGroup(a, region));
    assert.ok(after.every((n) => n.kind !== 'sharedImage' || (n as SharedImageNode).received.membership !== 'pending'), 'none pending any more');
    assert.match(String((await sharedGroup(a, region)).treeItem().description), /none pending/);
  });

  it('Huawei: shows the quota, and refuses a share, an import and a copy before any request when it is full', async () => {
    const region = await sandboxRegion(a, 'huawei', 'cn-south-1');
    const emulator = await a.sandbox();
    await vscode.commands.executeCommand('cloudImageExplorer.showQuota', region);
    const notice = testInput.notifications[testInput.notifications.length - 1]?.message ?? '';
    assert.match(notice, /Private images: \d+ \/ 1,000; Shared images: \d+ \/ 1,000; Image members: \d+ \/ 1,000/);
    // The region's hover shows them too.
    const hover = await until('the quota in the region hover', () => {
      const t = a.tree.resolveTreeItem(region.treeItem(), region).tooltip;
      const text = readable(t);
      return /Private images: \d+ \/ 1,000/.test(text) ? text : undefined;
    });
    assert.match(hover, /Image members: \d+ \/ 1,000/);
    const provider = await a.provider(region.account);
    const quotas = await provider.quota!.quotas('cn-south-1');
    emulator.quotas.set('huawei', 'image_member', quotas.find((q) => q.type === 'image_member')!.used);
    emulator.quotas.set('huawei', 'image', quotas.find((q) => q.type === 'image')!.used);
    const [node] = await ownImages(a, region, 1, 'active');
    const mark = emulator.requestLog.length;
    const errors = testInput.errors.length;
    testInput.script('0123456789abcdef0123456789abcdef');
    await vscode.commands.executeCommand('cloudImageExplorer.share', node);
    assert.match(testInput.errors[errors] ?? '', /The quota "Image members" in .* is full/);
    await vscode.commands.executeCommand('cloudImageExplorer.importImage', region);
    assert.match(testInput.errors[errors + 1] ?? '', /The quota "Private images" in .* is full/);
    // A copy into the full region is refused the same way, before its confirmation.
    const asked = testInput.asked.length;
    testInput.script(['cn-south-1'], 'ci-copy-over-quota', '', 'Not encrypted');
    await vscode.commands.executeCommand('cloudImageExplorer.copy', node);
    assert.match(testInput.errors[errors + 2] ?? '', /The quota "Private images" in .* is full/);
    assert.equal(testInput.asked.length, asked, 'no confirmation was asked for');
    assert.equal(testInput.pending.length, 0);
    assert.deepEqual(
      emulator.requestsSince(mark).filter((r) => /^(BatchAddMembers|CreateImage|CopyImageInRegion|CopyImageCrossRegion)$/.test(r.operation)),
      [],
      'no change was sent',
    );
  });

  it('Huawei: fast export is offered, and is the only way, for an image over 128 GB', async () => {
    const region = await sandboxRegion(a, 'huawei', 'cn-south-1');
    const provider = await a.provider(region.account);
    const started = await provider.importing!.importImage('cn-south-1', { bucket: 'ci-obs-images', object: 'big/db.qcow2', name: 'ci big db', platform: 'CentOS 7.9 64bit', architecture: 'x86', diskSizeGiB: 200 });
    await until('the big image to be made', async () => (await provider.getImage!('cn-south-1', started.imageId!))?.status === 'active', 60_000);
    a.tree.refresh(region);
    const node = await until('the big image in the tree', () => imageNamed(a, region, 'ci big db'));
    const shown = testInput.shown.length;
    testInput.script('ci-obs-exports', 'big-db.img', 'Fast export');
    await vscode.commands.executeCommand('cloudImageExplorer.export', node);
    const mode = testInput.shown.slice(shown).find((p) => p.kind === 'pick');
    assert.deepEqual(mode?.items, ['Fast export']);
    assert.match(mode?.text ?? '', /over 128 GB/);
    const job = a.jobs.forImage(node.account.id, 'cn-south-1', node.image.id).find((j) => j.kind === 'export');
    assert.ok(job, `the fast export is tracked (${label(node)})`);
    assert.match(job.detail ?? '', /\(fast\)$/);
  });
});
