// Share: show the image's current members first, then add members (IDs checked before any request).
import * as vscode from 'vscode';
import { memberNounPlural, splitIds, validateMemberIds } from '../util/memberIds';
import { stringsArg } from './args';
import type { CommandContext } from './context';
import { shareTarget } from './targets';
import { startedJob } from './jobs';

export async function share(ctx: CommandContext, node?: unknown, _selection?: unknown, presetArg?: unknown): Promise<void> {
  const presetIds = stringsArg(presetArg);
  const st = await shareTarget(ctx, node, vscode.l10n.t('Share Image'));
  if (!st) {
    return;
  }
  const { node: target, sharing, regionId, members } = st;
  const current = members.map((m) => m.id);
  let ids = presetIds;
  if (!ids) {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Share "{0}"', target.image.name),
      prompt: current.length
        ? vscode.l10n.t('Shared with: {0}. Add {1}, separated by commas or spaces:', current.join(', '), memberNounPlural(sharing.memberKind))
        : vscode.l10n.t('Not shared yet. Add {0}, separated by commas or spaces:', memberNounPlural(sharing.memberKind)),
      ignoreFocusOut: true,
      validateInput: (v) => validateMemberIds(v, sharing, current),
    });
    if (text === undefined) {
      return;
    }
    ids = splitIds(text);
  }
  const problem = validateMemberIds(ids.join(' '), sharing, current);
  if (problem) {
    throw new Error(problem);
  }
  const job = await sharing.addMembers(regionId, target.image.id, ids);
  ctx.log.info(`Shared ${target.image.id} with ${ids.join(', ')}${job ? ` (job ${job.jobId})` : ''}.`);
  if (job) {
    await startedJob(ctx, target, 'share', job.jobId, ids.join(', '));
  } else {
    ctx.tree.updateImage(target.account.id, regionId, target.image);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Shared "{0}" with {1}', target.image.name, ids.join(', ')), 4000);
  }
}
