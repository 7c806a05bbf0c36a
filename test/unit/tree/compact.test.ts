// The loader's compacted images: the same facts, with the words many images repeat stored once.
import { strict as assert } from 'assert';
import type { Image } from '../../../src/providers/core/model';
import { Compactor } from '../../../src/tree/compact';

/** A string equal to `text` but built anew, as the cloud's JSON gives each image its own copy. */
const copy = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

function image(id: string): Image {
  return {
    id,
    name: `web-${id}`,
    regionId: copy('cn-wulanchabu'),
    description: copy('Built by Packer from the release pipeline.'),
    status: copy('Available'),
    owner: 'self',
    osName: copy('Alibaba Cloud Linux 3.2104 LTS 64 bit'),
    osType: copy('linux'),
    architecture: copy('x86_64'),
    sizeGiB: 40,
    createdAt: '2024-03-30T20:05:02Z',
    platform: copy('Aliyun'),
    tags: id === 'a' ? [{ key: copy('env'), value: copy('prod') }] : [],
  };
}

describe('Compacted images', () => {
  it('keeps every fact of the image as it was', () => {
    const c = new Compactor();
    const raw = { ...image('a'), raw: { ImageId: 'a' }, progress: 30, family: 'acs:alinux' };
    assert.deepEqual(c.image(raw), raw);
    assert.deepEqual(c.image(image('b')), image('b'));
  });

  it('gives untagged images one shared, frozen tag list and tagged ones their own', () => {
    // (Shared strings cannot be told apart from equal ones in JavaScript; the benchmark's heap figure shows them.)
    const c = new Compactor();
    const [a, b, d] = [c.image(image('a')), c.image(image('b')), c.image(image('d'))];
    assert.equal(b.tags, d.tags);
    assert.ok(Object.isFrozen(b.tags));
    assert.notEqual(a.tags, b.tags);
    assert.deepEqual(a.tags, [{ key: 'env', value: 'prod' }]);
  });

  it('gives images with the same status, OS and tags one frozen tag list, and its set of words', () => {
    const c = new Compactor();
    const tagged = (id: string, status = 'Available'): Image => ({ ...image(id), status: copy(status), tags: [{ key: copy('env'), value: copy('prod') }] });
    const [a, b, creating] = [c.compact(tagged('a')), c.compact(tagged('b')), c.compact(tagged('c', 'Creating'))];
    assert.equal(a.image.tags, b.image.tags, 'one list for the same words');
    assert.equal(a.shared, b.shared);
    assert.equal(a.shared?.tags, a.image.tags);
    assert.ok(Object.isFrozen(a.image.tags) && Object.isFrozen(a.image.tags[0]));
    assert.notEqual(creating.image.tags, a.image.tags, 'another status: another set');
    assert.deepEqual(creating.image.tags, a.image.tags, 'with the same tags');
  });
});
