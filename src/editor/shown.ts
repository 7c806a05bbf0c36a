// The parts of a document on screen, as the image-ID features take them: the lookup asks the IDs there
// first (diagnostics.ts), and so do the launch checks (launch.ts).
import * as vscode from 'vscode';
import { indexOf } from './docLines';

/**
 * The document's ranges on screen in every editor showing it, as [from, to) offsets of our index of its
 * line starts; none when its current version has no index of ours (left out, or changed since its scan):
 * the host is never asked for offsets (its first offsetAt indexes every line in one block).
 */
export function shownOffsets(doc: vscode.TextDocument): Array<readonly [number, number]> {
  const index = indexOf(doc);
  if (!index) {
    return [];
  }
  return vscode.window.visibleTextEditors
    .filter((e) => e.document === doc)
    .flatMap((e) => e.visibleRanges)
    .map((r) => [index.offsetAt(r.start.line, r.start.character), index.offsetAt(r.end.line, r.end.character)] as const);
}
