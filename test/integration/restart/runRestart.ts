// A real window reload in the middle of an export: the emulator runs outside the extension host (so
// the job outlives it); phase 1 starts the export and runs Reload Window; after the reload phase 2
// checks that tracking resumes, the panel is restored and the job reaches 100 %.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../../../');
  const emulator = spawn(process.execPath, [path.join(root, 'dist', 'sandbox.js')], {
    env: { ...process.env, CIE_EMULATOR_JOB_MS: '25000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: emulator.stdout! }).once('line', resolve);
    emulator.once('exit', (code) => reject(new Error(`the emulator exited (${code})`)));
  });
  const record = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cie-restart-')), 'job.json');
  // The emulator's keys reach the extension host in a file only the user can read, not in the workbench URL.
  const sandboxFile = path.join(path.dirname(record), 'sandbox.json');
  fs.writeFileSync(sandboxFile, info, { mode: 0o600 });
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.resolve(__dirname, './index'),
      vscodeExecutablePath: path.join(root, 'scripts', 'code-web-shim.sh'),
      launchArgs: [`--env=CIE_SANDBOX_FILE=${sandboxFile}`, `--env=CIE_RESTART_RECORD=${record}`],
    });
  } catch (err) {
    console.error('Restart tests failed:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  } finally {
    emulator.kill();
    fs.rmSync(path.dirname(record), { recursive: true, force: true });
  }
}

void main();
