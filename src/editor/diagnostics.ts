// Diagnostics on image IDs: a warning where no configured account can find the image, information
// where it is deprecated or cannot be used. A document is checked when it opens and (refreshed from
// the clouds) when it is saved; an edit stops the check under way and, once typing settles, re-checks
// what is not known yet; a tree change redraws. Every ID of the document is looked up, those on
// screen first; scanning and drawing run in slices, so no check holds the host's thread for long.
import * as vscode from 'vscode';
import { isCancellation, logLine } from '../util/errors';
import type { Log } from '../util/log';
import { diagnosticFor, diagnosticNeeded, launchDiagnostic } from './describe';
import { LAUNCH_CODES, type LaunchChecks } from './launch';
import type { ImageLookup, Lookup } from './lookup';
import { distinctRefs } from './refs';
import type { IdMatch } from './scan';
import { rangeOf, type ImageIdScope } from './scope';
import { shownOffsets } from './shown';
import { Slicer } from './slices';

/** Typing settles this long before the document is checked again. */
const EDIT_DELAY_MS = 800;
/** The host shows at most this many diagnostics of one file; more are not built. */
const MAX_DIAGNOSTICS = 1000;

/** Whether an answer gets a diagnostic (see diagnosticFor): missing, or found but none of its hits usable. */
function flagged(answer: Lookup | undefined): boolean {
  return answer?.kind === 'missing' || (answer?.kind === 'found' && diagnosticNeeded(answer));
}

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
    private readonly launch: LaunchChecks,
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
    const version = doc.version;
    const done = this.run(doc, refresh, controller.signal).finally(() => {
      if (this.checks.get(key)?.controller === controller) {
        this.checks.delete(key);
        this.checkedVersions.set(key, version);
        this.checked.fire(doc.uri);
      }
    });
    this.checks.set(key, { version, controller, done });
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
    const version = doc.version;
    try {
      // The version's text, read once (with its scan), is handed on to the launch checks below.
      const { text, matches } = await this.scope.scanned(doc, signal);
      // The distinct IDs: those in the visible ranges first, then all the others.
      const [visible, rest] = await distinctRefs(matches, shownOffsets(doc), new Slicer({ signal }));
      if (!visible.length && !rest.length) {
        this.collection.delete(doc.uri);
        return;
      }
      // What the user sees first, then the whole rest of the document; each drawn as soon as it is known.
      for (const batch of [visible, rest].filter((b) => b.length)) {
        try {
          await this.lookup.resolve(batch, signal, refresh);
        } catch (err) {
          if (isCancellation(err)) {
            return;
          }
          this.log.warn(`Image ID check of ${doc.uri.fsPath}: ${logLine(err)}`);
        }
        await this.draw(doc, version, matches, signal);
      }
      // Then what the file says around each ID: region, instance type, shares to accept; those on screen drawn as soon as they are checked.
      try {
        const drawn = (): Promise<void> => this.draw(doc, version, matches, signal);
        await this.launch.run(doc, text, matches, (ref) => this.lookup.peek(ref), this.scope.checks, signal, refresh, drawn);
      } catch (err) {
        if (isCancellation(err)) {
          return;
        }
        this.log.warn(`Launch check of ${doc.uri.fsPath}: ${logLine(err)}`);
      }
      await this.draw(doc, version, matches, signal);
    } catch (err) {
      if (!isCancellation(err)) {
        throw err;
      }
    }
  }

  /** Only documents a user edits: not output, git or other virtual views of them. */
  private docWanted(doc: vscode.TextDocument): boolean {
    return (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled' || doc.uri.scheme === 'vscode-remote') && !doc.isClosed;
  }

  /**
   * The diagnostics of a document version from what is known (no request), built in slices. Past the
   * host's limit per file, every flagged ID keeps its first place before any ID gets a second.
   */
  private async draw(doc: vscode.TextDocument, version: number, matches: readonly IdMatch[], signal?: AbortSignal): Promise<void> {
    const slicer = new Slicer(signal ? { signal } : {});
    const firsts: number[] = [];
    const repeats: number[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i]!;
      if ((this.scope.checks.has('availability') && flagged(this.lookup.peek(m))) || this.launch.findingsAt(doc, m).length) {
        (seen.has(m.id) ? repeats : firsts).push(i);
        seen.add(m.id);
      }
      if (i % 1024 === 1023) {
        await slicer.tick();
      }
    }
    const chosen = [...firsts, ...repeats].slice(0, MAX_DIAGNOSTICS).sort((x, y) => x - y);
    const diagnostics: vscode.Diagnostic[] = [];
    for (const [n, i] of chosen.entries()) {
      const m = matches[i]!;
      const range = rangeOf(doc, m);
      const answer = this.lookup.peek(m);
      // A share found waiting is old news once the image is found (accepted since).
      const findings = this.launch.findingsAt(doc, m).filter((f) => !(f.pending && answer?.kind === 'found'));
      // A share waiting for an answer explains why no account finds the image: that is said instead.
      const explained = findings.some((f) => f.code === LAUNCH_CODES.notAccepted || f.code === LAUNCH_CODES.rejected);
      const d = this.scope.checks.has('availability') && !explained ? diagnosticFor(m, answer, range) : undefined;
      if (d) {
        diagnostics.push(d);
      }
      diagnostics.push(...findings.map((f) => launchDiagnostic(f, range)));
      if (n % 256 === 255) {
        await slicer.tick();
      }
    }
    if (!doc.isClosed && doc.version === version && this.scope.diagnostics) {
      this.collection.set(doc.uri, diagnostics);
    }
  }

  /** An edit: the check under way (of the old text) stops; the new text is checked once typing settles. */
  private edited(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.docWanted(doc)) {
      return;
    }
    this.checks.get(key)?.controller.abort();
    this.checks.delete(key);
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
    const changed = new Set(ids);
    for (const doc of vscode.workspace.textDocuments) {
      const known = this.checkedVersions.get(doc.uri.toString()) === doc.version ? this.scope.known(doc) : undefined;
      if (known?.some((m) => changed.has(m.id))) {
        void this.draw(doc, doc.version, known).then(() => this.checked.fire(doc.uri));
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
    this.launch.forget(uri);
  }
}
