import { ErrorNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';

export function retry(ctx: CommandContext, node?: unknown): void {
  if (node instanceof ErrorNode) {
    node.retry();
    if (node.parent) {
      ctx.tree.redraw(node.parent);
    }
  }
}
