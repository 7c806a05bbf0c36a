import type { CommandContext } from '../shared/context';

export function refreshJobs(ctx: CommandContext): void {
  ctx.jobs.pollNow();
}

export async function clearFinishedJobs(ctx: CommandContext): Promise<void> {
  await ctx.jobs.clearFinished();
  await ctx.transfers.clearFinished();
}
