// The walkthrough opens by itself once, on the first activation after install (a global-state flag); the
// extension's tests run in Test mode and are left alone.
import * as vscode from 'vscode';
import { openOnce } from '../../util/once';
import type { CommandContext } from '../shared/context';

export const WALKTHROUGH_SHOWN_KEY = 'cloudImageExplorer.walkthroughShown';

export const WALKTHROUGH = 'gettingStarted';

export function walkthroughOnFirstRun(ctx: CommandContext): void {
  const { extension } = ctx;
  if (extension.extensionMode === vscode.ExtensionMode.Test) {
    return;
  }
  openOnce(extension.globalState, WALKTHROUGH_SHOWN_KEY, () =>
    vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extension.extension.id}#${WALKTHROUGH}`, false),
  ).catch((err: unknown) => ctx.log.warn(`Could not open the walkthrough: ${String(err)}`));
}
