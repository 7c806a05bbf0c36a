// The walkthrough opens on the first activation after install, and never again.
import { strict as assert } from 'assert';
import { openOnce } from '../../../src/util/once';

const WALKTHROUGH_SHOWN_KEY = 'cloudImageExplorer.walkthroughShown';
const openWalkthroughOnce = (state: Memento, open: () => Promise<unknown>): Promise<boolean> => openOnce(state, WALKTHROUGH_SHOWN_KEY, open);

class Memento {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

describe('The walkthrough on first install', () => {
  it('opens once, remembered in global state', async () => {
    const state = new Memento();
    let opened = 0;
    const open = (): Promise<void> => Promise.resolve(void opened++);
    assert.equal(await openWalkthroughOnce(state, open), true);
    assert.equal(await openWalkthroughOnce(state, open), false);
    assert.equal(opened, 1);
    assert.equal(state.get(WALKTHROUGH_SHOWN_KEY), true);
  });

  it('does not try again at every start when opening failed', async () => {
    const state = new Memento();
    await assert.rejects(openWalkthroughOnce(state, () => Promise.reject(new Error('no workbench'))));
    let opened = 0;
    assert.equal(await openWalkthroughOnce(state, () => Promise.resolve(void opened++)), false);
    assert.equal(opened, 0);
  });
});
