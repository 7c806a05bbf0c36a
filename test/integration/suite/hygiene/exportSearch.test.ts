// Export Image List… from the Search Results view, in the real host against the sandbox: the CSV parses
// back and holds exactly the images found (cloud, account, region, ID, name), the whole results or one
// account's; headers in Chinese when chosen, and the choice is remembered for the next export.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { EXPORT_COLUMNS } from '../../../../src/hygiene/export';
import { api } from '../helpers';
import { testInput } from '../../userInput/testUserInput';
import { parseCsv } from '../../../unit/helpers/csv';

describe('Export Image List from search results (real extension host)', function () {
  this.timeout(180_000);
  let a: ExtensionApi;
  let dir: string;

  before(async () => {
    a = await api();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-export-search-'));
  });

  afterEach(() => {
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');
  });

  it('exports what the search found, parsing back to the same images', async () => {
    await vscode.commands.executeCommand('cloudImageExplorer.searchAll', 'name:web');
    const found = [...a.search.accounts.values()].flatMap((acc) =>
      [...acc.regions.values()].flatMap((r) => r.images.map((i) => [acc.account.cloud, acc.account.name, i.regionId, i.id, i.name].join('\u0000'))),
    );
    assert.ok(found.length > 0, 'the search found images');
    const file = vscode.Uri.file(path.join(dir, 'found.csv'));
    await vscode.commands.executeCommand('cloudImageExplorer.exportSearchResults', undefined, file);
    const rows = parseCsv(fs.readFileSync(file.fsPath, 'utf8'));
    assert.deepEqual(rows[0], [...EXPORT_COLUMNS]);
    const col = (name: string): number => rows[0]!.indexOf(name);
    const exported = rows.slice(1).map((r) => [r[col('cloud')], r[col('account')], r[col('region')], r[col('id')], r[col('name')]].join('\u0000'));
    assert.deepEqual(exported, found);

    // One account's results, through the dialogs: CSV, Chinese headers (remembered), the save dialog.
    const account = [...a.search.accounts.values()].find((acc) => acc.count > 0)!;
    const zh = vscode.Uri.file(path.join(dir, 'found-zh.csv'));
    testInput.script('CSV', '中文', zh);
    await vscode.commands.executeCommand('cloudImageExplorer.exportSearchResults', account);
    const zhRows = parseCsv(fs.readFileSync(zh.fsPath, 'utf8'));
    assert.deepEqual(zhRows[0]?.slice(0, 5), ['云', '账号', '地域', '镜像ID', '镜像名称']);
    assert.equal(zhRows.length - 1, account.count);
    assert.ok(zhRows.slice(1).every((r) => r[1] === account.account.name));
    // The choice is remembered: the next export (no dialogs) writes Chinese headers too.
    const again = vscode.Uri.file(path.join(dir, 'again.csv'));
    await vscode.commands.executeCommand('cloudImageExplorer.exportSearchResults', undefined, again);
    assert.equal(parseCsv(fs.readFileSync(again.fsPath, 'utf8'))[0]?.[0], '云');
    // Back to English, as a user would choose, so that later suites export with the default headers.
    const back = vscode.Uri.file(path.join(dir, 'back.csv'));
    testInput.script('CSV', 'English', back);
    await vscode.commands.executeCommand('cloudImageExplorer.exportSearchResults', account);
    assert.equal(parseCsv(fs.readFileSync(back.fsPath, 'utf8'))[0]?.[0], 'cloud');
  });
});
