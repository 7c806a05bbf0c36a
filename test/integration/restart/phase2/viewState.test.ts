// Phase 2 (after a real window reload): the view's filters and order set in phase 1 are back.
import { strict as assert } from 'assert';
import type { AccountNode, RegionNode } from '../../../../src/tree/nodes';
import { api, children } from '../../suite/helpers';

describe('View filters across a reload — after', () => {
  it('restores the instant filter, the sort order and the cloud filter, shown on the account\u2019s regions', async () => {
    const a = await api();
    assert.equal(a.tree.state.query, 'web');
    assert.match(a.tree.message() ?? '', /^Filter "web"/);
    assert.equal(a.tree.state.sort, 'size');
    const account = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.cloud === 'qingcloud');
    assert.deepEqual(a.tree.state.cloudFilter({ accountId: account!.account.id }), { owner: 'self', statuses: ['available'] });
    const region = (await children(a, account)).find((n): n is RegionNode => n.kind === 'region')!;
    assert.match(String(region.treeItem().tooltip), /set on the account/);
  });
});
