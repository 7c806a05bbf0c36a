// The installed extension's page is the user README. It names its pictures by relative path (GitHub renders
// them); the page shows images only from http(s) URLs, so vsce points them at the repository when it
// packages (scripts/package.js). The developer guide is CONTRIBUTING.md.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../../../..');
const read = (rel: string): string => fs.readFileSync(path.join(root, rel), 'utf8');

/** The allow-list's `!glob` lines as regular expressions (`*` within one folder). */
function packaged(): RegExp[] {
  return read('.vscodeignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('!'))
    .map((l) => new RegExp(`^${l.slice(1).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
}

function images(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

describe('The Marketplace page (README in the package)', () => {
  const allowed = packaged();
  const inPackage = (file: string): boolean => allowed.some((re) => re.test(file));

  for (const readme of ['README.md', 'README.zh-cn.md']) {
    it(`${readme}: every image it shows is a file of the repository at a relative path (as GitHub renders it)`, () => {
      const shown = images(read(readme));
      assert.ok(shown.length >= 3, `${readme} shows screenshots`);
      for (const src of shown) {
        assert.ok(!/^[a-z]+:/i.test(src) && !src.startsWith('/'), `${src}: relative`);
        assert.ok(fs.existsSync(path.join(root, src)), `${src} exists`);
      }
    });
  }

  it('is packaged with its relative links pointed at the repository by vsce: the installed page shows images only from http(s) URLs', () => {
    assert.ok(inPackage('README.md'));
    const script = read('scripts/package.js');
    assert.ok(!script.includes('--no-rewrite-relative-links') && !script.includes('--baseImagesUrl'), 'vsce rewrites the links to the repository');
    const repository = (JSON.parse(read('package.json')) as { repository?: { url?: string } }).repository?.url ?? '';
    assert.match(repository, /^https:\/\/github\.com\/[^/]+\/[^/]+\.git$/, 'a repository vsce can point the links at');
    assert.ok(!inPackage('README.zh-cn.md') && !inPackage('media/readme/export.jpg'), 'what only the repository shows is not packaged');
    assert.ok(inPackage('media/walkthrough/sandbox.jpg') && inPackage('media/walkthrough/sandbox.zh-cn.jpg'), 'the walkthrough\'s pictures are');
  });

  it('is written for users: install, accounts, settings, privacy, the Chinese link; the developer guide is CONTRIBUTING.md', () => {
    const en = read('README.md');
    for (const heading of ['## Install', '## Add an account', '## Settings', '## Privacy and telemetry']) {
      assert.ok(en.includes(heading), heading);
    }
    assert.ok(en.includes('(README.zh-cn.md)'));
    assert.ok(!/npm (start|test|run)/.test(en), 'no developer commands on the user page');
    const contributing = read('CONTRIBUTING.md');
    for (const fact of ['npm start', 'npm test', 'npm run bench', '## Layout', '.ci/run']) {
      assert.ok(contributing.includes(fact), fact);
    }
    assert.ok(!inPackage('CONTRIBUTING.md'), 'the developer guide stays out of the package');
  });

  for (const [readme, heading] of [['README.md', '## Settings'], ['README.zh-cn.md', '## 设置']] as const) {
    it(`${readme}: its settings table names every setting the extension contributes, and the section Settings shows them in`, () => {
      const text = read(readme);
      const start = text.indexOf(heading);
      assert.ok(start >= 0, heading);
      const end = text.indexOf('\n## ', start + heading.length);
      const table = text.slice(start, end < 0 ? undefined : end);
      // A row names a setting in full, or by its last part after the same row's first setting ("`.codeLens`").
      const rows = table.split('\n').filter((l) => l.startsWith('| `cloudImageExplorer.'));
      const manifest = JSON.parse(read('package.json')) as { contributes: { configuration: { title: string; properties: Record<string, unknown> } } };
      const missing = Object.keys(manifest.contributes.configuration.properties).filter((key) => {
        const last = key.slice(key.lastIndexOf('.'));
        return !rows.some((row) => row.includes(`\`${key}\``) || (row.includes(`\`${key.slice(0, key.lastIndexOf('.'))}.`) && row.includes(`\`${last}\``)));
      });
      assert.deepEqual(missing, []);
      const nls = JSON.parse(read(readme === 'README.md' ? 'package.nls.json' : 'package.nls.zh-cn.json')) as Record<string, string>;
      const title = nls[manifest.contributes.configuration.title.replace(/%/g, '')];
      assert.ok(title && table.includes(`→ ${title}**`), `the Settings section is "${title}"`);
    });
  }
});
