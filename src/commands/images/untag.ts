// Untag: remove one or more tag keys from one or several images.
import * as vscode from 'vscode';
import { firstProblem } from '../../providers/rules/problems';
import { CLOUD_RULES } from '../../providers/rules/index';
import { inputMessage } from '../../util/inputMessages';
import { stringsArg } from '../shared/args';
import type { CommandContext } from '../shared/context';
import type { ImageNode } from '../../tree/nodes';
import { oneAtATime } from '../shared/inFlight';
import { sayIfReadBack } from '../shared/outcome';
import { applyToImages, imageLabel, imageTargets, provider } from '../shared/targets';
import { eachRegion, reportOutcome } from '../shared/bulk';

export async function untag(ctx: CommandContext, node?: unknown, selection?: unknown, presetArg?: unknown): Promise<void> {
  const presetKeys = stringsArg(presetArg);
  const nodes = await imageTargets(ctx, 'tag', vscode.l10n.t('Remove Tags'), node, selection, true);
  if (nodes.length) {
    await oneAtATime(ctx, nodes, 'untag', () => askAndUntag(ctx, nodes, presetKeys));
  }
}

async function askAndUntag(ctx: CommandContext, nodes: ImageNode[], presetKeys: string[] | undefined): Promise<void> {
  const keys = [...new Set(nodes.flatMap((n) => n.image.tags.map((t) => t.key)))].sort();
  if (!keys.length && !presetKeys) {
    void ctx.ui.notify('info', vscode.l10n.t('{0} has no tags.', imageLabel(nodes)));
    return;
  }
  let chosen = presetKeys;
  if (!chosen) {
    const picked = await ctx.ui.pickMany(
      keys.map((k) => {
        const values = [...new Set(nodes.flatMap((n) => n.image.tags.filter((t) => t.key === k).map((t) => t.value)))];
        return { label: k, description: values.filter(Boolean).join(', '), data: k };
      }),
      { title: vscode.l10n.t('Remove Tags from {0}', imageLabel(nodes)), placeHolder: vscode.l10n.t('Tags to remove') },
    );
    chosen = picked.map((p) => p.data);
  }
  if (!chosen?.length) {
    return;
  }
  const cloud = nodes[0]!.account.cloud;
  const rules = CLOUD_RULES[cloud].tags;
  const problem = rules && firstProblem(...chosen.map((k) => () => rules.checkUntagKey(k)));
  if (problem) {
    throw new Error(inputMessage(problem, cloud));
  }
  const p = await provider(ctx, nodes[0]!);
  const tags = p.tags;
  if (!tags) {
    return;
  }
  const removing = chosen;
  const removed = new Set(removing);
  const outcome = await vscode.window.withProgress({ location: { viewId: 'cloudImageExplorer.images' } }, () =>
    eachRegion(
      ctx,
      nodes,
      (regionId, group) => tags.removeTags(regionId, group.map((n) => n.image.id), removing),
      (_regionId, done, result) => {
        sayIfReadBack(ctx, result, imageLabel(done));
        ctx.log.info(`Removed tag(s) ${removing.join(', ')} from ${done.map((n) => n.image.id).join(', ')}.`);
        applyToImages(ctx, done, (image) => ({ ...image, tags: image.tags.filter((t) => !removed.has(t.key)) }));
      },
    ),
  );
  reportOutcome(ctx, 'untag', outcome, (failed) => vscode.commands.executeCommand('cloudImageExplorer.untag', failed[0], failed, removing));
  if (!outcome.failed.length) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Removed {0} tag(s) from {1}', removing.length, imageLabel(nodes)), 4000);
  }
}
