// Tag: add or overwrite a key=value tag on one or several images. Recently used tags come first.
import * as vscode from 'vscode';
import type { InputProblem, TagRules } from '../providers/input';
import type { CloudKind, Tag } from '../providers/model';
import { CLOUD_RULES } from '../providers/rules';
import type { ImageNode } from '../tree/nodes';
import { inputMessage } from '../util/inputMessages';
import { Recents } from '../util/recents';
import { tagArg } from './args';
import type { CommandContext } from './context';
import { oneAtATime } from './inFlight';
import { sayIfReadBack } from './outcome';
import { applyToImages, byRegion, imageLabel, imageTargets, provider } from './targets';

interface TagItem extends vscode.QuickPickItem {
  readonly tag?: Tag;
}

function format(tag: Tag): string {
  return tag.value ? `${tag.key}=${tag.value}` : tag.key;
}

/** Parses typed "key=value" (or "key" alone), trimming each side. */
export function parseTag(text: string): Tag {
  const eq = text.indexOf('=');
  return eq < 0 ? { key: text.trim(), value: '' } : { key: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

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

/** A quick pick that accepts typed "key=value" text, checked as you type, with recent tags below. */
function askTag(title: string, cloud: CloudKind, check: (tag: Tag) => InputProblem | undefined, recent: string[], existing: Tag[]): Promise<Tag | undefined> {
  const qp = vscode.window.createQuickPick<TagItem>();
  qp.title = title;
  qp.placeholder = cloud === 'qingcloud' ? vscode.l10n.t('Tag name') : vscode.l10n.t('key=value (type a new tag, or pick a recent one)');
  const suggestions: TagItem[] = [
    ...recent.map((r) => ({ label: r, description: vscode.l10n.t('recently used'), tag: parseTag(r) })),
    ...existing.filter((t) => !recent.includes(format(t))).map((t) => ({ label: format(t), description: vscode.l10n.t('on this image'), tag: t })),
  ];
  const update = (): void => {
    const typed = qp.value.trim();
    if (!typed) {
      qp.items = suggestions;
      return;
    }
    const tag = parseTag(typed);
    const problem = check(tag);
    const head: TagItem = problem
      ? { label: `$(error) ${inputMessage(problem, cloud)}`, alwaysShow: true }
      : { label: `$(tag) ${vscode.l10n.t('Add tag {0}', format(tag))}`, alwaysShow: true, tag };
    qp.items = [head, ...suggestions.filter((s) => s.label.toLowerCase().includes(typed.toLowerCase()))];
  };
  qp.onDidChangeValue(update);
  update();
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const chosen = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!chosen?.tag) {
        return; // an error line: keep the picker open
      }
      resolve(chosen.tag);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

export async function tag(ctx: CommandContext, node?: unknown, selection?: unknown, presetArg?: unknown): Promise<void> {
  const preset = tagArg(presetArg);
  const nodes = await imageTargets(ctx, 'tag', vscode.l10n.t('Add Tag'), node, selection, true);
  if (nodes.length) {
    await oneAtATime(ctx, nodes, 'tag', () => askAndTag(ctx, nodes, preset));
  }
}

async function askAndTag(ctx: CommandContext, nodes: ImageNode[], preset: Tag | undefined): Promise<void> {
  const cloud = nodes[0]!.account.cloud;
  const rules = CLOUD_RULES[cloud].tags;
  if (!rules) {
    return;
  }
  const check = (t: Tag): InputProblem | undefined => tagProblem(rules, t, nodes);
  const recents = new Recents(ctx.extension.globalState, `cloudImageExplorer.recentTags.${cloud}`);
  const chosen = preset ?? (await askTag(vscode.l10n.t('Add Tag to {0}', imageLabel(nodes)), cloud, check, recents.list(), nodes.flatMap((n) => n.image.tags)));
  if (!chosen) {
    return;
  }
  const problem = check(chosen);
  if (problem) {
    throw new Error(inputMessage(problem, cloud));
  }
  const p = await provider(ctx, nodes[0]!);
  if (!p.tags) {
    return;
  }
  await vscode.window.withProgress({ location: { viewId: 'cloudImageExplorer.images' } }, async () => {
    for (const [regionId, group] of byRegion(nodes)) {
      sayIfReadBack(ctx, await p.tags!.addTags(regionId, group.map((n) => n.image.id), [chosen]), imageLabel(group));
    }
  });
  await recents.add(format(chosen));
  ctx.log.info(`Tagged ${nodes.map((n) => n.image.id).join(', ')} with ${chosen.key}.`);
  applyToImages(ctx, nodes, (image) => ({ ...image, tags: [...image.tags.filter((t) => t.key !== chosen.key), chosen] }));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Tagged {0} with {1}', imageLabel(nodes), format(chosen)), 4000);
}
