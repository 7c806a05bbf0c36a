// The hygiene plan in a panel: what the rules would delete (each with its reasons) and the size freed per
// account and region, what is kept and why, what is unknown and why, and the regions that could not be
// read. Static HTML (no script): the panel's title actions (Clean Up…, Export Image List…) act on it.
import * as vscode from 'vscode';
import type { HygienePlan, KeepReason, PlanEntry, RemoveReason, UnknownReason } from '../hygiene/plan';
import { accountLabel } from '../util/clouds';
import { userMessage } from '../util/errors';
import { errorKindOf } from '../providers';
import { ProviderError } from '../providers/core/errors';
import { formatGiB, formatList, formatNumber } from '../util/format';
import { nonce } from './html';

export const HYGIENE_VIEW_TYPE = 'cloudImageExplorer.hygienePlan';

/** A region's name for people, by account and region ID (the tree's), else the ID. */
export type RegionNamer = (accountId: string, regionId: string) => string;

const byId: RegionNamer = (_accountId, regionId) => regionId;

/** "1 image" / "12 images", in the display language. */
export function imagesText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 image') : vscode.l10n.t('{0} images', formatNumber(n));
}

function instancesText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 instance') : vscode.l10n.t('{0} instances', formatNumber(n));
}

function templatesText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 launch template') : vscode.l10n.t('{0} launch templates', formatNumber(n));
}

function scalingText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 scaling configuration') : vscode.l10n.t('{0} scaling configurations', formatNumber(n));
}

/** "1 day" / "30 days": an age, or the rule's. */
export function daysText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 day') : vscode.l10n.t('{0} days', formatNumber(n));
}

function accountsText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 account') : vscode.l10n.t('{0} accounts', formatNumber(n));
}

/** What uses an image now, in words ("2 instances and 1 scaling configuration"), for Clean Up's skips. */
export function usersText(use: { readonly instances: number; readonly templates: number; readonly scalingConfigs: number }): string {
  const parts = [use.instances ? instancesText(use.instances) : '', use.templates ? templatesText(use.templates) : '', use.scalingConfigs ? scalingText(use.scalingConfigs) : ''];
  return formatList(parts.filter((p) => p));
}

/** Why a listing failed, in words: a missing permission names the API the account may not call. */
function failureText(api: string, error: unknown): string {
  return error instanceof ProviderError && errorKindOf(error) === 'forbidden'
    ? vscode.l10n.t('this account is not allowed to call {0}: add that permission to its RAM or IAM policy', api)
    : vscode.l10n.t('{0} failed ({1})', api, userMessage(error));
}

/** Why an image was looked at as it was, in words (the panel, the export, the cleanup's modal). */
export function reasonText(reason: RemoveReason | KeepReason | UnknownReason): string {
  switch (reason.code) {
    case 'noInstances':
      return vscode.l10n.t('no instance uses it');
    case 'noTemplates':
      return vscode.l10n.t('no launch template names it');
    case 'noScalingConfigs':
      return vscode.l10n.t('no scaling configuration names it');
    case 'notReferenced':
      return vscode.l10n.t('no open or workspace file names it');
    case 'olderThan':
      return vscode.l10n.t('{0} old (rule: older than {1})', daysText(reason.ageDays), daysText(reason.minDays));
    case 'notShared':
      return vscode.l10n.t('shared with no one');
    case 'noKeepTag':
      return vscode.l10n.t('no tag "{0}"', reason.key);
    case 'instances':
      return vscode.l10n.t('used by {0}: {1}', instancesText(reason.count), formatList(reason.names));
    case 'templates':
      return vscode.l10n.t('named by {0}: {1}', templatesText(reason.count), formatList(reason.names));
    case 'scalingConfigs':
      return vscode.l10n.t('named by {0}: {1}', scalingText(reason.count), formatList(reason.names));
    case 'referenced':
      return vscode.l10n.t('named in {0}', formatList(reason.references.slice(0, 3).map((r) => `${r.file}:${r.line}`)));
    case 'young':
      return vscode.l10n.t('only {0} old (rule: older than {1})', daysText(reason.ageDays), daysText(reason.minDays));
    case 'noDate':
      return vscode.l10n.t('the cloud gives no creation date');
    case 'shared':
      return vscode.l10n.t('shared with {0}', accountsText(reason.count));
    case 'keepTag':
      return vscode.l10n.t('tagged {0}={1}', reason.key, reason.value);
    case 'cannotDelete':
      // The cloud's own status word, quoted.
      return vscode.l10n.t('cannot be deleted while its status is "{0}"', reason.status);
    case 'usageUnknown':
      return reason.api
        ? vscode.l10n.t('unknown — not proposed: {0}', failureText(reason.api, reason.error))
        : vscode.l10n.t('unknown — not proposed: this cloud does not list what uses its images');
    case 'sharedUnknown':
      return vscode.l10n.t('unknown — not proposed: who it is shared with could not be read ({0})', userMessage(reason.error));
  }
}

