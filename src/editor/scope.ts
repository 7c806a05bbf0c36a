// Which documents the image-ID features look at: the languages and file patterns of the settings.
import * as vscode from 'vscode';
import { findImageIds, type IdMatch } from './scan';

const SECTION = 'cloudImageExplorer.imageIds';

/** Larger documents are not scanned (generated or data files, not configuration). */
const MAX_DOCUMENT_CHARS = 2_000_000;
/** At most this many distinct IDs of one document are looked up. */
export const MAX_IDS_PER_DOCUMENT = 1000;

export class ImageIdScope implements vscode.Disposable {
  private selector: vscode.DocumentFilter[] = [];
  private settings = { enabled: true, diagnostics: true, codeLens: true };
  private readonly scans = new Map<string, { readonly version: number; readonly matches: readonly IdMatch[] }>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** The settings changed: what is in scope, or which features are on. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.read();
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION)) {
          this.read();
          this.changed.fire();
        }
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.scans.delete(doc.uri.toString())),
      this.changed,
    ];
  }

  get diagnostics(): boolean {
    return this.settings.enabled && this.settings.diagnostics;
  }

  get codeLens(): boolean {
    return this.settings.enabled && this.settings.codeLens;
  }

  /** Whether the features apply to the document: on, and its language or path is in the settings. */
  includes(doc: vscode.TextDocument): boolean {
    if (!this.settings.enabled || vscode.languages.match(this.selector, doc) === 0) {
      return false;
    }
    return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end) <= MAX_DOCUMENT_CHARS;
  }

  /** The image IDs of an in-scope document (none otherwise), scanned once per version. */
  idsOf(doc: vscode.TextDocument): readonly IdMatch[] {
    if (!this.includes(doc)) {
      return [];
    }
    const key = doc.uri.toString();
    const known = this.scans.get(key);
    if (known?.version === doc.version) {
      return known.matches;
    }
    const matches = findImageIds(doc.getText());
    this.scans.set(key, { version: doc.version, matches });
    return matches;
  }

  /** The ID under a position, if any. */
  idAt(doc: vscode.TextDocument, position: vscode.Position): IdMatch | undefined {
    const offset = doc.offsetAt(position);
    return this.idsOf(doc).find((m) => m.start <= offset && offset <= m.end);
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }

  private read(): void {
    const cfg = vscode.workspace.getConfiguration(SECTION);
    this.settings = {
      enabled: cfg.get<boolean>('enabled', true),
      diagnostics: cfg.get<boolean>('diagnostics', true),
      codeLens: cfg.get<boolean>('codeLens', true),
    };
    const languages = cfg.get<string[]>('languages', []).filter((l) => typeof l === 'string' && l.trim());
    const patterns = cfg.get<string[]>('filePatterns', []).filter((p) => typeof p === 'string' && p.trim());
    this.selector = [...languages.map((language) => ({ language })), ...patterns.map((pattern) => ({ pattern }))];
    this.scans.clear();
  }
}

/** A match's range in its document. */
export function rangeOf(doc: vscode.TextDocument, match: IdMatch): vscode.Range {
  return new vscode.Range(doc.positionAt(match.start), doc.positionAt(match.end));
}
