#!/usr/bin/env node
// Bundles the extension, the provider stack, the webview script and the emulator into dist/, each its own entry.
//   node scripts/build.js [--watch] [--only=extension|providers|sandbox|webview] [--production] [--outdir=DIR]
// --production minifies and leaves source maps out. dist/extension.js is what activation loads: it must
// not contain the provider stack (every cloud, the HTTP layer, undici), which is dist/providers.js,
// loaded on first use; the build fails if it does.
'use strict';
const esbuild = require('esbuild');
const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const watch = args.includes('--watch');
const production = args.includes('--production');
const only = (args.find((a) => a.startsWith('--only=')) || '').slice('--only='.length);
// Where the bundles go (default dist/); the benchmark builds a production copy elsewhere.
const outdir = path.resolve(root, (args.find((a) => a.startsWith('--outdir=')) || '--outdir=dist').slice('--outdir='.length));

// The lazy require of the provider stack (src/accounts/session.ts) stays a require, of ./providers.js.
const lazyProviders = {
  name: 'lazy-providers',
  setup(build) {
    build.onResolve({ filter: /\/providers\/stack$/ }, (args) => (args.kind === 'require-call' ? { path: './providers.js', external: true } : undefined));
  },
};

// Every \`import * as vscode from 'vscode'\` would copy the whole vscode API object at load time (esbuild's
// interop for an external CommonJS module, once per importing file: ~30 ms of activation in the host).
// They all share one ES module instead, which re-exports the API once.
const oneVscode = {
  name: 'one-vscode',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'one-vscode' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'one-vscode' }));
    build.onLoad({ filter: /.*/, namespace: 'one-vscode' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/**
 * What must never be in the activation bundle: a provider (its client, signer, operations), the HTTP layer,
 * undici. A cloud's plain modules may be: mapping.ts (its vocabulary words errors and states at once), rules.ts
 * (input is checked before any request), endpoint.ts (constants) and exportChoice.ts (which images the cloud
 * exports, read from the image's fields: the menu hides Export where it says no).
 */
const NOT_AT_ACTIVATION = [/^src\/providers\/(alibaba|huawei|qingcloud|batchcompute)\/(?!(mapping|rules|endpoint|exportChoice)\.ts$)/, /^src\/providers\/(transport\/http|stack)\.ts$/, /node_modules\/undici\//];

function checkActivationBundle(metafile) {
  const inputs = Object.keys(metafile.inputs);
  const bad = inputs.filter((f) => NOT_AT_ACTIVATION.some((re) => re.test(f)));
  if (bad.length) {
    throw new Error(`dist/extension.js must not contain the provider stack (it is loaded on first use), but has: ${bad.slice(0, 5).join(', ')}`);
  }
}

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning' };
const entries = {
  extension: { ...node, entryPoints: [path.join(root, 'src/extension.ts')], outfile: path.join(outdir, 'extension.js'), plugins: [lazyProviders, oneVscode], metafile: true },
  providers: { ...node, entryPoints: [path.join(root, 'src/providers/stack.ts')], outfile: path.join(outdir, 'providers.js') },
  sandbox: { ...node, entryPoints: [path.join(root, 'src/sandbox/main.ts')], outfile: path.join(outdir, 'sandbox.js') },
};
const webviewEntry = path.join(root, 'media/details/main.ts');
if (fs.existsSync(webviewEntry)) {
  entries.webview = { bundle: true, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: !production, minify: production,
    logLevel: 'warning', entryPoints: [webviewEntry], outfile: path.join(outdir, 'webview.js') };
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
      const result = await esbuild.build(options);
      if (name === 'extension') {
        checkActivationBundle(result.metafile);
      }
      console.log(`[build] ${name} -> ${path.relative(root, options.outfile)}`);
    }
  }
}

main().catch((err) => { console.error(err.message || err); process.exit(1); });
