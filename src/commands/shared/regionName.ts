// A region in a sentence is named as the tree names it ("China (Shanghai)", "华东2（上海）"); its ID stays
// only where the user types or copies it. A region the tree has not listed keeps its ID.
import type { CommandContext } from './context';

export function regionName(ctx: Pick<CommandContext, 'tree'>, accountId: string, regionId: string): string {
  return ctx.tree.findRegion(accountId, regionId)?.region.name || regionId;
}
