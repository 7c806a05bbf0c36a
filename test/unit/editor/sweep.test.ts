// The answers for a file's image IDs from every account's sweep: found with every account's hit, failed
// where an account could not settle the ID and none found it, missing otherwise; for a hundred thousand
// IDs in slices that give the thread back (the clock is injected: no timing in the test).
import { strict as assert } from 'assert';
import { answersOf, unsettledOf, type ImageHit, type Sweep } from '../../../src/editor/sweep';
import type { AccountConfig, Image } from '../../../src/providers/core/model';
import { ProviderError } from '../../../src/providers/core/errors';

const main: AccountConfig = { id: 'a1', name: 'main', cloud: 'alibaba' };
const other: AccountConfig = { id: 'a2', name: 'other', cloud: 'alibaba' };
const hit = (account: AccountConfig, id: string, regionId = 'cn-hangzhou'): ImageHit => ({
  account,
  regionId,
  regionName: regionId,
  image: { id, name: id } as Image,
});

/** Slice options whose clock moves 1 ms per reading, counting each time the thread is given back. */
function ticking(): { slicing: { sliceMs: number; now: () => number; yieldNow: () => Promise<void> }; gaveBack: () => number } {
  let clock = 0;
  let n = 0;
  return { slicing: { sliceMs: 4, now: () => clock++, yieldNow: () => Promise.resolve(void n++) }, gaveBack: () => n };
}

describe('Answers for image IDs from the accounts’ sweeps', () => {
  it('finds an ID with every account’s hit, fails it where an account could not ask and none found it, else misses it', async () => {
    const error = new Error('throttled');
    const sweeps: Sweep[] = [
      { hits: [hit(main, 'm-1'), hit(main, 'm-2', 'cn-beijing')], unsettled: new Set() },
      { hits: [hit(other, 'm-1', 'cn-shanghai')], unsettled: new Set(['m-2', 'm-3']), error },
    ];
    const answers = await answersOf(['m-1', 'm-2', 'm-3', 'm-4'], sweeps, [main, other]);
    const found = answers.get('m-1');
    assert.equal(found?.kind, 'found');
    assert.deepEqual(found.kind === 'found' && found.hits.map((h) => `${h.account.id}/${h.regionId}`), ['a1/cn-hangzhou', 'a2/cn-shanghai']);
    assert.equal(answers.get('m-2')?.kind, 'found', 'found by one account: the other’s failure does not matter');
    assert.deepEqual(answers.get('m-3'), { kind: 'failed', error });
    assert.deepEqual(answers.get('m-4'), { kind: 'missing', searched: [main, other] });
  });

  it('names the IDs an account left unsettled: those it had not found when it failed', async () => {
    const left = await unsettledOf(['m-1', 'm-2', 'm-3'], [hit(main, 'm-2')]);
    assert.deepEqual([...left], ['m-1', 'm-3']);
  });

  it('answers a hundred thousand IDs in slices, and stops once the signal aborts', async () => {
    const ids = Array.from({ length: 100_000 }, (_, n) => `m-${n}`);
    const sweeps: Sweep[] = [{ hits: ids.filter((_, n) => n % 3 === 0).map((id) => hit(main, id)), unsettled: new Set() }];
    const { slicing, gaveBack } = ticking();
    const answers = await answersOf(ids, sweeps, [main], slicing);
    assert.equal(answers.size, ids.length);
    assert.equal(answers.get('m-3')?.kind, 'found');
    assert.equal(answers.get('m-4')?.kind, 'missing');
    assert.ok(gaveBack() >= 20, `gave the thread back ${gaveBack()} times`);

    const unsettled = ticking();
    assert.equal((await unsettledOf(ids, sweeps[0]!.hits, unsettled.slicing)).size, ids.length - sweeps[0]!.hits.length);
    assert.ok(unsettled.gaveBack() >= 20);

    const controller = new AbortController();
    controller.abort();
    await assert.rejects(answersOf(ids, sweeps, [main], { ...ticking().slicing, signal: controller.signal }), (e: unknown) => ProviderError.isAbort(e));
  });
});
