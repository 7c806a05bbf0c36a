// Loaded by the real extension host (extensionTestsPath) for `npm run bench`. Activation is loading the
// main module and calling its activate(): both are timed here, in the host, with the real vscode API,
// several times (a fresh copy of the module each time; the first is the cold one). The context is an
// in-memory one that counts state writes. Then the first use (the first account's regions, which loads
// the provider stack), and once the host's own activation (ext.activate(), with the host's context
// set-up), side by side with empty extensions activated the same way (host.ts installs them: one before
// ours, one after), so that what the host costs any extension and what ours adds read apart. Writes JSON to
// CIE_BENCH_OUT.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EMPTY_IDS, type HostActivation } from './shared';

interface Api {
  tree: { getChildren(node?: unknown): Promise<Array<{ kind: string }>> | Array<{ kind: string }> };
}

interface Main {
  activate(context: vscode.ExtensionContext): Api;
  deactivate(): Promise<void>;
}

const EXTENSION_ID = 'cloud-image-explorer.cloud-image-explorer';
interface Marks {
  mark(name: string): void;
  getMarks(): Array<{ name: string; startTime: number }>;
}

/** The host's `ext.activate()` of one extension, timed by the host's own marks. */
async function hostActivation(id: string): Promise<HostActivation> {
  const ext = vscode.extensions.getExtension(id);
  if (!ext) {
    throw new Error(`${id} is not installed in this host`);
  }
  const marks = (globalThis as { MonacoPerformanceMarks?: Marks }).MonacoPerformanceMarks;
  const wasActive = ext.isActive;
  marks?.mark(`cie/bench/call/${id}`);
  const t = performance.now();
  await ext.activate();
  const wallMs = performance.now() - t;
  marks?.mark(`cie/bench/settled/${id}`);
  const at = new Map((marks?.getMarks() ?? []).map((m) => [m.name, m.startTime]));
  const step = (from: string, to: string): number | undefined => {
    const a = at.get(from);
    const b = at.get(to);
    return a !== undefined && b !== undefined ? b - a : undefined;
  };
  const willLoad = `code/extHost/willLoadExtensionCode/${id}`;
  const didLoad = `code/extHost/didLoadExtensionCode/${id}`;
  const willActivate = `code/extHost/willActivateExtension/${id}`;
  const didActivate = `code/extHost/didActivateExtension/${id}`;
  return {
    id,
    wasActive,
    wallMs,
    loadMs: step(willLoad, didLoad),
    contextMs: step(didLoad, willActivate),
    activateMs: step(willActivate, didActivate),
    spanMs: step(willLoad, didActivate),
  };
}


/** CPU time of this thread in ms (of the process where the thread's own is not available): unlike wall time, not stretched by other processes on a busy machine. */
function cpuMs(): number {
  const p = process as unknown as { threadCpuUsage?: () => NodeJS.CpuUsage };
  const u = p.threadCpuUsage ? p.threadCpuUsage() : process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function filesOf(root: string, before: ReadonlySet<string>): Array<{ file: string; bytes: number }> {
  return Object.keys(require.cache)
    .filter((f) => !before.has(f) && f.startsWith(root))
    .map((f) => ({ file: path.relative(root, f), bytes: fs.statSync(f).size }));
}

/** In-memory state that counts writes. */
class Memento {
  writes = 0;
  private readonly data = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.data.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.data.has(key) ? (this.data.get(key) as T) : fallback;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.writes++;
    this.data.set(key, value);
    return Promise.resolve();
  }
  setKeysForSync(): void {}
}

function context(ext: vscode.Extension<unknown>, state: Memento): vscode.ExtensionContext {
  const secrets = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  const ctx = {
    subscriptions: [] as vscode.Disposable[],
    extensionPath: ext.extensionPath,
    extensionUri: ext.extensionUri,
    globalState: state,
    workspaceState: new Memento(),
    secrets: {
      get: (k: string) => Promise.resolve(secrets.get(k)),
      store: (k: string, v: string) => Promise.resolve(void secrets.set(k, v)),
      delete: (k: string) => Promise.resolve(void secrets.delete(k)),
      onDidChange: changed.event,
    },
  };
  return ctx as unknown as vscode.ExtensionContext;
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    throw new Error(`${EXTENSION_ID} is not installed in this host`);
  }
  const runs = Number(process.env['CIE_BENCH_RUNS'] ?? '7');
  const main = require.resolve(path.join(ext.extensionPath, String((ext.packageJSON as { main?: string }).main ?? 'dist/extension.js')));
  const alreadyActive = ext.isActive;
  const loadMs: number[] = [];
  const activateMs: number[] = [];
  const loadCpuMs: number[] = [];
  const activateCpuMs: number[] = [];
  let atActivation: Array<{ file: string; bytes: number }> = [];
  let stateWrites = 0;
  let firstUseMs = 0;
  let regions = 0;
  let atFirstUse: Array<{ file: string; bytes: number }> = [];
  for (let i = 0; i < runs; i++) {
    delete require.cache[main];
    const before = new Set(Object.keys(require.cache));
    let t = performance.now();
    let c = cpuMs();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(main) as Main;
    loadMs.push(performance.now() - t);
    loadCpuMs.push(cpuMs() - c);
    const state = new Memento();
    const ctx = context(ext, state);
    t = performance.now();
    c = cpuMs();
    const api = mod.activate(ctx);
    activateMs.push(performance.now() - t);
    activateCpuMs.push(cpuMs() - c);
    stateWrites += state.writes;
    if (i === 0) {
      atActivation = filesOf(ext.extensionPath, before);
      // The first use after the cold activation: the first account's regions (loads the provider stack).
      const beforeUse = new Set(Object.keys(require.cache));
      t = performance.now();
      const accounts = await api.tree.getChildren();
      const account = accounts.find((n) => n.kind === 'account');
      regions = account ? (await api.tree.getChildren(account)).filter((n) => n.kind === 'region').length : 0;
      firstUseMs = performance.now() - t;
      atFirstUse = filesOf(ext.extensionPath, beforeUse);
    }
    ctx.subscriptions.forEach((d) => d.dispose());
    await mod.deactivate();
  }

  // For reference: loading the emulator's bundle (no vscode API, no activation) in the same host.
  const reference = path.join(ext.extensionPath, 'dist', 'sandbox.js');
  const referenceCpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    delete require.cache[require.resolve(reference)];
    const c = cpuMs();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(reference);
    referenceCpuMs.push(cpuMs() - c);
  }
  const referenceBytes = fs.statSync(reference).size;

  // The host's own activation, with its context set-up: an empty extension, ours, another empty one.
  // Ours from its file, as the host loads it for a user (not the copy the runs above left in the cache).
  delete require.cache[main];
  const emptyBefore = await hostActivation(EMPTY_IDS[0]);
  const ours = await hostActivation(EXTENSION_ID);
  const emptyAfter = await hostActivation(EMPTY_IDS[1]);
  const activations = { ours, empty: [emptyBefore, emptyAfter] };

  const result = { alreadyActive, runs, loadMs, activateMs, loadCpuMs, activateCpuMs, threadCpu: typeof (process as { threadCpuUsage?: unknown }).threadCpuUsage === 'function', stateWrites, atActivation, firstUseMs, regions, atFirstUse, hostActivation: activations, referenceCpuMs, referenceBytes };
  const out = process.env['CIE_BENCH_OUT'];
  if (out) {
    fs.writeFileSync(out, JSON.stringify(result));
  }
  console.log(`CIE_BENCH ${JSON.stringify(result)}`);
}
