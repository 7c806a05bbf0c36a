import * as vscode from 'vscode';
import { ImageNode } from '../../tree/nodes';
import { fromViewArg } from '../shared/args';
import type { CommandContext } from '../shared/context';
import { pickImage } from '../shared/pickers';
import { keyTargets } from '../shared/targets';

/** The clicked image's ID; from the view's Ctrl/Cmd+C (`{ fromView: true }`) the selected images' IDs, one a line; else (the palette) a pick. */
export async function copyImageId(ctx: CommandContext, node?: unknown): Promise<void> {
  const title = vscode.l10n.t('Copy Image ID');
  const selected = fromViewArg(node) ? keyTargets(ctx, title, true) : [];
  const picked = node instanceof ImageNode ? node : selected.length ? undefined : await pickImage(ctx, title);
  const targets = picked ? [picked] : selected;
  if (!targets.length) {
    return;
  }
  await vscode.env.clipboard.writeText(targets.map((n) => n.image.id).join('\n'));
  const said = targets.length === 1 ? vscode.l10n.t('Copied {0}', targets[0]!.image.id) : vscode.l10n.t('Copied the IDs of {0} images', targets.length);
  vscode.window.setStatusBarMessage(said, 3000);
}
