// The instant filter over a loader's images as the tree applies it: the compacted images, their shared tag
// lists and the folded names and IDs the loader keeps beside them give exactly what a plain search of
// each image gives (the filter's rule before them), for the images of every cloud as the emulator lists
// them and for names, IDs and tags that fold in unusual ways.
import { strict as assert } from 'assert';
import type { CloudKind, Image } from '../../../src/providers/core/model';
import { imageFilter } from '../../../src/tree/filter';
import { ImageLoader } from '../../../src/tree/imageLoader';
import { countMatching, shownImages } from '../../../src/tree/ordering';
import { CloudSandbox, useSandbox } from '../helpers/cloudSandbox';

/** Every UTF-16 unit in lower case on its own (what the filter has always compared). */
function fold(text: string): string {
  return Array.from({ length: text.length }, (_, i) => {
    const lower = text.charAt(i).toLowerCase();
    return lower.length === 1 ? lower : text.charAt(i);
  }).join('');
}

const has = (text: string | undefined, word: string): boolean => text !== undefined && fold(text).includes(fold(word));

/** The filter's rule, searched plainly: every word in the name, ID, status, OS or a tag; key=value in one tag. */
function reference(query: string): (image: Image) => boolean {
  const words = query.split(/\s+/u).filter(Boolean);
  return (image) =>
    words.every((w) => {
      const eq = w.indexOf('=');
      if (eq > 0) {
        return image.tags.some((t) => has(t.key, w.slice(0, eq)) && has(t.value, w.slice(eq + 1)));
      }
      return [image.name, image.id, image.status, image.osName, image.osType].some((s) => has(s, w)) || image.tags.some((t) => has(t.key, w) || has(t.value, w));
    });
}

/** Images whose words fold unusually: capitals, Σ (folds by its neighbours in a whole text), İ (two units), CJK, an ID equal to the name. */
const unusual: Image[] = [
  { id: 'IMG-ΣΟΦΙΑ', name: 'ΟΔΟΣ-Web', regionId: 'r', status: 'Available', owner: 'self', osName: 'Ubuntu 22.04', tags: [{ key: 'Env', value: 'PROD' }] },
  { id: 'img-İstanbul', name: 'İSTANBUL-db', regionId: 'r', status: 'active', owner: 'self', osType: 'Linux', tags: [{ key: 'team', value: 'Data' }, { key: 'env', value: 'test' }] },
  { id: 'centos_7_9_x64_20G_alibase.vhd', name: 'centos_7_9_x64_20G_alibase.vhd', regionId: 'r', status: 'Available', owner: 'system', osName: 'CentOS 7.9 64位', tags: [] },
  { id: 'm-订单', name: '生产-订单服务-Café', regionId: 'r', status: 'Creating', owner: 'self', description: 'ubuntu prod web', progress: 40, tags: [{ key: '项目', value: '电商' }] },
  { id: 'img-win01', name: 'Windows Server 2022', regionId: 'r', status: 'ceased', owner: 'system', osType: 'windows', platform: 'Windows', tags: [] },
];

const QUERIES = [
  'ubuntu', 'UBUNTU 22', 'web prod', 'env=prod', 'env=', 'env', 'team=data env=test', 'prod env=prod web', 'available', 'active',
  'σοφια', 'ΟΔΟΣ', 'οδος', 'i̇stanbul', 'İSTANBUL', 'istanbul', '20g', 'VHD', '订单', '电商', '项目=电', 'café', 'CAFÉ', 'linux',
  'windows 2022', 'no-such-image', 'm-', 'a b c d e', 'a b c d e f g', 'ubuntu prod web available self', '=', '-', 'ubuntu env=prod env=prod',
];

describe('The instant filter over loaded images', () => {
  const sb = new CloudSandbox();
  const providers = useSandbox(sb);

  async function listed(cloud: CloudKind): Promise<Image[]> {
    const provider = providers[cloud];
    const [region] = await provider.listRegions();
    return (await provider.listImages({ regionId: region!.id, pageSize: 50 })).items.slice();
  }

  it('keeps exactly the images a plain search keeps, for images of every cloud and every query', async () => {
    const images = [...unusual];
    for (const cloud of ['alibaba', 'huawei', 'qingcloud', 'batchcompute'] as const) {
      const some = await listed(cloud);
      assert.ok(some.length > 0, `the emulator lists images of ${cloud}`);
      images.push(...some);
    }
    assert.ok(images.some((i) => i.tags.length) && images.some((i) => i.description), 'tagged and described images among them');
    // Loaded as the tree loads them: compacted, in two pages (the second appended to the first).
    const half = Math.floor(images.length / 2);
    const loader = new ImageLoader({
      page: (cursor) => Promise.resolve(cursor ? { items: images.slice(half) } : { items: images.slice(0, half), next: { kind: 'offset', offset: half } }),
      all: () => Promise.resolve(),
    });
    await loader.loadMore();
    await loader.loadMore();
    assert.equal(loader.items.length, images.length);
    for (const query of QUERIES) {
      const expected = images.filter(reference(query)).map((i) => i.id);
      const predicate = imageFilter(query)!;
      assert.deepEqual(images.filter(predicate).map((i) => i.id), expected, `"${query}" on the images as listed`);
      assert.deepEqual(loader.items.filter(predicate).map((i) => i.id), expected, `"${query}" on the loaded images, one by one`);
      assert.equal(countMatching(loader.items, predicate), expected.length, `"${query}" counted as the tree counts`);
      assert.deepEqual(shownImages(loader.items, 'name', predicate).map((i) => i.id).sort(), expected.slice().sort(), `"${query}" shown as the tree shows`);
    }
  });

  it('reads a replaced image and what is left after a removal as they are now', async () => {
    const loader = new ImageLoader({ page: () => Promise.resolve({ items: unusual }), all: () => Promise.resolve() });
    await loader.loadMore();
    const web = imageFilter('web')!;
    assert.equal(countMatching(loader.items, web), 1);
    loader.replace({ ...unusual[1]!, name: 'WEB-db' });
    assert.equal(countMatching(loader.items, web), 2, 'the new name counts');
    loader.remove(unusual[0]!.id);
    assert.deepEqual(loader.items.filter(web).map((i) => i.id), [unusual[1]!.id]);
    assert.equal(countMatching(loader.items, web), 1);
  });
});
