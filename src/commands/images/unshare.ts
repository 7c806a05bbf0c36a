// Unshare: pick members to remove from the image's current members. One change of an image's members
// at a time (inFlight.ts).
import * as vscode from 'vscode';
import { checkRemovedMembers } from '../../providers/rules/members';
import type { ImageNode } from '../../tree/nodes';
import { formatList, formatTime } from '../../util/format';
import { inputMessage } from '../../util/inputMessages';
import { memberStatus } from '../../util/vocabulary';
import type { CommandContext } from '../shared/context';
import { oneAtATime } from '../shared/inFlight';
import { startedJob } from '../shared/jobs';
import { sayIfReadBack } from '../shared/outcome';
import { imageTargets, shareTarget } from '../shared/targets';

export async function unshare(ctx: CommandContext, node?: unknown): Promise<void> {
  const [image] = await imageTargets(ctx, 'share', vscode.l10n.t('Unshare Image'), node, undefined, false);
  if (image) {
    await oneAtATime(ctx, [image], 'unshare', () => askAndUnshare(ctx, image));
  }
}

async function askAndUnshare(ctx: CommandContext, image: ImageNode): Promise<void> {
  const st = await shareTarget(ctx, image);
  if (!st) {
    return;
  }
  const { node: target, sharing, regionId, members } = st;
  if (!members.length) {
    void ctx.ui.notify('info', vscode.l10n.t('"{0}" is not shared with anyone.', target.image.name));
    return;
  }
  const picked = await ctx.ui.pickMany(
    members.map((m) => ({ label: m.id, description: [memberStatus(target.account.cloud, m), formatTime(m.sharedAt)].filter(Boolean).join(' · '), data: m.id })),
    { title: vscode.l10n.t('Unshare "{0}"', target.image.name), placeHolder: vscode.l10n.t('Members to remove') },
  );
  const ids = picked.map((p) => p.data);
  if (!ids.length) {
    return;
  }
  const problem = checkRemovedMembers(sharing.rules, ids, members.map((m) => m.id));
  if (problem) {
    throw new Error(inputMessage(problem, target.account.cloud));
  }
  const stop = vscode.l10n.t('Stop Sharing');
  // Escape or Cancel ends the command here (UserCancelledError).
  await ctx.ui.confirm(
    vscode.l10n.t('Stop sharing "{0}" with {1}?', target.image.name, formatList(ids)),
    vscode.l10n.t('They can no longer create instances from this image.'),
    stop,
  );
  const result = await sharing.removeMembers(regionId, target.image.id, ids);
  ctx.log.info(`Unshared ${target.image.id} from ${ids.join(', ')}${result.job ? ` (job ${result.job.jobId})` : ''}.`);
  if (result.job) {
    await startedJob(ctx, target, 'unshare', { ...result, job: result.job }, formatList(ids));
  } else {
    ctx.tree.updateImage(target.account.id, regionId, target.image);
    sayIfReadBack(ctx, result, `"${target.image.name}"`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Stopped sharing "{0}" with {1}', target.image.name, formatList(ids)), 4000);
  }
}
