// The installed extension's page is the user README: it and the images it shows must be in the package
// (.vscodeignore's allow-list) as the relative paths it names; the developer guide is CONTRIBUTING.md.
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
    it(`${readme} is packaged, and every image it shows is a packaged file at a relative path`, () => {
      assert.ok(inPackage(readme));
      const shown = images(read(readme));
      assert.ok(shown.length >= 3, `${readme} shows screenshots`);
      for (const src of shown) {
        assert.ok(!/^[a-z]+:/i.test(src) && !src.startsWith('/'), `${src}: relative, so it renders from the installed package`);
        assert.ok(fs.existsSync(path.join(root, src)), `${src} exists`);
        assert.ok(inPackage(src), `${src} is in the package (.vscodeignore)`);
      }
    });
  }

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

  it('packages with relative links kept (vsce would point them at the repository)', () => {
    assert.ok(read('scripts/package.js').includes("'--no-rewrite-relative-links'"));
  });
});
