// The emulator in a process of its own for the benchmark's timed parts, so that its work runs on the
// other core instead of sharing the client's thread (the client is what is measured).
import { fork, type ChildProcess } from 'child_process';
import { Emulator, SANDBOX_CREDENTIALS, type Endpoints, type RequestLogEntry, type SandboxCredentials } from '../../src/sandbox/emulator';
import type { CloudKind } from '../../src/providers/core/model';

interface Options {
  readonly imageCounts?: Partial<Record<CloudKind, Record<string, number>>>;
  readonly latencyMs?: number;
}

type Reply = { type: 'ready'; endpoints: Endpoints } | { type: 'log'; id: number; length: number; since: RequestLogEntry[] };

/** The parent's handle on the emulator process: endpoints, credentials and its request log. */
export class EmulatorProcess {
  private next = 0;
  private readonly waiting = new Map<number, (r: Extract<Reply, { type: 'log' }>) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly endpoints: Endpoints,
  ) {
    child.on('message', (m: Reply) => {
      if (m.type === 'log') {
        this.waiting.get(m.id)?.(m);
        this.waiting.delete(m.id);
      }
    });
  }

  static start(options: Options): Promise<EmulatorProcess> {
    const child = fork(__filename, [JSON.stringify(options)], { stdio: 'inherit' });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('message', (m: Reply) => (m.type === 'ready' ? resolve(new EmulatorProcess(child, m.endpoints)) : reject(new Error('emulator did not start'))));
    });
  }

  credentials(cloud: CloudKind): SandboxCredentials {
    return SANDBOX_CREDENTIALS[cloud];
  }

  /** The request log's length now (a mark), and the entries since an earlier mark. */
  log(mark = 0): Promise<{ length: number; since: RequestLogEntry[] }> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ id, mark });
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.disconnect();
    });
  }
}

if (require.main === module) {
  const options = JSON.parse(process.argv[2] ?? '{}') as Options;
  const emulator = new Emulator({ imageCounts: options.imageCounts, maxLogEntries: 1_000_000 });
  if (options.latencyMs) {
    emulator.faults.addLatency({ ms: options.latencyMs });
  }
  process.on('message', (m: { id: number; mark: number }) => {
    process.send?.({ type: 'log', id: m.id, length: emulator.requestLog.length, since: emulator.requestsSince(m.mark) });
  });
  process.on('disconnect', () => void emulator.stop().then(() => process.exit(0)));
  void emulator.start().then((endpoints) => process.send?.({ type: 'ready', endpoints }));
}
