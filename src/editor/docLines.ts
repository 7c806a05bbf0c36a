// Offsets and positions of a document by our own index of its line starts (lineIndex.ts), kept for the
// version it was built for: the host's offsetAt/positionAt build the host's index over every line in one
// go. A document whose current version has no index of ours yet (small ones, or changed since the scan)
// is asked of the host.
import * as vscode from 'vscode';
import { LineIndex, type LineSource } from './lineIndex';
import type { Slicer } from './slices';

const kept = new WeakMap<vscode.TextDocument, { readonly version: number; readonly index: LineIndex }>();

/**
 * The document as its lines, for our index. A line's length is that of its text to its end (the host hands
 * its own line string back, no copy): lineAt would do, but the host makes each line a frozen text line with
 * its ranges and keeps it until the line changes, 344,463 of them for a 50 MB log, whose allocation and
 * garbage collection held the thread up to ~30 ms at once in the bench (test/bench/scannerLog.ts).
 */
function linesOf(doc: vscode.TextDocument): LineSource {
  return {
    lineCount: doc.lineCount,
    lineLength: (line) => doc.getText(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER)).length,
    eolLength: doc.eol === vscode.EndOfLine.CRLF ? 2 : 1,
  };
}

/** Builds the index of the document's current version in slices, and keeps it; undefined once longer than `limit`. */
export async function indexDocument(doc: vscode.TextDocument, slicer: Slicer, limit?: number): Promise<LineIndex | undefined> {
  const version = doc.version;
  const index = await LineIndex.build(linesOf(doc), slicer, limit);
  if (index && doc.version === version) {
    kept.set(doc, { version, index });
  }
  return index;
}

/** Our index of the document's current version, if built. */
export function indexOf(doc: vscode.TextDocument): LineIndex | undefined {
  const entry = kept.get(doc);
  return entry?.version === doc.version ? entry.index : undefined;
}

/** The position of an offset in the document. */
export function positionOf(doc: vscode.TextDocument, offset: number): vscode.Position {
  const index = indexOf(doc);
  if (!index) {
    return doc.positionAt(offset);
  }
  const { line, character } = index.positionAt(offset);
  return new vscode.Position(line, character);
}

/** The offset of a position in the document. */
export function offsetOf(doc: vscode.TextDocument, position: vscode.Position): number {
  return indexOf(doc)?.offsetAt(position.line, position.character) ?? doc.offsetAt(position);
}
