// The emulator's JSON answers are the bytes JSON.stringify writes, though the items of their lists keep
// their bytes between answers (jsonBytes.ts): for the values JSON.stringify treats in its own way, for
// kept items changed in place in every way, and for every answer of every cloud while images are listed,
// tagged, edited, shared, copied (a job's progress), deleted and listed again through the providers.
import { strict as assert } from 'assert';
import * as kept from '../../../src/sandbox/jsonBytes';
import type { CloudKind, Image } from '../../../src/providers/core/model';
import { imageInUse } from '../../../src/sandbox/alibaba/ecs';
import { CloudSandbox, useSandbox } from '../helpers/cloudSandbox';
import { allImages } from '../helpers/providerHarness';

const { jsonBytes } = kept;

function sameAsStringify(value: unknown, what: string): void {
  const expected = JSON.stringify(value) as string | undefined;
  const actual = jsonBytes(value);
  assert.ok(actual.equals(Buffer.from(expected ?? '', 'utf8')), `${what}:\n${actual.toString('utf8')}\n!==\n${String(expected)}`);
}

describe('The emulator answers the bytes JSON.stringify writes (jsonBytes)', () => {
  it('for the values JSON.stringify leaves out, replaces or escapes', () => {
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { x: 1 });
    const odd = {
      a: undefined,
      b: () => 1,
      c: Symbol('c'),
      d: [undefined, () => 1, Symbol('d'), { e: 1 }, [{ f: undefined }]],
      g: new Date(0),
      h: { toJSON: () => 'as toJSON says' },
      i: [NaN, -0, Infinity, 1e21, 0.1 + 0.2],
      j: '\u2028"\\\n\t\u0000',
      k: 'lone \ud800 surrogate',
      l: '😀 中文 ☁',
      m: null,
      n: [],
      o: {},
      p: nullProto,
      q: [[{ r: 1 }], [[{ s: [{ t: 2 }] }]]],
      '10': 'an integer key goes first',
      '2': 'and in numeric order',
      u: { v: undefined, w: [nullProto, new Date(1)] },
      x: [{ toJSON: () => undefined }, { y: { toJSON: () => undefined } }],
      z: new String('boxed'),
    };
    sameAsStringify(odd, 'odd values');
    sameAsStringify([odd, odd, [odd]], 'a list of them');
    for (const v of [null, 0, 'text', true, [], {}, [undefined], [[]], undefined, () => 1, { toJSON: () => ({ items: [{ a: 1 }] }) }]) {
      sameAsStringify(v, `the value ${String(v)}`);
    }
  });

  it('for items kept from an earlier answer and then changed in place, in every way', () => {
    const items: Array<Record<string, unknown>> = Array.from({ length: 6 }, (_, n) => ({
      id: `img-${n}`,
      name: n % 2 ? `镜像-${n}` : `image-${n}`,
      status: 'active',
      size: n,
      tags: ['env.prod'],
      Tags: { Tag: [{ TagKey: 'team', TagValue: 'a' }] },
    }));
    const page = { RequestId: 'r', TotalCount: items.length, Images: { Image: items } };
    const other = { images: items.slice(2) };
    const changes: Array<[string, () => void]> = [
      ['unchanged', () => undefined],
      ['a status', () => (items[0]!['status'] = 'saving')],
      ['a number', () => (items[1]!['size'] = 40)],
      ['a name to Chinese and back', () => (items[2]!['name'] = '生产-订单服务')],
      ['a key added', () => (items[3]!['__whole_image'] = true)],
      ['a key deleted', () => delete items[3]!['__whole_image']],
      ['keys reordered', () => {
        const status = items[4]!['status'];
        delete items[4]!['status'];
        items[4]!['status'] = status;
      }],
      ['a tag pushed', () => (items[0]!['tags'] as string[]).push('team.data')],
      ['a tag removed', () => (items[0]!['tags'] as string[]).splice(0, 1)],
      ['a nested value', () => ((items[5]!['Tags'] as { Tag: Array<Record<string, string>> }).Tag[0]!['TagValue'] = 'b')],
      ['a nested object replaced by an equal one', () => (items[5]!['Tags'] = { Tag: [{ TagKey: 'team', TagValue: 'b' }] })],
      ['a nested object shared and then changed', () => {
        const shared = { Tag: [{ TagKey: 'shared', TagValue: '1' }] };
        items[1]!['Tags'] = shared;
        items[2]!['Tags'] = shared;
        sameAsStringify(page, 'shared');
        shared.Tag.push({ TagKey: 'shared', TagValue: '2' });
      }],
      ['a value set to undefined', () => (items[1]!['size'] = undefined)],
      ['a value set to a function', () => (items[1]!['size'] = () => 1)],
      ['a value set back', () => (items[1]!['size'] = 1)],
      ['a Date', () => (items[2]!['created_at'] = new Date(86_400_000))],
      ['the Date moved on', () => (items[2]!['created_at'] as Date).setTime(2 * 86_400_000)],
      ['a toJSON', () => (items[3]!['toJSON'] = () => ({ replaced: true }))],
      ['the toJSON gone', () => delete items[3]!['toJSON']],
      ['an array where an object was', () => (items[4]!['Tags'] = [{ TagKey: 'x' }])],
      ['an object where an array was', () => (items[4]!['tags'] = { 0: 'env.prod' })],
      ['the same item twice', () => items.push(items[0]!)],
      ['an item removed', () => items.splice(1, 1)],
      ['an item replaced by a fresh copy', () => (items[0] = { ...items[0]! })],
      ['a prototype with toJSON', () => Object.setPrototypeOf(items[2]!, { toJSON: () => 'proto' })],
      ['NaN (never equal to itself)', () => (items[3]!['size'] = NaN)],
      ['-0 after 0', () => {
        items[4]!['size'] = 0;
        sameAsStringify(page, '0');
        items[4]!['size'] = -0;
      }],
    ];
    for (const [what, change] of changes) {
      change();
      sameAsStringify(page, `after ${what}`);
      sameAsStringify(other, `after ${what} (another shape)`);
      sameAsStringify(page, `after ${what} (asked again)`);
    }
  });

  describe('for every answer of every cloud while images change (against the emulator)', () => {
    const REGION: Readonly<Record<CloudKind, string>> = { alibaba: 'cn-beijing', huawei: 'cn-north-4', qingcloud: 'pek3', batchcompute: 'cn-hangzhou' };
    const MEMBER: Readonly<Partial<Record<CloudKind, string>>> = { alibaba: '1000000000000042', huawei: '0123456789abcdef0123456789abcdef', qingcloud: 'usr-json0001' };
    const sb = new CloudSandbox();
    const p = useSandbox(sb);
    const original = kept.jsonPieces;
    let answers = 0;
    let largest = 0;
    const mismatches: string[] = [];

    before(() => {
      // Every answer the emulator makes, compared with JSON.stringify of the same value at the same moment.
      (kept as { jsonPieces: typeof original }).jsonPieces = (value: unknown): Buffer[] => {
        const expected = Buffer.from((JSON.stringify(value) as string | undefined) ?? '', 'utf8');
        const pieces = original(value);
        const actual = Buffer.concat(pieces);
        answers++;
        largest = Math.max(largest, actual.length);
        if (!actual.equals(expected)) {
          mismatches.push(expected.toString('utf8').slice(0, 300));
        }
        return pieces;
      };
    });
    after(() => {
      (kept as { jsonPieces: typeof original }).jsonPieces = original;
    });

    function own(cloud: CloudKind, i: Image): boolean {
      switch (cloud) {
        case 'alibaba':
          return i.owner === 'self' && i.status === 'Available' && i.raw?.['IsSelfShared'] !== 'True' && !imageInUse(i.id);
        case 'huawei':
          return i.owner === 'self' && i.status === 'active';
        case 'qingcloud':
          return i.owner === 'self' && i.status === 'available' && !i.raw?.['transition_status'];
        case 'batchcompute':
          return true;
      }
    }

    for (const cloud of ['alibaba', 'huawei', 'qingcloud', 'batchcompute'] as const) {
      it(`${cloud}: listed, changed by every change it has, listed again: each answer is JSON.stringify's`, async () => {
        const provider = p[cloud];
        const region = REGION[cloud];
        const list = (): Promise<Image[]> => allImages(provider, region, provider.maxPageSize);
        const before = answers;
        const first = await list();
        assert.deepEqual(await list(), first, 'the same listing twice');
        const [a, b, c] = first.filter((i) => own(cloud, i));
        assert.ok(a && b && c, `three own ${cloud} images`);
        const done: string[] = [];
        if (provider.tags) {
          await provider.tags.addTags(region, [a.id, b.id], [{ key: 'json', value: cloud === 'qingcloud' ? '' : 'bytes' }]);
          done.push('tagged');
          const tagged = await list();
          assert.deepEqual(tagged.find((i) => i.id === a.id)?.tags.some((t) => t.key === 'json'), true, 'the listing shows the new tag');
          await provider.tags.removeTags(region, [b.id], ['json']);
          done.push('untagged');
          await list();
        }
        if (provider.editing) {
          await provider.editing.editImage(region, a.id, { name: 'renamed-json-bytes', description: '改过的描述' });
          done.push('edited');
          assert.equal((await list()).find((i) => i.id === a.id)?.name, 'renamed-json-bytes', 'the listing shows the new name');
        }
        const member = MEMBER[cloud];
        if (provider.sharing && member) {
          await provider.sharing.addMembers(region, b.id, [member]);
          done.push('shared');
          await list();
        }
        if (provider.copying) {
          await provider.copying.copyImage(region, c.id, { destinationRegionId: region, name: 'json-bytes-copy' });
          done.push('copied');
          await list();
          sb.advance(2_000);
          await list();
          sb.advance(60_000);
          const copied = (await list()).find((i) => i.name === 'json-bytes-copy');
          // Ready and its own (not `own`: whether instances use the copy depends on its random ID).
          assert.ok(copied?.owner === 'self' && /^(available|active)$/i.test(copied.status), `the copy is ready: ${copied?.status}`);
        }
        if (provider.deleting) {
          await provider.deleting.deleteImages(region, [c.id], {});
          sb.advance(60_000);
          done.push('deleted');
          assert.equal((await list()).some((i) => i.id === c.id), false, 'the deleted image is gone');
        }
        assert.deepEqual(mismatches, []);
        assert.ok(answers - before > 4, `answers checked: ${answers - before}`);
        assert.ok(largest > 20_000, 'full listing pages among them');
        assert.ok(done.length >= (cloud === 'batchcompute' ? 1 : 6), `changes made: ${done.join(', ')}`);
      });
    }
  });
});
