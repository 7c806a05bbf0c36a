// Which documents the image-ID features look at (the languages and file patterns of the settings, not
// too large, not binary) and their IDs, scanned in slices once per version. The text is read once per
// version, in bounded pieces (text.ts: never the host's getText() of the whole document, which joins all
// its lines in one block) at positions of our own index of line starts (lineIndex.ts: never the host's
// offsetAt/positionAt, which build its index over every line in one block), and handed on with the IDs
// to whoever reads it next. A document left out on purpose (its size, its content, its language) is said
// once, in the status bar for a few seconds and in the output channel, never silently; a scan under way
// stops when the document changes.
import * as vscode from 'vscode';
import { abortError } from '../providers/core/errors';
import { isCancellation } from '../util/errors';
import type { Log } from '../util/log';
import { indexDocument, offsetOf, positionOf } from './docLines';
import { LAUNCH_CHECKS, type LaunchCheck } from './launch';
import { indexedReader, type LineIndex } from './lineIndex';
import { scanImageIds, type IdMatch } from './scan';
import { Slicer } from './slices';
import { MAX_DOCUMENT_CHARS, PieceText, readPieces, type TextReader } from './text';

const SECTION = 'cloudImageExplorer.imageIds';

/** A NUL among a document's first characters marks it binary. */
const BINARY_PROBE_CHARS = 8192;
/** How long the status bar says a document was skipped. */
const SKIP_NOTICE_MS = 8000;

export type SkipReason = 'size' | 'binary' | 'language';

/** A document version's text and the image IDs in it. */
export interface Scanned {
  readonly text: PieceText;
  readonly matches: readonly IdMatch[];
}

/** What an out-of-scope document holds for the features. */
const NOTHING: Scanned = { text: new PieceText([]), matches: [] };

interface Scan {
  readonly version: number;
  readonly controller: AbortController;
  readonly done: Promise<Scanned>;
  scanned?: Scanned;
}

export class ImageIdScope implements vscode.Disposable {
  private selector: vscode.DocumentFilter[] = [];
  private settings = { enabled: true, diagnostics: true, codeLens: true, checks: new Set<LaunchCheck>(LAUNCH_CHECKS) };
  private readonly scans = new Map<string, Scan>();
  /** Documents already said to be skipped, with why. */
  private readonly said = new Map<string, SkipReason>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** The settings changed: what is in scope, or which features are on. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** Says for a few seconds that a document was skipped, and why. */
  private readonly notice = vscode.window.createStatusBarItem('cloudImageExplorer.imageIds.skipped', vscode.StatusBarAlignment.Left, 0);
  private noticeTimer: NodeJS.Timeout | undefined;

