// Open in Console: the cloud's web console page for an image, in the browser.
import * as vscode from 'vscode';
import { ImageNode } from '../../tree/nodes';
import { cloudLabel } from '../../util/clouds';
import type { CommandContext } from '../shared/context';
import { fromViewArg } from '../shared/args';
import { pickImage } from '../shared/pickers';
import { keyTargets } from '../shared/targets';

/** The clicked image; from a keybinding of the view (`{ fromView: true }`) the one selected in it; else (the palette) a pick. */
export async function openInConsole(ctx: CommandContext, node?: unknown): Promise<void> {
  const title = vscode.l10n.t('Open in Console');
  const target = node instanceof ImageNode ? node : ((fromViewArg(node) ? keyTargets(ctx, title, false)[0] : undefined) ?? (await pickImage(ctx, title)));
  if (!target) {
    return;
  }
  const url = target.consoleUrl;
  if (!url) {
    // Refused in words, before anything is opened.
    throw new Error(
      target.account.sandbox
        ? vscode.l10n.t('"{0}" is an image of the sandbox, which no web console knows.', target.image.name)
        : vscode.l10n.t('The {0} console has no page for "{1}".', cloudLabel(target.account.cloud), target.image.name),
    );
  }
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}
