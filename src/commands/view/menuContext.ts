// Context keys that keep menus, the palette and keybindings to what applies: Try the Sandbox only while a
// sandbox account is hidden, Clear Cloud Filter only while a cloud filter may narrow some region, the image
// keys (Delete, F2, Ctrl/Cmd+C) only while the view's selection is images. Enter is no key of ours: the tree runs
// the focused row's own command (an image's Open Details, an account's expand).
import * as vscode from 'vscode';
import { CLOUD_KINDS } from '../../providers/core/model';
import type { CommandContext } from '../shared/context';
import { selectedImages } from '../shared/targets';

export const SANDBOX_HIDDEN = 'cloudImageExplorer.sandboxHidden';
export const CLOUD_FILTERED = 'cloudImageExplorer.cloudFiltered';
export const IMAGES_SELECTED = 'cloudImageExplorer.imagesSelected';
/** Set once the Images view has shown: the walkthrough's first step completes on it even when the view was already open. */
export const VIEW_SHOWN = 'cloudImageExplorer.imagesViewShown';

export function syncMenuContext(ctx: CommandContext): vscode.Disposable {
  const sync = (): void => {
    const sandboxes = ctx.accounts.list().filter((a) => a.sandbox).length;
    void vscode.commands.executeCommand('setContext', SANDBOX_HIDDEN, sandboxes < CLOUD_KINDS.length);
    void vscode.commands.executeCommand('setContext', CLOUD_FILTERED, ctx.tree.state.cloudFiltered());
  };
  sync();
  const selected = (): void => {
    const selection = ctx.treeView.selection;
    void vscode.commands.executeCommand('setContext', IMAGES_SELECTED, selection.length > 0 && selectedImages(ctx).length === selection.length);
  };
  const shown = (): void => {
    if (ctx.treeView.visible) {
      void vscode.commands.executeCommand('setContext', VIEW_SHOWN, true);
    }
  };
  shown();
  return vscode.Disposable.from(
    ctx.treeView.onDidChangeVisibility(shown),
    ctx.treeView.onDidChangeSelection(selected),
    ctx.accounts.onDidChange(sync),
    ctx.tree.state.onDidChange(sync),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('cloudImageExplorer') && sync()),
  );
}
