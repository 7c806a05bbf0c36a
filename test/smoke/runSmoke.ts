// The package is what gets tested: installs the .vsix that `npm run package` made into the offline
// host (code-server --install-extension), then runs the smoke suite in the real workbench. The
// extension under test comes only from that install: the development path given to the host is a
// bare harness (test/smoke/harness) whose only job is to carry the suite, because VS Code runs an
// extensionTestsPath only beside an extensionDevelopmentPath.
//   node out/test/smoke/runSmoke.js [FILE.vsix]   (default: the newest *.vsix at the repo root)
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../../../');

function newestVsix(): string {
  const found = fs.readdirSync(root).filter((f) => f.endsWith('.vsix'))
    .map((f) => path.join(root, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (!found[0]) {
    throw new Error('no .vsix at the repository root: run `npm run package` first');
  }
  return found[0];
}

function main(): void {
  const vsix = path.resolve(process.argv[2] ?? newestVsix());
  console.log(`[smoke] installing ${path.relative(root, vsix)} into the offline host`);
  const r = spawnSync(process.execPath, [
    path.join(root, 'scripts', 'vscode-web-run.js'),
    `--vsix=${vsix}`,
    `--extensionDevelopmentPath=${path.join(root, 'test', 'smoke', 'harness')}`,
    `--extensionTestsPath=${path.join(__dirname, 'index')}`,
    `--env=CIE_SMOKE_REPO=${root}`,
  ], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[smoke] failed (${r.status ?? r.signal})`);
    process.exit(1);
  }
}

main();
