// The parts of a document on screen, as the image-ID features take them: the lookup asks the IDs there
// first (diagnostics.ts), and so do the launch checks (launch.ts).
import * as vscode from 'vscode';
import { offsetOf } from './docLines';

/** The document's ranges on screen in every editor showing it, as [from, to) offsets. */
export function shownOffsets(doc: vscode.TextDocument): Array<readonly [number, number]> {
  return vscode.window.visibleTextEditors
    .filter((e) => e.document === doc)
    .flatMap((e) => e.visibleRanges)
    .map((r) => [offsetOf(doc, r.start), offsetOf(doc, r.end)] as const);
}
