// Image files on the user's disk in the real extension host against the sandbox: Import Image from File…
// on Alibaba (region node) and Huawei (Explorer), each uploaded as a transfer job and its import followed
// to the new image; a file whose header contradicts its name refused before anything is sent; a
// connection lost on complete continued from the parts the store holds; Cancel aborting the multipart
// upload; an export downloaded into a folder with the object's bytes.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { runningCount } from '../../../../src/jobs/model';
import { api, ownImages, sandboxRegion, until } from '../helpers';
import { importedImage, MiB, qcow2, transferEnded, transferOf } from './files';
import { testInput } from '../../userInput/testUserInput';

const STORAGE_OPS = /^(ListBuckets|InitiateMultipartUpload|UploadPart|CompleteMultipartUpload|HeadObject)$/;

describe('Image files: import from file, transfers, download (real extension host)', () => {
  let a: ExtensionApi;
  let dir: string;
  before(async () => {
    a = await api();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-files-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => (await a.sandbox()).faults.clear());

  it('refuses a file whose header contradicts its name before anything is sent', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const emulator = await a.sandbox();
    const file = qcow2(dir, 'disk.vhd', MiB);
    const mark = emulator.requestLog.length;
    const errors = testInput.errors.length;
    testInput.script(vscode.Uri.file(file));
    await vscode.commands.executeCommand('cloudImageExplorer.importFromFile', region);
    assert.match(testInput.errors[errors] ?? '', /disk\.vhd cannot be imported into .*: The file is named as VHD but its header says QCOW2/);
    assert.deepEqual(emulator.requestsSince(mark).filter((r) => STORAGE_OPS.test(r.operation)), [], 'nothing was sent to the bucket');
  });

  it('Alibaba: a local file is uploaded from the region node, imported and followed to the new image', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const file = qcow2(dir, 'web-v9.qcow2', 3 * MiB);
    const shown = testInput.shown.length;
    testInput.script(vscode.Uri.file(file), 'cie-images-cn-hangzhou', 'ci-file-web-v9', 'linux', 'Ubuntu', 'x86_64');
    await vscode.commands.executeCommand('cloudImageExplorer.importFromFile', region);
    const buckets = testInput.shown.slice(shown).find((p) => p.kind === 'pick');
    assert.ok(buckets?.items?.includes('cie-images-cn-hangzhou'));
    assert.ok(!buckets?.items?.some((b) => /cn-shanghai|cn-beijing/.test(b)), 'buckets of other regions are not offered');
    const job = await transferEnded(a, file);
    assert.equal(job.status, 'succeeded', job.error);
    assert.equal(job.progress?.bytesDone, 3 * MiB);
    const node = await importedImage(a, region, 'ci-file-web-v9', 'Available');
    assert.equal(node.image.owner, 'self');
  });

  it('Huawei: from the Explorer, a connection lost on complete continues from the stored parts; the import follows', async () => {
    const emulator = await a.sandbox();
    const file = qcow2(dir, 'api-v2.qcow2', 20 * MiB); // 3 parts
    const mark = emulator.requestLog.length;
    emulator.faults.add({ kind: 'reset', cloud: 'huawei', operation: 'CompleteMultipartUpload', times: 2 });
    testInput.script(/Huawei/, /^(CN North-Beijing4|华北-北京四)$/, 'cie-obs-cn-north-4', 'ci file api v2', 'Ubuntu 22.04 server 64bit', 'x86');
    await vscode.commands.executeCommand('cloudImageExplorer.importFromFile', vscode.Uri.file(file));
    const job = await transferEnded(a, file);
    assert.equal(job.status, 'succeeded', job.error);
    assert.equal(job.partsReused, 3, 'the last run found every part in the bucket');
    const stored = emulator.requestsSince(mark).filter((r) => r.cloud === 'huawei' && r.operation === 'UploadPart' && r.status === 200);
    assert.equal(stored.length, 3, 'no part was sent again');
    await importedImage(a, await sandboxRegion(a, 'huawei', 'cn-north-4'), 'ci file api v2', 'active');
  });

  it('Cancel aborts the multipart upload, says what it removed, and imports nothing', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const emulator = await a.sandbox();
    emulator.faults.addLatency({ ms: 400, cloud: 'alibaba', operation: 'UploadPart' });
    const file = qcow2(dir, 'gone.qcow2', 48 * MiB);
    const mark = emulator.requestLog.length;
    testInput.script(vscode.Uri.file(file), 'cie-images-cn-hangzhou', 'ci-file-gone', 'linux', 'Ubuntu', 'x86_64');
    await vscode.commands.executeCommand('cloudImageExplorer.importFromFile', region);
    const running = await until('a part stored', () => {
      const j = transferOf(a, file);
      return j && (j.upload?.parts.length ?? 0) > 0 ? j : undefined;
    });
    const jobsRunning = runningCount(a.jobs.list());
    assert.equal(a.jobsView.statusBarText, `$(sync~spin) Image jobs: ${jobsRunning + 1}`, 'the status bar counts the transfer once');
    testInput.script('Stop the Upload');
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.cancelTransfer', running);
    assert.match(testInput.asked[testInput.asked.length - 1]?.message ?? '', /Stop "Upload of gone\.qcow2/);
    const note = testInput.notifications[testInput.notifications.length - 1]?.message ?? '';
    assert.match(note, /cancelled\. The multipart upload was aborted: (its one part|\d+ parts) \(\d+ MiB\) in bucket "cie-images-cn-hangzhou" (was|were) removed; nothing was imported\./);
    assert.equal(a.transfers.get(running.id)?.status, 'cancelled');
    assert.equal(a.jobsView.statusBarText, jobsRunning ? `$(sync~spin) Image jobs: ${jobsRunning}` : undefined, 'and no more once it stopped');
    const log = emulator.requestsSince(mark);
    assert.equal(log.filter((r) => r.operation === 'AbortMultipartUpload' && r.status < 300).length, 1);
    assert.equal(log.filter((r) => r.operation === 'ImportImage').length, 0);
    assert.equal(emulator.storage.stores.alibaba.buckets.get('cie-images-cn-hangzhou')?.uploads.size, 0);
  });

  it('downloads a finished export into a chosen folder with the right bytes', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-hangzhou'), 1, 'Available');
    testInput.script('cie-exports-cn-hangzhou', 'cidl', 'qcow2');
    await vscode.commands.executeCommand('cloudImageExplorer.export', node);
    const exported = await until('the export to succeed', () => a.jobs.list().find((j) => j.kind === 'export' && j.imageId === node!.image.id && j.state === 'succeeded'), 60_000);
    const folder = fs.mkdtempSync(path.join(dir, 'dl-'));
    testInput.script(vscode.Uri.file(folder));
    await vscode.commands.executeCommand('cloudImageExplorer.downloadExport', exported);
    const job = await transferEnded(a, folder);
    assert.equal(job.status, 'succeeded', job.error);
    const emulator = await a.sandbox();
    const key = `cidl${node!.image.id}_system.qcow2`;
    const object = emulator.storage.stores.alibaba.buckets.get('cie-exports-cn-hangzhou')?.objects.get(key);
    assert.ok(object, `the export wrote ${key}`);
    assert.deepEqual(fs.readdirSync(folder), [`${node!.image.id}_system.qcow2`]);
    assert.ok(fs.readFileSync(path.join(folder, `${node!.image.id}_system.qcow2`)).equals(fs.readFileSync(object.file)), 'the same bytes');
  });
});
