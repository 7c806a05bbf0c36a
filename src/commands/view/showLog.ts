import type { CommandContext } from '../shared/context';

export function showLog(ctx: CommandContext): void {
  ctx.log.show();
}
