// The latest hygiene plan (what Clean Up… and Export Image List… act on) and its panel.
import * as vscode from 'vscode';
import type { HygienePlan } from '../../hygiene/plan';
import { DEFAULT_RULES, rulesFrom, type HygieneRules } from '../../hygiene/rules';
import { HygienePlanPanel, type RegionNamer } from '../../webviews/hygienePlan';
import type { CommandContext } from '../shared/context';

const SECTION = 'cloudImageExplorer.hygiene';

let latest: HygienePlan | undefined;
let panel: HygienePlanPanel | undefined;

export function latestPlan(): HygienePlan | undefined {
  return latest;
}

export function showPlan(ctx: CommandContext, plan: HygienePlan): void {
  latest = plan;
  if (!panel) {
    panel = new HygienePlanPanel();
    ctx.extension.subscriptions.push(panel);
  }
  panel.show(plan, regionNamer(ctx));
}

/** Region names as the tree shows them (a region not in the tree keeps its ID). */
export function regionNamer(ctx: CommandContext): RegionNamer {
  return (accountId, regionId) => ctx.tree.findRegion(accountId, regionId)?.region.name ?? regionId;
}

/** The plan as the panel shows it (tests read it). */
export function planPanelHtml(): string | undefined {
  return panel?.html;
}

const RULES_KEY = 'cloudImageExplorer.hygiene.lastRules';

/**
 * The rules last chosen in this workspace; before any choice, the `cloudImageExplorer.hygiene.rules`
 * setting (the user's defaults), else the built-in ones. The choice is kept in the workspace's state, not
 * written to settings: a settings change renews every connection (accounts/session.ts).
 */
export function savedRules(ctx: CommandContext): HygieneRules {
  return rulesFrom(ctx.extension.workspaceState.get(RULES_KEY) ?? vscode.workspace.getConfiguration(SECTION).get('rules') ?? DEFAULT_RULES);
}

export async function saveRules(ctx: CommandContext, rules: HygieneRules): Promise<void> {
  await ctx.extension.workspaceState.update(RULES_KEY, rules);
}

/** Forgets the plan once it was acted on (a cleanup), so it is not run twice. */
export function forgetPlan(): void {
  latest = undefined;
}
