// Export Image List…: the images of a selection, a region, an account or every account (as loaded in the
// tree; a region partly loaded is offered to be loaded in full first), or of the latest hygiene plan (with
// its facts and reasons), as CSV or JSON, written where the save dialog says.
import * as vscode from 'vscode';
import { exportRow, toCsv, toJson, type ExportItem, type ExportRow } from '../../hygiene/export';
import { AccountNode, ImageNode, RegionNode } from '../../tree/nodes';
import { formatNumber } from '../../util/format';
import { reasonsOf } from '../../webviews/hygienePlan';
import type { CommandContext } from '../shared/context';
import { latestPlan } from './state';

type Format = 'csv' | 'json';

async function regionsOf(ctx: CommandContext, node: unknown): Promise<RegionNode[]> {
  if (node instanceof RegionNode) {
    return [node];
  }
  const accounts = node instanceof AccountNode ? [node] : (await ctx.tree.getChildren()).filter((n): n is AccountNode => n instanceof AccountNode);
  const regions: RegionNode[] = [];
  for (const a of accounts) {
    regions.push(...(await ctx.tree.getChildren(a)).filter((n): n is RegionNode => n instanceof RegionNode));
  }
  return regions;
}

/** Offers to load the rest of regions that are partly loaded; true to go on. */
async function offerLoadAll(ctx: CommandContext, regions: readonly RegionNode[]): Promise<boolean> {
  const partial = regions.filter((r) => r.loader.loaded && r.loader.hasMore);
  if (!partial.length) {
    return true;
  }
  const load = vscode.l10n.t('Load All First');
  const asIs = vscode.l10n.t('Export What Is Loaded');
  const answer = await ctx.ui.confirm(
    vscode.l10n.t('{0} region(s) are only partly loaded. Load the rest of their images before exporting?', formatNumber(partial.length)),
    partial.map((r) => `• ${r.account.name} · ${r.region.name}`).join('\n'),
    load,
    asIs,
  );
  if (answer === load) {
    for (const r of partial) {
      await ctx.tree.loadAll(r);
    }
  }
  return answer === load || answer === asIs;
}

function treeItems(nodes: readonly ImageNode[]): ExportItem[] {
  return nodes.map((n) => ({ cloud: n.account.cloud, account: n.account.name, image: n.image }));
}

async function destination(ctx: CommandContext, given: unknown, title: string): Promise<{ uri: vscode.Uri; format: Format } | undefined> {
  if (given instanceof vscode.Uri) {
    return { uri: given, format: given.path.toLowerCase().endsWith('.json') ? 'json' : 'csv' };
  }
  const format = (
    await ctx.ui.pick<Format>(
      [
        { label: 'CSV', description: vscode.l10n.t('for spreadsheets'), data: 'csv' },
        { label: 'JSON', description: vscode.l10n.t('for scripts'), data: 'json' },
      ],
      { title, placeHolder: vscode.l10n.t('Select a format') },
    )
  ).data;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `images-${new Date().toISOString().slice(0, 10)}.${format}`;
  const uri = await ctx.ui.saveFile({
    title,
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  return { uri, format };
}

async function write(ctx: CommandContext, rows: readonly ExportRow[], target: { uri: vscode.Uri; format: Format }): Promise<void> {
  const text = target.format === 'csv' ? toCsv(rows) : toJson(rows);
  await vscode.workspace.fs.writeFile(target.uri, new TextEncoder().encode(text));
  void ctx.ui.notify('info', vscode.l10n.t('Exported {0} image(s) to {1}.', formatNumber(rows.length), vscode.workspace.asRelativePath(target.uri)));
}

/** On image nodes (the selection), a region, an account or the view (every account). A Uri as last argument skips the dialog. */
export async function exportImageList(ctx: CommandContext, node?: unknown, selection?: unknown, to?: unknown): Promise<void> {
  const title = vscode.l10n.t('Export Image List');
  let nodes: ImageNode[];
  if (node instanceof ImageNode) {
    nodes = Array.isArray(selection) && selection.some((s) => s === node) ? selection.filter((s): s is ImageNode => s instanceof ImageNode) : [node];
  } else {
    const regions = await regionsOf(ctx, node);
    if (!(await offerLoadAll(ctx, regions))) {
      return;
    }
    nodes = regions.flatMap((r) => r.loader.items.map((i) => r.imageNode(i)));
  }
  const target = await destination(ctx, to, title);
  if (target) {
    await write(ctx, treeItems(nodes).map(exportRow), target);
  }
}

/** The latest plan, every image with its facts, verdict and reasons. A Uri argument skips the dialog. */
export async function exportPlan(ctx: CommandContext, to?: unknown): Promise<void> {
  const plan = latestPlan();
  if (!plan) {
    throw new Error(vscode.l10n.t('Run "Find Unused Images…" first: there is no plan to export.'));
  }
  const target = await destination(ctx, to, vscode.l10n.t('Export Image List'));
  if (!target) {
    return;
  }
  const verdicts = [
    [plan.remove, vscode.l10n.t('delete')],
    [plan.keep, vscode.l10n.t('keep')],
    [plan.unknown, vscode.l10n.t('unknown')],
  ] as const;
  const rows = verdicts.flatMap(([entries, verdict]) =>
    entries.map((e) => exportRow({ cloud: e.account.cloud, account: e.account.name, image: e.image, facts: e.facts, verdict, reasons: reasonsOf(e) })),
  );
  await write(ctx, rows, target);
}
