#!/usr/bin/env node
// Bundles the extension, the webview script and the emulator into dist/, each its own entry.
//   node scripts/build.js [--watch] [--only=extension|sandbox|webview] [--production]
'use strict';
const esbuild = require('esbuild');
const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const watch = args.includes('--watch');
const production = args.includes('--production');
const only = (args.find((a) => a.startsWith('--only=')) || '').slice('--only='.length);

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning' };
const entries = {
  extension: { ...node, entryPoints: [path.join(root, 'src/extension.ts')], outfile: path.join(root, 'dist/extension.js'), external: ['vscode'] },
  sandbox: { ...node, entryPoints: [path.join(root, 'src/sandbox/main.ts')], outfile: path.join(root, 'dist/sandbox.js') },
};
const webviewEntry = path.join(root, 'media/details/main.ts');
if (fs.existsSync(webviewEntry)) {
  entries.webview = { bundle: true, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: !production, minify: production,
    logLevel: 'warning', entryPoints: [webviewEntry], outfile: path.join(root, 'dist/webview.js') };
}

async function main() {
  const selected = Object.entries(entries).filter(([name]) => !only || name === only);
  if (!selected.length) { throw new Error(`unknown --only=${only}`); }
  for (const [name, options] of selected) {
    if (watch) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
      console.log(`[build] watching ${name}`);
    } else {
      await esbuild.build(options);
      console.log(`[build] ${name} -> ${path.relative(root, options.outfile)}`);
    }
  }
}

main().catch((err) => { console.error(err.message || err); process.exit(1); });
