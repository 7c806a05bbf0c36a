#!/usr/bin/env node
// `npm start`: the emulator, then the real VS Code workbench (code-server) with this extension and
// its Sandbox account pointed at that emulator. Prints the workbench URL and stays up until Ctrl+C.
//   npm start                              keep open; open the printed URL in a browser
//   npm start -- --port 8080               a fixed port (forward it when the machine is remote)
//   npm start -- --screenshot shot.png     open the view, expand the sandbox, write a screenshot, exit
//   npm start -- --locale zh-cn            VS Code's display language zh-cn (the extension in Chinese); with
//                                          --screenshot, the default --expand clicks 沙箱 and 华东1（杭州）
//   npm start -- --screenshot s.png --expand "Sandbox,China (Shanghai)" --sidebar-width 470 \
//                --step hover:api-gateway --settle 1500   (--step: see scripts/vscode-web-run.js)
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

const root = path.resolve(__dirname, '..');
const argv = process.argv.slice(2);
function opt(name) {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) { return undefined; }
  const a = argv[i];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
}

function startEmulator() {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'sandbox.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout });
    rl.once('line', (line) => resolve({ child, info: JSON.parse(line) }));
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it was ready`)));
  });
}

async function main() {
  const { child: emulator, info } = await startEmulator();
  console.log(`[start] sandbox emulator: ${Object.entries(info.endpoints).map(([c, u]) => `${c} ${u}`).join(', ')}`);
  // The emulator's endpoints and keys go to the extension host in a file only this user can read; the
  // workbench URL (which carries --env values) gets its path, never the keys.
  const sandboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-sandbox-'));
  const sandboxFile = path.join(sandboxDir, 'sandbox.json');
  fs.writeFileSync(sandboxFile, JSON.stringify(info), { mode: 0o600 });
  const removeSandboxFile = () => fs.rmSync(sandboxDir, { recursive: true, force: true });
  const screenshot = opt('screenshot');
  const locale = opt('locale'); // e.g. zh-cn: VS Code's display language (vscode.env.language)
  const args = [path.join(root, 'scripts', 'vscode-web-run.js'), `--extensionDevelopmentPath=${root}`, `--env=CIE_SANDBOX_FILE=${sandboxFile}`];
  if (locale) { args.push(`--locale=${locale}`); }
  const zh = /^zh/i.test(locale || '');
  if (screenshot) {
    args.push(`--open-view=${zh ? '云镜像' : 'Cloud Images'}`, `--screenshot=${path.resolve(screenshot)}`);
    for (const click of (opt('expand') || (zh ? '沙箱,华东1（杭州）' : 'Sandbox,China (Hangzhou)')).split(',')) { args.push(`--click=${click}`); }
    for (const step of argv.filter((a, i) => argv[i - 1] === '--step' || a.startsWith('--step=')).map((a) => a.replace(/^--step=/, ''))) {
      args.push(`--step=${step}`);
    }
    for (const name of ['settle', 'sidebar-width']) {
      if (opt(name)) { args.push(`--${name}=${opt(name)}`); }
    }
    const command = opt('command');
    if (command) { args.push(`--command=${command}`); }
  } else {
    args.push('--keep-open', `--port=${opt('port') || 0}`);
  }
  const host = spawn(process.execPath, args, { stdio: 'inherit' });
  const stop = () => { emulator.kill(); host.kill('SIGINT'); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  host.on('exit', (code) => { emulator.kill(); removeSandboxFile(); process.exit(code ?? 0); });
}

main().catch((err) => { console.error(`[start] ${err.message || err}`); process.exit(1); });
