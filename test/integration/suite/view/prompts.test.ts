// The tests' user input: a prompt a test did not script fails that test at once, with the prompt's title,
// and nothing is sent.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, children, identity, ownImages, sandboxRegion } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

describe('Prompts without a scripted answer', () => {
  afterEach(() => {
    // These tests cause the failures on purpose; the root hook would fail them otherwise.
    testInput.failures.length = 0;
  });

  it('a quick pick: the command rejects with the pick\u2019s title and changes nothing', async () => {
    const a = await api();
    const before = a.tree.state.sort;
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('cloudImageExplorer.sortBy')),
      (err: Error) => /No scripted answer for the quick pick "Sort Images By"/.test(err.message),
    );
    assert.equal(a.tree.state.sort, before);
    assert.equal(testInput.failures.length, 1);
    assert.ok(!testInput.errors.some((m) => m.includes('No scripted answer')), 'never shown to the user as a failure');
  });

  it('a modal confirmation: the command rejects with its message and nothing is deleted', async () => {
    const a = await api();
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const [image] = await ownImages(a, region, 1, 'Available');
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('cloudImageExplorer.delete', image)),
      (err: Error) => err.message.includes('No scripted answer for the confirmation') && err.message.includes(image!.image.name),
    );
    const still = (await children(a, region)).some((n) => n.kind === 'image' && n.id === image!.id);
    assert.ok(still, 'the image is still listed');
  });
});

describe('Prompts driven by scripts', () => {
  it('the palette’s image picker: Account → Region → Image opens the image’s details', async () => {
    const a = await api();
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const [image] = await ownImages(a, region, 1, 'Available');
    const shown = testInput.shown.length;
    testInput.script(/^Sandbox .*Alibaba Cloud ECS/, /cn-hangzhou$/, new RegExp(`${image!.image.id}$`));
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails');
    const [accounts, regions, images] = testInput.shown.slice(shown);
    assert.equal(accounts?.text, 'Select an account');
    assert.equal(regions?.text, 'Select a region');
    assert.equal(images?.text, 'Select an image (type to filter)');
    assert.ok(images?.items?.includes(image!.image.name));
    await a.panels.rendered(identity(image!), () => true);
  });

  it('the untag picker offers the image’s keys and removes the ones picked', async () => {
    const a = await api();
    const [image] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-beijing'), 1, 'Available');
    await vscode.commands.executeCommand('cloudImageExplorer.tag', image, [image], { key: 'ci-picker', value: 'x' });
    const shown = testInput.shown.length;
    testInput.script(['ci-picker']);
    await vscode.commands.executeCommand('cloudImageExplorer.untag', image, [image]);
    assert.ok(testInput.shown[shown]?.items?.includes('ci-picker'));
    assert.ok(!image!.image.tags.some((t) => t.key === 'ci-picker'), 'removed');
  });
});
