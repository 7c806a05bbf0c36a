// The view's order and grouping of loaded images: newest first by default, by name, by size; groups by OS
// and by image family, images the cloud says nothing about last.
import { strict as assert } from 'assert';
import type { Image } from '../../../src/providers/core/model';
import { countMatching, groupImages, shownImages, sortImages, sortedView } from '../../../src/tree/ordering';

function image(id: string, extra: Partial<Image>): Image {
  return { id, name: id, regionId: 'r', status: 'Available', owner: 'self', tags: [], ...extra };
}

const images = [
  image('b-10', { createdAt: '2024-01-02T00:00:00Z', sizeGiB: 40, platform: 'Ubuntu', family: 'acs:ubuntu' }),
  image('a-2', { createdAt: '2025-06-01T00:00:00Z', sizeGiB: 20, platform: 'CentOS' }),
  image('c-1', { sizeGiB: 100, platform: 'Ubuntu', family: 'acs:ubuntu' }),
  image('a-10', { createdAt: '2023-03-03T00:00:00Z' }),
];

describe('Sorting and grouping loaded images', () => {
  it('puts the newest first and images without a creation time last', () => {
    assert.deepEqual(sortImages(images, 'newest').map((i) => i.id), ['a-2', 'b-10', 'a-10', 'c-1']);
  });

  it('sorts by name with numbers in numeric order, and by size largest first', () => {
    assert.deepEqual(sortImages(images, 'name').map((i) => i.id), ['a-2', 'a-10', 'b-10', 'c-1']);
    assert.deepEqual(sortImages(images, 'size').map((i) => i.id), ['c-1', 'b-10', 'a-2', 'a-10']);
  });

  it('leaves the loaded list (the cloud order paging relies on) as it was', () => {
    const before = images.map((i) => i.id);
    sortImages(images, 'name');
    assert.deepEqual(images.map((i) => i.id), before);
  });

  it('groups by OS and by family in name order, keeping each group in the given order, "other" last', () => {
    const byOs = groupImages(sortImages(images, 'newest'), 'os');
    assert.deepEqual(byOs.map((g) => [g.key, g.images.map((i) => i.id)]), [
      ['CentOS', ['a-2']],
      ['Ubuntu', ['b-10', 'c-1']],
      [undefined, ['a-10']],
    ]);
    const byFamily = groupImages(images, 'family');
    assert.deepEqual(byFamily.map((g) => [g.key, g.images.length]), [['acs:ubuntu', 2], [undefined, 2]]);
  });

  describe('what a region shows, kept between redraws', () => {
    /** Many images with repeated times, sizes and names, so that ties and the merge are exercised. */
    const many = (from: number, to: number): Image[] =>
      Array.from({ length: to - from }, (_, k) => {
        const n = from + k;
        return image(`img-${n}`, {
          name: `web-${n % 7}`,
          createdAt: n % 5 ? `2024-0${(n % 9) + 1}-01T00:00:00Z` : undefined,
          sizeGiB: n % 3 ? (n % 4) * 20 : undefined,
          status: n % 2 ? 'Available' : 'Creating',
        });
      });

    for (const order of ['newest', 'name', 'size'] as const) {
      it(`keeps the ${order} order right as pages are appended (a merge equals a full sort)`, () => {
        const items = many(0, 300);
        assert.deepEqual(sortedView(items, order), sortImages(items, order));
        items.push(...many(300, 420));
        assert.deepEqual(sortedView(items, order).map((i) => i.id), sortImages(items, order).map((i) => i.id));
        items.push(...many(420, 421));
        assert.deepEqual(sortedView(items, order).map((i) => i.id), sortImages(items, order).map((i) => i.id));
      });
    }

    it('gives the same list while nothing changed, and a fresh one for a new list, order or filter', () => {
      const items = many(0, 50);
      const creating = (i: Image): boolean => i.status === 'Creating';
      const first = shownImages(items, 'name', creating);
      assert.equal(shownImages(items, 'name', creating), first);
      assert.deepEqual(first.map((i) => i.id), sortImages(items.filter(creating), 'name').map((i) => i.id));
      assert.deepEqual(shownImages(items, 'newest', creating).map((i) => i.id), sortImages(items.filter(creating), 'newest').map((i) => i.id));
      const available = (i: Image): boolean => i.status === 'Available';
      assert.deepEqual(shownImages(items, 'newest', available).map((i) => i.id), sortImages(items.filter(available), 'newest').map((i) => i.id));
      // A replaced image comes in a new list (the loader's rule): what is shown follows it.
      const renamed = items.slice();
      renamed[0] = { ...renamed[0]!, name: 'zzz' };
      assert.equal(shownImages(renamed, 'name', undefined).at(-1)?.name, 'zzz');
    });

    it('counts the matching images, an appended page on its own, and again for a new filter or list', () => {
      const items = many(0, 100);
      const creating = (i: Image): boolean => i.status === 'Creating';
      assert.equal(countMatching(items, creating), 50);
      items.push(...many(100, 111));
      assert.equal(countMatching(items, creating), items.filter(creating).length);
      const available = (i: Image): boolean => i.status === 'Available';
      assert.equal(countMatching(items, available), items.filter(available).length);
      const fewer = items.filter((i) => i.id !== 'img-1');
      assert.equal(countMatching(fewer, available), items.filter(available).length - 1);
    });

    it('asks the filter once per image for a query: the count and the shown list (in any order, pages appended) share the answers', () => {
      const items = many(0, 200);
      const asked = new Map<string, number>();
      const creating = (i: Image): boolean => {
        asked.set(i.id, (asked.get(i.id) ?? 0) + 1);
        return i.status === 'Creating';
      };
      assert.equal(countMatching(items, creating), items.filter((i) => i.status === 'Creating').length);
      const shown = shownImages(items, 'name', creating);
      assert.deepEqual(shownImages(items, 'newest', creating).map((i) => i.id), sortImages(shown, 'newest').map((i) => i.id));
      items.push(...many(200, 230));
      assert.equal(shownImages(items, 'name', creating).length, countMatching(items, creating));
      assert.equal(asked.size, 230);
      assert.ok([...asked.values()].every((n) => n === 1), 'no image asked twice');
    });
  });
});
