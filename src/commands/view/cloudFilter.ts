// Filter in Cloud…: a multi-step input (Back, step counter) that offers only what the account's cloud can
// filter by on the server (its provider's `filters`): owner, tags (or images without tags), statuses, the
// cloud's attributes (processor type, OS family, use by instances…), creation time, name. Set on a region
// it applies there; on an account, to every region without a filter of its own. Clear Cloud Filter undoes it.
import * as vscode from 'vscode';
import { checkFilter, parseFilterDate, statusesOf, type AttributeSupport, type FilterSupport, type TagListKind } from '../../providers/core/filters';
import type { AccountConfig, FilterAttribute, ImageFilter, ImageOwner, TagQuery } from '../../providers/core/model';
import { formatTagConditions, parseTagConditions, statusLabel, tagListLabel } from '../../tree/filterText';
import { AccountNode, RegionNode } from '../../tree/nodes';
import type { FilterScope } from '../../tree/viewState';
import { messageOf } from '../../util/inputMessages';
import type { PickItem } from '../../util/userInput';
import { ownerLabel } from '../../util/vocabulary';
import { filterAttributeLabel, filterValueLabel } from '../../util/filterWords';
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
  /** Only images without any tag (where the cloud can ask for that); then no tag conditions. */
  untagged: boolean;
  attributes: Partial<Record<FilterAttribute, string>>;
  /** The creation-time range as typed: "from..to", either side may be empty. */
  createdText: string;
  /** The attributes (and 'created') the user chose to narrow by; only these are asked for and kept. */
  chosen: ReadonlySet<FilterAttribute | 'created'>;
}

/** "from..to" -> the two bounds (a day alone is its first minute as a start, its last as an end). */
function createdRange(text: string): { from?: string; to?: string; bad?: string } {
  const trimmed = text.trim();
  if (!trimmed) {
    return {};
  }
  const [fromText = '', toText = ''] = trimmed.includes('..') ? trimmed.split('..', 2) : [trimmed, ''];
  const from = fromText.trim() ? parseFilterDate(fromText) : undefined;
  const to = toText.trim() ? parseFilterDate(toText, true) : undefined;
  const bad = fromText.trim() && !from ? fromText.trim() : toText.trim() && !to ? toText.trim() : undefined;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(bad ? { bad } : {}) };
}

function createdText(filter: ImageFilter | undefined): string {
  const from = filter?.createdFrom ?? '';
  const to = filter?.createdTo ?? '';
  return from || to ? `${from}..${to}` : '';
}

