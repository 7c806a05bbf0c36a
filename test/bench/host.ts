// Activation in the real extension host: the production build (node scripts/build.js --production,
// what the package ships) copied into a temporary extension folder, launched in code-server with the
// probe (host/probe.ts) as its tests; the probe's JSON comes back through a file.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface HostResult {
  readonly alreadyActive: boolean;
  readonly runs: number;
  readonly loadMs: number[];
  readonly activateMs: number[];
  readonly loadCpuMs: number[];
  readonly activateCpuMs: number[];
  readonly threadCpu: boolean;
  readonly stateWrites: number;
  readonly atActivation: Array<{ file: string; bytes: number }>;
  readonly firstUseMs: number;
  readonly regions: number;
  readonly atFirstUse: Array<{ file: string; bytes: number }>;
  readonly hostActivateMs: number;
  /** Loading dist/sandbox.js (plain Node code) in the same host, for reference. */
  readonly referenceCpuMs: number[];
  readonly referenceBytes: number;
}

const ROOT = path.resolve(__dirname, '../../..');

export function hostResult(runs: number): HostResult {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-bench-'));
  try {
    const ext = path.join(tmp, 'extension');
    fs.mkdirSync(ext);
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.js'), '--production', `--outdir=${path.join(ext, 'dist')}`], { stdio: 'ignore' });
    for (const f of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json']) {
      fs.copyFileSync(path.join(ROOT, f), path.join(ext, f));
    }
    for (const d of ['l10n', 'media']) {
      fs.cpSync(path.join(ROOT, d), path.join(ext, d), { recursive: true });
    }
    const out = path.join(tmp, 'result.json');
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'scripts/vscode-web-run.js'),
        `--extensionDevelopmentPath=${ext}`,
        `--extensionTestsPath=${path.join(__dirname, 'host', 'probe')}`,
        `--env=CIE_BENCH_OUT=${out}`,
        `--env=CIE_BENCH_RUNS=${runs}`,
        '--timeout=240',
      ],
      { stdio: 'ignore' },
    );
    return JSON.parse(fs.readFileSync(out, 'utf8')) as HostResult;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
