// The hygiene plan in a panel: what the rules would delete (each with its reasons) and the size freed per
// account and region, what is kept and why, what is unknown and why, and the regions that could not be
// read. Static HTML (no script): the panel's title actions (Clean Up…, Export Image List…) act on it.
import * as vscode from 'vscode';
import type { HygienePlan, KeepReason, PlanEntry, RemoveReason, UnknownReason } from '../hygiene/plan';
import { accountLabel } from '../util/clouds';
import { userMessage } from '../util/errors';
import { formatGiB, formatList, formatNumber } from '../util/format';
import { nonce } from './html';

export const HYGIENE_VIEW_TYPE = 'cloudImageExplorer.hygienePlan';

/** Why an image was looked at as it was, in words (the panel, the export, the cleanup's modal). */
export function reasonText(reason: RemoveReason | KeepReason | UnknownReason): string {
  switch (reason.code) {
    case 'noInstances':
      return vscode.l10n.t('no instance uses it');
    case 'noTemplates':
      return vscode.l10n.t('no launch template names it');
    case 'notReferenced':
      return vscode.l10n.t('no open or workspace file names it');
    case 'olderThan':
      return vscode.l10n.t('{0} days old (rule: older than {1} days)', formatNumber(reason.ageDays), formatNumber(reason.minDays));
    case 'notShared':
      return vscode.l10n.t('shared with no one');
    case 'noKeepTag':
      return vscode.l10n.t('no tag "{0}"', reason.key);
    case 'instances':
      return vscode.l10n.t('used by {0} instance(s): {1}', formatNumber(reason.count), formatList(reason.names));
    case 'templates':
      return vscode.l10n.t('named by {0} launch template(s): {1}', formatNumber(reason.count), formatList(reason.names));
    case 'referenced':
      return vscode.l10n.t('named in {0}', formatList(reason.references.slice(0, 3).map((r) => `${r.file}:${r.line}`)));
    case 'young':
      return vscode.l10n.t('only {0} days old (rule: older than {1} days)', formatNumber(reason.ageDays), formatNumber(reason.minDays));
    case 'noDate':
      return vscode.l10n.t('the cloud gives no creation date');
    case 'shared':
      return vscode.l10n.t('shared with {0} account(s)', formatNumber(reason.count));
    case 'keepTag':
      return vscode.l10n.t('tagged {0}={1}', reason.key, reason.value);
    case 'cannotDelete':
      return vscode.l10n.t('cannot be deleted while it is {0}', reason.status);
    case 'usageUnknown':
      return reason.api
        ? vscode.l10n.t('unknown — not proposed: {0} failed ({1})', reason.api, userMessage(reason.error))
        : vscode.l10n.t('unknown — not proposed: this cloud does not list what uses its images');
    case 'sharedUnknown':
      return vscode.l10n.t('unknown — not proposed: who it is shared with could not be read ({0})', userMessage(reason.error));
  }
}

export function reasonsOf(entry: PlanEntry): string {
  return entry.decision.reasons.map(reasonText).join(vscode.l10n.t('; '));
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function rows(entries: readonly PlanEntry[], limit: number): string {
  const shown = entries.slice(0, limit).map(
    (e) =>
      `<tr><td>${esc(accountLabel(e.account))}</td><td>${esc(e.image.regionId)}</td><td>${esc(e.image.name)}<br><code>${esc(e.image.id)}</code></td>` +
      `<td>${e.image.sizeGiB === undefined ? '' : esc(formatGiB(e.image.sizeGiB))}</td><td>${esc(reasonsOf(e))}</td></tr>`,
  );
  const more = entries.length > limit ? `<tr><td colspan="5">${esc(vscode.l10n.t('… and {0} more (all of them are in the export)', formatNumber(entries.length - limit)))}</td></tr>` : '';
  return shown.join('') + more;
}

function table(title: string, entries: readonly PlanEntry[], limit: number): string {
  const head = [vscode.l10n.t('Account'), vscode.l10n.t('Region'), vscode.l10n.t('Image'), vscode.l10n.t('Size'), vscode.l10n.t('Why')].map((h) => `<th>${esc(h)}</th>`).join('');
  return `<h2>${esc(title)}</h2>${entries.length ? `<table><thead><tr>${head}</tr></thead><tbody>${rows(entries, limit)}</tbody></table>` : `<p>${esc(vscode.l10n.t('None.'))}</p>`}`;
}

/** The plan as a page; at most `limit` rows per list (the export has every image). */
export function planHtml(plan: HygienePlan, cspSource: string, limit = 500): string {
  const n = nonce();
  const summary = vscode.l10n.t(
    'Dry run: nothing was deleted. {0} image(s) would be deleted ({1}); {2} kept; {3} unknown, not proposed.',
    formatNumber(plan.remove.length),
    formatGiB(plan.sizeGiB),
    formatNumber(plan.keep.length),
    formatNumber(plan.unknown.length),
  );
  const totals = plan.totals.map((t) => `<li>${esc(vscode.l10n.t('{0}, {1}: {2} image(s), {3}', accountLabel(t.account), t.regionId, formatNumber(t.count), formatGiB(t.sizeGiB)))}</li>`).join('');
  const failed = plan.failedRegions
    .map((f) => `<li>${esc(vscode.l10n.t('{0}, {1}: {2} failed, so its images are not proposed ({3})', accountLabel(f.account), f.regionId, f.api, userMessage(f.error)))}</li>`)
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
${table(vscode.l10n.t('Would be deleted'), plan.remove, limit)}
${table(vscode.l10n.t('Unknown — not proposed'), plan.unknown, limit)}
${table(vscode.l10n.t('Kept'), plan.keep, limit)}
</body>
</html>`;
}

/** One panel for the latest plan: a new plan replaces what it shows. */
export class HygienePlanPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  show(plan: HygienePlan): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(HYGIENE_VIEW_TYPE, vscode.l10n.t('Unused Images'), vscode.ViewColumn.Active, { enableScripts: false });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.webview.html = planHtml(plan, this.panel.webview.cspSource);
    this.panel.reveal();
  }

  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