export function reasonsOf(entry: PlanEntry): string {
  return entry.decision.reasons.map(reasonText).join(vscode.l10n.t('; '));
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function rows(entries: readonly PlanEntry[], limit: number, regionName: RegionNamer): string {
  const shown = entries.slice(0, limit).map(
    (e) =>
      `<tr><td>${esc(accountLabel(e.account))}</td><td>${esc(regionName(e.account.id, e.image.regionId))}</td><td>${esc(e.image.name)}<br><code>${esc(e.image.id)}</code></td>` +
      `<td>${e.image.sizeGiB === undefined ? '' : esc(formatGiB(e.image.sizeGiB))}</td><td>${esc(reasonsOf(e))}</td></tr>`,
  );
  const more = entries.length > limit ? `<tr><td colspan="5">${esc(vscode.l10n.t('… and {0} more (all of them are in the export)', formatNumber(entries.length - limit)))}</td></tr>` : '';
  return shown.join('') + more;
}

function table(title: string, entries: readonly PlanEntry[], limit: number, regionName: RegionNamer): string {
  const head = [vscode.l10n.t('Account'), vscode.l10n.t('Region'), vscode.l10n.t('Image'), vscode.l10n.t('Size'), vscode.l10n.t('Why')].map((h) => `<th>${esc(h)}</th>`).join('');
  return `<h2>${esc(title)}</h2>${entries.length ? `<table><thead><tr>${head}</tr></thead><tbody>${rows(entries, limit, regionName)}</tbody></table>` : `<p>${esc(vscode.l10n.t('None.'))}</p>`}`;
}

/** The sentence that sums a plan up (the panel, the notification). */
export function planSummary(plan: HygienePlan): string {
  return vscode.l10n.t(
    'Dry run: nothing was deleted. {0} would be deleted ({1}); {2} kept; {3} unknown, not proposed.',
    imagesText(plan.remove.length),
    formatGiB(plan.sizeGiB),
    formatNumber(plan.keep.length),
    formatNumber(plan.unknown.length),
  );
}

/** One line of the size freed: "Alibaba · prod, China (Shanghai): 3 images, 120 GiB". */
export function totalText(t: HygienePlan['totals'][number], regionName: RegionNamer = byId): string {
  return vscode.l10n.t('{0}, {1}: {2}, {3}', accountLabel(t.account), regionName(t.account.id, t.regionId), imagesText(t.count), formatGiB(t.sizeGiB));
}

/** The plan as a page; at most `limit` rows per list (the export has every image). */
export function planHtml(plan: HygienePlan, cspSource: string, limit = 500, regionName: RegionNamer = byId): string {
  const n = nonce();
  const summary = planSummary(plan);
  const totals = plan.totals.map((t) => `<li>${esc(totalText(t, regionName))}</li>`).join('');
  const failed = plan.failedRegions
    .map((f) => `<li>${esc(vscode.l10n.t('{0}, {1}: its images are not proposed, because {2}', accountLabel(f.account), regionName(f.account.id, f.regionId), failureText(f.api, f.error)))}</li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${esc(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}' ${cspSource};">
<style nonce="${n}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 2px 8px; border-bottom: 1px solid var(--vscode-panel-border); }
code { font-family: var(--vscode-editor-font-family); }
.warn { color: var(--vscode-errorForeground); }
</style>
<title>${esc(vscode.l10n.t('Unused Images'))}</title>
</head>
<body>
<h1>${esc(vscode.l10n.t('Unused Images'))}</h1>
<p>${esc(summary)}</p>
${failed ? `<h2 class="warn">${esc(vscode.l10n.t('Regions that could not be read'))}</h2><ul>${failed}</ul>` : ''}
${totals ? `<h2>${esc(vscode.l10n.t('Size freed per account and region'))}</h2><ul>${totals}</ul>` : ''}
${table(vscode.l10n.t('Would be deleted'), plan.remove, limit, regionName)}
${table(vscode.l10n.t('Unknown — not proposed'), plan.unknown, limit, regionName)}
${table(vscode.l10n.t('Kept'), plan.keep, limit, regionName)}
</body>
</html>`;
}

/** One panel for the latest plan: a new plan replaces what it shows. */
export class HygienePlanPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  show(plan: HygienePlan, regionName: RegionNamer = byId): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(HYGIENE_VIEW_TYPE, vscode.l10n.t('Unused Images'), vscode.ViewColumn.Active, { enableScripts: false });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.webview.html = planHtml(plan, this.panel.webview.cspSource, 500, regionName);
    this.panel.reveal();
  }

  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
