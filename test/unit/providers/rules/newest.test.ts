// The newest image of an image's line: same family where there is one, else the same name prefix.
import { strict as assert } from 'assert';
import type { Image } from '../../../../src/providers/core/model';
import { lineOf, namePrefix, newestOf } from '../../../../src/providers/rules/newest';

function image(id: string, name: string, createdAt: string, status = 'Available', family?: string): Image {
  return { id, name, regionId: 'cn-hangzhou', status, owner: 'self', tags: [], createdAt, ...(family ? { family } : {}) };
}

describe('newest image of a line', () => {
  it('strips the trailing date or version part of a name, and a disk-file extension', () => {
    assert.equal(namePrefix('nginx-v3-20240501'), 'nginx');
    assert.equal(namePrefix('web-20240501'), 'web');
    assert.equal(namePrefix('centos7-2024-01-01'), 'centos7');
    assert.equal(namePrefix('ubuntu_22_04_x64_20G_alibase_20240101.vhd'), 'ubuntu_22_04_x64_20G_alibase');
    assert.equal(namePrefix('CentOS 7.9 64bit'), 'CentOS 7.9 64bit');
    assert.equal(namePrefix('20240501'), '20240501', 'a name that is only a date stays whole');
  });

  it('finds the newest usable image of the same name prefix, not another line nor an unusable one', () => {
    const old = image('m-1', 'web-v1-20240101', '2024-01-01T00:00:00Z', 'Deprecated');
    const mid = image('m-2', 'web-v2-20240301', '2024-03-01T00:00:00Z');
    const broken = image('m-3', 'web-v3-20240601', '2024-06-01T00:00:00Z', 'CreateFailed');
    const other = image('m-4', 'api-v9-20241201', '2024-12-01T00:00:00Z');
    const all = [old, mid, broken, other];
    assert.equal(newestOf('alibaba', old, all)?.id, 'm-2');
    assert.equal(newestOf('alibaba', mid, all), undefined, 'the newest usable one has nothing newer');
    assert.equal(newestOf('alibaba', broken, all)?.id, 'm-2', 'an unusable image, though newer, gets the newest usable one');
    assert.equal(newestOf('alibaba', other, all), undefined);
  });

  it('goes by family where the image has one, whatever the names', () => {
    const a = image('m-a', 'first', '2024-01-01T00:00:00Z', 'Available', 'fam');
    const b = image('m-b', 'second', '2024-05-01T00:00:00Z', 'Available', 'fam');
    const c = image('m-c', 'first-20250101', '2025-01-01T00:00:00Z');
    assert.equal(newestOf('alibaba', a, [a, b, c])?.id, 'm-b');
    // The line each is of (what a file of many IDs sorts a region's images by): the family, else the name prefix.
    assert.equal(lineOf(a), lineOf(b));
    assert.notEqual(lineOf(a), lineOf(c));
    assert.equal(lineOf(c), lineOf(image('m-d', 'first-v2-20250301', '2025-03-01T00:00:00Z')));
    assert.notEqual(lineOf(image('m-e', 'fam', '2025-03-01T00:00:00Z')), lineOf(a), 'a name like a family is not that family');
  });
});
