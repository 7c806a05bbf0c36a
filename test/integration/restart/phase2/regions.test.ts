// Phase 2, after a real window reload: the Huawei sandbox account still shows only the regions chosen
// in phase 1, and says that the others are hidden.
import { strict as assert } from 'assert';
import type { AccountNode } from '../../../../src/tree/nodes';
import { api, children, label } from '../../suite/helpers';
import { CHOSEN_REGIONS } from '../shared';

describe('Region choice across a reload — after', () => {
  it('still shows only the chosen regions', async () => {
    const a = await api();
    const account = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.cloud === 'huawei');
    assert.ok(account);
    // Read the same before its regions are listed again (from the count kept with the choice) as after.
    const before = String(account.treeItem().description);
    // In few characters in the row, in words when spoken.
    assert.match(before, /^2\/\d+ regions$/);
    const total = Number(/\/(\d+)/.exec(before)![1]);
    assert.equal(account.treeItem().accessibilityInformation?.label, `Sandbox, Huawei Cloud IMS, local emulator, 2 of ${total} regions`);
    const nodes = await children(a, account);
    assert.deepEqual(nodes.filter((n) => n.kind === 'region').map(label).sort(), [...CHOSEN_REGIONS].sort());
    // The hidden ones are counted in the account's last row, which chooses again.
    assert.equal(label(nodes[nodes.length - 1]!), `${total - 2} regions hidden`);
    assert.equal(String(account.treeItem().description), before);
  });
});
