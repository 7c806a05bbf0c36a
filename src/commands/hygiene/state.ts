// The latest hygiene plan (what Clean Up… and Export Image List… act on) and its panel.
import * as vscode from 'vscode';
import type { HygienePlan } from '../../hygiene/plan';
import { DEFAULT_RULES, rulesFrom, type HygieneRules } from '../../hygiene/rules';
import { HygienePlanPanel } from '../../webviews/hygienePlan';
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
  panel.show(plan);
}

/** The plan as the panel shows it (tests read it). */
export function planPanelHtml(): string | undefined {
  return panel?.html;
}

/** The rules kept for this workspace (or the user's, without a workspace). */
export function savedRules(): HygieneRules {
  return rulesFrom(vscode.workspace.getConfiguration(SECTION).get('rules') ?? DEFAULT_RULES);
}

export async function saveRules(rules: HygieneRules): Promise<void> {
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update('rules', rules, target);
}

/** Forgets the plan once it was acted on (a cleanup), so it is not run twice. */
export function forgetPlan(): void {
  latest = undefined;
}
