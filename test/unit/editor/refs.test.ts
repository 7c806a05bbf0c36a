// A document's distinct image IDs in the order the lookup asks them: those on screen first, then the rest,
// each once and in file order; read in slices however many matches there are.
import { strict as assert } from 'assert';
import { distinctRefs } from '../../../src/editor/refs';
import type { IdMatch } from '../../../src/editor/scan';
import { Slicer } from '../../../src/editor/slices';

const match = (id: string, start: number): IdMatch => ({ id, cloud: 'alibaba', start, end: start + id.length });

describe('Distinct image IDs, the visible ones first', () => {
  it('puts the IDs overlapping a shown range first, each ID once, in file order', async () => {
    const matches = [match('m-a', 0), match('m-b', 10), match('m-c', 20), match('m-a', 30), match('m-d', 40), match('m-b', 50)];
    // Shown: offsets 18 to 45 (m-c, the second m-a, m-d).
    const [visible, rest] = await distinctRefs(matches, [[18, 45]], new Slicer());
    assert.deepEqual(visible.map((r) => r.id), ['m-c', 'm-a', 'm-d']);
    assert.deepEqual(rest.map((r) => r.id), ['m-b'], 'an ID also on screen is not asked twice');
    const [none, all] = await distinctRefs(matches, [], new Slicer());
    assert.deepEqual([none, all.map((r) => r.id)], [[], ['m-a', 'm-b', 'm-c', 'm-d']]);
  });

  it('gives the thread back while reading many matches', async () => {
    const matches = Array.from({ length: 50_000 }, (_, i) => match(`m-${i % 7000}`, i * 10));
    let clock = 0;
    let gaveBack = 0;
    const slicer = new Slicer({ sliceMs: 4, now: () => clock++, yieldNow: () => Promise.resolve(void gaveBack++) });
    const [visible, rest] = await distinctRefs(matches, [[0, 100]], slicer);
    assert.equal(visible.length + rest.length, 7000);
    assert.ok(gaveBack >= 5, `gave the thread back ${gaveBack} times`);
  });
});
