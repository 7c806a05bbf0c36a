#!/usr/bin/env node
// `npm run package`: a minified production build and the .vsix a user installs.
//   node scripts/package.js [--out FILE]
// vsce runs `vscode:prepublish` (the production build) itself; dist/ is emptied first so that no
// stale bundle or source map slips in. Any vsce warning fails the packaging, and so does a package
// of 1 MB or more. Prints the file list and the size; the last line is the .vsix path.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const pkg = require(path.join(root, 'package.json'));
const argv = process.argv.slice(2);
const outArg = argv.indexOf('--out');
const out = path.resolve(outArg >= 0 ? argv[outArg + 1] : path.join(root, `${pkg.name}-${pkg.version}.vsix`));
const LIMIT = 1024 * 1024;

function vsce(args) {
  const bin = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const text = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) {
    process.stderr.write(text);
    throw new Error(`vsce ${args[0]} failed (${r.status})`);
  }
  return text;
}

function main() {
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  fs.rmSync(out, { force: true });
  // The installed extension's page (the Extensions view, as the Marketplace) shows a README's images only
  // from http(s) URLs: its sanitizer drops data: and relative sources, its content policy allows https: and
  // data: only. So vsce rewrites the README's relative links to the repository (package.json's repository:
  // images from .../raw/HEAD/, links to .../blob/HEAD/), as it does for the Marketplace; README.md itself
  // keeps relative paths, which GitHub renders.
  const log = vsce(['package', '--no-dependencies', '--out', out]);
  // vsce's own output, minus npm's chatter about this machine's npmrc.
  const lines = log.split('\n').filter((l) => l.trim() && !/^npm warn Unknown user config/.test(l));
  const warnings = lines.filter((l) => /\bWARNING\b|\bwarn(ing)?:/i.test(l));
  if (warnings.length) {
    throw new Error(`vsce warned:\n${warnings.join('\n')}`);
  }
  const files = vsce(['ls', '--no-dependencies']).split('\n').map((l) => l.trim())
    .filter((l) => l && !/^npm warn/.test(l) && !l.startsWith('>') && !l.startsWith('[build]'));
  const size = fs.statSync(out).size;
  console.log(`[package] ${files.length} files:`);
  for (const f of files.sort()) {
    const bytes = fs.statSync(path.join(root, f)).size;
    console.log(`  ${f.padEnd(34)} ${(bytes / 1024).toFixed(1).padStart(8)} KB`);
  }
  console.log(`[package] ${path.relative(root, out)}: ${(size / 1024).toFixed(1)} KB (limit ${LIMIT / 1024} KB)`);
  if (size >= LIMIT) {
    throw new Error(`the package is ${size} bytes, over the 1 MB limit`);
  }
  console.log(out);
}

try {
  main();
} catch (err) {
  console.error(`[package] ${err.message || err}`);
  process.exit(1);
}
