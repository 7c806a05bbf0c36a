// A running emulator with a clock the test moves (it stands still otherwise, so percentages are exact),
// and an Alibaba provider on it that signs with the same clock and retries at once.
import { AlibabaEcsProvider } from '../../../src/providers/alibaba/provider';
import { HttpClient } from '../../../src/providers/http';
import type { Credentials, Image, ImageFilter } from '../../../src/providers/model';
import { Emulator, type EmulatorOptions } from '../../../src/sandbox/emulator';

export class AlibabaSandbox {
  readonly http = new HttpClient({ sleep: () => Promise.resolve() });
  readonly emulator: Emulator;
  provider!: AlibabaEcsProvider;
  /** The emulator's (and the provider's) clock. */
  private nowMs = Date.now();

  constructor(options: EmulatorOptions = {}) {
    this.emulator = new Emulator({ ...options, now: () => this.nowMs });
  }

  async start(): Promise<void> {
    this.nowMs = Date.now();
    await this.emulator.start();
    this.provider = this.providerWith(this.emulator.credentials('alibaba'));
  }

  async stop(): Promise<void> {
    await this.emulator.stop();
    await this.http.close();
  }

  /** Moves the clock on (jobs progress; signatures stay fresh while the total is well under 15 min). */
  advance(ms: number): void {
    this.nowMs += ms;
  }

  providerWith(credentials: Credentials): AlibabaEcsProvider {
    // The provider signs with the same clock as the emulator.
    return new AlibabaEcsProvider({ http: this.http, credentials, endpoint: this.emulator.endpoints.alibaba, now: () => new Date(this.nowMs) });
  }

  /** Every image of the region that matches, all pages. */
  async images(regionId: string, filter?: ImageFilter): Promise<Image[]> {
    const all: Image[] = [];
    let cursor;
    do {
      const page = await this.provider.listImages({ regionId, pageSize: 100, cursor, filter, raw: true });
      all.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return all;
  }

  /** Own, available images that are not shared (so nothing but use blocks deleting them). */
  async plainOwnImages(regionId: string): Promise<Image[]> {
    return (await this.images(regionId, { owner: 'self', status: 'Available' })).filter((i) => i.raw?.['IsSelfShared'] !== 'True');
  }

  /** "Operation status/error" of the requests since a mark, for one operation. */
  calls(mark: number, operation: string): string[] {
    return this.emulator
      .requestsSince(mark)
      .filter((r) => r.operation === operation)
      .map((r) => `${r.status}${r.errorCode ? ` ${r.errorCode}` : ''}`);
  }
}

export async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}
