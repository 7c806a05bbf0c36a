// Filter in Cloud…: a multi-step input (Back, step counter) that offers only what the account's cloud can
// filter by on the server (its provider's `filters`): owner, statuses, tags, name. Set on a region it
// applies there; on an account, to every region without a filter of its own. Clear Cloud Filter undoes it.
import * as vscode from 'vscode';
import { checkFilter, statusesOf, type FilterSupport, type TagListKind } from '../../providers/core/filters';
import type { AccountConfig, ImageFilter, ImageOwner, TagQuery } from '../../providers/core/model';
import { formatTagConditions, parseTagConditions, statusLabel, tagListLabel } from '../../tree/filterText';
import { AccountNode, RegionNode } from '../../tree/nodes';
import type { FilterScope } from '../../tree/viewState';
import { messageOf } from '../../util/inputMessages';
import type { PickItem } from '../../util/userInput';
import { ownerLabel } from '../../util/vocabulary';
import { runWizard, type WizardStep } from '../../util/wizard';
import { accountLabel } from '../../util/clouds';
import type { CommandContext } from '../shared/context';

interface FilterAnswers {
  readonly account: AccountConfig;
  readonly support: FilterSupport;
  owner?: ImageOwner;
  tagsText: string;
  tagList: TagListKind;
  statuses?: readonly string[];
  name: string;
}

function tagQueryOf(a: FilterAnswers): TagQuery | undefined {
  const list = parseTagConditions(a.tagsText);
  return list.length ? { [a.tagList]: list } : undefined;
}

/** Tags list only the account's own images here (Huawei): then no status, and the owner is implied. */
function tagsOnly(a: FilterAnswers): boolean {
  return a.support.tagsOwnOnly && parseTagConditions(a.tagsText).length > 0;
}

function filterOf(a: FilterAnswers): ImageFilter {
  const tagQuery = tagQueryOf(a);
  const only = tagsOnly(a);
  return {
    ...(a.owner && !only ? { owner: a.owner } : {}),
    ...(a.statuses?.length && !only ? { statuses: a.statuses } : {}),
    ...(a.name ? { name: a.name } : {}),
    ...(tagQuery ? { tagQuery } : {}),
  };
}

function tagPrompt(s: FilterSupport): string {
  const how =
    s.maxTagValues === 0
      ? vscode.l10n.t('Tag names separated by spaces.')
      : vscode.l10n.t('Tags separated by spaces: key=value, key alone for any value, key=a,b for either value.');
  const own = s.tagsOwnOnly ? ` ${vscode.l10n.t('Only your own images carry tags; the cloud counts the matches in each region before anything is listed.')}` : '';
  return `${how} ${vscode.l10n.t('Leave empty for no tag filter.')}${own}`;
}

function namePrompt(s: FilterSupport): string {
  switch (s.name) {
    case 'exact':
      return vscode.l10n.t('The whole image name (this cloud matches it exactly); leave empty for any name.');
    case 'nameOrId':
      return vscode.l10n.t('Part of the image name or ID; leave empty for any.');
    default:
      return vscode.l10n.t('Part of the image name; leave empty for any name.');
  }
}

