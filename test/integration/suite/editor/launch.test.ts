// Launch-ready checks of image IDs, in the real extension host against the sandbox: a Terraform file
// with an Alibaba image and an instance type it does not support is flagged; a Huawei image shared with
// the project but pending is "not accepted", and the quick fix Accept accepts it (the flag goes once the
// file is saved); an image in another region than the file's offers Copy to Region…; a check turned off
// by its setting says nothing; a file skipped on purpose is said in the status bar; a deprecated or older
// image offers Replace with newest, which writes the newest image of its name in the region in place.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { Image } from '../../../../src/providers/core/model';
import { namePrefix } from '../../../../src/providers/rules/newest';
import { api, until } from '../helpers';
import { LaunchFixture, SECTION, diagnosticsUntil, findings, withCode } from './launchFixture';

describe('Launch-ready checks of image IDs (real extension host)', () => {
  let a: ExtensionApi;
  let x86: Image[];
  const fx = new LaunchFixture(() => a);
  const sandboxAccount = fx.sandboxAccount.bind(fx);
  const open = (name: string, text: string): Promise<vscode.TextDocument> => fx.open(name, [text]);
  const actionsAt = fx.actionsAt.bind(fx);

  before(async () => {
    a = await api();
    await a.sandbox();
    fx.setUp();
    const provider = await a.provider(sandboxAccount('alibaba'));
    const page = await provider.listImages({ regionId: 'cn-hangzhou', pageSize: 100, filter: { owner: 'self', status: 'Available' } });
    x86 = page.items.filter((i) => i.id.startsWith('m-') && i.architecture === 'x86_64');
    assert.ok(x86.length >= 3, 'x86 images of the sandbox in cn-hangzhou');
  });

  after(async () => {
    await vscode.workspace.getConfiguration(SECTION).update('checks.instanceType', undefined, vscode.ConfigurationTarget.Global);
    await fx.tearDown();
  });

  it('flags an Alibaba image whose instance type beside it cannot launch it, and stays quiet when the check is off', async () => {
    const [image, good] = x86;
    const doc = await open(
      'arm.tf',
      [
        'provider "alicloud" {',
        '  region = "cn-hangzhou"',
        '}',
        'resource "alicloud_instance" "arm" {',
        `  image_id      = "${image!.id}"`,
        '  instance_type = "ecs.g8y.large"',
        '}',
        'resource "alicloud_instance" "x86" {',
        `  image_id      = "${good!.id}"`,
        '  instance_type = "ecs.g7.large"',
        '}',
        '',
      ].join('\n'),
    );
    const flagged = await diagnosticsUntil(doc.uri, withCode('image-instance-type'));
    assert.deepEqual(findings(doc, flagged, ['image-instance-type']), [['image-instance-type', vscode.DiagnosticSeverity.Warning, image!.id, 4]], 'only the image the type cannot launch');
    assert.match(flagged.find((d) => d.code === 'image-instance-type')!.message, new RegExp(`cannot be launched on the instance type "ecs\\.g8y\\.large"`));
    assert.match(await fx.hoverAt(doc, image!.id), /ecs\\?\.g8y\\?\.large/);

    await vscode.workspace.getConfiguration(SECTION).update('checks.instanceType', false, vscode.ConfigurationTarget.Global);
    // (A newer image of either image's line, which the availability check says, is not this check's.)
    const typeCodes = ['image-instance-type', 'unknown-instance-type'];
    await diagnosticsUntil(doc.uri, (ds) => !findings(doc, ds, typeCodes).length);
    await a.imageIds.settled(doc);
    assert.deepEqual(findings(doc, vscode.languages.getDiagnostics(doc.uri), typeCodes), [], 'the check turned off says nothing');
    await vscode.workspace.getConfiguration(SECTION).update('checks.instanceType', undefined, vscode.ConfigurationTarget.Global);
    await diagnosticsUntil(doc.uri, withCode('image-instance-type'));
  });

  it('offers Copy to Region… for an image the file launches in another region, and names a region the cloud lacks', async () => {
    const image = x86[2]!;
    const doc = await open(
      'beijing.tf',
      [
        'resource "alicloud_instance" "a" {',
        '  region   = "cn-beijing"',
        `  image_id = "${image.id}"`,
        '}',
        'resource "alicloud_instance" "b" {',
        '  region   = "cn-atlantis-9"',
        `  image_id = "${image.id}"`,
        '}',
        '',
      ].join('\n'),
    );
    const ds = await diagnosticsUntil(doc.uri, (d) => withCode('image-wrong-region')(d) && withCode('unknown-region')(d));
    const wrong = ds.find((d) => d.code === 'image-wrong-region')!;
    // Regions named as the tree names them, not by their IDs.
    assert.match(wrong.message, /is in China \(Hangzhou\), but this file launches it in China \(Beijing\): copy it there, or use an image of China \(Beijing\)\./);
    assert.equal(wrong.range.start.line, 2);
    assert.match(ds.find((d) => d.code === 'unknown-region')!.message, /"cn-atlantis-9", which is not a region of Alibaba Cloud ECS/);
    const fixes = (await actionsAt(doc, image.id)).filter((x) => x.kind?.value === vscode.CodeActionKind.QuickFix.value);
    const copy = fixes.find((x) => x.title === 'Copy to Region…');
    assert.ok(copy, `Copy to Region… among ${JSON.stringify(fixes.map((x) => x.title))}`);
    assert.deepEqual(copy.command?.arguments, [{ accountId: sandboxAccount('alibaba').id, regionId: 'cn-hangzhou', imageId: image.id, destinationRegionId: 'cn-beijing' }], 'the copy goes to the region the file launches in');
  });

  it('says a Huawei image shared but pending is not accepted, and its quick fix Accept accepts it', async () => {
    const account = sandboxAccount('huawei');
    const provider = await a.provider(account);
    const pending = (await provider.received!.listReceived('cn-north-4')).find((r) => r.membership === 'pending');
    assert.ok(pending, 'a pending shared image in cn-north-4');
    const id = pending.image.id;
    // A flavor that fits, so that nothing is left to say once the image is accepted.
    const flavor = pending.image.architecture === 'arm' ? 'kc1.large.2' : 's6.large.2';
    const doc = await open(
      'shared.tf',
      ['provider "huaweicloud" {', '  region = "cn-north-4"', '}', 'resource "huaweicloud_compute_instance" "s" {', `  image_id  = "${id}"`, `  flavor_id = "${flavor}"`, '}', ''].join('\n'),
    );
    const ds = await diagnosticsUntil(doc.uri, withCode('image-not-accepted'));
    assert.deepEqual(ds.map((d) => d.code), ['image-not-accepted'], 'said instead of "not found"');
    assert.match(ds[0]!.message, /is not accepted yet/);
    const accept = (await actionsAt(doc, id)).find((x) => x.title === 'Accept');
    assert.ok(accept?.command, 'the quick fix Accept');
    await vscode.commands.executeCommand(accept.command.command, ...(accept.command.arguments ?? []));
    await until('the image accepted', async () => (await provider.received!.listReceived('cn-north-4')).find((r) => r.image.id === id && r.membership === 'accepted'), 60_000);
    // Saving checks the file anew, asking the clouds again.
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# accepted\n'));
    await doc.save();
    // (A newer image of its line among the images shared with the project, if any, is said apart: below.)
    const launchable = (d: readonly vscode.Diagnostic[]): string[] => d.filter((x) => x.code !== 'image-newer-available').map((x) => String(x.code));
    await diagnosticsUntil(doc.uri, (d) => !launchable(d).length);
    await a.imageIds.settled(doc);
    assert.deepEqual(launchable(vscode.languages.getDiagnostics(doc.uri)), [], 'nothing to say once accepted');
  });

  it('offers Replace with newest for a deprecated or older image, whatever the Images view has loaded, and applying it writes the newest ID', async () => {
    // The sandbox's own images of one name (prefix) in the region, as the cloud lists them: the check asks
    // the cloud too, so its finding does not depend on what the Images view happens to have loaded.
    const provider = await a.provider(sandboxAccount('alibaba'));
    const own: Image[] = [];
    let cursor;
    do {
      const page = await provider.listImages({ regionId: 'cn-hangzhou', pageSize: provider.maxPageSize, cursor, filter: { owner: 'self' } });
      own.push(...page.items);
      cursor = page.next;
    } while (cursor);
    const lines = new Map<string, Image[]>();
    for (const image of own.filter((i) => i.id.startsWith('m-') && !i.family)) {
      lines.set(namePrefix(image.name), [...(lines.get(namePrefix(image.name)) ?? []), image]);
    }
    const byAge = (x: Image, y: Image): number => (y.createdAt ?? '').localeCompare(x.createdAt ?? '') || y.id.localeCompare(x.id);
    const candidates = [...lines.values()]
      .map((images) => {
        const newest = images.filter((i) => i.status === 'Available').sort(byAge)[0];
        const older = images.filter((i) => newest && i.id !== newest.id && (i.status === 'Deprecated' || (i.createdAt ?? '') < (newest.createdAt ?? '')));
        return { newest, older: older.find((i) => i.status === 'Deprecated') ?? older[0] };
      })
      .filter((c): c is { newest: Image; older: Image } => c.newest !== undefined && c.older !== undefined);
    const pick = candidates.find((c) => c.older.status === 'Deprecated') ?? candidates[0];
    assert.ok(pick, 'an image line with an older image in cn-hangzhou');
    const { newest, older } = pick;
    const doc = await open('old.tf', ['resource "alicloud_instance" "old" {', '  region   = "cn-hangzhou"', `  image_id = "${older.id}"`, '}', ''].join('\n'));
    const ds = await diagnosticsUntil(doc.uri, withCode('image-newer-available'));
    const newer = ds.find((d) => d.code === 'image-newer-available')!;
    assert.equal(doc.getText(newer.range), older.id);
    assert.ok(newer.message.includes(`"${newest.name}" (${newest.id})`), newer.message);
    const fix = (await actionsAt(doc, older.id)).find((x) => x.title === `Replace with newest: ${newest.name} (${newest.id})`);
    assert.ok(fix?.edit, 'the quick fix Replace with newest');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.lineAt(2).text, `  image_id = "${newest.id}"`, 'the newest ID written in place');
    await a.imageIds.settled(doc);
    assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.code === 'image-newer-available'), [], 'nothing newer than the newest');
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  it('says in the status bar that a binary document, or one of a language not searched, is skipped', async () => {
    const blob = await vscode.workspace.openTextDocument({ language: 'json', content: `{"image_id": "${x86[0]!.id}", "raw": "\u0000\u0001"}` });
    await vscode.window.showTextDocument(blob);
    await a.imageIds.settled(blob);
    // Ours only: VS Code's JSON service may flag the control characters too.
    assert.deepEqual(vscode.languages.getDiagnostics(blob.uri).filter((d) => d.source === 'Cloud Images'), []);
    assert.match(a.imageIds.skipNotice() ?? '', /Untitled-\d+ skipped \(binary\)[^]*looks binary/);
    const notes = await vscode.workspace.openTextDocument({ language: 'markdown', content: `image_id = "${x86[0]!.id}"` });
    await vscode.window.showTextDocument(notes);
    await a.imageIds.settled(notes);
    assert.match(a.imageIds.skipNotice() ?? '', /markdown files are not searched[^]*cloudImageExplorer\.imageIds\.languages/);
    // Untitled documents close without asking to save them.
    for (const doc of [notes, blob]) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
