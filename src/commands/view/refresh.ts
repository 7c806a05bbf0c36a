import { AccountNode, RegionNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';

/** Refresh: the node it is invoked on, or the whole view. */
export function refresh(ctx: CommandContext, node?: unknown): void {
  ctx.tree.refresh(node instanceof AccountNode || node instanceof RegionNode ? node : undefined);
}
