// Find Unused Images' words agree in number at one: "Older than 1 day", "1 of 1 region".
import { strict as assert } from 'assert';
import { installVscodeShim } from '../../helpers/vscodeShim';
installVscodeShim(); // before findUnused.ts (it imports `vscode`)

import { DEFAULT_RULES } from '../../../../src/hygiene/rules';

type FindUnused = typeof import('../../../../src/commands/hygiene/findUnused');
let find: FindUnused;

describe('Find Unused Images in words', () => {
  before(async () => {
    find = await import('../../../../src/commands/hygiene/findUnused');
  });

  it('names the age rule in the singular for one day', () => {
    const label = (days: number): string | undefined => find.ruleItems({ ...DEFAULT_RULES, olderThanDays: days }).find((i) => i.data === 'olderThanDays')?.label;
    assert.equal(label(1), 'Older than 1 day');
    assert.equal(label(30), 'Older than 30 days');
  });

  it('counts the regions scanned in the singular for one', () => {
    assert.equal(find.regionsDone(1, 1), '1 of 1 region');
    assert.equal(find.regionsDone(0, 1), '0 of 1 region');
    assert.equal(find.regionsDone(2, 7), '2 of 7 regions');
  });
});
