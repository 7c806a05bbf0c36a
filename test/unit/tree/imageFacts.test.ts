// The image node's one-line description: OS · size · age, then the state only when it is not the usual one.
import { strict as assert } from 'assert';
import { ageOf, describeImage, type FactWords } from '../../../src/tree/imageFacts';

const WORDS: FactWords = {
  size: (gib) => `${gib} GiB`,
  age: (value, unit) => `${value} ${unit}${value === 1 ? '' : 's'}`,
  state: (state) => `<${state}>`,
  progress: (state, percent) => `<${state} ${percent}%>`,
  join: (parts) => parts.join(' · '),
};

const NOW = Date.parse('2026-03-10T12:00:00Z');

describe('Image description', () => {
  it('gives OS · size · age of an available image, with no state', () => {
    const image = { osName: 'Ubuntu 22.04', sizeGiB: 40, createdAt: '2026-03-07T09:00:00Z' };
    assert.equal(describeImage(image, 'available', WORDS, NOW), '3 days · 40 GiB · Ubuntu 22.04');
  });

  it('adds the state when it is not the usual one, with the progress while the image is being made', () => {
    const image = { osName: 'CentOS 7.9', sizeGiB: 20, createdAt: '2026-03-10T11:15:00Z', progress: 45 };
    assert.equal(describeImage(image, 'creating', WORDS, NOW), '<creating 45%> · 45 minutes · 20 GiB · CentOS 7.9');
    assert.equal(describeImage({ ...image, progress: undefined }, 'failed', WORDS, NOW), '<failed> · 45 minutes · 20 GiB · CentOS 7.9');
    assert.equal(describeImage(image, 'deprecated', WORDS, NOW), '<deprecated> · 45 minutes · 20 GiB · CentOS 7.9', 'no progress outside a transient state');
  });

  it('leaves out what the cloud did not say, and falls back to the OS type', () => {
    assert.equal(describeImage({ osType: 'Linux' }, 'available', WORDS, NOW), 'Linux');
    assert.equal(describeImage({ createdAt: 'not a time' }, 'queued', WORDS, NOW), '<queued>');
    assert.equal(describeImage({}, 'available', WORDS, NOW), '');
  });

  it('reads the age in the largest whole unit, never less than a minute', () => {
    assert.deepEqual(ageOf('2024-03-01T00:00:00Z', NOW), { value: 2, unit: 'year' });
    assert.deepEqual(ageOf('2026-01-01T00:00:00Z', NOW), { value: 2, unit: 'month' });
    assert.deepEqual(ageOf('2026-02-20T00:00:00Z', NOW), { value: 2, unit: 'week' });
    assert.deepEqual(ageOf('2026-03-10T09:30:00Z', NOW), { value: 2, unit: 'hour' });
    assert.deepEqual(ageOf('2026-03-10T11:59:50Z', NOW), { value: 1, unit: 'minute' });
    assert.deepEqual(ageOf('2026-03-10T12:05:00Z', NOW), { value: 1, unit: 'minute' }, 'a clock a little ahead');
    assert.equal(ageOf(undefined, NOW), undefined);
  });
});
