import * as vscode from 'vscode';
import { RegionNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';
import { pickRegion } from '../shared/pickers';

export async function loadAll(ctx: CommandContext, node?: unknown): Promise<void> {
  const region = node instanceof RegionNode ? node : await pickRegion(ctx, vscode.l10n.t('Load All Images'));
  if (region) {
    await ctx.tree.loadAll(region);
  }
}
