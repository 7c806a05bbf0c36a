// The instant filter: what a user typing in the filter box expects to keep and to hide.
import { strict as assert } from 'assert';
import type { Image } from '../../../src/providers/core/model';
import { imageFilter, QUERY_LIMITS, queryProblem, restoredQuery, type MatchMeter } from '../../../src/tree/filter';

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

describe('imageFilter at any size', () => {
  const long = (n: number, c = 'a'): string => c.repeat(n);
  const image = (name: string, tags: Image['tags'] = []): Image => ({ id: 'm-1', name, regionId: 'r', status: 'Available', owner: 'self', tags });
  const textLength = (i: Image): number =>
    i.name.length + i.id.length + i.status.length + (i.osName?.length ?? 0) + (i.osType?.length ?? 0) + i.tags.reduce((n, t) => n + 2 * (t.key.length + t.value.length), 0);

  it('refuses a word of 7,000 characters and 10,000 words, and takes what is within the limits', () => {
    assert.equal(queryProblem(long(7000)), 'length');
    assert.equal(queryProblem(Array.from({ length: 10_000 }, (_, i) => `w${i}`).join(' ')), 'length');
    assert.equal(queryProblem(Array.from({ length: QUERY_LIMITS.words + 1 }, () => 'a').join(' ')), 'words');
    assert.equal(queryProblem(Array.from({ length: QUERY_LIMITS.words }, () => 'a').join(' ')), undefined);
    assert.equal(queryProblem(`  ${long(QUERY_LIMITS.length)}  `), undefined, 'the spaces around do not count');
    assert.equal(queryProblem(long(QUERY_LIMITS.length + 1)), 'length');
  });

  it('drops a saved query the filter refuses, and keeps one it takes', () => {
    assert.deepEqual(restoredQuery(long(7000)), { dropped: 'length' });
    assert.deepEqual(restoredQuery(Array.from({ length: 40 }, () => 'ab').join(' ')), { dropped: 'words' });
    assert.deepEqual(restoredQuery(42), { dropped: 'notText' });
    assert.deepEqual(restoredQuery(undefined), {});
    assert.deepEqual(restoredQuery('web env=prod'), { query: 'web env=prod' });
  });

  it('matches a 7,000-character word without a regular expression (no stack overflow), in linear work', () => {
    const word = `${long(6999)}b`;
    const meter: MatchMeter = { steps: 0 };
    const test = imageFilter(word, meter)!;
    // The text that makes a naive search compare 7,000 characters at each of 20,000 positions.
    const miss = image(long(20_000));
    assert.equal(test(miss), false);
    assert.ok(meter.steps <= 2 * textLength(miss), `${meter.steps} steps for ${textLength(miss)} characters`);
    assert.equal(test(image(`x${word.toUpperCase()}y`)), true, 'ignoring case');
  });

  it('reads each text once whatever the number of words: 10,000 words cost what one does', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `w${i}x`).join(' ');
    const target = image('build-w17x-w9999x-final', [{ key: 'env', value: 'w42x' }]);
    const one: MatchMeter = { steps: 0 };
    const all: MatchMeter = { steps: 0 };
    const single = imageFilter('w17x', one)!;
    const thousands = imageFilter(many, all)!;
    assert.equal(single(target), true);
    assert.equal(thousands(target), false, 'most of the words are in no text');
    // Every text read once (plus the words found): bounded by the image, not by the query.
    assert.ok(all.steps <= 2 * textLength(target) + 10, `${all.steps} steps for ${textLength(target)} characters`);
    for (let i = 0; i < 100; i++) {
      thousands(target);
    }
    assert.ok(all.steps <= 101 * (2 * textLength(target) + 10), 'the same work for each image, none carried over');
  });

  it('finds the same with a query too large for its table of transitions (failure links instead), in linear work', () => {
    // 1,100 one-character words of distinct characters: 1,101 states × 1,101 characters is past the table's limit.
    const chars = Array.from({ length: 1100 }, (_, i) => String.fromCharCode(0x4e00 + i));
    const meter: MatchMeter = { steps: 0 };
    const test = imageFilter(chars.join(' '), meter)!;
    const all = image(chars.slice().reverse().join(''));
    const short = image(chars.slice(1).join(''));
    assert.equal(test(all), true);
    assert.equal(test(short), false, 'one character missing');
    assert.ok(meter.steps <= 2 * (textLength(all) + textLength(short)) + 2 * chars.length, `${meter.steps} steps`);
    assert.equal(imageFilter('WEB 订单')!(image('my-web-订单')), true, 'a small query, through the table');
  });

  it('reads a word many images share once per query, and still tells images apart by it', () => {
    const meter: MatchMeter = { steps: 0 };
    const test = imageFilter('ubuntu prod', meter)!;
    const os = 'Ubuntu 22.04 64 bit';
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...image(`n${i}`, i % 2 ? [{ key: 'env', value: 'prod' }] : []), osName: os }));
    assert.equal(many.filter(test).length, 500);
    // Each image's own name and ID are read; the OS name and the tag's words once for the query.
    const own = many.reduce((n, i) => n + i.name.length + i.id.length, 0);
    assert.ok(meter.steps <= own + 4 * os.length, `${meter.steps} steps for ${own} characters of names and IDs`);
  });

  it('finds the same images as a plain search (words, tags, key=value in one tag, Chinese, case)', () => {
    const rnd = ((seed) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const parts = ['ab', 'aB', 'ba', 'aab', 'web', 'Prod', 'env', 'é', 'É', '订单', 'a', 'b', '=', '-'];
    const text = (n: number): string => Array.from({ length: n }, () => pick(parts)).join('');
    const lower = (s: string): string => s.toLowerCase();
    const has = (s: string | undefined, w: string): boolean => s !== undefined && lower(s).includes(lower(w));
    const reference = (query: string) => (i: Image): boolean =>
      query.split(/\s+/u).filter(Boolean).every((w) => {
        const eq = w.indexOf('=');
        if (eq > 0) {
          return i.tags.some((t) => has(t.key, w.slice(0, eq)) && has(t.value, w.slice(eq + 1)));
        }
        return [i.name, i.id, i.status, i.osName, i.osType].some((s) => has(s, w)) || i.tags.some((t) => has(t.key, w) || has(t.value, w));
      });
    for (let round = 0; round < 300; round++) {
      const query = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => text(1 + Math.floor(rnd() * 3))).join(' ');
      const predicate = imageFilter(query);
      for (let k = 0; k < 10; k++) {
        const i: Image = {
          id: text(3), name: text(6), regionId: 'r', status: pick(['Available', 'Creating']), owner: 'self',
          ...(rnd() < 0.5 ? { osName: text(3) } : {}),
          tags: Array.from({ length: Math.floor(rnd() * 3) }, () => ({ key: text(2), value: text(2) })),
        };
        assert.equal(predicate?.(i) ?? true, reference(query)(i), `"${query}" on ${JSON.stringify(i)}`);
      }
    }
  });
});
