// The view's order and grouping of loaded images: newest first by default, by name, by size; groups by OS
// and by image family, images the cloud says nothing about last.
import { strict as assert } from 'assert';
import type { Image } from '../../../src/providers/core/model';
import { groupImages, sortImages } from '../../../src/tree/ordering';

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
});
