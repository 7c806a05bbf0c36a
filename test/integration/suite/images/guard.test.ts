// One change at a time also for Import, Import from File, Accept/Reject of shared images and the Jobs view's
// Cancel: a second one while the first is in flight is refused in words and sends nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { SharedImageNode, SharedWithMeNode } from '../../../../src/tree/sharedWithMe';
import { api, children, ownImages, sandboxRegion, until } from '../helpers';
import { testInput } from '../../userInput/testUserInput';
import { MiB, qcow2, transferEnded, transferOf } from '../transfers/files';

function said(pattern: RegExp): boolean {
  return testInput.notifications.some((n) => pattern.test(n.message));
}

describe('One change at a time: import, accept/reject, cancel (real extension host)', () => {
  let a: ExtensionApi;
  before(async () => {
    a = await api();
  });

  it('a second Accept of a shared image while the first runs is refused, one request sent', async () => {
    // cn-south-1: the pending images of cn-north-4 are the editor suites' (launch.test accepts one).
    const region = await sandboxRegion(a, 'huawei', 'cn-south-1');
    const group = (await children(a, region)).find((n) => n.kind === 'sharedWithMe') as SharedWithMeNode;
    const [image] = (await children(a, group)).filter((n): n is SharedImageNode => n.kind === 'sharedImage' && (n as SharedImageNode).received.membership === 'pending');
    assert.ok(image, 'a pending shared image');
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    await Promise.all([
      vscode.commands.executeCommand('cloudImageExplorer.acceptShared', image, [image]),
      vscode.commands.executeCommand('cloudImageExplorer.acceptShared', image, [image]),
    ]);
    assert.ok(said(/The members of ".*" are already being changed/), testInput.notifications.map((n) => n.message).join(' | '));
    const sent = emulator.requestsSince(mark).filter((r) => r.cloud === 'huawei' && r.method !== 'GET');
    assert.equal(sent.length, 1, sent.map((r) => r.operation).join(', '));
  });

  it('a second Import of the same file into a region while the first runs is refused, one request sent', async () => {
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const answers = [/Huawei/, /^(CN North-Beijing4|华北-北京四)$/, 'System disk image', 'ci-obs-images', 'builds/guard.qcow2', 'ci guard import', '', 'Ubuntu 22.04 server 64bit', 'x86', '40', 'Not encrypted'];
    testInput.script(...answers);
    await vscode.commands.executeCommand('cloudImageExplorer.importImage');
    const job = a.jobs.list().find((j) => j.kind === 'import' && j.imageName === 'ci guard import');
    assert.ok(job && (job.state === 'queued' || job.state === 'running'), 'the first import runs');
    // Refused as soon as the file is named: nothing more is asked.
    testInput.script(...answers.slice(0, 5));
    await vscode.commands.executeCommand('cloudImageExplorer.importImage');
    assert.ok(said(/"ci guard import" is still being imported from "ci-obs-images\/builds\/guard\.qcow2"/), testInput.notifications.map((n) => n.message).join(' | '));
    const sent = emulator.requestsSince(mark).filter((r) => r.cloud === 'huawei' && r.method !== 'GET');
    assert.equal(sent.length, 1, sent.map((r) => r.operation).join(', '));
    assert.equal(a.jobs.list().filter((j) => j.kind === 'import' && j.imageName === 'ci guard import').length, 1);
  });

  it('a second Cancel of a job while the first is asked or sent is refused, one confirmation', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-hangzhou'), 1, 'Available');
    testInput.script(['cn-shenzhen'], 'ci-guard-cancel', '', 'Not encrypted', 'Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.copy', node);
    const job = a.jobs.forImage(node!.account.id, 'cn-hangzhou', node!.image.id).find((j) => j.kind === 'copy');
    assert.ok(job, 'the copy runs');
    const asked = testInput.asked.length;
    testInput.script('Stop the Copy');
    await Promise.all([
      vscode.commands.executeCommand('cloudImageExplorer.jobs.cancel', job),
      vscode.commands.executeCommand('cloudImageExplorer.jobs.cancel', job),
    ]);
    assert.equal(testInput.asked.length, asked + 1, 'asked once');
    assert.ok(said(/is already being cancelled/), testInput.notifications.map((n) => n.message).join(' | '));
    await until('the copy to be cancelled', () => job.state === 'cancelled' || undefined);
    assert.equal(job.reason, 'cancelled');
  });
  it('a second Import from File of the same file into a region while its upload runs is refused, one upload', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const emulator = await a.sandbox();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-guard-'));
    // The first part is held (until the emulator's hang time): the first upload stays running while the second is tried.
    emulator.faults.add({ kind: 'timeout', cloud: 'alibaba', operation: 'UploadPart', times: 1 });
    try {
      const file = qcow2(dir, 'guard-file.qcow2', 3 * MiB);
      const mark = emulator.requestLog.length;
      const answers = [vscode.Uri.file(file), 'cie-images-cn-hangzhou', 'ci-guard-file', 'linux', 'Ubuntu', 'x86_64'];
      testInput.script(...answers);
      await vscode.commands.executeCommand('cloudImageExplorer.importFromFile', region);
      const first = transferOf(a, file);
      assert.equal(first?.status, 'running', 'the first upload runs');
      // Refused as soon as the bucket is chosen: nothing more is asked.
      testInput.script(...answers.slice(0, 2));
      await vscode.commands.executeCommand('cloudImageExplorer.importFromFile', region);
      assert.ok(said(/"imports\/guard-file\.qcow2" is still being uploaded to bucket "cie-images-cn-hangzhou" for an import/), testInput.notifications.map((n) => n.message).join(' | '));
      const sent = emulator.requestsSince(mark).filter((r) => r.cloud === 'alibaba' && /^(HeadObject|InitiateMultipartUpload)$/.test(r.operation));
      assert.deepEqual(sent.map((r) => r.operation), ['HeadObject', 'InitiateMultipartUpload'], 'the second asked and sent nothing to the bucket');
      assert.equal(a.transfers.list().filter((j) => j.local === file).length, 1, 'one upload');
      await a.transfers.cancel(first!.id);
    } finally {
      emulator.faults.clear();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  /** What the import and upload commands sent since `mark`: every request but reads and the held upload's own parts. */
  function sentSince(emulator: Awaited<ReturnType<ExtensionApi['sandbox']>>, mark: number): string[] {
    return emulator
      .requestsSince(mark)
      .filter((r) => r.cloud === 'alibaba' && !/^(Describe|List|Get|Head)/.test(r.operation) && !/Part$/.test(r.operation))
      .map((r) => r.operation);
  }

  it('Import Image… of an object Import Image from File is still uploading is refused when the file is named, with Show Job; nothing sent', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const emulator = await a.sandbox();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-guard-'));
    // The first part is held (until the emulator's hang time): the upload stays running while Import Image is tried.
    emulator.faults.add({ kind: 'timeout', cloud: 'alibaba', operation: 'UploadPart', times: 1 });
    try {
      const file = qcow2(dir, 'guard-held.qcow2', 3 * MiB);
      testInput.script(vscode.Uri.file(file), 'cie-images-cn-hangzhou', 'ci-guard-held', 'linux', 'Ubuntu', 'x86_64');
      await vscode.commands.executeCommand('cloudImageExplorer.importFromFile', region);
      const upload = transferOf(a, file);
      assert.equal(upload?.status, 'running', 'the upload runs');
      const mark = emulator.requestLog.length;
      const notes = testInput.notifications.length;
      const shown = testInput.shown.length;
      // Only the kind, the bucket and the object are asked: the refusal comes before the name.
      testInput.script('System disk image', 'cie-images-cn-hangzhou', 'imports/guard-held.qcow2');
      await vscode.commands.executeCommand('cloudImageExplorer.importImage', region);
      const refusal = testInput.notifications.slice(notes);
      assert.equal(refusal.length, 1, refusal.map((n) => n.message).join(' | '));
      assert.match(refusal[0]!.message, /^"imports\/guard-held\.qcow2" is still being uploaded to bucket "cie-images-cn-hangzhou" for an import: wait until it has been imported, or stop it in the Jobs view\.$/);
      assert.deepEqual(refusal[0]!.buttons, ['Show Job']);
      assert.equal(testInput.shown.length - shown, 3, 'nothing asked after the object');
      assert.deepEqual(sentSince(emulator, mark), [], 'no ImportImage, nothing but reads sent');
      assert.ok(!a.jobs.list().some((j) => j.kind === 'import' && j.detail === 'cie-images-cn-hangzhou/imports/guard-held.qcow2' && j.imageName !== 'ci-guard-held'), 'no other import of the object');
      await a.transfers.cancel(upload!.id);
    } finally {
      emulator.faults.clear();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Import Image from File to an object whose import is running is refused when the bucket is chosen, with Show Job; nothing sent to the bucket', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const emulator = await a.sandbox();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-guard-'));
    try {
      const file = qcow2(dir, 'guard-imported.qcow2', 2 * MiB);
      testInput.script(vscode.Uri.file(file), 'cie-images-cn-hangzhou', 'ci-guard-imported', 'linux', 'Ubuntu', 'x86_64');
      await vscode.commands.executeCommand('cloudImageExplorer.importFromFile', region);
      // The upload ends by starting the import of the object (a job the Jobs view follows).
      const ended = await transferEnded(a, file);
      assert.equal(ended.status, 'succeeded', ended.error);
      const job = a.jobs.list().find((j) => j.jobId === ended.importJobId);
      assert.ok(job && (job.state === 'queued' || job.state === 'running'), 'the import runs');
      const mark = emulator.requestLog.length;
      const notes = testInput.notifications.length;
      testInput.script(vscode.Uri.file(file), 'cie-images-cn-hangzhou');
      await vscode.commands.executeCommand('cloudImageExplorer.importFromFile', region);
      const refusal = testInput.notifications.slice(notes);
      assert.equal(refusal.length, 1, refusal.map((n) => n.message).join(' | '));
      assert.equal(refusal[0]!.message, '"ci-guard-imported" is still being imported from "cie-images-cn-hangzhou/imports/guard-imported.qcow2": wait until that import has finished.');
      assert.deepEqual(refusal[0]!.buttons, ['Show Job']);
      assert.deepEqual(sentSince(emulator, mark), [], 'nothing sent');
      assert.ok(!emulator.requestsSince(mark).some((r) => r.operation === 'HeadObject'), 'the bucket was not even read for the object');
      assert.equal(a.transfers.list().filter((j) => j.local === file).length, 1, 'one upload');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
