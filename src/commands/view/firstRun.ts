// The walkthrough opens by itself once, on the first activation after install (a global-state flag); the
// extension's tests run in Test mode and are left alone.
//
// Its first step ("Try the sandbox") completes when the Images view shows. The workbench marks a step done
// on a context expression only when the expression turns true after the walkthrough is registered: one
// already true then (the view open before the walkthrough) is never counted. So the step's expression also
// waits for WALKTHROUGH_OPENED, set once the walkthrough is open: with the view already shown, it turns
// true at that moment. In a later session the walkthrough is registered at start-up, before the extension
// activates and sets the view's key: then the key alone turning true completes the step, so it is also an
// event of its own.
import * as vscode from 'vscode';
import { openOnce } from '../../util/once';
import type { CommandContext } from '../shared/context';

export const WALKTHROUGH_SHOWN_KEY = 'cloudImageExplorer.walkthroughShown';

export const WALKTHROUGH = 'gettingStarted';

/** Set once the walkthrough opened by itself is open (see above). */
export const WALKTHROUGH_OPENED = 'cloudImageExplorer.walkthroughOpened';

export function walkthroughOnFirstRun(ctx: CommandContext): void {
  const { extension } = ctx;
  if (extension.extensionMode === vscode.ExtensionMode.Test) {
    return;
  }
  openOnce(extension.globalState, WALKTHROUGH_SHOWN_KEY, async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extension.extension.id}#${WALKTHROUGH}`, false);
    await vscode.commands.executeCommand('setContext', WALKTHROUGH_OPENED, true);
  }).catch((err: unknown) => ctx.log.warn(`Could not open the walkthrough: ${String(err)}`));
}
