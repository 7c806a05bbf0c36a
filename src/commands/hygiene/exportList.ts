// Export Image List…: the images of a selection, a region, an account or every account (as loaded in the
// tree; a region partly loaded is offered to be loaded in full first), of the search results, or of the
// latest hygiene plan (with its facts and reasons), as CSV (headers in English or Chinese, as chosen, the
// choice remembered) or JSON, written where the save dialog says.
import * as vscode from 'vscode';
import { exportHeaders, exportRow, toCsv, toJson, type ExportItem, type ExportRow, type HeaderLanguage } from '../../hygiene/export';
import { AccountGroup, RegionGroup } from '../../search/results';
import { AccountNode, ImageNode, RegionNode } from '../../tree/nodes';
import { formatNumber } from '../../util/format';
import { imagesText, reasonsOf } from '../../webviews/hygienePlan';
import type { CommandContext } from '../shared/context';
import { latestPlan } from './state';

type Format = 'csv' | 'json';

interface Destination {
  readonly uri: vscode.Uri;
  readonly format: Format;
  readonly headers: HeaderLanguage;
}

const HEADERS_KEY = 'cloudImageExplorer.export.headerLanguage';

function lastHeaders(ctx: CommandContext): HeaderLanguage {
  return ctx.extension.globalState.get(HEADERS_KEY) === 'zh-cn' ? 'zh-cn' : 'en';
}

/** The CSV header row's language: the last choice first. */
async function askHeaders(ctx: CommandContext, title: string): Promise<HeaderLanguage> {
  const last = lastHeaders(ctx);
  const items = [
    { label: 'English', description: vscode.l10n.t('headers such as "id", "name", "region"'), data: 'en' as const },
    { label: '中文', description: vscode.l10n.t('headers such as "镜像ID", "镜像名称", "地域"'), data: 'zh-cn' as const },
  ].sort((a, b) => (a.data === last ? -1 : b.data === last ? 1 : 0));
  const picked = (await ctx.ui.pick<HeaderLanguage>(items, { title, placeHolder: vscode.l10n.t('The language of the header row') })).data;
  await ctx.extension.globalState.update(HEADERS_KEY, picked);
  return picked;
}

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
    partial.length === 1
      ? vscode.l10n.t('1 region is only partly loaded. Load the rest of its images before exporting?')
      : vscode.l10n.t('{0} regions are only partly loaded. Load the rest of their images before exporting?', formatNumber(partial.length)),
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

/** Where and how: a Uri given (tests, scripts) skips the prompts and takes the last header choice. */
async function destination(ctx: CommandContext, given: unknown, title: string): Promise<Destination | undefined> {
  if (given instanceof vscode.Uri) {
    return { uri: given, format: given.path.toLowerCase().endsWith('.json') ? 'json' : 'csv', headers: lastHeaders(ctx) };
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
  const headers = format === 'csv' ? await askHeaders(ctx, title) : 'en';
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `images-${new Date().toISOString().slice(0, 10)}.${format}`;
  const uri = await ctx.ui.saveFile({
    title,
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  return { uri, format, headers };
}

async function write(ctx: CommandContext, rows: readonly ExportRow[], target: Destination): Promise<void> {
  const text = target.format === 'csv' ? toCsv(rows, exportHeaders(target.headers)) : toJson(rows);
  await vscode.workspace.fs.writeFile(target.uri, new TextEncoder().encode(text));
  void ctx.ui.notify('info', vscode.l10n.t('Exported {0} to {1}.', imagesText(rows.length), vscode.workspace.asRelativePath(target.uri)));
}

/**
 * The Search Results view's images: all of them (the view's title), or an account's or a region's (its
 * item). A Uri as last argument skips the dialog.
 */
export async function exportSearchResults(ctx: CommandContext, node?: unknown, to?: unknown): Promise<void> {
  const regions =
    node instanceof RegionGroup ? [node] : node instanceof AccountGroup ? [...node.regions.values()] : [...ctx.search.accounts.values()].flatMap((a) => [...a.regions.values()]);
  const items = regions.flatMap((r) => r.images.map((image): ExportItem => ({ cloud: r.parent.account.cloud, account: r.parent.account.name, image })));
  if (!items.length) {
    throw new Error(vscode.l10n.t('The search results hold no image to export: search first.'));
  }
  const target = await destination(ctx, to instanceof vscode.Uri ? to : node instanceof vscode.Uri ? node : undefined, vscode.l10n.t('Export Image List'));
  if (target) {
    await write(ctx, items.map(exportRow), target);
  }
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
