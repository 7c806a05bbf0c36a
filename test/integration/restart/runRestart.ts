// A real window reload in the middle of an export and of an upload: the emulator runs outside the
// extension host (here, in the launcher's process, so the jobs and the bucket outlive the host); phase 1
// starts the work and runs Reload Window; after the reload phase 2 checks that tracking resumes, the
// panel is restored, the export reaches 100 % and the upload continues from the parts the bucket holds.
// The tests read the emulator's request log and inject faults through a loopback handle (control.ts).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { Emulator } from '../../../src/sandbox/emulator';
import { serveControl } from './control';

/** Each part of the upload across the reload waits this long before the store reads it (a slow link). */
const PART_LATENCY_MS = 1000;

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../../../');
  const emulator = new Emulator({ jobDurationMs: 25_000 });
  emulator.faults.addLatency({ ms: PART_LATENCY_MS, cloud: 'alibaba', operation: 'UploadPart' });
  const endpoints = await emulator.start();
  const control = await serveControl(emulator);
  const info = JSON.stringify({ endpoints, credentials: Object.fromEntries(emulator.clouds.map((c) => [c, emulator.credentials(c)])) });
  const record = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cie-restart-')), 'job.json');
  // The emulator's keys reach the extension host in a file only the user can read, not in the workbench URL.
  const sandboxFile = path.join(path.dirname(record), 'sandbox.json');
  fs.writeFileSync(sandboxFile, info, { mode: 0o600 });
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.resolve(__dirname, './index'),
      vscodeExecutablePath: path.join(root, 'scripts', 'code-web-shim.sh'),
      launchArgs: [`--env=CIE_SANDBOX_FILE=${sandboxFile}`, `--env=CIE_RESTART_RECORD=${record}`, `--env=CIE_RESTART_CONTROL=${control.url}`],
    });
  } catch (err) {
    console.error('Restart tests failed:', err instanceof Error ? err.message : err);
    process.exitCode = 1;
  } finally {
    await control.close();
    await emulator.stop();
    fs.rmSync(path.dirname(record), { recursive: true, force: true });
  }
}

void main();
