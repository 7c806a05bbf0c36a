// Diagnostics on image IDs: a warning where no configured account can find the image, information
// where it is deprecated or cannot be used. A document is checked when it opens and (refreshed from
// the clouds) when it is saved; edits re-check only what is not known yet; a tree change redraws.
import * as vscode from 'vscode';
import { isCancellation, logLine } from '../util/errors';
import type { Log } from '../util/log';
import { diagnosticFor } from './describe';
import type { IdRef, ImageLookup } from './lookup';
import { MAX_IDS_PER_DOCUMENT, rangeOf, type ImageIdScope } from './scope';

/** Typing settles this long before the document is checked again. */
const EDIT_DELAY_MS = 800;

interface Check {
  readonly version: number;
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

export class ImageDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cloudImageExplorer.imageIds');
  private readonly checks = new Map<string, Check>();
  private readonly checkedVersions = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly checked = new vscode.EventEmitter<vscode.Uri>();
  /** A document's check finished (its diagnostics are drawn). */
  readonly onDidCheck = this.checked.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly scope: ImageIdScope,
    private readonly lookup: ImageLookup,
    private readonly log: Log,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((doc) => void this.check(doc)),
      vscode.workspace.onDidSaveTextDocument((doc) => void this.check(doc, true)),
      vscode.workspace.onDidChangeTextDocument((e) => this.edited(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      lookup.onDidChange((ids) => this.redrawWith(ids)),
      scope.onDidChange(() => this.checkAll()),
      this.collection,
      this.checked,
    ];
    this.checkAll();
  }

  /**
   * Checks a document: its IDs are looked up (kept answers reused unless `refresh`) and its diagnostics
   * drawn. A newer check of the same document aborts the older one.
   */
  check(doc: vscode.TextDocument, refresh = false): Promise<void> {
    const key = doc.uri.toString();
    this.checks.get(key)?.controller.abort();
    clearTimeout(this.timers.get(key));
    const controller = new AbortController();
    const done = this.run(doc, refresh, controller.signal).finally(() => {
      if (this.checks.get(key)?.controller === controller) {
        this.checks.delete(key);
        this.checkedVersions.set(key, doc.version);
        this.checked.fire(doc.uri);
      }
    });
    this.checks.set(key, { version: doc.version, controller, done });
    return done;
  }

  /** Resolves when the document's diagnostics reflect its current text (checking it if they do not). */
  settled(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const running = this.checks.get(key);
    if (running?.version === doc.version) {
      return running.done;
    }
    return this.checkedVersions.get(key) === doc.version && !this.timers.has(key) ? Promise.resolve() : this.check(doc);
  }

  dispose(): void {
    this.checks.forEach((c) => c.controller.abort());
    this.timers.forEach((t) => clearTimeout(t));
    this.subscriptions.forEach((d) => d.dispose());
  }

  private async run(doc: vscode.TextDocument, refresh: boolean, signal: AbortSignal): Promise<void> {
    if (!this.scope.diagnostics || !this.docWanted(doc)) {
      this.collection.delete(doc.uri);
      return;
    }
    const refs = this.refsOf(doc);
    if (!refs.length) {
      this.collection.delete(doc.uri);
      return;
    }
    try {
      await this.lookup.resolve(refs, signal, refresh);
    } catch (err) {
      if (isCancellation(err)) {
        return;
      }
      this.log.warn(`Image ID check of ${doc.uri.fsPath}: ${logLine(err)}`);
    }
    this.draw(doc);
  }

  /** Only documents a user edits: not output, git or other virtual views of them. */
  private docWanted(doc: vscode.TextDocument): boolean {
    return (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled' || doc.uri.scheme === 'vscode-remote') && !doc.isClosed;
  }

  private refsOf(doc: vscode.TextDocument): IdRef[] {
    const seen = new Map<string, IdRef>();
    for (const m of this.scope.idsOf(doc)) {
      if (!seen.has(m.id)) {
        seen.set(m.id, { id: m.id, cloud: m.cloud });
      }
    }
    const refs = [...seen.values()];
    if (refs.length > MAX_IDS_PER_DOCUMENT) {
      this.log.warn(`${doc.uri.fsPath} has ${refs.length} image IDs; the first ${MAX_IDS_PER_DOCUMENT} are checked.`);
    }
    return refs.slice(0, MAX_IDS_PER_DOCUMENT);
  }

  /** The diagnostics of a document from what is known (no request). */
  private draw(doc: vscode.TextDocument): void {
    if (doc.isClosed || !this.scope.diagnostics) {
      return;
    }
    const checkable = new Set(this.refsOf(doc).map((r) => r.id));
    const diagnostics = this.scope
      .idsOf(doc)
      .filter((m) => checkable.has(m.id))
      .map((m) => diagnosticFor(m, this.lookup.peek(m), rangeOf(doc, m)))
      .filter((d): d is vscode.Diagnostic => d !== undefined);
    this.collection.set(doc.uri, diagnostics);
  }

  private edited(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.scope.includes(doc) || !this.docWanted(doc)) {
      return;
    }
    this.draw(doc);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(doc);
      }, EDIT_DELAY_MS),
    );
  }

  private redrawWith(ids: readonly string[] | undefined): void {
    if (ids === undefined) {
      this.checkAll();
      return;
    }
    for (const doc of vscode.workspace.textDocuments) {
      if (this.checkedVersions.has(doc.uri.toString()) && this.scope.idsOf(doc).some((m) => ids.includes(m.id))) {
        this.draw(doc);
        this.checked.fire(doc.uri);
      }
    }
  }

  private checkAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      void this.check(doc);
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.checks.get(key)?.controller.abort();
    this.checks.delete(key);
    this.checkedVersions.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.collection.delete(uri);
  }
}
