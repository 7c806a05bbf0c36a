// Share: show the image's current members first, then add members (IDs checked before any request).
import * as vscode from 'vscode';
import { checkNewMembers } from '../providers/input';
import { inputMessage, memberNounPlural, messageOf } from '../util/inputMessages';
import { stringsArg } from './args';
import type { CommandContext } from './context';
import { shareTarget } from './targets';
import { startedJob } from './jobs';

/** The IDs typed into the box: separated by commas, semicolons (also full-width) or white space; each once. */
export function splitIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;，；]+/).filter(Boolean))];
}

export async function share(ctx: CommandContext, node?: unknown, _selection?: unknown, presetArg?: unknown): Promise<void> {
  const presetIds = stringsArg(presetArg);
  const st = await shareTarget(ctx, node, vscode.l10n.t('Share Image'));
  if (!st) {
    return;
  }
  const { node: target, sharing, regionId, members } = st;
  const current = members.map((m) => m.id);
  const cloud = target.account.cloud;
  const noun = memberNounPlural(sharing.rules.format);
  let ids = presetIds;
  if (!ids) {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Share "{0}"', target.image.name),
      prompt: current.length
        ? vscode.l10n.t('Shared with: {0}. Add {1}, separated by commas or spaces:', current.join(', '), noun)
        : vscode.l10n.t('Not shared yet. Add {0}, separated by commas or spaces:', noun),
      ignoreFocusOut: true,
      validateInput: (v) => messageOf(checkNewMembers(sharing.rules, splitIds(v), current), cloud),
    });
    if (text === undefined) {
      return;
    }
    ids = splitIds(text);
  }
  const problem = checkNewMembers(sharing.rules, ids, current);
  if (problem) {
    throw new Error(inputMessage(problem, cloud));
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
