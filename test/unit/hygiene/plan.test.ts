// The hygiene rules applied to images: what is proposed (with every rule it met), what is kept (with
// what keeps it), what is unknown (never proposed), the totals, the rules read back from settings, and
// a plan of 20,000 images that stays small.
import { strict as assert } from 'assert';
import type { Image } from '../../../src/providers/core/model';
import { ageInDays, decide, makePlan, type HygieneAccount, type ImageFacts, type PlanEntry } from '../../../src/hygiene/plan';
import { DEFAULT_RULES, guardsNothing, parseAgeDays, rulesFrom, type HygieneRules } from '../../../src/hygiene/rules';

const ACCOUNT: HygieneAccount = { id: 'a1', name: 'prod', cloud: 'alibaba' };
const NOW = new Date('2026-12-01T00:00:00Z');

function image(id: string, over: Partial<Image> = {}): Image {
  return { id, name: `name-${id}`, regionId: 'cn-hangzhou', status: 'Available', owner: 'self', tags: [], sizeGiB: 40, createdAt: '2025-01-01T00:00:00Z', ...over };
}

function facts(over: Partial<ImageFacts> = {}): ImageFacts {
  return { usage: { instances: 0, templates: 0, scalingConfigs: 0, sample: [] }, templatesListed: true, references: [], ageDays: 200, sharedWith: 0, copiesIn: [], ...over };
}

const codes = (d: { reasons: ReadonlyArray<{ code: string }> }): string[] => d.reasons.map((r) => r.code);

