// What the host tests of launch-ready checks share: files written to a temporary folder and opened in
// an editor, their diagnostics awaited through the host's change events (never a sleep), the sandbox
// accounts, and a document's launch findings of some codes as [code, severity, ID] in file order.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { AccountConfig, CloudKind } from '../../../../src/providers/core/model';

export const SECTION = 'cloudImageExplorer.imageIds';

/** The document's diagnostics once `ok` holds, waiting for the host's change events. */
export function diagnosticsUntil(uri: vscode.Uri, ok: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const now = vscode.languages.getDiagnostics(uri);
      if (ok(now)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(now);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === uri.toString()) && check());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics of ${uri.fsPath}: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [d.code, d.message]))}`));
    }, 30_000);
    check();
  });
}

export const withCode =
  (code: string) =>
  (ds: readonly vscode.Diagnostic[]): boolean =>
    ds.some((d) => d.code === code);

/** The diagnostics of these codes as [code, severity, the text they mark, line], in file order. */
export function findings(doc: vscode.TextDocument, ds: readonly vscode.Diagnostic[], codes: readonly string[]): Array<[string, vscode.DiagnosticSeverity, string, number]> {
  return ds
    .filter((d) => codes.includes(String(d.code)))
    .sort((x, y) => x.range.start.compareTo(y.range.start))
    .map((d) => [String(d.code), d.severity, doc.getText(d.range), d.range.start.line]);
}

export class LaunchFixture {
  private dir = '';

  constructor(private readonly a: () => ExtensionApi) {}

  /** A temporary folder for the files (in `before`). */
  setUp(): void {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-launch-'));
  }

  /** Editors closed and the folder removed (in `after`). */
  async tearDown(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (this.dir) {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }

  sandboxAccount(cloud: CloudKind): AccountConfig {
    const account = this.a().accounts.list().find((x) => x.sandbox && x.cloud === cloud);
    assert.ok(account, `the ${cloud} sandbox account`);
    return account;
  }

  /** The file written, opened in an editor, and its first check settled. */
  async open(name: string, lines: readonly string[]): Promise<vscode.TextDocument> {
    const file = path.join(this.dir, name);
    fs.writeFileSync(file, lines.join('\n'));
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    await this.a().imageIds.settled(doc);
    return doc;
  }

  /** The code actions offered on an ID's first occurrence. */
  async actionsAt(doc: vscode.TextDocument, id: string): Promise<vscode.CodeAction[]> {
    const at = doc.positionAt(doc.getText().indexOf(id) + 3);
    return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at))) ?? [];
  }

  /** The hover's text at an ID's first occurrence. */
  async hoverAt(doc: vscode.TextDocument, id: string): Promise<string> {
    const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf(id) + 3));
    return hover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  }
}
