// The installed package, as a user gets it: it is the .vsix's copy that runs (not the development
// folder), its README is the user README with https links and pictures (what its page renders), its build
// is the minified production one, and in the real workbench the view opens and a sandbox region lists its images.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { AccountNode, ImageNode, Node, RegionNode } from '../../src/tree/nodes';

const ID = 'cloud-image-explorer.cloud-image-explorer';

async function children(a: ExtensionApi, node?: Node): Promise<Node[]> {
  return (await a.tree.getChildren(node)) ?? [];
}

describe('The installed .vsix in the real workbench', () => {
  let ext: vscode.Extension<ExtensionApi>;

  it('is the copy installed from the package, not the development folder', () => {
    const found = vscode.extensions.getExtension<ExtensionApi>(ID);
    assert.ok(found, `${ID} is installed`);
    ext = found;
    const repo = process.env['CIE_SMOKE_REPO'] ?? '';
    assert.ok(repo, 'the runner names the repository');
    assert.notEqual(path.resolve(ext.extensionPath), path.resolve(repo));
    assert.ok(!ext.extensionPath.startsWith(repo + path.sep), `${ext.extensionPath} is outside the repository`);
    for (const absent of ['src', 'test', 'scripts', 'node_modules', 'tsconfig.json']) {
      assert.ok(!fs.existsSync(path.join(ext.extensionPath, absent)), `${absent} is not in the package`);
    }
  });

  it('carries the user README for its page: the repository\'s, its links and pictures made https URLs', () => {
    // vsce stores it as readme.md; the Extensions view renders it, with images only from http(s) URLs.
    const name = fs.readdirSync(ext.extensionPath).find((f) => f.toLowerCase() === 'readme.md');
    assert.ok(name, 'the package has a README');
    const text = fs.readFileSync(path.join(ext.extensionPath, name), 'utf8');
    for (const section of ['Install', 'Add an account', 'Settings', 'Privacy and telemetry']) {
      assert.match(text, new RegExp(`^## ${section}$`, 'm'), `the "${section}" section`);
    }
    // Not the developer guide (CONTRIBUTING.md's): no build or test instructions.
    for (const developer of ['## Layout', '## Commands while developing', 'npm run ', 'npm ci']) {
      assert.ok(!text.includes(developer), `no "${developer}"`);
    }
    assert.match(text, /\]\(https:\/\/[^)\s]+\/README\.zh-cn\.md\)/, 'the Chinese README is linked by an https URL');
    const pictures = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g), ...text.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)/gi)].map((m) => m[1]!);
    assert.ok(pictures.length >= 3, `${pictures.length} pictures`);
    for (const src of pictures) {
      assert.match(src, /^https:\/\//, src);
    }
    // The repository's README.md itself, but for the links vsce made absolute (package.json's repository).
    const repository = (ext.packageJSON as { repository: { url: string } }).repository.url.replace(/\.git$/, '');
    const local = text.split(`${repository}/raw/HEAD/`).join('').split(`${repository}/blob/HEAD/`).join('');
    assert.equal(local, fs.readFileSync(path.join(process.env['CIE_SMOKE_REPO'] ?? '', 'README.md'), 'utf8'));
  });

  it('runs the minified production build (no source maps)', () => {
    const main = fs.readFileSync(path.join(ext.extensionPath, 'dist', 'extension.js'), 'utf8');
    assert.ok(!main.includes('sourceMappingURL'), 'no source map reference');
    // esbuild's minifier keeps the newlines inside template literals: a few hundred lines at most,
    // where the development build has tens of thousands.
    const lines = main.split('\n').length;
    assert.ok(lines < 1000 && main.length / lines > 1000, `minified (${lines} lines)`);
  });

  it('opens the Images view and lists a sandbox region\'s images', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.cloudImageExplorer');
    // Opening the view is what activates the extension (onView), as for a user.
    for (const started = Date.now(); !ext.isActive && Date.now() - started < 30_000;) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(ext.isActive, 'opening the view activated the extension');
    const a = ext.exports;
    const account = (await children(a)).find(
      (n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.sandbox === true && (n as AccountNode).account.cloud === 'alibaba',
    );
    assert.ok(account, 'the Alibaba sandbox account is listed');
    const region = (await children(a, account)).find((n): n is RegionNode => n.kind === 'region' && (n as RegionNode).region.id === 'cn-hangzhou');
    assert.ok(region, 'China (Hangzhou) is listed');
    const images = (await children(a, region)).filter((n): n is ImageNode => n.kind === 'image');
    assert.ok(images.length > 0, 'the region lists images');
    assert.match(images[0]!.image.id, /^m-/);
  });
});
