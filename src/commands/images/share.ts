// Share: show the image's current members first, then add members (IDs checked before any request).
// One change of an image's members at a time (inFlight.ts).
import * as vscode from 'vscode';
import { checkNewMembers } from '../../providers/rules/members';
import type { ImageNode } from '../../tree/nodes';
import { inputMessage, memberNounPlural, messageOf } from '../../util/inputMessages';
import type { CommandContext } from '../shared/context';
import { oneAtATime } from '../shared/inFlight';
import { startedJob } from '../shared/jobs';
import { sayIfReadBack } from '../shared/outcome';
import { assertQuotaRoom } from './quota';
import { imageTargets, provider, shareTarget } from '../shared/targets';
import { formatList } from '../../util/format';

/** The IDs typed into the box: separated by commas, semicolons (also full-width) or white space; each once. */
export function splitIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;，；]+/).filter(Boolean))];
}

export async function share(ctx: CommandContext, node?: unknown): Promise<void> {
  const [image] = await imageTargets(ctx, 'share', vscode.l10n.t('Share Image'), node, undefined, false);
  if (image) {
    await oneAtATime(ctx, [image], 'share', () => askAndShare(ctx, image));
  }
}

async function askAndShare(ctx: CommandContext, image: ImageNode): Promise<void> {
  const st = await shareTarget(ctx, image);
  if (!st) {
    return;
  }
  const { node: target, sharing, regionId, members } = st;
  const current = members.map((m) => m.id);
  const cloud = target.account.cloud;
  const noun = memberNounPlural(sharing.rules.format);
  const text = await ctx.ui.input({
    title: vscode.l10n.t('Share "{0}"', target.image.name),
    prompt: current.length
      ? vscode.l10n.t('Shared with: {0}. Add {1}, separated by commas or spaces:', formatList(current), noun)
      : vscode.l10n.t('Not shared yet. Add {0}, separated by commas or spaces:', noun),
    validateInput: (v) => messageOf(checkNewMembers(sharing.rules, splitIds(v), current), cloud),
  });
  const ids = splitIds(text);
  const problem = checkNewMembers(sharing.rules, ids, current);
  if (problem) {
    throw new Error(inputMessage(problem, cloud));
  }
  await assertQuotaRoom(await provider(ctx, target), regionId, target.parent.region.name, 'share', ids.length);
  const result = await sharing.addMembers(regionId, target.image.id, ids);
  ctx.log.info(`Shared ${target.image.id} with ${ids.join(', ')}${result.job ? ` (job ${result.job.jobId})` : ''}.`);
  if (result.job) {
    await startedJob(ctx, target, 'share', { ...result, job: result.job }, formatList(ids));
  } else {
    ctx.tree.updateImage(target.account.id, regionId, target.image);
    sayIfReadBack(ctx, result, `"${target.image.name}"`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Shared "{0}" with {1}', target.image.name, formatList(ids)), 4000);
  }
}
