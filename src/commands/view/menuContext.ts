// Context keys that keep menus, the palette and keybindings to what applies: Try the Sandbox only while a
// sandbox account is hidden, Clear Cloud Filter only while a cloud filter may narrow some region, the image
// keys (Delete, F2, Ctrl/Cmd+C) only while the view's selection is images, the palette's commands only while some
// account can do them and Clear Finished Jobs only while a job has finished (paletteContext.ts). Enter is no key of
// ours: the tree runs the focused row's own command (an image's Open Details, an account's expand).
import * as vscode from 'vscode';
import { CLOUD_KINDS } from '../../providers/core/model';
import type { CommandContext } from '../shared/context';
import { selectedImages } from '../shared/targets';
import { FINISHED_JOBS, accountKeys, hasFinishedJobs } from './paletteContext';

export const SANDBOX_HIDDEN = 'cloudImageExplorer.sandboxHidden';
export const CLOUD_FILTERED = 'cloudImageExplorer.cloudFiltered';
export const IMAGES_SELECTED = 'cloudImageExplorer.imagesSelected';
/** Set once the Images view has shown: the walkthrough's first step completes on it even when the view was already open. */
export const VIEW_SHOWN = 'cloudImageExplorer.imagesViewShown';

/** The values this module last set, by key (the extension's API hands them to tests, which evaluate `when` clauses). */
export const MENU_CONTEXT = new Map<string, unknown>();

function setContext(key: string, value: unknown): void {
  MENU_CONTEXT.set(key, value);
  void vscode.commands.executeCommand('setContext', key, value);
}

export function syncMenuContext(ctx: CommandContext): vscode.Disposable {
  const sync = (): void => {
    const accounts = ctx.accounts.list();
    setContext(SANDBOX_HIDDEN, accounts.filter((a) => a.sandbox).length < CLOUD_KINDS.length);
    setContext(CLOUD_FILTERED, ctx.tree.state.cloudFiltered());
    for (const [key, value] of accountKeys(accounts)) {
      setContext(key, value);
    }
  };
  sync();
  const selected = (): void => {
    const selection = ctx.treeView.selection;
    setContext(IMAGES_SELECTED, selection.length > 0 && selectedImages(ctx).length === selection.length);
  };
  const shown = (): void => {
    if (ctx.treeView.visible) {
      setContext(VIEW_SHOWN, true);
    }
  };
  shown();
  const jobs = (): void => setContext(FINISHED_JOBS, hasFinishedJobs(ctx));
  jobs();
  return vscode.Disposable.from(
    ctx.jobs.onDidChange(jobs),
    ctx.transfers.onDidChange(jobs),
    ctx.treeView.onDidChangeVisibility(shown),
    ctx.treeView.onDidChangeSelection(selected),
    ctx.accounts.onDidChange(sync),
    ctx.tree.state.onDidChange(sync),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('cloudImageExplorer') && sync()),
  );
}
