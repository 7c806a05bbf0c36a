// The Images view's keys and the Command Palette told apart. The view's keybindings pass { fromView: true }
// and act on the view's selection; the same commands run from the palette pass nothing and always ask with
// the image picker, even while an image is selected in the visible view (a Delete from the palette never
// acts on a row the user is not looking at). Anything else passed as the argument is not the mark: it asks.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { ImageNode } from '../../../../src/tree/nodes';
import { EXTENSION_ID, api, cleanAfterEach, identity, ownImages, sandboxRegion } from '../helpers';
import { CANCEL, testInput } from '../../userInput/testUserInput';

interface Keybinding {
  readonly command: string;
  readonly key: string;
  readonly mac?: string;
  readonly when?: string;
  readonly args?: unknown;
}

function keybindings(): Keybinding[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  return (ext.packageJSON as { contributes: { keybindings: Keybinding[] } }).contributes.keybindings;
}

function contributedCommands(): Set<string> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return new Set((ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command));
}

const VIEW_FOCUSED = 'focusedView == cloudImageExplorer.images && !inputFocus';
const IMAGES_SELECTED = `${VIEW_FOCUSED} && cloudImageExplorer.imagesSelected`;
/** What the view's keybindings pass: the mark that they come from the view (args.ts fromViewArg). */
const FROM_VIEW = { fromView: true };
const ALIBABA = /^Sandbox .*Alibaba Cloud ECS/;
const SHENZHEN = /cn-shenzhen$/;
const PICKER_STEPS = ['Select an account', 'Select a region', 'Select an image (type to filter)'];

function byId(node: ImageNode): RegExp {
  return new RegExp(`${node.image.id}$`);
}

/** Selects an image in the Images view (which shows, with the focus), as a click on its row would. */
async function select(node: ImageNode): Promise<void> {
  await vscode.commands.executeCommand('cloudImageExplorer.imageIds.reveal', identity(node));
}

describe('The keybindings in the manifest', () => {
  it('binds Delete, F2, Ctrl/Cmd+C and F5 only while the Images view has focus (not its filter box), the image keys only on images', () => {
    const keys = keybindings();
    const want: Record<string, string> = {
      delete: 'cloudImageExplorer.delete',
      f2: 'cloudImageExplorer.rename',
      'ctrl+c': 'cloudImageExplorer.copyImageId',
      f5: 'cloudImageExplorer.refresh',
    };
    for (const [key, command] of Object.entries(want)) {
      const entry = keys.find((k) => k.key === key && k.command === command);
      assert.ok(entry, `${key} → ${command}`);
      assert.equal(entry.when, command === 'cloudImageExplorer.refresh' ? VIEW_FOCUSED : IMAGES_SELECTED, key);
    }
    assert.equal(keys.find((k) => k.key === 'ctrl+c')?.mac, 'cmd+c');
    assert.equal(keys.find((k) => k.key === 'delete')?.mac, 'cmd+backspace');
    // Enter is the tree's own: it runs the focused row's command, which on an image opens its details
    // (a binding of ours would act on the selection, not on the row the arrows moved to).
    assert.ok(!keys.some((k) => k.key === 'enter' && k.when?.includes('cloudImageExplorer.images')));
    const commands = contributedCommands();
    for (const k of keys.filter((k) => k.command.startsWith('cloudImageExplorer.'))) {
      assert.ok(commands.has(k.command), `${k.command} is a contributed command`);
      assert.match(k.when ?? '', /focusedView == cloudImageExplorer\.\w+/, `${k.key} is bound in one view only`);
    }
  });

  it('the image keys pass { "fromView": true }, the mark that they act on the view’s selection; F5 refreshes the view and passes nothing', () => {
    for (const k of keybindings().filter((k) => k.command.startsWith('cloudImageExplorer.'))) {
      if (k.command === 'cloudImageExplorer.refresh') {
        assert.equal(k.args, undefined, k.key);
      } else {
        assert.deepEqual(k.args, FROM_VIEW, `${k.key} → ${k.command}`);
      }
    }
  });
});