  constructor(private readonly log: Log) {
    this.notice.name = vscode.l10n.t('Image IDs: skipped files');
    this.read();
    this.subscriptions = [
      this.notice,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) {
          this.read();
          this.changed.fire();
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => this.drop(e.document.uri, e.document.version)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.drop(doc.uri);
        this.said.delete(doc.uri.toString());
      }),
      this.changed,
    ];
  }

  get diagnostics(): boolean {
    return this.settings.enabled && this.settings.diagnostics;
  }

  /** The launch checks turned on (each has a setting, `checks.<name>`). */
  get checks(): ReadonlySet<LaunchCheck> {
    return this.settings.checks;
  }

  get codeLens(): boolean {
    return this.settings.enabled && this.settings.codeLens;
  }

  /**
   * Whether the features may apply to the document: on, its language or path in the settings, not binary.
   * Its size is measured by its scan (in slices), which leaves out a document too large.
   */
  includes(doc: vscode.TextDocument): boolean {
    if (!this.settings.enabled) {
      return false;
    }
    const reason = vscode.languages.match(this.selector, doc) === 0 ? 'language' : looksBinary(doc) ? 'binary' : undefined;
    if (reason) {
      this.sayOnce(doc, reason);
    }
    return reason === undefined;
  }

  /**
   * The image IDs of an in-scope document (none otherwise), scanned once per version in slices that give
   * the thread back. Rejects with an abort error when `signal` aborts or the document changes first.
   */
  async ids(doc: vscode.TextDocument, signal?: AbortSignal): Promise<readonly IdMatch[]> {
    return (await this.scanned(doc, signal)).matches;
  }

  /**
   * The text of an in-scope document's current version (read once per version, in pieces) and its image
   * IDs; nothing for a document out of scope. Rejects with an abort error as `ids` does.
   */
  async scanned(doc: vscode.TextDocument, signal?: AbortSignal): Promise<Scanned> {
    if (!this.includes(doc)) {
      return NOTHING;
    }
    const key = doc.uri.toString();
    let scan = this.scans.get(key);
    if (scan?.version !== doc.version) {
      scan?.controller.abort();
      const controller = new AbortController();
      const done = scanDocument(doc, controller.signal).then((scanned) => {
        if (scanned) {
          return scanned;
        }
        this.sayOnce(doc, 'size');
        return NOTHING;
      });
      const started: Scan = { version: doc.version, controller, done };
      started.done.then(
        (scanned) => (started.scanned = scanned),
        () => this.scans.get(key) === started && this.scans.delete(key),
      );
      this.scans.set(key, started);
      scan = started;
    }
    return waitFor(scan.done, signal);
  }

  /** The IDs of the document's current version if its scan has finished; never scans. */
  known(doc: vscode.TextDocument): readonly IdMatch[] | undefined {
    const scan = this.scans.get(doc.uri.toString());
    return scan?.version === doc.version ? scan.scanned?.matches : undefined;
  }

  /** The ID under a position, if any (scanning the document if needed); undefined once cancelled. */
  async idAt(doc: vscode.TextDocument, position: vscode.Position, signal?: AbortSignal): Promise<IdMatch | undefined> {
    try {
      const ids = await this.ids(doc, signal);
      if (!ids.length) {
        // Nothing to find (or a document left out, which has no index of ours): the host is not asked for an offset.
        return undefined;
      }
      const offset = offsetOf(doc, position);
      return ids.find((m) => m.start <= offset && offset <= m.end);
    } catch (err) {
      if (isCancellation(err)) {
        return undefined;
      }
      throw err;
    }
  }

  /** What the status bar says about a skipped document now, if it says anything. */
  get skipNotice(): string | undefined {
    return this.noticeTimer === undefined ? undefined : `${this.notice.text}\n${String(this.notice.tooltip ?? '')}`;
  }

  dispose(): void {
    clearTimeout(this.noticeTimer);
    this.scans.forEach((s) => s.controller.abort());
    this.subscriptions.forEach((d) => d.dispose());
  }

  /** Stops and forgets a document's scan (of any version but `keep`). */
  private drop(uri: vscode.Uri, keep?: number): void {
    const key = uri.toString();
    const scan = this.scans.get(key);
    if (scan && scan.version !== keep) {
      scan.controller.abort();
      this.scans.delete(key);
    }
  }

  private sayOnce(doc: vscode.TextDocument, reason: SkipReason): void {
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') {
      return;
    }
    // A language not in the settings is said once per language, the other reasons once per document.
    const key = reason === 'language' ? `language:${doc.languageId}` : doc.uri.toString();
    if (this.said.get(key) === reason) {
      return;
    }
    this.said.set(key, reason);
    const name = doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.toString();
    const base = doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1) || name;
    this.log.info(
      reason === 'language'
        ? `Image IDs are not looked for in ${doc.languageId} documents (${name} and others): the language is not in ${SECTION}.languages or .filePatterns.`
        : reason === 'size'
          ? `Image IDs are not looked for in ${name}: it is larger than ${MAX_DOCUMENT_CHARS / 1024 / 1024} MB.`
          : `Image IDs are not looked for in ${name}: it looks binary.`,
    );
    this.show(
      reason === 'language'
        ? vscode.l10n.t('Image IDs: {0} files are not searched', doc.languageId)
        : reason === 'size'
          ? vscode.l10n.t('Image IDs: {0} skipped (over {1} MB)', base, MAX_DOCUMENT_CHARS / 1024 / 1024)
          : vscode.l10n.t('Image IDs: {0} skipped (binary)', base),
      reason === 'language'
        ? vscode.l10n.t('Image IDs are not looked for in {0} documents: add the language to the setting {1}.languages or a pattern to {1}.filePatterns to have them searched.', doc.languageId, SECTION)
        : reason === 'size'
          ? vscode.l10n.t('Image IDs are not looked for in {0}: it is larger than {1} MB.', name, MAX_DOCUMENT_CHARS / 1024 / 1024)
          : vscode.l10n.t('Image IDs are not looked for in {0}: it looks binary.', name),
    );
  }

  /** The status bar says it for a few seconds. */
  private show(text: string, tooltip: string): void {
    this.notice.text = `$(info) ${text}`;
    this.notice.tooltip = tooltip;
    this.notice.command = { title: vscode.l10n.t('Show Log'), command: 'cloudImageExplorer.showLog' };
    this.notice.show();
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = undefined;
      this.notice.hide();
    }, SKIP_NOTICE_MS);
  }

  private read(): void {
    const cfg = vscode.workspace.getConfiguration(SECTION);
    this.settings = {
      enabled: cfg.get<boolean>('enabled', true),
      diagnostics: cfg.get<boolean>('diagnostics', true),
      codeLens: cfg.get<boolean>('codeLens', true),
      checks: new Set(LAUNCH_CHECKS.filter((check) => cfg.get<boolean>(`checks.${check}`, true))),
    };
    const languages = cfg.get<string[]>('languages', []).filter((l) => typeof l === 'string' && l.trim());
    const patterns = cfg.get<string[]>('filePatterns', []).filter((p) => typeof p === 'string' && p.trim());
    this.selector = [...languages.map((language) => ({ language })), ...patterns.map((pattern) => ({ pattern }))];
    this.scans.forEach((s) => s.controller.abort());
    this.scans.clear();
    this.said.clear();
  }
}

