// The Images view's title commands: the instant filter (live as typed, Clear), Sort By… and Group By….
import * as vscode from 'vscode';
import { queryRefusal, type Grouping, type SortOrder } from '../../tree/viewState';
import { isUserCancelled, type PickItem } from '../../util/userInput';
import type { CommandContext } from '../shared/context';

/**
 * Filter Images…: an input box that narrows the loaded images as it is typed. Enter keeps the filter,
 * Escape puts back the one there was. A string argument sets the filter without asking.
 */
export async function filterImages(ctx: CommandContext, query?: unknown): Promise<void> {
  const { state } = ctx.tree;
  if (typeof query === 'string') {
    await state.setQuery(query);
    return;
  }
  const before = state.query;
  let value: string;
  try {
    value = await ctx.ui.input({
      title: vscode.l10n.t('Filter Images'),
      prompt: vscode.l10n.t('Words to find in the loaded images\u2019 name, ID, OS, status or tags (key=value for a tag); empty shows every image. Escape puts back the previous filter.'),
      placeHolder: vscode.l10n.t('For example: web env=prod'),
      value: before,
      // Too long a query, or too many words: the box says why and the view keeps the last filter it took.
      validateInput: queryRefusal,
      onDidChangeValue: (v) => {
        if (!queryRefusal(v)) {
          void state.setQuery(v);
        }
      },
    });
  } catch (err) {
    if (isUserCancelled(err)) {
      await state.setQuery(before);
    }
    throw err;
  }
  await state.setQuery(value);
}

export async function clearFilter(ctx: CommandContext): Promise<void> {
  await ctx.tree.state.setQuery('');
}

function sortLabel(order: SortOrder): string {
  switch (order) {
    case 'newest':
      return vscode.l10n.t('Newest first');
    case 'name':
      return vscode.l10n.t('Name');
    case 'size':
      return vscode.l10n.t('Size (largest first)');
  }
}

function groupLabel(group: Grouping): string {
  switch (group) {
    case 'none':
      return vscode.l10n.t('No grouping');
    case 'os':
      return vscode.l10n.t('By OS');
    case 'family':
      return vscode.l10n.t('By image family');
  }
}

/** Sort By…: the order of each region's loaded images (pages keep loading in the cloud's order). */
export async function sortBy(ctx: CommandContext): Promise<void> {
  const current = ctx.tree.state.sort;
  const detail = vscode.l10n.t('Sorts the images loaded so far; further pages still load in the cloud\u2019s order.');
  const items: PickItem<SortOrder>[] = (['newest', 'name', 'size'] as const).map((order) => ({
    label: sortLabel(order),
    description: order === current ? vscode.l10n.t('current') : undefined,
    detail,
    data: order,
  }));
  const picked = await ctx.ui.pick(items, { title: vscode.l10n.t('Sort Images By') });
  await ctx.tree.state.setSort(picked.data);
}

/** Group By…: images under intermediate nodes per OS or per image family (where the cloud has families). */
export async function groupBy(ctx: CommandContext): Promise<void> {
  const current = ctx.tree.state.group;
  const details: Record<Grouping, string | undefined> = {
    none: undefined,
    os: vscode.l10n.t('The OS family the cloud names (CentOS, Ubuntu, Windows…)'),
    family: vscode.l10n.t('Alibaba Cloud image families; images without one are grouped together'),
  };
  const items: PickItem<Grouping>[] = (['none', 'os', 'family'] as const).map((group) => ({
    label: groupLabel(group),
    description: group === current ? vscode.l10n.t('current') : undefined,
    detail: details[group],
    data: group,
  }));
  const picked = await ctx.ui.pick(items, { title: vscode.l10n.t('Group Images') });
  await ctx.tree.state.setGroup(picked.data);
}
