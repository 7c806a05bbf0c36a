// Activation in the real extension host: the production build (node scripts/build.js --production,
// what the package ships) copied into a temporary extension folder, launched in code-server with the
// probe (host/probe.ts) as its tests; the probe's JSON comes back through a file. Beside it, two empty
// extensions (the same activation events and engine, an activate() that does nothing) that the probe
// activates the same way, before and after ours: what the host's own activation costs any extension.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EMPTY_IDS, type HostActivation } from './host/shared';

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
  /** The host's own ext.activate() of ours, and of the empty extensions (before and after ours). */
  readonly hostActivation: { readonly ours: HostActivation; readonly empty: readonly HostActivation[] };
  /** Loading dist/sandbox.js (plain Node code) in the same host, for reference. */
  readonly referenceCpuMs: number[];
  readonly referenceBytes: number;
}

const ROOT = path.resolve(__dirname, '../../..');

/** An extension that does nothing, activated by what activates ours, for the same engine. */
function emptyExtension(dir: string, name: string): string {
  const ours = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: unknown; activationEvents: unknown };
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { name, publisher: 'cie-bench', version: '0.0.1', engines: ours.engines, activationEvents: ours.activationEvents, main: './extension.js' };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = function () {};\nexports.deactivate = function () {};\n');
  return dir;
}

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
        ...EMPTY_IDS.map((id) => `--install-folder=${emptyExtension(path.join(tmp, id), id.split('.')[1]!)}`),
        `--extensionTestsPath=${path.join(__dirname, 'host', 'probe')}`,
        `--env=CIE_BENCH_OUT=${out}`,
        `--env=CIE_BENCH_RUNS=${runs}`,
        '--timeout=240',
      ],
      // CIE_BENCH_VERBOSE=1 shows the host's output (when the probe fails).
      { stdio: process.env['CIE_BENCH_VERBOSE'] ? 'inherit' : 'ignore' },
    );
    return JSON.parse(fs.readFileSync(out, 'utf8')) as HostResult;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
