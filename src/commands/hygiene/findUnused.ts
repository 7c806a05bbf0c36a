// Find Unused Images…: on the Images view's title (every account), an account or a region. Asks for the
// rules (the workspace's last choice preselected), scans, and shows the plan: a dry run, nothing deleted.
import * as vscode from 'vscode';
import type { HygienePlan } from '../../hygiene/plan';
import { DEFAULT_RULES, guardsNothing, parseAgeDays, MAX_AGE_DAYS, type HygieneRules } from '../../hygiene/rules';
import { scanImages, type HygieneTarget } from '../../hygiene/scan';
import { AccountNode, RegionNode } from '../../tree/nodes';
import { formatList, formatNumber } from '../../util/format';
import type { PickItem } from '../../util/userInput';
import type { CommandContext } from '../shared/context';
import { workspaceReferences } from './references';
import { saveRules, savedRules, showPlan } from './state';
import { daysText, planSummary } from '../../webviews/hygienePlan';

type RuleKey = 'unusedByInstances' | 'unusedByTemplates' | 'notReferenced' | 'olderThanDays' | 'notShared' | 'keepTagKey';

export function ruleItems(rules: HygieneRules): PickItem<RuleKey>[] {
  const on = (key: RuleKey): boolean => (key === 'olderThanDays' ? rules.olderThanDays > 0 : key === 'keepTagKey' ? rules.keepTagKey !== '' : rules[key]);
  const items: Array<[RuleKey, string]> = [
    ['unusedByInstances', vscode.l10n.t('Not used by any instance')],
    ['unusedByTemplates', vscode.l10n.t('Not named by any launch template')],
    ['notReferenced', vscode.l10n.t('Not named in the workspace\'s files')],
    ['olderThanDays', vscode.l10n.t('Older than {0}', daysText(rules.olderThanDays || DEFAULT_RULES.olderThanDays))],
    ['notShared', vscode.l10n.t('Not shared with other accounts')],
    ['keepTagKey', vscode.l10n.t('Not tagged {0}=*', rules.keepTagKey || DEFAULT_RULES.keepTagKey)],
  ];
  return items.map(([data, label]) => ({ label, data, picked: on(data) }));
}

/** The scan's progress: "3 of 7 regions", "1 of 1 region". */
export function regionsDone(done: number, total: number): string {
  return total === 1 ? vscode.l10n.t('{0} of 1 region', formatNumber(done)) : vscode.l10n.t('{0} of {1} regions', formatNumber(done), formatNumber(total));
}

async function askRules(ctx: CommandContext, title: string): Promise<HygieneRules> {
  const saved = savedRules(ctx);
  const picked = new Set((await ctx.ui.pickMany(ruleItems(saved), { title, step: 1, totalSteps: 2, placeHolder: vscode.l10n.t('The rules an image must meet to be proposed for deletion') })).map((p) => p.data));
  let olderThanDays = 0;
  if (picked.has('olderThanDays')) {
    const text = await ctx.ui.input({
      title,
      step: 2,
      totalSteps: 2,
      prompt: vscode.l10n.t('Older than how many days?'),
      value: String(saved.olderThanDays || DEFAULT_RULES.olderThanDays),
      validateInput: (v) => (parseAgeDays(v) === undefined ? vscode.l10n.t('Enter a whole number of days from 0 to {0}.', formatNumber(MAX_AGE_DAYS)) : undefined),
    });
    olderThanDays = parseAgeDays(text) ?? DEFAULT_RULES.olderThanDays;
  }
  const rules: HygieneRules = {
    unusedByInstances: picked.has('unusedByInstances'),
    unusedByTemplates: picked.has('unusedByTemplates'),
    notReferenced: picked.has('notReferenced'),
    olderThanDays,
    notShared: picked.has('notShared'),
    keepTagKey: picked.has('keepTagKey') ? saved.keepTagKey || DEFAULT_RULES.keepTagKey : '',
  };
  await saveRules(ctx, rules);
  return rules;
}

/** The accounts and regions to look at: the node's, or every account's shown regions. */
async function targetsOf(ctx: CommandContext, node: unknown): Promise<{ targets: HygieneTarget[]; skipped: string[] }> {
  const accounts =
    node instanceof RegionNode ? [node.parent] : node instanceof AccountNode ? [node] : (await ctx.tree.getChildren()).filter((n): n is AccountNode => n instanceof AccountNode);
  const targets: HygieneTarget[] = [];
  const skipped: string[] = [];
  for (const account of accounts) {
    // The regions first: listing them may start the sandbox, which renews every session's provider.
    const regions = node instanceof RegionNode ? [node] : (await ctx.tree.getChildren(account)).filter((n): n is RegionNode => n instanceof RegionNode);
    const provider = await ctx.sessions.provider(account.account);
    if (!provider.usage) {
      skipped.push(account.account.name);
      continue;
    }
    targets.push({ account: { id: account.account.id, name: account.account.name, cloud: account.account.cloud }, provider, regionIds: regions.map((r) => r.region.id) });
  }
  return { targets, skipped };
}

export async function findUnusedImages(ctx: CommandContext, node?: unknown): Promise<HygienePlan | undefined> {
  const title = vscode.l10n.t('Find Unused Images');
  const { targets, skipped } = await targetsOf(ctx, node);
  if (!targets.length) {
    throw new Error(vscode.l10n.t('None of these accounts is on a cloud that lists what uses its images.'));
  }
  const rules = await askRules(ctx, title);
  if (guardsNothing(rules)) {
    const go = vscode.l10n.t('Continue');
    const answer = await ctx.ui.confirm(vscode.l10n.t('With no rule chosen, every own image would be proposed for deletion. Continue?'), undefined, go);
    if (answer !== go) {
      return undefined;
    }
  }
  const plan = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for unused images…'), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await scanImages(targets, workspaceReferences, {
          rules,
          now: new Date(),
          signal: abort.signal,
          onRegion: (done, total) => progress.report({ message: regionsDone(done, total) }),
        });
      } finally {
        sub.dispose();
      }
    },
  );
  if (plan.selectsAll) {
    const show = vscode.l10n.t('Show the Plan');
    const answer = await ctx.ui.confirm(
      vscode.l10n.t('These rules propose every image looked at ({0}) for deletion. Show the plan anyway?', formatNumber(plan.remove.length)),
      vscode.l10n.t('Nothing is deleted until you choose Clean Up… and confirm.'),
      show,
    );
    if (answer !== show) {
      return undefined;
    }
  }
  showPlan(ctx, plan);
  const said = planSummary(plan);
  // Sentences follow each other with a space in English, without one in Chinese.
  void ctx.ui.notify('info', skipped.length ? vscode.l10n.t('{0} {1}', said, vscode.l10n.t('Not looked at (the cloud does not list what uses its images): {0}.', formatList(skipped))) : said);
  return plan;
}
