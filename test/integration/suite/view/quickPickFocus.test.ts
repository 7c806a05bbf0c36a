// The pickers in VS Code's own quick pick, as a user meets them: with a note about images left out, the row
// the workbench focuses (the one Enter acts on) is the first image, and Enter picks that image — the note never
// covers it; a picker that takes a new value (the tag picker's new key) keeps what was typed when Enter is
// pressed on it. The workbench reports its focused row back to the extension host, which is read here.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { Row } from '../../../../src/util/userInput/vscodeUserInput';
import { VsCodeUserInput } from '../../../../src/util/userInput/vscodeUserInput';

type CreateQuickPick = typeof vscode.window.createQuickPick;

describe('The image picker in VS Code’s quick pick (real workbench)', () => {
  const window = vscode.window as { createQuickPick: CreateQuickPick };
  const original = window.createQuickPick;
  let created: vscode.QuickPick<Row<string>> | undefined;

  /** The rows the workbench focuses next, once it reports some that `ready` accepts. */
  const nextFocus = <R extends vscode.QuickPickItem>(q: vscode.QuickPick<R>, ready: (rows: readonly R[]) => boolean): Promise<readonly R[]> =>
    new Promise((resolve) => {
      const sub = q.onDidChangeActive((rows) => {
        if (ready(rows)) {
          sub.dispose();
          resolve(rows);
        }
      });
    });

  before(() => {
    // Sees the quick pick the real prompts create; it is VS Code's own, shown in the workbench.
    window.createQuickPick = (<T extends vscode.QuickPickItem>(): vscode.QuickPick<T> => {
      const q = original.call(vscode.window) as vscode.QuickPick<T>;
      created = q as unknown as vscode.QuickPick<Row<string>>;
      return q;
    }) as CreateQuickPick;
  });

  after(() => {
    window.createQuickPick = original;
  });

  it('focuses the first image, not the note about those left out, and Enter picks it', async () => {
    const input = new VsCodeUserInput();
    const notes = ['3 images not listed: this command does not apply to them'];
    const image = (name: string) => ({ label: name, description: `m-${name}`, data: name });
    const picked = input.pickLoaded<string>({ title: 'Tag: image', placeHolder: 'Select an image' }, () =>
      Promise.resolve({ items: [image('web-server'), image('db-server')], notes }),
    );
    const q = created;
    assert.ok(q, 'a quick pick was created');
    // The workbench says which row it focused once it has drawn the rows.
    const focused = await nextFocus(q, (rows) => rows.length > 0);
    assert.equal(focused[0]?.item?.data, 'web-server', 'the focused row is the first image');
    const note = q.items.find((r) => r.label.includes(notes[0]!));
    assert.ok(note && !note.item, 'the note is a row of its own, which picks nothing');
    assert.ok(q.items.indexOf(note) > q.items.findIndex((r) => r.item?.data === 'db-server'), 'below every image');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal((await picked).data, 'web-server', 'Enter picks the image the user reads on the focused row');
  });

  it('keeps the new value typed into a picker that takes one, when Enter is pressed on it', async () => {
    const input = new VsCodeUserInput();
    created = undefined;
    const picked = input.pick<string>(
      [
        { label: 'env', description: 'used on 2 images', data: 'env' },
        { label: '$(add) New key', takesTyped: true, data: '' },
      ],
      { title: 'Add Tag', placeHolder: 'Type a new key or pick one' },
    );
    const q = created as unknown as vscode.QuickPick<vscode.QuickPickItem & { takesTyped?: boolean }> | undefined;
    assert.ok(q, 'a quick pick was created');
    // Typed: the existing key no longer matches, the new-key row is focused and says what Enter will keep
    // (waited for; a picker that never shows it fails by the test's timeout).
    const onNew = nextFocus(q, (rows) => rows[0]?.takesTyped === true && rows[0].description === '"cost-center"');
    q.value = 'cost-center';
    await onNew;
    assert.ok(!q.activeItems.some((r) => r.label === 'env'));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal((await picked).typed, 'cost-center');
  });
});
