// The hover, the code actions and the CodeLenses on image IDs.
import * as vscode from 'vscode';
import { isCancellation } from '../util/errors';
import { DIAGNOSTIC_CODES, actionsFor, hoverText, launchFixes } from './describe';
import { LAUNCH_CODES, type LaunchChecks } from './launch';
import type { IdRef, ImageLookup, Lookup } from './lookup';
import type { IdMatch } from './scan';
import { rangeOf, type ImageIdScope } from './scope';

/** An AbortSignal that follows a cancellation token (the hover going away, the lightbulb closing). */
function signalOf(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const sub = token.onCancellationRequested(() => controller.abort());
  if (token.isCancellationRequested) {
    controller.abort();
  }
  return { signal: controller.signal, dispose: () => sub.dispose() };
}

/** The ID under a position, found while the token lasts. */
async function idUnder(scope: ImageIdScope, doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<IdMatch | undefined> {
  const { signal, dispose } = signalOf(token);
  try {
    return await scope.idAt(doc, position, signal);
  } finally {
    dispose();
  }
}

/** The answer for one ID, asked while the token lasts; undefined once cancelled. */
async function lookUp(lookup: ImageLookup, ref: IdRef, token: vscode.CancellationToken): Promise<Lookup | undefined> {
  const { signal, dispose } = signalOf(token);
  try {
    return (await lookup.resolve([ref], signal)).get(ref.id);
  } catch (err) {
    return isCancellation(err) ? undefined : { kind: 'failed', error: err };
  } finally {
    dispose();
  }
}

export class ImageIdHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly scope: ImageIdScope,
    private readonly lookup: ImageLookup,
    private readonly launch: LaunchChecks,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const match = await idUnder(this.scope, doc, position, token);
    if (!match) {
      return undefined;
    }
    const answer = await lookUp(this.lookup, match, token);
    if (!answer || token.isCancellationRequested) {
      return undefined;
    }
    const text = hoverText(match, answer);
    // What the launch checks found here (the file's region, instance type, a share to accept).
    for (const finding of this.launch.findingsAt(doc, match)) {
      text.appendMarkdown('\n\n$(warning) ').appendText(finding.message);
    }
    text.supportThemeIcons = true;
    return new vscode.Hover(text, rangeOf(doc, match));
  }
}

export class ImageIdActionProvider implements vscode.CodeActionProvider {
  constructor(
    private readonly scope: ImageIdScope,
    private readonly lookup: ImageLookup,
    private readonly launch: LaunchChecks,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const match = await idUnder(this.scope, doc, range.start, token);
    if (!match) {
      return [];
    }
    // Quick fixes of the launch checks' findings first (Accept, Copy to Region…), each tied to its diagnostic.
    const fixes = this.launch.findingsAt(doc, match).flatMap((finding) =>
      launchFixes(finding).map((command) => {
        const action = new vscode.CodeAction(command.title, vscode.CodeActionKind.QuickFix);
        action.command = command;
        action.diagnostics = context.diagnostics.filter((d) => d.code === finding.code && d.range.contains(range.start));
        return action;
      }),
    );
    // Replace with newest: the ID written over with the newest image of its family or name, in place.
    for (const finding of this.launch.findingsAt(doc, match)) {
      if (finding.replacement) {
        const { name, id } = finding.replacement;
        const action = new vscode.CodeAction(vscode.l10n.t('Replace with newest: {0} ({1})', name, id), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(doc.uri, rangeOf(doc, match), id);
        const fixed: unknown[] = [LAUNCH_CODES.newer, DIAGNOSTIC_CODES.deprecated, DIAGNOSTIC_CODES.unavailable];
        action.diagnostics = context.diagnostics.filter((d) => fixed.includes(d.code) && d.range.contains(range.start));
        action.isPreferred = true;
        fixes.unshift(action);
      }
    }
    const answer = await lookUp(this.lookup, match, token);
    if (answer?.kind !== 'found') {
      return fixes;
    }
    const several = answer.hits.length > 1;
    return [...fixes, ...answer.hits.flatMap((hit) =>
      actionsFor(hit).map((command) => {
        const title = several ? vscode.l10n.t('{0} ({1}, {2})', command.title, hit.account.name, hit.regionName || hit.regionId) : command.title;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.Empty);
        action.command = { ...command, title };
        return action;
      }),
    )];
  }
}

/** Lenses are drawn over at most this many IDs of a document (each a few lenses). */
const MAX_LENSED_IDS = 1000;

/** Lenses over the IDs already looked up (the diagnostics look them up): no request of their own. */
export class ImageIdLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly scope: ImageIdScope,
    private readonly lookup: ImageLookup,
  ) {}

  /** What the lenses show changed (a check finished, a tree change, the settings). */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.scope.codeLens) {
      return [];
    }
    const { signal, dispose } = signalOf(token);
    let matches: readonly IdMatch[];
    try {
      matches = await this.scope.ids(doc, signal);
    } catch (err) {
      if (isCancellation(err)) {
        return [];
      }
      throw err;
    } finally {
      dispose();
    }
    return matches.slice(0, MAX_LENSED_IDS).flatMap((match) => {
      const answer = this.lookup.peek(match);
      const hit = answer?.kind === 'found' ? answer.hits[0] : undefined;
      return hit ? actionsFor(hit).map((command) => new vscode.CodeLens(rangeOf(doc, match), command)) : [];
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
