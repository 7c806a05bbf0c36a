// A running emulator of the four clouds with a clock the test moves (it stands still otherwise, so job
// phases are exact), and providers on it that sign with the same clock and back off without sleeping
// (the back-off delays are recorded in `sleeps`).
import { createProvider } from '../../../src/providers/stack';
import { HttpClient } from '../../../src/providers/transport/http';
import type { CloudKind, Credentials } from '../../../src/providers/core/model';
import type { ImageProvider, ProviderContext } from '../../../src/providers/core/provider';
import { Emulator, type EmulatorOptions } from '../../../src/sandbox/emulator';

export class CloudSandbox {
  readonly sleeps: number[] = [];
  readonly http = new HttpClient({
    sleep: (ms) => {
      this.sleeps.push(ms);
      return Promise.resolve();
    },
  });
  readonly emulator: Emulator;
  /** The emulator's (and the providers') clock. */
  private nowMs = Date.now();

  constructor(options: EmulatorOptions = {}) {
    this.emulator = new Emulator({ ...options, now: () => this.nowMs });
  }

  async start(): Promise<void> {
    this.nowMs = Date.now();
    await this.emulator.start();
  }

  async stop(): Promise<void> {
    await this.emulator.stop();
    await this.http.close();
  }

  /** Moves the clock on (jobs progress; signatures stay fresh while the total is well under 15 min). */
  advance(ms: number): void {
    this.nowMs += ms;
  }

  /** What a provider of `cloud` on this emulator is built from; the sandbox's own key unless told otherwise. */
  context(cloud: CloudKind, credentials: Credentials = this.emulator.credentials(cloud)): ProviderContext {
    return { http: this.http, credentials, endpoint: this.emulator.endpoints[cloud], now: () => new Date(this.nowMs) };
  }

  providerOf(cloud: CloudKind): ImageProvider {
    return createProvider(cloud, this.context(cloud));
  }

  /** "Status[ error]" of the requests since a mark, for one operation: what the cloud did, whatever reached the client. */
  calls(mark: number, operation: string): string[] {
    return this.emulator
      .requestsSince(mark)
      .filter((r) => r.operation === operation)
      .map((r) => `${r.status}${r.errorCode ? ` ${r.errorCode}` : ''}`);
  }
}

/**
 * The mocha hooks of a suite on one sandbox: started before, stopped after, no faults and no recorded
 * back-off before each test. Returns a provider of every cloud (filled in when the sandbox has started).
 */
export function useSandbox(sb: CloudSandbox): Record<CloudKind, ImageProvider> {
  const providers = {} as Record<CloudKind, ImageProvider>;
  before(async () => {
    await sb.start();
    for (const cloud of ['alibaba', 'huawei', 'qingcloud', 'batchcompute'] as const) {
      providers[cloud] = sb.providerOf(cloud);
    }
  });
  after(() => sb.stop());
  beforeEach(() => {
    sb.emulator.faults.clear();
    sb.sleeps.length = 0;
  });
  return providers;
}
