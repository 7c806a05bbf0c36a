import type { CommandContext } from '../shared/context';

export async function trySandbox(ctx: CommandContext): Promise<void> {
  await ctx.accounts.showSandbox();
}