const STEPS: readonly WizardStep<FilterAnswers>[] = [
  {
    applies: (a) => a.support.owners.length > 0,
    run: async (a, input, info) => {
      const items: PickItem<ImageOwner | undefined>[] = [
        { label: vscode.l10n.t('Any owner'), data: undefined },
        ...a.support.owners.map((o) => ({ label: ownerLabel(o), data: o, description: o === a.owner ? vscode.l10n.t('current') : undefined })),
      ];
      a.owner = (await input.pick(items, { ...info, placeHolder: vscode.l10n.t('Whose images to list') })).data;
    },
  },
  {
    applies: (a) => a.support.tagLists.length > 0 && (!a.support.tagsOwnOnly || a.owner === undefined || a.owner === 'self'),
    run: async (a, input, info) => {
      a.tagsText = await input.input({
        ...info,
        prompt: tagPrompt(a.support),
        value: a.tagsText,
        placeHolder: a.support.maxTagValues === 0 ? 'web backup' : 'env=prod team=a,b backup',
        validateInput: (text) => {
          const list = parseTagConditions(text);
          const kind = a.support.tagLists.includes(a.tagList) ? a.tagList : a.support.tagLists[0]!;
          return list.length ? messageOf(checkFilter(a.support, { tagQuery: { [kind]: list } }), a.account.cloud) : undefined;
        },
      });
    },
  },
  {
    applies: (a) => a.support.tagLists.length > 1 && parseTagConditions(a.tagsText).length > 0,
    run: async (a, input, info) => {
      const items = a.support.tagLists.map((kind) => ({ label: tagListLabel(kind), data: kind }));
      a.tagList = (await input.pick(items, { ...info, placeHolder: vscode.l10n.t('Which images match {0}', formatTagConditions(parseTagConditions(a.tagsText))) })).data;
    },
  },
  {
    applies: (a) => a.support.statuses.length > 0 && !tagsOnly(a),
    run: async (a, input, info) => {
      const cloud = a.account.cloud;
      const items = a.support.statuses.map((s) => ({ label: statusLabel(cloud, s), data: s, picked: a.statuses?.includes(s) ?? false }));
      if (a.support.manyStatuses) {
        const picked = await input.pickMany(items, { ...info, placeHolder: vscode.l10n.t('Statuses to list (none picked: every status)') });
        // None picked: every status, named explicitly (a listing's own default may be narrower).
        a.statuses = picked.length ? picked.map((p) => p.data) : a.support.statuses;
      } else {
        const all: PickItem<string | undefined> = { label: vscode.l10n.t('All statuses'), data: undefined };
        a.statuses = statusesOrNone((await input.pick([all, ...items], { ...info, placeHolder: vscode.l10n.t('Status to list') })).data);
      }
    },
  },
  {
    applies: (a) => a.support.name !== undefined,
    run: async (a, input, info) => {
      a.name = (await input.input({ ...info, prompt: namePrompt(a.support), value: a.name })).trim();
    },
  },
];

function statusesOrNone(status: string | undefined): readonly string[] | undefined {
  return status === undefined ? undefined : [status];
}

async function targetOf(ctx: CommandContext, node: unknown): Promise<{ account: AccountConfig; scope: FilterScope; where: string }> {
  if (node instanceof RegionNode) {
    return { account: node.account, scope: { accountId: node.account.id, regionId: node.region.id }, where: node.region.name };
  }
  if (node instanceof AccountNode) {
    return { account: node.account, scope: { accountId: node.account.id }, where: node.account.name };
  }
  const items = ctx.accounts.list().map((account) => ({ label: accountLabel(account), data: account }));
  const account = (await ctx.ui.pick(items, { title: vscode.l10n.t('Filter in Cloud'), placeHolder: vscode.l10n.t('The account whose regions to filter') })).data;
  return { account, scope: { accountId: account.id }, where: account.name };
}

/** Filter in Cloud…: asks step by step, then filters the region (or every region of the account) on the server. */
export async function setCloudFilter(ctx: CommandContext, node?: unknown): Promise<void> {
  const { account, scope, where } = await targetOf(ctx, node);
  const support = await ctx.tree.filterSupport(account);
  const current = ctx.tree.state.cloudFilter(scope);
  const list = current?.tagQuery ? support.tagLists.find((k) => current.tagQuery?.[k]?.length) : undefined;
  const answers: FilterAnswers = {
    account,
    support,
    owner: current?.owner,
    tagsText: list ? formatTagConditions(current?.tagQuery?.[list] ?? []) : '',
    tagList: list ?? support.tagLists[0] ?? 'tags',
    statuses: current ? statusesOf(current) : undefined,
    name: current?.name ?? '',
  };
  await runWizard(vscode.l10n.t('Filter {0} in the Cloud', where), STEPS, answers, ctx.ui);
  await ctx.tree.state.setCloudFilter(scope, filterOf(answers));
}

/** Clear Cloud Filter: the region (or account) lists everything again, the settings' default included. */
export async function clearCloudFilter(ctx: CommandContext, node?: unknown): Promise<void> {
  if (node instanceof RegionNode) {
    await ctx.tree.state.setCloudFilter({ accountId: node.account.id, regionId: node.region.id }, {});
    return;
  }
  const { account } = await targetOf(ctx, node);
  await ctx.tree.state.clearAccountFilters(account.id);
}
