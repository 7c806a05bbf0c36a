// The newest image of an ID's line is found from what the check asks the cloud (over real sockets, the
// emulator): the region's usable own images for an image without a family, the family's images for one
// with a family; one listing per account, region and owner or family however many IDs ask. A public image
// without a family, or of a family the listing refuses, asks nothing.
import { strict as assert } from 'assert';
import { installVscodeShim } from '../helpers/vscodeShim';
installVscodeShim(); // before newest.ts (it imports `vscode`)

import type { AccountConfig, Image } from '../../../src/providers/core/model';
import { namePrefix } from '../../../src/providers/rules/newest';
import type { ImageHit } from '../../../src/editor/lookup';
import { CloudSandbox, useSandbox } from '../helpers/cloudSandbox';

type Newest = typeof import('../../../src/editor/newest');
let newest: Newest;

const REGION = 'cn-hangzhou';
const account: AccountConfig = { id: 'a1', name: 'Sandbox', cloud: 'alibaba' } as AccountConfig;

describe('The newest image of an ID\'s line (editor)', () => {
  const sb = new CloudSandbox();
  const providers = useSandbox(sb);
  let all: Image[];

  before(async () => {
    newest = await import('../../../src/editor/newest');
    all = [];
    let cursor;
    do {
      const page = await providers.alibaba.listImages({ regionId: REGION, pageSize: 100, cursor });
      all.push(...page.items);
      cursor = page.next;
    } while (cursor);
  });

  /** A NewestImages whose kept answers live as long as it does, as LaunchChecks keeps them. */
  function checker(): InstanceType<Newest['NewestImages']> {
    const kept = new Map<string, Promise<unknown>>();
    return new newest.NewestImages(
      () => Promise.resolve(providers.alibaba),
      <T>(key: string, refresh: boolean, ask: () => Promise<T>): Promise<T> => {
        if (refresh || !kept.has(key)) {
          kept.set(key, ask());
        }
        return kept.get(key) as Promise<T>;
      },
    );
  }

  const hit = (image: Image): ImageHit => ({ account, regionId: REGION, regionName: 'China (Hangzhou)', image });
  const signal = new AbortController().signal;
  const byAge = (x: Image, y: Image): number => (y.createdAt ?? '').localeCompare(x.createdAt ?? '') || y.id.localeCompare(x.id);

  it('finds the newest usable own image of the same name prefix, with one listing of the region for many IDs', async () => {
    const own = all.filter((i) => i.owner === 'self' && !i.family);
    const lines = new Map<string, Image[]>();
    own.forEach((i) => lines.set(namePrefix(i.name), [...(lines.get(namePrefix(i.name)) ?? []), i]));
    const cases = [...lines.values()]
      .map((images) => ({ images, best: images.filter((i) => i.status === 'Available').sort(byAge)[0] }))
      .filter((c) => c.best && c.images.length > 1);
    assert.ok(cases.length >= 2, 'lines of several own images in the sandbox');
    const check = checker();
    const mark = sb.emulator.requestLog.length;
    for (const { images, best } of cases) {
      for (const image of images) {
        assert.equal((await check.newest(hit(image), signal, false))?.id, image.id === best!.id ? undefined : best!.id, `${image.name} (${image.id})`);
      }
    }
    const usable = own.filter((i) => i.status === 'Available').length;
    const listed = sb.emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeImages').length;
    assert.equal(listed, Math.ceil(usable / providers.alibaba.maxPageSize), 'the region\'s usable own images, listed once');
  });

  it('lists the family of an image that has one, once per family', async () => {
    // Alibaba's own families ("acs:…") included: its public images are compared within their family too.
    const familied = all.filter((i) => i.family);
    assert.ok(familied.some((i) => i.owner === 'system' && i.family!.startsWith('acs:')), 'public images of Alibaba\'s own families in the sandbox');
    const families = new Set(familied.map((i) => i.family));
    const check = checker();
    const mark = sb.emulator.requestLog.length;
    for (const image of familied) {
      const best = familied.filter((i) => i.family === image.family && i.status === 'Available').sort(byAge)[0];
      assert.equal((await check.newest(hit(image), signal, false))?.id, !best || best.id === image.id ? undefined : best.id, `${image.name} (${image.id})`);
    }
    assert.equal(sb.emulator.requestsSince(mark).length, families.size, 'one listing per family');
  });

  it('asks nothing for a public image of a family the listing\'s rules refuse, and fails nothing', async () => {
    const system: Image = { ...all.find((i) => i.owner === 'system' && i.family)!, family: '-not-a-family' };
    const mark = sb.emulator.requestLog.length;
    assert.equal(await checker().newest(hit(system), signal, false), undefined);
    assert.equal(sb.emulator.requestsSince(mark).length, 0);
  });

  it('asks nothing for a public image without a family', async () => {
    const image: Image = { ...all.find((i) => i.owner === 'self')!, owner: 'marketplace', family: undefined };
    const mark = sb.emulator.requestLog.length;
    assert.equal(await checker().newest(hit(image), signal, false), undefined);
    assert.equal(sb.emulator.requestsSince(mark).length, 0);
  });
});
