// The four-cloud sandbox (cloudSandbox.ts) with an Alibaba provider on it, and Alibaba's image queries.
import { AlibabaEcsProvider } from '../../../src/providers/alibaba/provider';
import type { Credentials, Image, ImageFilter } from '../../../src/providers/core/model';
import { CloudSandbox } from './cloudSandbox';

export class AlibabaSandbox extends CloudSandbox {
  provider!: AlibabaEcsProvider;

  override async start(): Promise<void> {
    await super.start();
    this.provider = this.providerWith(this.emulator.credentials('alibaba'));
  }

  providerWith(credentials: Credentials): AlibabaEcsProvider {
    return new AlibabaEcsProvider(this.context('alibaba', credentials));
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
}

export async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}