describe('Hygiene plan', () => {
  it('proposes an old, unused, unreferenced, unshared, untagged image with every rule it met', () => {
    const d = decide(image('m-1'), facts(), DEFAULT_RULES, true);
    assert.equal(d.verdict, 'remove');
    assert.deepEqual(codes(d), ['noInstances', 'noTemplates', 'notReferenced', 'olderThan', 'notShared', 'noKeepTag']);
  });

  it('keeps an image for each thing that keeps it, and says what', () => {
    const used = facts({
      usage: { instances: 2, templates: 1, scalingConfigs: 0, sample: [{ kind: 'instance', id: 'i-1', name: 'web-1' }, { kind: 'template', id: 'lt-1', name: 'lt-web' }] },
      references: [{ file: 'main.tf', line: 3 }],
      ageDays: 10,
      sharedWith: 2,
    });
    const d = decide(image('m-2', { tags: [{ key: 'keep', value: 'forever' }] }), used, DEFAULT_RULES, true);
    assert.equal(d.verdict, 'keep');
    assert.deepEqual(codes(d), ['instances', 'templates', 'referenced', 'young', 'shared', 'keepTag']);
    assert.deepEqual(d.reasons[0], { code: 'instances', count: 2, names: ['web-1'] });
    assert.deepEqual(d.reasons[5], { code: 'keepTag', key: 'keep', value: 'forever' });
  });

  it('keeps an image the cloud cannot delete in its state', () => {
    const d = decide(image('m-3', { status: 'Creating' }), facts(), DEFAULT_RULES, false);
    assert.deepEqual(d.reasons, [{ code: 'cannotDelete', status: 'Creating' }]);
  });

  it('never proposes an image whose usage could not be read: unknown, with the API', () => {
    const error = new Error('denied');
    const d = decide(image('m-4'), facts({ usage: undefined, usageUnknown: { api: 'DescribeInstances', error } }), DEFAULT_RULES, true);
    assert.deepEqual(d, { verdict: 'unknown', reasons: [{ code: 'usageUnknown', api: 'DescribeInstances', error }] });
    const shared = decide(image('m-5'), facts({ sharedWith: undefined }), DEFAULT_RULES, true);
    assert.equal(shared.verdict, 'unknown');
  });

  it('a fact that keeps an image wins over one that is unknown', () => {
    const d = decide(image('m-6'), facts({ usage: undefined, references: [{ file: 'a.tf', line: 1 }] }), DEFAULT_RULES, true);
    assert.equal(d.verdict, 'keep');
  });

  it('rules switched off are neither reasons to keep nor to remove', () => {
    const rules: HygieneRules = { ...DEFAULT_RULES, olderThanDays: 0, notShared: false, keepTagKey: '' };
    const d = decide(image('m-7', { tags: [{ key: 'keep', value: '' }] }), facts({ ageDays: 1, sharedWith: 3 }), rules, true);
    assert.deepEqual(codes(d), ['noInstances', 'noTemplates', 'notReferenced']);
    assert.ok(!guardsNothing(rules));
    assert.ok(guardsNothing({ ...rules, unusedByInstances: false, unusedByTemplates: false, notReferenced: false }));
  });

  it('an image with no creation date is kept when an age is asked for', () => {
    assert.deepEqual(codes(decide(image('m-8', { createdAt: undefined }), facts({ ageDays: undefined }), DEFAULT_RULES, true)), ['noDate']);
  });

  it('totals the size per account and region, and flags rules that select every image', () => {
    const other: HygieneAccount = { id: 'h1', name: 'hw', cloud: 'huawei' };
    const entry = (account: HygieneAccount, img: Image, f = facts()): PlanEntry => ({ account, image: img, facts: f, decision: decide(img, f, DEFAULT_RULES, true) });
    const entries = [
      entry(ACCOUNT, image('m-a', { sizeGiB: 20 })),
      entry(ACCOUNT, image('m-b', { sizeGiB: 100 })),
      entry(ACCOUNT, image('m-c', { regionId: 'cn-beijing', sizeGiB: 40 })),
      entry(other, image('x-1', { regionId: 'cn-north-4', sizeGiB: 5 })),
    ];
    const plan = makePlan(entries, [], DEFAULT_RULES, NOW);
    assert.equal(plan.remove.length, 4);
    assert.equal(plan.sizeGiB, 165);
    assert.deepEqual(plan.totals.map((t) => [t.account.id, t.regionId, t.count, t.sizeGiB]), [
      ['a1', 'cn-hangzhou', 2, 120],
      ['a1', 'cn-beijing', 1, 40],
      ['h1', 'cn-north-4', 1, 5],
    ]);
    assert.equal(plan.selectsAll, true);
    const kept = makePlan([...entries, entry(ACCOUNT, image('m-d'), facts({ ageDays: 1 }))], [], DEFAULT_RULES, NOW);
    assert.equal(kept.selectsAll, false);
    assert.equal(makePlan([], [], DEFAULT_RULES, NOW).selectsAll, false);
  });

  it('reads the rules back from settings, each bad field taking its default', () => {
    assert.deepEqual(rulesFrom(undefined), DEFAULT_RULES);
    assert.deepEqual(rulesFrom({ olderThanDays: 30, notShared: false, keepTagKey: ' retain ' }), { ...DEFAULT_RULES, olderThanDays: 30, notShared: false, keepTagKey: 'retain' });
    assert.deepEqual(rulesFrom({ olderThanDays: -1, unusedByInstances: 'no' }), DEFAULT_RULES);
    assert.deepEqual(rulesFrom({ olderThanDays: 1.5 }), DEFAULT_RULES);
    assert.equal(parseAgeDays(' 90 '), 90);
    assert.equal(parseAgeDays('0'), 0);
    assert.equal(parseAgeDays('-3'), undefined);
    assert.equal(parseAgeDays('1e3'), undefined);
    assert.equal(parseAgeDays('20000'), undefined);
  });

  it('counts age in whole days', () => {
    assert.equal(ageInDays('2026-11-01T00:00:00Z', NOW), 30);
    assert.equal(ageInDays('2026-11-30T12:00:00Z', NOW), 0);
    assert.equal(ageInDays(undefined, NOW), undefined);
    assert.equal(ageInDays('yesterday', NOW), undefined);
  });

  it('a plan of 20,000 images holds little beyond the images themselves', () => {
    const images = Array.from({ length: 20_000 }, (_, n) => image(`m-${n}`, { createdAt: n % 3 ? '2024-01-01T00:00:00Z' : '2026-11-20T00:00:00Z' }));
    const before = process.memoryUsage().heapUsed;
    const entries = images.map((img, n) => {
      const f = facts({ ageDays: ageInDays(img.createdAt, NOW), usage: n % 4 ? { instances: 0, templates: 0, scalingConfigs: 0, sample: [] } : { instances: 1, templates: 0, scalingConfigs: 0, sample: [{ kind: 'instance', id: `i-${n}`, name: 'web' }] } });
      return { account: ACCOUNT, image: img, facts: f, decision: decide(img, f, DEFAULT_RULES, true) };
    });
    const plan = makePlan(entries, [], DEFAULT_RULES, NOW);
    const grown = process.memoryUsage().heapUsed - before;
    assert.equal(plan.remove.length + plan.keep.length, 20_000);
    assert.ok(grown < 60 * 1024 * 1024, `the plan grew the heap by ${Math.round(grown / 1048576)} MiB`);
  });
});
