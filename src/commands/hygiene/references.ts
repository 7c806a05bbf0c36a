// Where the workspace names image IDs, for the hygiene scan: the editor's own ID finder over the open
// documents (their unsaved text) and the workspace's configuration-like files (bounded in number and size).
import * as vscode from 'vscode';
import { findImageIds } from '../../editor/scan';
import type { Reference } from '../../hygiene/plan';
import type { ReferenceSource } from '../../hygiene/scan';

const FILES = '**/*.{tf,tfvars,hcl,json,yaml,yml,sh,ps1,env,py,ts,js,go,toml,ini,cfg,conf,pkr.hcl}';
const EXCLUDE = '**/{node_modules,.git,dist,out,.terraform}/**';
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 2_000_000;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
  }
  return line;
}

function collect(found: Map<string, Reference[]>, wanted: ReadonlySet<string>, file: string, text: string): void {
  for (const m of findImageIds(text)) {
    if (wanted.has(m.id)) {
      const list = found.get(m.id) ?? [];
      list.push({ file, line: lineAt(text, m.start) });
      found.set(m.id, list);
    }
  }
}

export const workspaceReferences: ReferenceSource = {
  async referencesOf(imageIds, signal) {
    const found = new Map<string, Reference[]>();
    const seen = new Set<string>();
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled' || doc.uri.scheme === 'vscode-remote') {
        seen.add(doc.uri.toString());
        collect(found, imageIds, vscode.workspace.asRelativePath(doc.uri), doc.getText());
      }
    }
    if (vscode.workspace.workspaceFolders?.length) {
      const files = await vscode.workspace.findFiles(FILES, EXCLUDE, MAX_FILES);
      for (const uri of files) {
        if (signal?.aborted || seen.has(uri.toString())) {
          continue;
        }
        try {
          const stat = await vscode.workspace.fs.stat(uri);
          if (stat.size <= MAX_FILE_BYTES) {
            collect(found, imageIds, vscode.workspace.asRelativePath(uri), new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
          }
        } catch {
          // A file that went away or cannot be read names nothing.
        }
      }
    }
    return found;
  },
};
