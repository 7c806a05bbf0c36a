import { LoadMoreNode, RegionNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';

export async function loadMore(ctx: CommandContext, node?: unknown): Promise<void> {
  const region = node instanceof LoadMoreNode ? node.parent : node instanceof RegionNode ? node : undefined;
  if (region) {
    await ctx.tree.loadMore(region);
  }
}
