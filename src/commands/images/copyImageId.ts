import * as vscode from 'vscode';
import { ImageNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';
import { pickImage } from '../shared/pickers';
import { selectedImages } from '../shared/targets';

/** The clicked image's ID; without an argument (Ctrl/Cmd+C in the view) the selected images' IDs, one a line; else a palette pick. */
export async function copyImageId(ctx: CommandContext, node?: unknown): Promise<void> {
  const selected = node === undefined ? selectedImages(ctx) : [];
  const picked = node instanceof ImageNode ? node : selected.length ? undefined : await pickImage(ctx, vscode.l10n.t('Copy Image ID'));
  const targets = picked ? [picked] : selected;
  if (!targets.length) {
    return;
  }
  await vscode.env.clipboard.writeText(targets.map((n) => n.image.id).join('\n'));
  const said = targets.length === 1 ? vscode.l10n.t('Copied {0}', targets[0]!.image.id) : vscode.l10n.t('Copied the IDs of {0} images', targets.length);
  vscode.window.setStatusBarMessage(said, 3000);
}