function attributesOf(a: FilterAnswers): ImageFilter['attributes'] {
  const entries = Object.entries(a.attributes).filter(([k, v]) => !!v && a.chosen.has(k as FilterAttribute));
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function tagQueryOf(a: FilterAnswers): TagQuery | undefined {
  const list = parseTagConditions(a.tagsText);
  return list.length ? { [a.tagList]: list } : undefined;
}

/** Tags (or "without tags") list only the account's own images here (Huawei): then no status, and the owner is implied. */
function tagsOnly(a: FilterAnswers): boolean {
  return a.support.tagsOwnOnly && (a.untagged || parseTagConditions(a.tagsText).length > 0);
}

function filterOf(a: FilterAnswers): ImageFilter {
  const tagQuery = a.untagged ? undefined : tagQueryOf(a);
  const only = tagsOnly(a);
  const attributes = attributesOf(a);
  const { from, to } = a.support.createdRange && a.chosen.has('created') && !only ? createdRange(a.createdText) : {};
  return {
    ...(a.owner && !only ? { owner: a.owner } : {}),
    ...(a.statuses?.length && !only ? { statuses: a.statuses } : {}),
    ...(a.name ? { name: a.name } : {}),
    ...(tagQuery ? { tagQuery } : {}),
    ...(a.untagged ? { untagged: true } : {}),
    ...(attributes ? { attributes } : {}),
    ...(from ? { createdFrom: from } : {}),
    ...(to ? { createdTo: to } : {}),
  };
}

/** Whether the tag steps apply: the cloud filters by tags, and (where only own images carry them) for own images. */
function tagsApply(a: FilterAnswers): boolean {
  return (a.support.tagLists.length > 0 || !!a.support.untagged) && (!a.support.tagsOwnOnly || a.owner === undefined || a.owner === 'self');
}

/** One attribute: a pick of the cloud's words (and "any"), or a typed value checked as the cloud checks it. */
function attributeStep(attribute: AttributeSupport): WizardStep<FilterAnswers> {
  const { key } = attribute;
  return {
    applies: (a) => !tagsOnly(a) && a.chosen.has(key),
    run: async (a, input, info) => {
      const label = filterAttributeLabel(key);
      if (attribute.values) {
        const items: PickItem<string | undefined>[] = [
          { label: vscode.l10n.t('Any {0}', label), data: undefined },
          ...attribute.values.map((v) => ({ label: filterValueLabel(key, v), description: filterValueLabel(key, v) === v ? undefined : v, data: v, picked: a.attributes[key] === v })),
        ];
        a.attributes[key] = (await input.pick(items, { ...info, placeHolder: vscode.l10n.t('Filter by {0}', label) })).data;
        return;
      }
      const value = await input.input({
        ...info,
        prompt: vscode.l10n.t('The {0} to list, as the cloud names it; leave empty for any.', label),
        value: a.attributes[key] ?? '',
        validateInput: (text) => messageOf(checkFilter(a.support, { attributes: { [key]: text.trim() } }), a.account.cloud),
      });
      a.attributes[key] = value.trim() || undefined;
    },
  };
}

/** What else the cloud narrows by, chosen at once; only the chosen ones are asked for next. */
const CONDITIONS_STEP: WizardStep<FilterAnswers> = {
  applies: (a) => !tagsOnly(a) && conditionsOf(a.support).length > 0,
  run: async (a, input, info) => {
    const items = conditionsOf(a.support).map((key) => ({ label: filterAttributeLabel(key), data: key, picked: a.chosen.has(key) }));
    const picked = await input.pickMany(items, { ...info, placeHolder: vscode.l10n.t('Narrow further by (none picked: nothing more)') });
    a.chosen = new Set(picked.map((p) => p.data));
  },
};

function conditionsOf(support: FilterSupport): Array<FilterAttribute | 'created'> {
  return [...(support.attributes ?? []).map((s) => s.key), ...(support.createdRange ? ['created' as const] : [])];
}

const CREATED_STEP: WizardStep<FilterAnswers> = {
  applies: (a) => !tagsOnly(a) && a.chosen.has('created'),
  run: async (a, input, info) => {
    a.createdText = await input.input({
      ...info,
      prompt: vscode.l10n.t('Created between two dates (UTC), written from..to, such as 2024-01-01..2024-06-30; either side may be left out. Leave empty for any time.'),
      placeHolder: '2024-01-01..2024-06-30 08:00',
      value: a.createdText,
      validateInput: (text) => {
        const { from, to, bad } = createdRange(text);
        if (bad !== undefined) {
          return messageOf({ code: 'filterDate', text: bad }, a.account.cloud);
        }
        return messageOf(checkFilter(a.support, { createdFrom: from, createdTo: to }), a.account.cloud);
      },
    });
  },
};

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

const BASE_STEPS: readonly WizardStep<FilterAnswers>[] = [
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
    applies: (a) => tagsApply(a) && !!a.support.untagged,
    run: async (a, input, info) => {
      const counted = a.support.countsTags ? vscode.l10n.t('The cloud counts the matches in each region before anything is listed.') : undefined;
      const items: PickItem<boolean>[] = [
        { label: vscode.l10n.t('By tags, or any tags'), data: false, picked: !a.untagged },
        { label: vscode.l10n.t('Only images without tags'), data: true, detail: counted, picked: a.untagged },
      ];
      a.untagged = (await input.pick(items, { ...info, placeHolder: vscode.l10n.t('Which images by their tags') })).data;
    },
  },
  {
    applies: (a) => tagsApply(a) && a.support.tagLists.length > 0 && !a.untagged,
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
    applies: (a) => a.support.tagLists.length > 1 && !a.untagged && parseTagConditions(a.tagsText).length > 0,
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
];

const NAME_STEP: WizardStep<FilterAnswers> = {
  applies: (a) => a.support.name !== undefined,
  run: async (a, input, info) => {
    a.name = (await input.input({ ...info, prompt: namePrompt(a.support), value: a.name })).trim();
  },
};

/** The steps for a cloud: owner, tags, statuses, which further conditions, each one chosen, name. */
function stepsFor(support: FilterSupport): readonly WizardStep<FilterAnswers>[] {
  return [...BASE_STEPS, CONDITIONS_STEP, ...(support.attributes ?? []).map(attributeStep), CREATED_STEP, NAME_STEP];
}

function statusesOrNone(status: string | undefined): readonly string[] | undefined {
  return status === undefined ? undefined : [status];
}

async function targetOf(ctx: CommandContext, node: unknown): Promise<{ account: AccountConfig; scope: FilterScope; where: string }> {
  if (node instanceof RegionNode) {
    return { account: node.account, scope: { accountId: node.account.id, regionId: node.region.id }, where: node.region.name };
  }
  if (node instanceof AccountNode) {
    return { account: node.account, scope: { accountId: node.account.id }, where: accountLabel(node.account) };
  }
  const items = ctx.accounts.list().map((account) => ({ label: accountLabel(account), data: account }));
  const account = (await ctx.ui.pick(items, { title: vscode.l10n.t('Filter in Cloud'), placeHolder: vscode.l10n.t('The account whose regions to filter') })).data;
  return { account, scope: { accountId: account.id }, where: accountLabel(account) };
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
    untagged: !!current?.untagged && !!support.untagged,
    attributes: { ...current?.attributes },
    createdText: createdText(current),
    chosen: new Set([
      ...(Object.entries(current?.attributes ?? {}).filter(([, v]) => !!v).map(([k]) => k) as FilterAttribute[]),
      ...(current?.createdFrom || current?.createdTo ? ['created' as const] : []),
    ]),
  };
  await runWizard(vscode.l10n.t('Filter {0} in the Cloud', where), stepsFor(support), answers, ctx.ui);
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
