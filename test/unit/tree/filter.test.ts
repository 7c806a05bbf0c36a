// The instant filter: what a user typing in the filter box expects to keep and to hide.
import { strict as assert } from 'assert';
import type { Image } from '../../../src/providers/core/model';
import { imageFilter } from '../../../src/tree/filter';

const images: Image[] = [
  { id: 'm-bp1web', name: 'web-frontend-v12', regionId: 'r', status: 'Available', owner: 'self', osName: 'Ubuntu 22.04 64 bit', osType: 'linux', tags: [{ key: 'env', value: 'prod' }] },
  { id: 'm-bp2db', name: '生产-订单服务', regionId: 'r', status: 'Creating', owner: 'self', osName: 'CentOS 7.9', tags: [{ key: 'team', value: 'data' }, { key: 'env', value: 'test' }] },
  { id: 'img-win01', name: 'Windows Server 2022', regionId: 'r', status: 'available', owner: 'system', osType: 'windows', tags: [] },
];

const kept = (query: string): string[] => {
  const test = imageFilter(query);
  return (test ? images.filter(test) : images).map((i) => i.id);
};

describe('imageFilter', () => {
  it('matches name, ID, OS, status and tags, ignoring case', () => {
    assert.deepEqual(kept('WEB'), ['m-bp1web']);
    assert.deepEqual(kept('bp2'), ['m-bp2db']);
    assert.deepEqual(kept('ubuntu'), ['m-bp1web']);
    assert.deepEqual(kept('windows'), ['img-win01'], 'the OS type too');
    assert.deepEqual(kept('creating'), ['m-bp2db']);
    assert.deepEqual(kept('available'), ['m-bp1web', 'img-win01']);
    assert.deepEqual(kept('data'), ['m-bp2db'], 'a tag value');
    assert.deepEqual(kept('订单'), ['m-bp2db'], 'Chinese names');
  });

  it('wants every word, and key=value for a tag', () => {
    assert.deepEqual(kept('env available'), ['m-bp1web']);
    assert.deepEqual(kept('env=prod'), ['m-bp1web']);
    assert.deepEqual(kept('env=t'), ['m-bp2db']);
    assert.deepEqual(kept('env='), ['m-bp1web', 'm-bp2db']);
    assert.deepEqual(kept('team=prod'), []);
  });

  it('treats symbols as text and an empty query as no filter', () => {
    assert.deepEqual(kept('v12'), ['m-bp1web']);
    assert.deepEqual(kept('.*'), []);
    assert.deepEqual(kept('(2022'), []);
    assert.equal(imageFilter('   '), undefined);
    assert.deepEqual(kept(''), images.map((i) => i.id));
  });
});
