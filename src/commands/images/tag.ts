// Tag: add or overwrite a key=value tag on one or several images. The picker offers recent tags, then the
// keys and values the account already uses (tagPicker.ts); over several images each is reported on its own.
import * as vscode from 'vscode';
import type { InputProblem } from '../../providers/core/rules';
import type { TagRules } from '../../providers/core/rules';
import type { Tag } from '../../providers/core/model';
import { CLOUD_RULES } from '../../providers/rules/index';
import type { ImageNode } from '../../tree/nodes';
import { inputMessage } from '../../util/inputMessages';
import { Recents } from '../../util/recents';
import { tagArg } from '../shared/args';
import { eachRegion, reportOutcome } from '../shared/bulk';
import type { CommandContext } from '../shared/context';
import { oneAtATime } from '../shared/inFlight';
import { sayIfReadBack } from '../shared/outcome';
import { askTag, formatTag, UsedTagsCache } from './tagPicker';
import { applyToImages, imageLabel, imageTargets, provider } from '../shared/targets';

/** The cloud's rules for the tag, then its ceiling of tags per image on every target. */
function tagProblem(rules: TagRules, tag: Tag, nodes: readonly ImageNode[]): InputProblem | undefined {
  const problem = rules.checkTag(tag);
  const max = rules.limits.maxTagsPerImage;
  if (problem || max === undefined) {
    return problem;
  }
  const count = Math.max(0, ...nodes.map((n) => new Set([...n.image.tags.map((t) => t.key), tag.key]).size));
  return count > max ? { code: 'tooManyTags', count, max } : undefined;
}

/** `given`: the tag typed in the details panel, checked like the picker's answer; otherwise the picker asks. */
export async function tag(ctx: CommandContext, node?: unknown, selection?: unknown, given?: unknown): Promise<void> {
  const typed = given === undefined ? undefined : tagArg(given);
  if (given !== undefined && !typed) {
    throw new Error(vscode.l10n.t('A tag is a key and a value.'));
  }
  const nodes = await imageTargets(ctx, 'tag', vscode.l10n.t('Add Tag'), node, selection, true);
  if (nodes.length) {
    await oneAtATime(ctx, nodes, 'tag', () => askAndTag(ctx, nodes, typed));
  }
}

async function askAndTag(ctx: CommandContext, nodes: ImageNode[], typed: Tag | undefined): Promise<void> {
  const cloud = nodes[0]!.account.cloud;
  const rules = CLOUD_RULES[cloud].tags;
  const p = await provider(ctx, nodes[0]!);
  const tags = p.tags;
  if (!rules || !tags) {
    return;
  }
  const check = (t: Tag): InputProblem | undefined => tagProblem(rules, t, nodes);
  const recents = new Recents(ctx.extension.globalState, `cloudImageExplorer.recentTags.${cloud}`);
  const chosen = typed ?? (await askTag(ctx, {
    title: vscode.l10n.t('Add Tag to {0}', imageLabel(nodes)),
    cloud,
    namesOnly: rules.limits.namesOnly,
    used: await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the tags in use…') }, () =>
      new UsedTagsCache(ctx).forImages(tags, nodes),
    ),
    recent: recents.list(),
    onImages: nodes.map((n) => n.image.tags),
    check,
  }));
  // The picker checks as the user types; a tag from the panel is checked here, the same way.
  const problem = check(chosen);
  if (problem) {
    throw new Error(inputMessage(problem, cloud));
  }
  if (await sendTag(ctx, nodes, chosen)) {
    await recents.add(formatTag(chosen));
  }
}

/** Tags the images, each region's at once; "Retry Failed" sends the same tag to those that failed. Whether any was tagged. */
async function sendTag(ctx: CommandContext, nodes: ImageNode[], tagged: Tag): Promise<boolean> {
  const tags = (await provider(ctx, nodes[0]!)).tags;
  if (!tags) {
    return false;
  }
  const outcome = await vscode.window.withProgress({ location: { viewId: 'cloudImageExplorer.images' } }, () =>
    eachRegion(
      ctx,
      nodes,
      (regionId, group) => tags.addTags(regionId, group.map((n) => n.image.id), [tagged]),
      (_regionId, done, result) => {
        sayIfReadBack(ctx, result, imageLabel(done));
        ctx.log.info(`Tagged ${done.map((n) => n.image.id).join(', ')} with ${tagged.key}.`);
        applyToImages(ctx, done, (image) => ({ ...image, tags: [...image.tags.filter((t) => t.key !== tagged.key), tagged] }));
      },
    ),
  );
  reportOutcome(ctx, 'tag', outcome, (failed) => oneAtATime(ctx, failed, 'tag', async () => void (await sendTag(ctx, failed, tagged))));
  if (!outcome.failed.length) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Tagged {0} with {1}', imageLabel(nodes), formatTag(tagged)), 4000);
  }
  return outcome.done.length > 0;
}
