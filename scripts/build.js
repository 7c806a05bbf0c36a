#!/usr/bin/env node
// Bundles the extension, the provider stack, the webview script and the emulator into dist/, each its own entry.
//   node scripts/build.js [--watch] [--only=extension|providers|sandbox|webview] [--production] [--outdir=DIR]
// --production minifies and leaves source maps out. dist/extension.js is what activation loads: it must
// not contain the provider stack (every cloud, the HTTP layer, undici), which is dist/providers.js,
// loaded on first use; the build fails if it does. Nor the command handlers: dist/commands.js, loaded on
// the first command, which takes the modules extension.js has from it (one copy of each).
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

// The lazy require of the command handlers (src/commands/index.ts) stays a require, of ./commands.js.
const lazyCommands = {
  name: 'lazy-commands',
  setup(build) {
    build.onResolve({ filter: /^\.\/handlers$/ }, (args) => (args.kind === 'require-call' && args.importer.endsWith(path.join('src', 'commands', 'index.ts')) ? { path: './commands.js', external: true } : undefined));
  },
};

/**
 * dist/commands.js (the handlers) takes every module that dist/extension.js already has from it, the very
 * same instances (one class for instanceof, one state), through extension.js's export __shared; it bundles
 * only what the handlers alone need.
 */
function sharedFromExtension(activationInputs, used) {
  return {
    name: 'shared-from-extension',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.namespace === 'shared') { return { path: args.path, external: true }; }
        if (args.pluginData === 'inner') { return undefined; }
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'inner' });
        const rel = path.relative(root, r.path).split(path.sep).join('/');
        if (!activationInputs.has(rel)) { return r; }
        used.add(rel);
        return { path: rel, namespace: 'shared' };
      });
      build.onLoad({ filter: /.*/, namespace: 'shared' }, (args) => ({ contents: `module.exports = require('./extension.js').__shared[${JSON.stringify(args.path)}];`, loader: 'js' }));
    },
  };
}

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

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !production, minify: production, logLevel: 'warning', absWorkingDir: root };
const entries = {
  extension: { ...node, entryPoints: [path.join(root, 'src/extension.ts')], outfile: path.join(outdir, 'extension.js'), plugins: [lazyProviders, lazyCommands, oneVscode], metafile: true },
  providers: { ...node, entryPoints: [path.join(root, 'src/providers/stack.ts')], outfile: path.join(outdir, 'providers.js') },
  sandbox: { ...node, entryPoints: [path.join(root, 'src/sandbox/main.ts')], outfile: path.join(outdir, 'sandbox.js') },
};

/**
 * dist/commands.js and dist/extension.js from a first build of the activation bundle (not written): its
 * modules are what commands.js takes from it, and extension.js exports those (__shared) for it.
 */
async function buildActivationPair(firstMetafile) {
  const activationInputs = new Set(Object.keys(firstMetafile.inputs));
  const used = new Set();
  const commands = await esbuild.build({ ...node, entryPoints: [path.join(root, 'src/commands/handlers.ts')], outfile: path.join(outdir, 'commands.js'),
    plugins: [lazyProviders, oneVscode, sharedFromExtension(activationInputs, used)], metafile: true });
  // One copy of every module: what extension.js has, commands.js must take from it (e.g. a package imported by a bare name).
  const twice = Object.keys(commands.metafile.inputs).filter((f) => activationInputs.has(f) && f !== 'one-vscode:vscode');
  if (twice.length) {
    throw new Error(`dist/commands.js would have its own copy of modules of dist/extension.js: ${twice.slice(0, 5).join(', ')}`);
  }
  const shared = [...used].sort();
  const contents = [
    "export * from './src/extension';",
    ...shared.map((f, i) => `import * as m${i} from './${f}';`),
    `export const __shared = {${shared.map((f, i) => `${JSON.stringify(f)}: m${i}`).join(', ')}};`,
  ].join('\n');
  const options = { ...entries.extension };
  delete options.entryPoints;
  const result = await esbuild.build({ ...options, stdin: { contents, resolveDir: root, sourcefile: 'activation.js', loader: 'js' } });
  checkActivationBundle(result.metafile);
  return result;
}

const webviewEntry = path.join(root, 'media/details/main.ts');
if (fs.existsSync(webviewEntry)) {
  entries.webview = { bundle: true, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: !production, minify: production,
    logLevel: 'warning', entryPoints: [webviewEntry], outfile: path.join(outdir, 'webview.js') };
}

async function main() {
  const selected = Object.entries(entries).filter(([name]) => !only || name === only);
  if (!selected.length) { throw new Error(`unknown --only=${only}`); }
  for (const [name, options] of selected) {
    if (name === 'extension') {
      // The first build only lists the activation bundle's modules; buildActivationPair writes both bundles.
      const first = { ...options, write: false, sourcemap: false, minify: false };
      if (watch) {
        const pair = { name: 'activation-pair', setup: (b) => b.onEnd((r) => (r.metafile ? buildActivationPair(r.metafile).then(() => undefined, (err) => console.error(err.message || err)) : undefined)) };
        const ctx = await esbuild.context({ ...first, plugins: [...first.plugins, pair] });
        await ctx.watch();
        console.log('[build] watching extension (and commands)');
      } else {
        await buildActivationPair((await esbuild.build(first)).metafile);
        console.log(`[build] extension -> ${path.relative(root, options.outfile)}, commands -> ${path.relative(root, path.join(outdir, 'commands.js'))}`);
      }
      continue;
    }
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
