// Image IDs in open editors, in the real extension host against the sandbox: a Terraform and a YAML
// file with IDs of three clouds are hovered; Tag… from a code action tags the image in the tree; a
// deleted image's ID is flagged once the tree deletes it; a plain UUID stays quiet; a file of 200 IDs
// costs a handful of batched requests; with no account configured nothing is asked.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { AccountConfig, CloudKind, Image } from '../../../../src/providers/core/model';
import { vocabularyOf } from '../../../../src/providers';
import { newestOf } from '../../../../src/providers/rules/newest';
import type { Emulator } from '../../../../src/sandbox/emulator';
import { api, until } from '../helpers';
import { diagnosticsUntil } from './launchFixture';
import { testInput } from '../../userInput/testUserInput';

const PLAIN_UUID = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';

interface Picked {
  readonly account: AccountConfig;
  readonly regionId: string;
  readonly regionName: string;
  readonly images: Image[];
}

function stateOf(cloud: CloudKind, image: Image): string {
  return vocabularyOf(cloud).imageState(image);
}

/** Hover text as a reader sees it (markdown escapes and non-breaking spaces undone). */
function plain(contents: readonly (vscode.MarkdownString | vscode.MarkedString)[]): string {
  return contents
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');
}


describe('Image IDs in open editors (real extension host)', () => {
  let a: ExtensionApi;
  let emulator: Emulator;
  let dir: string;
  let ali: Picked;
  let qc: Picked;
  let hw: Picked;
  /** IDs already looked up by an earlier test (kept answers would hide requests). */
  const used = new Set<string>();

  function sandboxAccount(cloud: CloudKind): AccountConfig {
    const account = a.accounts.list().find((x) => x.sandbox && x.cloud === cloud);
    assert.ok(account, `the ${cloud} sandbox account`);
    return account;
  }

  async function pick(cloud: CloudKind, regionId: string, keep: (i: Image) => boolean): Promise<Picked> {
    const account = sandboxAccount(cloud);
    const provider = await a.provider(account);
    const regionName = (await provider.listRegions()).find((r) => r.id === regionId)?.name ?? regionId;
    const images: Image[] = [];
    let cursor;
    do {
      const page = await provider.listImages({ regionId, pageSize: 100, cursor, raw: true });
      images.push(...page.items.filter(keep));
      cursor = page.next;
    } while (cursor);
    return { account, regionId, regionName, images };
  }

  /**
   * The first usable image of a pick that no earlier test used: one of the account's own, with tags unless
   * `tagged` is false; with `newest`, one that is the newest of its line among the account's own images of
   * the region (no "newer image" finding, hence no Replace with newest, whatever else the host has loaded).
   */
  function fresh(p: Picked, tagged = true, newest = false): Image {
    const own = p.images.filter((i) => i.owner === 'self');
    const image = own.find(
      (i) =>
        !used.has(i.id) &&
        stateOf(p.account.cloud, i) === 'available' &&
        (!tagged || i.tags.length > 0) &&
        (!newest || newestOf(p.account.cloud, i, i.family ? p.images : own) === undefined),
    );
    assert.ok(image, 'an unused image');
    used.add(image.id);
    return image;
  }

  async function open(name: string, text: string): Promise<vscode.TextDocument> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    await a.imageIds.settled(doc);
    return doc;
  }

  /** Until no job runs: jobs this or an earlier suite started (a copy is followed by DescribeImages) would be counted as this test's requests. */
  async function noJobRunning(): Promise<void> {
    await until('no job still running', () => a.jobs.list().every((j) => j.state !== 'queued' && j.state !== 'running') || undefined, 60_000);
  }

  function at(doc: vscode.TextDocument, id: string): vscode.Position {
    const offset = doc.getText().indexOf(id);
    assert.ok(offset >= 0, `${id} in ${doc.fileName}`);
    return doc.positionAt(offset + 3);
  }

  async function hover(doc: vscode.TextDocument, id: string): Promise<string> {
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at(doc, id))) ?? [];
    return plain(hovers.flatMap((h) => h.contents));
  }

  function assertHover(text: string, p: Picked, image: Image, cloudLabel: string): void {
    const facts = [
      image.name,
      image.id,
      'Status: Available',
      'Type: Custom image',
      `OS: ${image.osName ?? image.osType ?? ''}`,
      `Size: ${image.sizeGiB} GiB`,
      `Tags: ${image.tags.map((t) => (t.value ? `${t.key}=${t.value}` : t.key)).join(', ')}`,
      `Account: Sandbox · ${cloudLabel}`,
      `Region: ${p.regionName} (${p.regionId})`,
      'Open Details',
      'Reveal in the Images view',
    ];
    for (const fact of facts) {
      assert.ok(text.includes(fact), `"${fact}" in the hover:\n${text}`);
    }
  }

  before(async () => {
    a = await api();
    emulator = await a.sandbox();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-image-ids-'));
    ali = await pick('alibaba', 'cn-hangzhou', (i) => i.id.startsWith('m-'));
    qc = await pick('qingcloud', 'pek3', (i) => /^img-[0-9a-z]{8}$/.test(i.id));
    hw = await pick('huawei', 'cn-north-4', () => true);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hovers the IDs of three clouds in a Terraform and a YAML file, and flags nothing there', async () => {
    const [ta, tq, th, ya, yq, yh] = [fresh(ali), fresh(qc), fresh(hw), fresh(ali), fresh(qc), fresh(hw)];
    const tf = await open(
      'main.tf',
      [
        'resource "alicloud_instance" "web" {',
        `  image_id = "${ta!.id}"`,
        '}',
        'resource "qingcloud_instance" "db" {',
        `  image_id = "${tq!.id}"`,
        '}',
        'resource "huaweicloud_compute_instance" "api" {',
        `  image_id = "${th!.id}"`,
        `  user_data_trace = "${PLAIN_UUID}"`,
        '}',
        '',
      ].join('\n'),
    );
    const yaml = await open(
      'deploy.yaml',
      ['images:', `  web: ${ya!.id}`, `  db: "${yq!.id}"`, 'huawei:', `  source_image: ${yh!.id}`, `  request_id: ${PLAIN_UUID}`, ''].join('\n'),
    );
    assertHover(await hover(tf, ta!.id), ali, ta!, 'Alibaba Cloud ECS');
    assertHover(await hover(tf, tq!.id), qc, tq!, 'QingCloud');
    assertHover(await hover(tf, th!.id), hw, th!, 'Huawei Cloud IMS');
    assertHover(await hover(yaml, ya!.id), ali, ya!, 'Alibaba Cloud ECS');
    assertHover(await hover(yaml, yq!.id), qc, yq!, 'QingCloud');
    assertHover(await hover(yaml, yh!.id), hw, yh!, 'Huawei Cloud IMS');
    assert.equal(await hover(tf, PLAIN_UUID), '', 'a UUID under another key is not an image ID');
    assert.equal(await hover(yaml, PLAIN_UUID), '');
    // (A newer image of the same family or name line is said apart: launch.test.)
    const found = (doc: vscode.TextDocument): vscode.Diagnostic[] => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.code !== 'image-newer-available');
    assert.deepEqual(found(tf), []);
    assert.deepEqual(found(yaml), []);
  });

  it('tags the image from the code action "Tag…", and the tree and the hover show the tag', async () => {
    const image = fresh(ali, false, true);
    const doc = await open('tag.tf', `data "alicloud_images" "x" {\n  image_id = "${image.id}"\n}\n`);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at(doc, image.id), at(doc, image.id)))) ?? [];
    assert.deepEqual(actions.map((x) => x.title), ['Tag…', 'Open Details', 'Reveal in the Images view', 'Copy to Region…']);
    const tag = actions[0]!.command!;
    testInput.script('$(add) New key…', 'from-editor', '$(add) New value…', 'yes');
    await vscode.commands.executeCommand(tag.command, ...(tag.arguments ?? []));
    const node = await a.tree.resolveImage({ accountId: ali.account.id, regionId: ali.regionId, imageId: image.id });
    assert.ok(node && node.image.tags.some((t) => t.key === 'from-editor' && t.value === 'yes'), 'the tree node has the tag');
    assert.match(String((a.tree.resolveTreeItem(node.treeItem(), node).tooltip as vscode.MarkdownString).value), /from-editor=yes/);
    assert.ok((await hover(doc, image.id)).includes('from-editor=yes'), 'the hover follows the tree');
  });

  it('copies the image to another region from the code action "Copy to Region…" (the tree\'s Copy Image command)', async () => {
    const image = fresh(ali, false);
    const doc = await open('copy.tf', `image_id = "${image.id}"\n`);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at(doc, image.id), at(doc, image.id)))) ?? [];
    const copy = actions.find((x) => x.title === 'Copy to Region…')?.command;
    assert.ok(copy, 'a Copy to Region… action');
    testInput.script(['cn-beijing'], 'from-editor-copy', '', 'Not encrypted', 'Copy');
    // Copy jobs of this image an earlier suite may have started are not this one's.
    const copies = (): number => a.jobs.forImage(ali.account.id, ali.regionId, image.id).filter((j) => j.kind === 'copy').length;
    const before = copies();
    await vscode.commands.executeCommand(copy.command, ...(copy.arguments ?? []));
    // The confirmation names the destination as the tree does.
    assert.match(testInput.asked[testInput.asked.length - 1]!.message, new RegExp(`${image.id}.*China \\(Beijing\\)`));
    assert.equal(copies(), before + 1, 'one copy job started');
    const jobs = a.jobs.forImage(ali.account.id, ali.regionId, image.id).filter((j) => j.kind === 'copy');
    assert.ok(jobs.some((j) => j.target?.regionId === 'cn-beijing'), 'a copy to cn-beijing');
  });

  it('reveals an image in the Images view, loading the pages up to it', async () => {
    const image = [...ali.images].reverse().find((i) => !used.has(i.id) && i.owner === 'self');
    assert.ok(image);
    used.add(image.id);
    const doc = await open('reveal.tf', `image_id = "${image.id}"\n`);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
    const reveal = lenses.find((l) => l.command?.title === 'Reveal in the Images view')?.command;
    assert.ok(reveal, `a Reveal lens among ${lenses.map((l) => l.command?.title).join(', ')}`);
    const errors = testInput.errors.length;
    await vscode.commands.executeCommand(reveal.command, ...(reveal.arguments ?? []));
    assert.equal(testInput.errors.length, errors, testInput.errors.slice(errors).join('; '));
    const region = a.tree.findRegion(ali.account.id, ali.regionId);
    assert.ok(region?.loader.items.some((i) => i.id === image.id), 'the page with the image is loaded, so the view lists it');
    assert.ok((region?.loader.items.length ?? 0) > 100, 'it is on a later page');
  });

  it('warns about an image ID once the image is deleted in the tree', async () => {
    const image = ali.images.find((i) => !used.has(i.id) && i.owner === 'self' && i.raw?.['IsSelfShared'] !== 'True');
    assert.ok(image);
    used.add(image.id);
    const doc = await open('delete-me.yaml', `# the base image\nimage_id: ${image.id}\n`);
    // (A newer image of the same family or name line is said apart: launch.test.)
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.code !== 'image-newer-available'), [], 'no warning while the image exists');
    const node = await a.tree.resolveImage({ accountId: ali.account.id, regionId: ali.regionId, imageId: image.id });
    assert.ok(node);
    testInput.script('Force Delete');
    await noJobRunning();
    const mark = emulator.requestLog.length;
    await vscode.commands.executeCommand('cloudImageExplorer.delete', node);
    const [warning] = await diagnosticsUntil(doc.uri, (d) => d.length > 0);
    assert.equal(warning!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(warning!.range), image.id);
    assert.match(warning!.message, new RegExp(`No configured Alibaba Cloud ECS account can find the image ${image.id}`));
    assert.deepEqual(
      emulator.requestsSince(mark).map((r) => r.operation),
      ['DeleteImage'],
      'the warning comes from the tree, without asking the cloud again',
    );
    assert.match(await hover(doc, image.id), /Not found in any region of Sandbox · Alibaba Cloud ECS\./);
  });

  it('looks up a file of 200 IDs of three clouds with a few batched requests', async () => {
    // The account's own images without a family: the newest-image check compares each with one listing of
    // the region's usable own images (newest.ts), asked below by a first file, so that the count is the lookup's.
    const ownLine = (i: Image): boolean => i.owner === 'self' && !i.family;
    const take = (p: Picked, n: number): Image[] => {
      const out = p.images.filter((i) => !used.has(i.id) && ownLine(i)).slice(0, n);
      assert.equal(out.length, n, `${n} unused ${p.account.cloud} images`);
      out.forEach((i) => used.add(i.id));
      return out;
    };
    const ids = [
      ...take(ali, 120).map((image) => ({ cloud: 'alibaba' as const, image, key: 'alibaba' })),
      ...take(qc, 50).map((image) => ({ cloud: 'qingcloud' as const, image, key: 'qingcloud' })),
      ...take(hw, 30).map((image) => ({ cloud: 'huawei' as const, image, key: 'huawei_image_id' })),
    ];
    const lines = ids.map((i, n) => `${i.key}_${n}: ${i.image.id}`);
    assert.equal(lines.length, 200);
    await noJobRunning();
    const first = [ali, qc, hw].map((p) => p.images.find((i) => !used.has(i.id) && ownLine(i)));
    assert.ok(first.every((i) => i !== undefined), 'an own image of each region for the first file');
    first.forEach((i) => used.add(i!.id));
    await open('first.yaml', `${first.map((i, n) => `${['alibaba', 'qingcloud', 'huawei_image_id'][n]!}_first: ${i!.id}`).join('\n')}\n`);
    const mark = emulator.requestLog.length;
    const doc = await open('many.yaml', `${lines.join('\n')}\n`);
    const requests = emulator.requestsSince(mark);
    const count = (cloud: CloudKind, operation: string): number => requests.filter((r) => r.cloud === cloud && r.operation === operation).length;
    assert.equal(count('alibaba', 'DescribeImages'), 2, '120 Alibaba IDs: two DescribeImages of up to 100');
    assert.equal(count('qingcloud', 'DescribeImages'), 1, '50 QingCloud IDs: one DescribeImages');
    assert.equal(count('huawei', 'ListImages'), 1, '30 Huawei IDs: one listing of the region');
    assert.equal(requests.length, 4, requests.map((r) => `${r.cloud} ${r.operation}`).join(', '));
    // All 200 found: no warning; information exactly on the images that are deprecated or not available.
    // (A newer image of the same family or name line is said apart: launch.test.)
    const diagnostics = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.code !== 'image-newer-available');
    const marked = diagnostics.map((d) => `${doc.getText(d.range)} ${String(d.code)} ${d.severity}`).sort();
    const unusable = ids
      .filter((i) => stateOf(i.cloud, i.image) !== 'available')
      .map((i) => `${i.image.id} image-${stateOf(i.cloud, i.image) === 'deprecated' ? 'deprecated' : 'not-available'} ${vscode.DiagnosticSeverity.Information}`)
      .sort();
    assert.ok(unusable.length > 0, 'the sandbox has pending, saving and deprecated images among them');
    assert.deepEqual(marked, unusable);
  });

  it('asks nothing when no account is configured', async () => {
    await noJobRunning();
    const sandboxes = a.accounts.list().filter((x) => x.sandbox);
    try {
      for (const account of sandboxes) {
        await a.accounts.remove(account.id);
      }
      assert.deepEqual(a.accounts.list(), [], 'no account left');
      const mark = emulator.requestLog.length;
      const image = fresh(ali, false);
      const doc = await open('no-account.tf', `image_id = "${image.id}"\nsource_image = "${fresh(hw, false).id}"\n`);
      assert.match(await hover(doc, image.id), /no Alibaba Cloud ECS account is configured/);
      assert.deepEqual(vscode.languages.getDiagnostics(doc.uri), []);
      assert.equal(emulator.requestsSince(mark).length, 0);
    } finally {
      await a.accounts.showSandbox();
      // The accounts are back: open files are checked again; let that finish before the next suite counts requests.
      await Promise.all(vscode.workspace.textDocuments.map((d) => a.imageIds.settled(d)));
    }
  });
});
