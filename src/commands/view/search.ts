// Search All Accounts: what to look for (an ID, part of a name, a tag), then every account × visible
// region at once, with progress and Cancel; results in the Search Results view. Its nodes are image
// nodes of the Images view, so Open Details, Copy ID, Tag… and the rest are the tree's own commands.
import * as vscode from 'vscode';
import { EDITOR_COMMANDS } from '../../editor/describe';
import { parseSearchQuery, queryText, type QueryProblem } from '../../search/query';
import { RegionGroup } from '../../search/results';
import { SEARCH_VIEW, SearchErrorNode, searchSummary, showSearchView } from '../../search/view';
import { ImageNode } from '../../tree/nodes';
import type { CommandContext } from '../shared/context';

function problemText(problem: QueryProblem): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('Type an image ID, part of a name, or a tag (key=value).');
    case 'emptyKey':
      return vscode.l10n.t('A tag needs a key before "=".');
    case 'tooManyIds':
      return vscode.l10n.t('Search for at most 100 image IDs at a time.');
  }
}

/** The query from the argument (scripts, tests) or the input box, checked before any request. */
async function askQuery(ctx: CommandContext, arg: unknown): Promise<string> {
  if (typeof arg === 'string') {
    return arg;
  }
  const last = ctx.search.query;
  return ctx.ui.input({
    title: vscode.l10n.t('Search All Accounts'),
    prompt: vscode.l10n.t('An image ID (m-…, img-…, a Huawei UUID), part of a name, or a tag: key=value, key= for any value. "name:" or "tag:" in front says which.'),
    placeHolder: vscode.l10n.t('e.g. m-bp1abc…, ubuntu, env=prod'),
    value: last ? queryText(last) : undefined,
    validateInput: (value) => {
      const parsed = parseSearchQuery(value);
      return typeof parsed === 'string' ? problemText(parsed) : undefined;
    },
  });
}

export async function searchAll(ctx: CommandContext, arg?: unknown): Promise<void> {
  const parsed = parseSearchQuery(await askQuery(ctx, arg));
  if (typeof parsed === 'string') {
    throw new Error(problemText(parsed));
  }
  const { search } = ctx;
  const run = search.search(parsed);
  showSearchView().catch((err: unknown) => ctx.log.warn(`Could not show the search results: ${String(err)}`));
  void vscode.window.withProgress({ location: { viewId: SEARCH_VIEW } }, () => run.catch(() => undefined));
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Searching all accounts for "{0}"', queryText(parsed)), cancellable: true },
    async (progress, token) => {
      // Cancel stops this search only (not a newer one that already replaced it).
      const cancel = token.onCancellationRequested(() => search.query === parsed && search.cancel());
      const report = search.onDidChange(() => search.query === parsed && progress.report({ message: searchSummary(search) }));
      try {
        await run;
      } finally {
        cancel.dispose();
        report.dispose();
      }
    },
  );
  if (search.query === parsed) {
    ctx.log.info(`Search "${queryText(parsed)}": ${search.found} found, ${search.done} of ${search.total} regions searched.`);
  }
}

export function cancelSearch(ctx: CommandContext): void {
  ctx.search.cancel();
}

export function clearSearch(ctx: CommandContext): void {
  ctx.search.clear();
}

export async function retrySearch(ctx: CommandContext, node?: unknown): Promise<void> {
  if (node instanceof SearchErrorNode) {
    await (node.group instanceof RegionGroup ? ctx.search.retryRegion(node.group) : ctx.search.retryAccount(node.group));
  }
}

/** Shows a result in the Images view: its account and region expanded, pages loaded until it is listed. */
export async function revealSearchResult(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (node instanceof ImageNode) {
    await vscode.commands.executeCommand(EDITOR_COMMANDS.reveal, { accountId: node.account.id, regionId: node.parent.region.id, imageId: node.image.id });
  }
}
