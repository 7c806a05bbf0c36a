// Untag: remove one or more tag keys from one or several images.
import * as vscode from 'vscode';
import { firstProblem } from '../../providers/rules/problems';
import { CLOUD_RULES } from '../../providers/rules/index';
import { inputMessage } from '../../util/inputMessages';
import type { CommandContext } from '../shared/context';
import type { ImageNode } from '../../tree/nodes';
import { oneAtATime } from '../shared/inFlight';
import { sayIfReadBack } from '../shared/outcome';
import { applyToImages, imageLabel, imageTargets, provider } from '../shared/targets';
import { stringsArg } from '../shared/args';
import { eachRegion, reportOutcome } from '../shared/bulk';
import { formatList } from '../../util/format';

/** `given`: the keys clicked in the details panel, checked like the picker's answer; otherwise the picker asks. */
export async function untag(ctx: CommandContext, node?: unknown, selection?: unknown, given?: unknown): Promise<void> {
  const clicked = given === undefined ? undefined : stringsArg(given);
  if (given !== undefined && !clicked?.length) {
    throw new Error(vscode.l10n.t('Name the tag keys to remove.'));
  }
  const nodes = await imageTargets(ctx, 'tag', vscode.l10n.t('Remove Tags'), node, selection, true);
  if (nodes.length) {
    await oneAtATime(ctx, nodes, 'untag', () => askAndUntag(ctx, nodes, clicked));
  }
}

async function askAndUntag(ctx: CommandContext, nodes: ImageNode[], clicked: string[] | undefined): Promise<void> {
  const keys = [...new Set(nodes.flatMap((n) => n.image.tags.map((t) => t.key)))].sort();
  // The picker offers only the keys the images have: a key from the panel must be one of them too.
  const unknown = clicked?.find((k) => !keys.includes(k));
  if (unknown !== undefined) {
    throw new Error(nodes.length === 1 ? vscode.l10n.t('{0} has no tag "{1}".', imageLabel(nodes), unknown) : vscode.l10n.t('{0} images have no tag "{1}".', nodes.length, unknown));
  }
  if (!keys.length) {
    void ctx.ui.notify('info', nodes.length === 1 ? vscode.l10n.t('{0} has no tags.', imageLabel(nodes)) : vscode.l10n.t('{0} images have no tags.', nodes.length));
    return;
  }
  const chosen = clicked ?? (await pickKeys(ctx, nodes, keys));
  if (!chosen.length) {
    return;
  }
  const cloud = nodes[0]!.account.cloud;
  const rules = CLOUD_RULES[cloud].tags;
  const problem = rules && firstProblem(...chosen.map((k) => () => rules.checkUntagKey(k)));
  if (problem) {
    throw new Error(inputMessage(problem, cloud));
  }
  await sendUntag(ctx, nodes, chosen);
}

async function pickKeys(ctx: CommandContext, nodes: ImageNode[], keys: readonly string[]): Promise<string[]> {
  const picked = await ctx.ui.pickMany(
    keys.map((k) => {
      const values = [...new Set(nodes.flatMap((n) => n.image.tags.filter((t) => t.key === k).map((t) => t.value)))];
      return { label: k, description: formatList(values.filter(Boolean)), data: k };
    }),
    { title: vscode.l10n.t('Remove Tags from {0}', imageLabel(nodes)), placeHolder: vscode.l10n.t('Tags to remove') },
  );
  return picked.map((p) => p.data);
}

/** Removes the keys, each region's images at once; "Retry Failed" removes the same keys from those that failed. */
async function sendUntag(ctx: CommandContext, nodes: ImageNode[], removing: readonly string[]): Promise<void> {
  const tags = (await provider(ctx, nodes[0]!)).tags;
  if (!tags) {
    return;
  }
  const removed = new Set(removing);
  const outcome = await vscode.window.withProgress({ location: { viewId: 'cloudImageExplorer.images' } }, () =>
    eachRegion(
      ctx,
      nodes,
      (regionId, group) => tags.removeTags(regionId, group.map((n) => n.image.id), [...removing]),
      (_regionId, done, result) => {
        sayIfReadBack(ctx, result, imageLabel(done));
        ctx.log.info(`Removed tag(s) ${removing.join(', ')} from ${done.map((n) => n.image.id).join(', ')}.`);
        applyToImages(ctx, done, (image) => ({ ...image, tags: image.tags.filter((t) => !removed.has(t.key)) }));
      },
    ),
  );
  reportOutcome(ctx, 'untag', outcome, (failed) => oneAtATime(ctx, failed, 'untag', () => sendUntag(ctx, failed, removing)));
  if (!outcome.failed.length) {
    vscode.window.setStatusBarMessage(removing.length === 1 ? vscode.l10n.t('Removed the tag {0} from {1}', removing[0]!, imageLabel(nodes)) : vscode.l10n.t('Removed {0} tags from {1}', removing.length, imageLabel(nodes)), 4000);
  }
}