/**
 * Measures a document version's lines (our index of line starts), reads it in pieces, then scans it, in
 * slices; undefined once it is found larger than MAX_DOCUMENT_CHARS. Rejects with an abort error once the signal aborts.
 */
async function scanDocument(doc: vscode.TextDocument, signal: AbortSignal): Promise<Scanned | undefined> {
  const slicer = new Slicer({ signal });
  const lines = await indexDocument(doc, slicer, MAX_DOCUMENT_CHARS);
  if (!lines) {
    return undefined;
  }
  const text = await readPieces(readerOf(doc, lines), slicer);
  return { text, matches: await scanImageIds(text, { signal }) };
}

/** A document version read at our index's positions; a read after the document changed is an abort (its scan is stale). */
function readerOf(doc: vscode.TextDocument, lines: LineIndex): TextReader {
  const version = doc.version;
  return indexedReader(lines, (start, end) => {
    if (doc.version !== version || doc.isClosed) {
      throw abortError('local');
    }
    return doc.getText(new vscode.Range(start.line, start.character, end.line, end.character));
  });
}

/** Whether a NUL is among the document's first characters (read line by line: no offsets asked of the host). */
function looksBinary(doc: vscode.TextDocument): boolean {
  for (let line = 0, seen = 0; line < doc.lineCount && seen < BINARY_PROBE_CHARS; line++) {
    const text = doc.lineAt(line).text;
    if (text.slice(0, BINARY_PROBE_CHARS - seen).includes('\u0000')) {
      return true;
    }
    seen += text.length + 1;
  }
  return false;
}

/** A shared promise, left early (with an abort error) by one waiter whose signal aborts. */
function waitFor<T>(done: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) {
    return done;
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError('local'));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    done.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A match's range in its document. */
export function rangeOf(doc: vscode.TextDocument, match: IdMatch): vscode.Range {
  return new vscode.Range(positionOf(doc, match.start), positionOf(doc, match.end));
}
