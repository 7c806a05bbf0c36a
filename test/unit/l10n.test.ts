// Every user-facing string goes through vscode.l10n and has a Simplified Chinese translation.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function readJson(rel: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as Record<string, unknown>;
}

/** The literal first argument of every l10n.t( … ) call; a call whose message is not a literal is reported. */
function messages(file: string): { found: string[]; nonLiteral: number } {
  const text = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  let nonLiteral = 0;
  const call = /l10n\.t\(\s*/g;
  let m: RegExpExecArray | null;
  while ((m = call.exec(text))) {
    const rest = text.slice(m.index + m[0].length);
    const lit = /^'((?:[^'\\]|\\.)*)'/.exec(rest) ?? /^"((?:[^"\\]|\\.)*)"/.exec(rest);
    if (lit) {
      found.push(JSON.parse(`"${lit[1]!.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string);
    } else {
      nonLiteral++;
    }
  }
  return { found, nonLiteral };
}

describe('Localisation (en, zh-cn)', () => {
  const zh = readJson('l10n/bundle.l10n.zh-cn.json');
  const files = sources(path.join(root, 'src'));

  it('finds the messages it checks', () => {
    const total = files.reduce((n, f) => n + messages(f).found.length, 0);
    assert.ok(total > 40, `only ${total} messages found: the scan is broken`);
  });

  it('translates every l10n.t message of the extension into zh-cn', () => {
    const missing: string[] = [];
    for (const file of files) {
      const { found, nonLiteral } = messages(file);
      assert.equal(nonLiteral, 0, `${path.relative(root, file)} calls l10n.t with a message that is not a literal`);
      for (const msg of found) {
        const t = zh[msg];
        if (typeof t !== 'string' || !t.trim()) {
          missing.push(`${path.relative(root, file)}: ${msg}`);
        }
      }
    }
    assert.deepEqual(missing, []);
  });

  it('writes plurals as whole sentences, not "image(s)"', () => {
    const tricks = [...new Set(files.flatMap((f) => messages(f).found))].filter((m) => /\w\((s|es)\)/.test(m));
    assert.deepEqual(tricks, []);
    const pkg = { ...readJson('package.nls.json') };
    assert.deepEqual(Object.entries(pkg).filter(([, v]) => /\w\((s|es)\)/.test(String(v))).map(([k]) => k), []);
  });

  it('keeps no stale zh-cn entry and the same {n} placeholders in both languages', () => {
    const used = new Set(files.flatMap((f) => messages(f).found));
    const stale = Object.keys(zh).filter((k) => !used.has(k));
    assert.deepEqual(stale, []);
    const ph = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();
    const mismatched = Object.entries(zh).filter(([en, cn]) => typeof cn !== 'string' || ph(cn).join() !== ph(en).join());
    assert.deepEqual(mismatched.map(([en]) => en), [], 'placeholders differ');
  });

  it('leaves no zh-cn text identical to its English, except proper names and codes', () => {
    // Product names, key names and unit symbols that Chinese UIs write the same way.
    const SAME_IN_BOTH = new Set(['AccessKey ID', 'ID', '{0} GiB', '{0} MiB']);
    const identical = Object.entries(zh).filter(([en, cn]) => en === cn && !SAME_IN_BOTH.has(en));
    assert.deepEqual(identical.map(([en]) => en), []);
    const nls = readJson('package.nls.json');
    const nlsZh = readJson('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(nls).filter((k) => nls[k] === nlsZh[k]), [], 'package.nls.zh-cn.json');
    // The allow-list stays small and only names strings that exist.
    assert.ok([...SAME_IN_BOTH].every((k) => k in zh), 'every allow-listed string is in the bundle');
  });

  it('addresses the user as 你 (as VS Code does in Chinese) and punctuates Chinese sentences the Chinese way', () => {
    const cjk = '[\\u4e00-\\u9fff]';
    const asciiBetween = new RegExp(`${cjk}[,;:?!]\\s*${cjk}|${cjk}\\.$`);
    const texts: [string, string][] = [
      ...Object.entries(zh).map(([k, v]): [string, string] => [`bundle: ${k}`, String(v)]),
      ...Object.entries(readJson('package.nls.zh-cn.json')).map(([k, v]): [string, string] => [`package.nls: ${k}`, String(v)]),
    ];
    assert.deepEqual(texts.filter(([, v]) => v.includes('您')).map(([k]) => k), [], 'one form of address: 你');
    assert.deepEqual(texts.filter(([, v]) => asciiBetween.test(v)).map(([k]) => k), [], 'ASCII punctuation in a Chinese sentence');
    assert.doesNotMatch(fs.readFileSync(path.join(root, 'README.zh-cn.md'), 'utf8'), /您/, 'README.zh-cn.md: one form of address');
  });

  it('localises every %key% of package.json in English and zh-cn', () => {
    const manifest = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const keys = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!))];
    assert.ok(keys.length > 10);
    for (const bundle of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = readJson(bundle);
      assert.deepEqual(keys.filter((k) => typeof nls[k] !== 'string'), [], bundle);
      assert.deepEqual(Object.keys(nls).filter((k) => !keys.includes(k)), [], `${bundle} has unused keys`);
    }
  });

  it('keeps vscode out of the provider core and the emulator', () => {
    const plain = files.filter((f) => /[\\/]src[\\/](providers|sandbox)[\\/]/.test(f));
    assert.ok(plain.length > 5);
    for (const f of plain) {
      assert.doesNotMatch(fs.readFileSync(f, 'utf8'), /from 'vscode'|require\('vscode'\)/, path.relative(root, f));
    }
  });
});
