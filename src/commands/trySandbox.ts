import type { CommandContext } from './context';

export async function trySandbox(ctx: CommandContext): Promise<void> {
  await ctx.accounts.showSandbox();
}
