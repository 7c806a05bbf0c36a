// Unshare: pick members to remove from the image's current members.
import * as vscode from 'vscode';
import { checkRemovedMembers } from '../providers/input';
import { inputMessage } from '../util/inputMessages';
import { stringsArg } from './args';
import type { CommandContext } from './context';
import { startedJob } from './jobs';
import { shareTarget } from './targets';

export async function unshare(ctx: CommandContext, node?: unknown, _selection?: unknown, presetArg?: unknown): Promise<void> {
  const presetIds = stringsArg(presetArg);
  const st = await shareTarget(ctx, node, vscode.l10n.t('Unshare Image'));
  if (!st) {
    return;
  }
  const { node: target, sharing, regionId, members } = st;
  if (!members.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is not shared with anyone.', target.image.name));
    return;
  }
  let ids = presetIds;
  if (!ids) {
    const picked = await vscode.window.showQuickPick(
      members.map((m) => ({ label: m.id, description: [m.status, m.sharedAt].filter(Boolean).join(' · ') })),
      { title: vscode.l10n.t('Unshare "{0}"', target.image.name), canPickMany: true, placeHolder: vscode.l10n.t('Members to remove') },
    );
    ids = picked?.map((p) => p.label);
  }
  if (!ids?.length) {
    return;
  }
  const problem = checkRemovedMembers(sharing.rules, ids, members.map((m) => m.id));
  if (problem) {
    throw new Error(inputMessage(problem, target.account.cloud));
  }
  const stop = vscode.l10n.t('Stop Sharing');
  const confirmed = await ctx.prompter.confirm(
    vscode.l10n.t('Stop sharing "{0}" with {1}?', target.image.name, ids.join(', ')),
    vscode.l10n.t('They can no longer create instances from this image.'),
    stop,
  );
  if (confirmed !== stop) {
    return;
  }
  const job = await sharing.removeMembers(regionId, target.image.id, ids);
  ctx.log.info(`Unshared ${target.image.id} from ${ids.join(', ')}${job ? ` (job ${job.jobId})` : ''}.`);
  if (job) {
    await startedJob(ctx, target, 'unshare', job.jobId, ids.join(', '));
  } else {
    ctx.tree.updateImage(target.account.id, regionId, target.image);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Stopped sharing "{0}" with {1}', target.image.name, ids.join(', ')), 4000);
  }
}
