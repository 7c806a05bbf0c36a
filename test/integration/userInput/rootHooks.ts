// Root hooks of every integration run (suite, only, zh-cn, restart): the extension answers prompts from
// the test double; a test that left answers unused, or met a prompt it did not script, fails.
import type * as Mocha from 'mocha';
import { api } from '../suite/helpers';
import { testInput } from './testUserInput';

export const rootHooks: Mocha.RootHookObject = {
  async beforeAll() {
    (await api()).useUserInput(testInput);
  },
  beforeEach() {
    testInput.failures.length = 0;
  },
  afterEach(this: Mocha.Context) {
    const problems = [
      ...testInput.failures.map((e) => e.message),
      ...(testInput.pending.length ? [`${testInput.pending.length} scripted answer(s) never asked for: ${testInput.pending.map(String).join(', ')}`] : []),
    ];
    testInput.failures.length = 0;
    testInput.clearScript();
    if (problems.length && this.currentTest?.state !== 'failed') {
      // Fails the test itself (not the hook, which would skip the tests after it).
      (this.test as Mocha.Hook).error(new Error(problems.join(' ')));
    }
  },
  async afterAll() {
    (await api()).useUserInput(undefined);
  },
};
