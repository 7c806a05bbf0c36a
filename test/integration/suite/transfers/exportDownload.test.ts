// Download… of a finished export from the image itself: once its export succeeded, the image's menu offers
// Download Exported Image… (its tree item says "has-export"; an image never exported does not) and its
// details panel shows a Download… button on the export's row; each downloads the export's objects into
// the chosen folder with the object's bytes.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { TrackedJob } from '../../../../src/jobs/model';
import type { ImageNode } from '../../../../src/tree/nodes';
import { EXTENSION_ID, api, identity, ownImages, sandboxRegion, until } from '../helpers';
import { transferEnded } from './files';
import { testInput } from '../../userInput/testUserInput';

const windows = (n: ImageNode): boolean => /windows/i.test(`${n.image.osType ?? ''} ${n.image.osName ?? ''} ${n.image.platform ?? ''}`);

function contextValue(node: ImageNode): string {
  return String(node.treeItem().contextValue);
}

describe('Download of an export from the image: its menu and its details panel (real extension host)', () => {
  let a: ExtensionApi;
  let dir: string;
  let image: ImageNode;
  let other: ImageNode;
  let exported: TrackedJob;
  before(async function () {
    this.timeout(120_000);
    a = await api();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-exdl-'));
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const never = (n: ImageNode): boolean => !windows(n) && !a.jobs.forImage(n.account.id, n.parent.region.id, n.image.id).some((j) => j.kind === 'export');
    // Other suites export some of the region's images first: enough candidates that two were never exported.
    const candidates = (await ownImages(a, region, 16, 'Available')).filter(never);
    assert.ok(candidates.length >= 2, 'two own Linux images never exported');
    [image, other] = candidates.slice(-2) as [ImageNode, ImageNode];
    assert.doesNotMatch(contextValue(image), /\bhas-export\b/, 'no Download before an export');
    testInput.script('cie-exports-cn-hangzhou', 'cimenu', 'qcow2');
    await vscode.commands.executeCommand('cloudImageExplorer.export', image);
    exported = await until('the export to succeed', () => a.jobs.list().find((j) => j.kind === 'export' && j.imageId === image.image.id && j.state === 'succeeded'), 60_000);
  });
  after(() => {
    a.panels.closeAll();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The export's one object, and the folder's one file: the same bytes. */
  async function downloadedInto(folder: string): Promise<void> {
    const job = await transferEnded(a, folder);
    assert.equal(job.status, 'succeeded', job.error);
    const name = `${image.image.id}_system.qcow2`;
    const object = (await a.sandbox()).storage.stores.alibaba.buckets.get('cie-exports-cn-hangzhou')?.objects.get(`cimenu${name}`);
    assert.ok(object, 'the export wrote its object');
    assert.deepEqual(fs.readdirSync(folder), [name]);
    assert.ok(fs.readFileSync(path.join(folder, name)).equals(fs.readFileSync(object.file)), 'the same bytes');
  }

  it('offers Download Exported Image… on the exported image’s menu only, and downloads from there', async () => {
    // The mark comes with the Jobs' change event, which may follow the job's state by a moment.
    const node = await until('the exported image marked has-export', async () => {
      const n = (await a.tree.resolveImage(identity(image)))!;
      return /\bhas-export\b/.test(contextValue(n)) ? n : undefined;
    });
    assert.doesNotMatch(contextValue((await a.tree.resolveImage(identity(other)))!), /\bhas-export\b/, 'not on an image never exported');
    const items = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus['view/item/context']!;
    const entry = items.find((e) => e.command === 'cloudImageExplorer.downloadExport');
    assert.match(entry?.when ?? '', /viewItem =~ \/\\bhas-export\\b\/ && !listMultiSelection$/);
    const folder = fs.mkdtempSync(path.join(dir, 'menu-'));
    testInput.script(vscode.Uri.file(folder));
    await vscode.commands.executeCommand('cloudImageExplorer.downloadExport', node);
    await downloadedInto(folder);
  });

  it('shows Download… on the finished export in the details panel, and downloads from there', async () => {
    const id = identity(image);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', (await a.tree.resolveImage(id))!);
    const shown = await a.panels.rendered(id, (r) => r.jobs.some((j) => j.jobId === exported.jobId && j.download !== ''));
    assert.equal(shown.jobs.find((j) => j.jobId === exported.jobId)?.download, 'Download…');
    const folder = fs.mkdtempSync(path.join(dir, 'panel-'));
    testInput.script(vscode.Uri.file(folder));
    await a.panels.deliver(id, { type: 'download', jobId: exported.jobId });
    await downloadedInto(folder);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', (await a.tree.resolveImage(identity(other)))!);
    const plain = await a.panels.rendered(identity(other), () => true);
    assert.ok(plain.jobs.every((j) => j.download === ''), 'no Download… on an image without a finished export');
  });
});
