// The editor's own small commands behind its actions: each finds the image's node in the tree, then
// runs the tree's command on it (Tag…, Copy to Region…, Open Details), or shows it in the Images view.
import * as vscode from 'vscode';
import type { ImageTreeProvider } from '../tree/treeProvider';
import type { ImageNode, Node } from '../tree/nodes';
import { isCancellation, logLine, userMessage } from '../util/errors';
import type { Log } from '../util/log';
import type { Prompter } from '../util/prompter';
import { EDITOR_COMMANDS, type ImageTarget } from './describe';

export interface EditorCommandDeps {
  readonly tree: ImageTreeProvider;
  readonly treeView: vscode.TreeView<Node>;
  readonly prompter: Prompter;
  readonly log: Log;
}

/** A target as code actions, lenses and hover links pass it (checked: hover links come back as JSON). */
function targetArg(v: unknown): ImageTarget | undefined {
  const r = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  return r && typeof r['accountId'] === 'string' && typeof r['regionId'] === 'string' && typeof r['imageId'] === 'string'
    ? { accountId: r['accountId'], regionId: r['regionId'], imageId: r['imageId'] }
    : undefined;
}

async function nodeOf(tree: ImageTreeProvider, target: ImageTarget): Promise<ImageNode> {
  const node = await tree.resolveImage(target);
  if (!node) {
    throw new Error(vscode.l10n.t('The image {0} is no longer in {1}.', target.imageId, target.regionId));
  }
  return node;
}

/**
 * Shows an image in the Images view. The view lists an image once the page it is on is loaded, so the
 * region's pages are loaded until it is (as "Load more…" would), with a cancellable notification.
 */
export async function revealImage(deps: EditorCommandDeps, target: ImageTarget): Promise<void> {
  const node = await nodeOf(deps.tree, target);
  const region = node.parent;
  const listed = (): boolean => region.loader.items.some((i) => i.id === target.imageId);
  if (!listed()) {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Finding "{0}" in {1}…', node.image.name, region.region.name), cancellable: true },
      async (_progress, token) => {
        while (!listed() && region.loader.hasMore && region.loader.error === undefined && !token.isCancellationRequested) {
          await deps.tree.loadMore(region);
        }
      },
    );
  }
  await deps.treeView.reveal(listed() ? node : region, { select: true, focus: true, expand: true });
}

export function registerEditorCommands(deps: EditorCommandDeps): vscode.Disposable[] {
  const handlers: Record<string, (target: ImageTarget, extra: unknown[]) => Promise<unknown>> = {
    [EDITOR_COMMANDS.tag]: async (target, extra) => {
      const node = await nodeOf(deps.tree, target);
      // An extra argument is a preset tag (as the tree's command takes it: tests and scripts).
      return vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node], ...extra);
    },
    [EDITOR_COMMANDS.copy]: async (target, extra) => {
      const node = await nodeOf(deps.tree, target);
      // An extra argument is a preset plan (as the tree's command takes it: tests and scripts).
      return vscode.commands.executeCommand('cloudImageExplorer.copy', node, undefined, ...extra);
    },
    [EDITOR_COMMANDS.openDetails]: (target) => Promise.resolve(vscode.commands.executeCommand('cloudImageExplorer.openDetails', target)),
    [EDITOR_COMMANDS.reveal]: (target) => revealImage(deps, target),
  };
  return Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (arg: unknown, ...extra: unknown[]) => {
      const target = targetArg(arg);
      if (!target) {
        return undefined;
      }
      try {
        return await handler(target, extra);
      } catch (err) {
        if (!isCancellation(err)) {
          deps.log.error(`${id}: ${logLine(err)}`);
          void deps.prompter.error(userMessage(err));
        }
        return undefined;
      }
    }),
  );
}
