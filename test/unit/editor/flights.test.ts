// Shared lookups for a hundred thousand keys: the loops over the keys give the thread back, and a caller
// that comes while another is still sorting its keys (between two slices) joins the keys already claimed
// instead of asking them again. The clock is injected: no timing in the test.
import { strict as assert } from 'assert';
import { Flights } from '../../../src/editor/flights';
import { ProviderError } from '../../../src/providers/core/errors';

describe('Shared lookups of many keys, in slices', () => {
  /** Flights whose every reading of the clock costs 1 ms, counting the times the thread is given back and the keys each run asks. */
  function flights(): { flights: Flights<string>; runs: string[][]; gaveBack: () => number; yielded: Array<() => void> } {
    let clock = 0;
    let n = 0;
    const runs: string[][] = [];
    const yielded: Array<() => void> = [];
    const f = new Flights<string>(
      (keys) => {
        runs.push([...keys]);
        return Promise.resolve(new Map(keys.map((k) => [k, `answer ${k}`])));
      },
      {
        ttlMs: 60_000,
        slicing: {
          sliceMs: 4,
          now: () => clock++,
          yieldNow: () => {
            n++;
            yielded.splice(0).forEach((hook) => hook());
            return Promise.resolve();
          },
        },
      },
    );
    return { flights: f, runs, gaveBack: () => n, yielded };
  }

  it('answers a hundred thousand keys in slices, asking each once', async () => {
    const { flights: f, runs, gaveBack } = flights();
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i % 60_000}`);
    const answers = await f.get(keys);
    assert.equal(answers.size, 60_000);
    assert.equal(answers.get('k59999'), 'answer k59999');
    assert.deepEqual(runs.map((r) => r.length), [60_000], 'one lookup, each key once');
    assert.ok(gaveBack() >= 20, `gave the thread back ${gaveBack()} times`);
    // Kept: asked again, nothing is looked up.
    assert.equal((await f.get(keys.slice(0, 1000))).size, 1000);
    assert.equal(runs.length, 1);
  });

  it('lets a caller that comes between two slices join the keys claimed so far, never asking one twice', async () => {
    const { flights: f, runs, yielded } = flights();
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}`);
    let second: Promise<Map<string, string>> | undefined;
    // When the first caller first gives the thread back, a second one asks for the same keys and more.
    yielded.push(() => {
      second = f.get([...keys, 'extra']);
    });
    const first = await f.get(keys);
    assert.ok(second, 'the second caller came while the first was sorting its keys');
    const other = await second;
    assert.equal(first.size, keys.length);
    assert.equal(other.size, keys.length + 1);
    assert.equal(other.get('k19999'), 'answer k19999');
    const asked = runs.flat();
    assert.equal(asked.length, new Set(asked).size, 'no key asked twice');
    assert.equal(asked.length, keys.length + 1);
  });

  it('stops sorting keys once its caller goes away, and another caller still gets every answer', async () => {
    const { flights: f, runs, yielded } = flights();
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}`);
    const gone = new AbortController();
    let staying: Promise<Map<string, string>> | undefined;
    yielded.push(() => {
      staying = f.get(keys);
      gone.abort();
    });
    await assert.rejects(f.get(keys, gone.signal), (e: unknown) => ProviderError.isAbort(e));
    assert.ok(staying);
    const answers = await staying;
    assert.equal(answers.size, keys.length);
    const asked = runs.flat();
    assert.equal(asked.length, new Set(asked).size, 'no key asked twice');
  });
});
