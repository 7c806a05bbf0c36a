#!/usr/bin/env node
// Set-up for `npm start` and `npm test` on a fresh machine, and a no-op when all is in place:
//  1. node_modules from package-lock.json (npm ci) when missing or stale;
//  2. the offline VS Code host: code-server on Node 24 from npm, and Debian's Chromium
//     (scripts/setup-vscode-web.sh; ~4 minutes the first time, nothing after).
// Nothing here downloads a binary from anywhere but the npm registry and Debian's apt.
'use strict';
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'node_modules', '.cie-lock-hash');

function lockHash() {
  return crypto.createHash('sha256').update(fs.readFileSync(path.join(root, 'package-lock.json'))).digest('hex');
}

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
}

const hash = lockHash();
if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== hash) {
  console.log('[setup] installing node_modules (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  fs.writeFileSync(stamp, hash);
}

if (process.env.CIE_SKIP_VSCODE_SETUP !== '1') {
  const out = execFileSync('bash', [path.join(root, 'scripts', 'setup-vscode-web.sh')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = out.toString().trim().split('\n').filter((l) => l.startsWith('export '));
  if (lines.length) {
    console.log(`[setup] VS Code host ready (${lines.map((l) => l.replace(/^export /, '')).join(', ')})`);
  }
}
