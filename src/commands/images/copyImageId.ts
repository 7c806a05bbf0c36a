import * as vscode from 'vscode';
import { ImageNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';
import { pickImage } from '../shared/pickers';

export async function copyImageId(ctx: CommandContext, node?: unknown): Promise<void> {
  const target = node instanceof ImageNode ? node : await pickImage(ctx, vscode.l10n.t('Copy Image ID'));
  if (!target) {
    return;
  }
  await vscode.env.clipboard.writeText(target.image.id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', target.image.id), 3000);
}
