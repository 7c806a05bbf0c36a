// The order the launch checks take a document's IDs in: every occurrence on screen first, then every other
// one, each part in file order, in slices that give the thread back and stop on abort.
import { strict as assert } from 'assert';
import { visibleFirst } from '../../../src/editor/launchOrder';
import { Slicer } from '../../../src/editor/slices';

const at = (start: number, id = `m-${start}`): { match: { start: number; end: number; id: string } } => ({ match: { start, end: start + 22, id } });

describe('Launch checks: the IDs on screen first', () => {
  it('puts the occurrences overlapping a shown range first and keeps every other one after, in file order', async () => {
    // The same ID twice: on screen once and off screen once; each occurrence stays (its context differs).
    const items = [at(0, 'm-a'), at(100, 'm-b'), at(5000, 'm-a'), at(5030), at(9000), at(20_000)];
    const [visible, rest] = await visibleFirst(items, [[4990, 5040], [19_990, 20_001]], new Slicer());
    assert.deepEqual(visible.map((i) => i.match.start), [5000, 5030, 20_000]);
    assert.deepEqual(rest.map((i) => i.match.start), [0, 100, 9000]);
    const [none, all] = await visibleFirst(items, [], new Slicer());
    assert.deepEqual([none.length, all.length], [0, items.length], 'nothing shown: all in the second part');
  });

  it('sorts a hundred thousand occurrences in slices, and stops once the document changed', async () => {
    const items = Array.from({ length: 100_000 }, (_, i) => at(i * 30));
    let clock = 0;
    const slicer = new Slicer({ sliceMs: 1, now: () => ++clock, yieldNow: () => Promise.resolve() });
    const [visible, rest] = await visibleFirst(items, [[2_999_990, 3_000_000]], slicer);
    assert.deepEqual(visible.map((i) => i.match.start), [2_999_970]);
    assert.equal(rest.length, 99_999);
    assert.ok(slicer.yields > 0, 'the thread was given back on the way');
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(visibleFirst(items, [], new Slicer({ signal: controller.signal, sliceMs: 1, now: () => ++clock, yieldNow: () => Promise.resolve() })));
  });
});
