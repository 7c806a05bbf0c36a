// A file naming QingCloud images, one of them deleted long ago (the cloud no longer knows its ID), in the
// real extension host against the sandbox: QingCloud answers such an ID with an error (2100), not an empty
// set, yet the live images still resolve and only the gone one is flagged.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { Image } from '../../../../src/providers/core/model';
import { api } from '../helpers';

const GONE = 'img-d3l3t3d0';

/** Hover text as a reader sees it (markdown escapes and non-breaking spaces undone). */
function plain(contents: readonly (vscode.MarkdownString | vscode.MarkedString)[]): string {
  return contents
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');
}

describe('A stale QingCloud image ID among live ones (real extension host)', () => {
  let a: ExtensionApi;
  let dir: string;

  before(async () => {
    a = await api();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-stale-ids-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resolves the live images and flags only the deleted one', async () => {
    const account = a.accounts.list().find((x) => x.sandbox && x.cloud === 'qingcloud');
    assert.ok(account, 'the QingCloud sandbox account');
    const provider = await a.provider(account);
    const page = await provider.listImages({ regionId: 'sh1a', pageSize: 100, filter: { owner: 'self', statuses: ['available'] } });
    const live: Image[] = page.items.filter((i) => /^img-[0-9a-z]{8}$/.test(i.id)).slice(-5);
    assert.equal(live.length, 5);
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;

    const lines = ['images:', ...live.slice(0, 2).map((i, n) => `  app${n}: ${i.id}`), `  old: ${GONE}`, ...live.slice(2).map((i, n) => `  svc${n}: ${i.id}`), ''];
    const file = path.join(dir, 'stale.yaml');
    fs.writeFileSync(file, lines.join('\n'));
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    await a.imageIds.settled(doc);

    const asked = emulator.requestsSince(mark).filter((r) => r.cloud === 'qingcloud' && r.operation === 'DescribeImages');
    assert.ok(asked.some((r) => r.errorCode === '2100'), 'the cloud answered the stale ID with its documented error');

    for (const image of live) {
      const at = doc.positionAt(doc.getText().indexOf(image.id) + 3);
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [];
      const text = plain(hovers.flatMap((h) => h.contents));
      assert.ok(text.includes(image.name) && text.includes('sh1a'), `the hover of ${image.id}:\n${text}`);
    }
    const diagnostics = vscode.languages.getDiagnostics(doc.uri);
    const flagged = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).map((d) => doc.getText(d.range));
    assert.deepEqual(flagged, [GONE]);
    assert.match(diagnostics.find((d) => doc.getText(d.range) === GONE)!.message, new RegExp(`No configured QingCloud account can find the image ${GONE}`));
  });
});
