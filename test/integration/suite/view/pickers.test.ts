// The palette's pickers as a user meets them: the image picker's notes never sit on an item (nor are
// they what Enter acts on), an empty region says so, Back walks Account ← Region ← Image; the tag
// picker keeps what was typed and says on how many of the selected images a key already is.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { rows } from '../../../../src/util/userInput/vscodeUserInput';
import type { AccountNode } from '../../../../src/tree/nodes';
import { api, children, identity, ownImages, sandboxRegion } from '../helpers';
import { BACK, CANCEL, testInput, typed } from '../../userInput/testUserInput';

const ALIBABA = /^Sandbox .*Alibaba Cloud ECS/;

describe('The palette’s image picker', () => {
  it('lists the images the command applies to and says below them how many it left out', async () => {
    const a = await api();
    await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const shown = testInput.shown.length;
    testInput.script(ALIBABA, /cn-hangzhou$/, CANCEL);
    await vscode.commands.executeCommand('cloudImageExplorer.tag');
    const images = testInput.shown.slice(shown).find((s) => s.text === 'Select an image (type to filter)');
    assert.ok(images?.items?.length, 'some images are offered');
    assert.equal(images.notes?.length, 1);
    assert.match(images.notes?.[0] ?? '', /^\d[\d,]* images? not listed: this command does not apply to/);
  });

  it('in VS Code’s picker, the first row (the one Enter acts on) is an item and the notes come after every item, on rows of their own', () => {
    const item = (label: string) => ({ label, description: `id-${label}`, data: label });
    const shown = rows({ items: [item('web'), item('db')], notes: ['3 images not listed: …'], more: { label: 'Load more…' } });
    const kinds = shown.map((r) => (r.item ? 'item' : r.more ? 'more' : r.kind === vscode.QuickPickItemKind.Separator ? 'separator' : 'note'));
    assert.deepEqual(kinds, ['item', 'item', 'more', 'separator', 'note']);
    assert.equal(shown[0]!.item?.data, 'web');
    assert.ok(shown.every((r) => r.kind !== vscode.QuickPickItemKind.Separator || r.label === ''), 'no separator carries text over the row after it');
    assert.match(shown[4]!.label, /3 images not listed/);
  });

  it('says so in the picker when the region has no images', async () => {
    const a = await api();
    const region = await sandboxRegion(a, 'alibaba', 'eu-central-1');
    const shown = testInput.shown.length;
    testInput.script(ALIBABA, /eu-central-1$/, CANCEL);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails');
    const images = testInput.shown.slice(shown).find((s) => s.text === 'Select an image (type to filter)');
    assert.deepEqual(images?.items, []);
    assert.deepEqual(images?.notes, [`There are no images in ${region.region.name}.`]);
  });

  it('Back goes from the images to the regions and from the regions to the accounts', async () => {
    const a = await api();
    const accounts = (await children(a)).filter((n) => n.kind === 'account') as AccountNode[];
    assert.ok(accounts.length > 1, 'the account step is shown');
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const [image] = await ownImages(a, region, 1, 'Available');
    const shown = testInput.shown.length;
    testInput.script(ALIBABA, BACK, ALIBABA, /cn-beijing$/, BACK, /cn-hangzhou$/, new RegExp(`${image!.image.id}$`));
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails');
    assert.deepEqual(
      testInput.shown.slice(shown).map((s) => s.text),
      ['Select an account', 'Select a region', 'Select an account', 'Select a region', 'Select an image (type to filter)', 'Select a region', 'Select an image (type to filter)'],
    );
    assert.match(testInput.shown[shown + 1]!.title, /\(2\/3\)$/);
    await a.panels.rendered(identity(image!), () => true);
  });
});

describe('The tag picker', () => {
  it('keeps a new key and a new value typed in the picker when Enter is pressed on them', async () => {
    const a = await api();
    const [image] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-beijing'), 1, 'Available');
    testInput.script(typed('ci-typed-key'), typed('typed-value'));
    await vscode.commands.executeCommand('cloudImageExplorer.tag', image, [image]);
    assert.ok(image!.image.tags.some((t) => t.key === 'ci-typed-key' && t.value === 'typed-value'), JSON.stringify(image!.image.tags));
  });

  it('with three images selected, says a key is on 2 of 3 images', async () => {
    const a = await api();
    const images = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shanghai'), 3, 'Available');
    await vscode.commands.executeCommand('cloudImageExplorer.tag', images[0], images.slice(0, 2), { key: 'ci-two-of-three', value: 'x' });
    const shown = testInput.shown.length;
    testInput.script(CANCEL);
    await vscode.commands.executeCommand('cloudImageExplorer.tag', images[0], images);
    const keys = testInput.shown[shown]!;
    const row = keys.items!.indexOf('ci-two-of-three');
    assert.ok(row >= 0, `offered: ${keys.items!.join(', ')}`);
    assert.equal(keys.descriptions![row], 'on 2 of 3 images');
  });
});