describe('Keybindings act on the view’s selection', () => {
  let a: ExtensionApi;
  before(async () => {
    a = await api();
  });
  after(() => vscode.commands.executeCommand('workbench.view.explorer'));
  cleanAfterEach(() => a, { scriptUsed: true, panels: true });

  it('Ctrl/Cmd+C copies the selected image’s ID, F2 renames it, Delete asks to delete it; none asks which image', async () => {
    const [image] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shenzhen'), 1, 'Available');
    await select(image!);
    await vscode.env.clipboard.writeText('');
    const shown = testInput.shown.length;
    await vscode.commands.executeCommand('cloudImageExplorer.copyImageId', FROM_VIEW);
    assert.equal(await vscode.env.clipboard.readText(), image!.image.id);
    testInput.script('renamed-by-f2');
    await vscode.commands.executeCommand('cloudImageExplorer.rename', FROM_VIEW);
    assert.equal(image!.image.name, 'renamed-by-f2');
    const asked = testInput.asked.length;
    testInput.script(undefined);
    await vscode.commands.executeCommand('cloudImageExplorer.delete', FROM_VIEW);
    assert.equal(testInput.asked.length, asked + 1);
    assert.equal(testInput.asked[asked]!.message, `Delete the image "renamed-by-f2" (${image!.image.id})?`);
    assert.deepEqual(testInput.shown.slice(shown).map((s) => s.kind), ['input'], 'only the new name was asked: no image picker');
  });

  it('Open Details and Open in Console given the mark act on the selected image too; Enter runs the row’s Open Details', async () => {
    const [image] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shenzhen'), 1, 'Available');
    await select(image!);
    const shown = testInput.shown.length;
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', FROM_VIEW);
    await a.panels.rendered(identity(image!), () => true);
    const errors = testInput.errors.length;
    await vscode.commands.executeCommand('cloudImageExplorer.openInConsole', FROM_VIEW);
    // A sandbox image has no console page: refused in words that name the selected image.
    assert.deepEqual(testInput.errors.slice(errors), [`"${image!.image.name}" is an image of the sandbox, which no web console knows.`]);
    assert.equal(testInput.shown.length, shown, 'no picker');
    assert.equal(image!.treeItem().command?.command, 'cloudImageExplorer.openDetails', 'Enter on the row opens the details');
  });
});

describe('From the palette (no argument) the image picker asks, whatever the view has selected', () => {
  let a: ExtensionApi;
  let selected: ImageNode;
  let other: ImageNode;
  before(async () => {
    a = await api();
  });
  beforeEach(async () => {
    [selected, other] = (await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shenzhen'), 2, 'Available')) as [ImageNode, ImageNode];
    await select(selected);
  });
  after(() => vscode.commands.executeCommand('workbench.view.explorer'));
  cleanAfterEach(() => a, { scriptUsed: true, panels: true });

  it('Delete Image asks Account → Region → Image and confirms the picked image, not the selected one', async () => {
    const shown = testInput.shown.length;
    const asked = testInput.asked.length;
    testInput.script(ALIBABA, SHENZHEN, byId(other), undefined);
    await vscode.commands.executeCommand('cloudImageExplorer.delete');
    assert.deepEqual(testInput.shown.slice(shown).map((s) => s.text), PICKER_STEPS);
    assert.deepEqual(testInput.asked.slice(asked).map((q) => q.message), [`Delete the image "${other.image.name}" (${other.image.id})?`]);
  });

  it('Rename and Copy Image ID act on the picked image; the selected one keeps its name', async () => {
    const name = selected.image.name;
    const prompt = `The new name of "${other.image.name}" (${other.image.id})`;
    let shown = testInput.shown.length;
    testInput.script(ALIBABA, SHENZHEN, byId(other), 'renamed-from-palette');
    await vscode.commands.executeCommand('cloudImageExplorer.rename');
    assert.deepEqual(testInput.shown.slice(shown).map((s) => s.text), [...PICKER_STEPS, prompt]);
    assert.equal(other.image.name, 'renamed-from-palette');
    assert.equal(selected.image.name, name);
    await vscode.env.clipboard.writeText('');
    shown = testInput.shown.length;
    testInput.script(ALIBABA, SHENZHEN, byId(other));
    await vscode.commands.executeCommand('cloudImageExplorer.copyImageId');
    assert.deepEqual(testInput.shown.slice(shown).map((s) => s.text), PICKER_STEPS);
    assert.equal(await vscode.env.clipboard.readText(), other.image.id);
  });

  it('Add Tag (a command of several images) asks too, for a tag of the picked image', async () => {
    const shown = testInput.shown.length;
    testInput.script(ALIBABA, SHENZHEN, byId(other), CANCEL);
    await vscode.commands.executeCommand('cloudImageExplorer.tag');
    const steps = testInput.shown.slice(shown);
    assert.deepEqual(steps.slice(0, 3).map((s) => s.text), PICKER_STEPS);
    assert.match(steps[3]!.title, new RegExp(`^Add Tag to "${other.image.name}"`), 'the tag picker is for the picked image');
  });

  it('an argument that is not the mark ({ fromView: "yes" }, {}) is no keybinding: the picker asks', async () => {
    const args: [string, unknown][] = [['{ fromView: "yes" }', { fromView: 'yes' }], ['{}', {}], ['[the selected node]', [selected]]];
    for (const [what, arg] of args) {
      const shown = testInput.shown.length;
      testInput.script(CANCEL);
      await vscode.commands.executeCommand('cloudImageExplorer.delete', arg);
      assert.deepEqual(testInput.shown.slice(shown).map((s) => s.text), ['Select an account'], what);
    }
    await vscode.env.clipboard.writeText('');
    testInput.script(CANCEL);
    await vscode.commands.executeCommand('cloudImageExplorer.copyImageId', { fromView: 1 });
    assert.equal(await vscode.env.clipboard.readText(), '', 'nothing copied');
  });
});
