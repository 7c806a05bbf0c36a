// Image IDs in open editors: recognised per cloud, hovered, acted on, checked. Built and registered
// here (their commands are in src/commands/editor/); extension.ts only hands over the pieces it needs.
import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/store';
import type { Sessions } from '../accounts/session';
import type { ImageTreeProvider } from '../tree/treeProvider';
import type { Log } from '../util/log';
import { ImageDiagnostics } from './diagnostics';
import { LaunchChecks } from './launch';
import { ImageLookup } from './lookup';
import { ImageIdActionProvider, ImageIdHoverProvider, ImageIdLensProvider } from './providers';
import { ImageIdScope } from './scope';

export interface ImageIdsApi {
  /** Resolves when a document's diagnostics reflect its current text. */
  settled(doc: vscode.TextDocument): Promise<void>;
  /** A document's check finished. */
  readonly onDidCheck: vscode.Event<vscode.Uri>;
  /** What the status bar says now about a document skipped on purpose (size, language, binary), if anything. */
  skipNotice(): string | undefined;
}

export interface ImageIdsDeps {
  readonly log: Log;
  readonly accounts: AccountStore;
  readonly sessions: Sessions;
  readonly tree: ImageTreeProvider;
}

/** Every document: whether one is in scope is the settings' call, asked per document. */
const ALL_DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }];

export function registerImageIds(deps: ImageIdsDeps): { api: ImageIdsApi; disposables: vscode.Disposable[] } {
  const scope = new ImageIdScope(deps.log);
  const lookup = new ImageLookup(deps.accounts, deps.sessions, deps.tree, deps.log);
  const launch = new LaunchChecks(deps.accounts, deps.sessions, deps.log);
  const diagnostics = new ImageDiagnostics(scope, lookup, launch, deps.log);
  const lenses = new ImageIdLensProvider(scope, lookup);
  const disposables: vscode.Disposable[] = [
    scope,
    lookup,
    diagnostics,
    lenses,
    diagnostics.onDidCheck(() => lenses.refresh()),
    lookup.onDidChange(() => lenses.refresh()),
    scope.onDidChange(() => lenses.refresh()),
    deps.accounts.onDidChange(() => launch.reset()),
    vscode.languages.registerHoverProvider(ALL_DOCUMENTS, new ImageIdHoverProvider(scope, lookup, launch)),
    vscode.languages.registerCodeActionsProvider(ALL_DOCUMENTS, new ImageIdActionProvider(scope, lookup, launch)),
    vscode.languages.registerCodeLensProvider(ALL_DOCUMENTS, lenses),
  ];
  return { api: { settled: (doc) => diagnostics.settled(doc), onDidCheck: diagnostics.onDidCheck, skipNotice: () => scope.skipNotice }, disposables };
}
