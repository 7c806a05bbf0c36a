// Every cloud the sandbox serves, walked in the real extension host: account -> regions -> images,
// paged to the end with "Load more…".
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { AccountNode, ImageNode, Node, RegionNode } from '../../../../src/tree/nodes';
import { api, children, label } from '../helpers';

describe('Every sandbox cloud (real extension host)', () => {
  it('has a Sandbox account per supported cloud', async () => {
    const a = await api();
    const clouds = (await children(a)).filter((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.sandbox === true).map((n) => n.account.cloud);
    assert.ok(clouds.includes('alibaba') && clouds.includes('qingcloud'), clouds.join(', '));
  });

  for (const cloud of ['alibaba', 'qingcloud', 'huawei', 'batchcompute'] as const) {
    it(`walks ${cloud}: account → regions → images, paging to the end`, async function () {
      const a = await api();
      const account = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.sandbox === true && (n as AccountNode).account.cloud === cloud);
      if (!account) {
        this.skip(); // not a supported cloud in this build
      }
      const regions = (await children(a, account)).filter((n): n is RegionNode => n.kind === 'region');
      assert.ok(regions.length >= 3, `${cloud}: ${regions.length} regions`);
      let walked = 0;
      for (const region of regions) {
        // Read afresh, as Refresh would: earlier suites copy into, import into and delete from these regions.
        await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
        let nodes: Node[] = await children(a, region);
        assert.ok(!nodes.some((n) => n.kind === 'error'), `${cloud}/${region.region.id}: ${nodes.map(label).join(', ')}`);
        let rounds = 0;
        while (nodes[nodes.length - 1]?.kind === 'loadMore') {
          await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
          nodes = await children(a, region);
          assert.ok(++rounds < 200);
        }
        assert.ok(!nodes.some((n) => n.kind === 'error'), `${cloud}/${region.region.id} after paging`);
        const ids = nodes.filter((n): n is ImageNode => n.kind === 'image').map((n) => n.image.id);
        assert.equal(new Set(ids).size, ids.length, 'no duplicates');
        if (region.loader.total !== undefined) {
          assert.equal(ids.length, region.loader.total, `${cloud}/${region.region.id}: all of TotalCount`);
        }
        if (!ids.length) {
          assert.equal(nodes[0]?.kind, 'empty');
        }
        walked += ids.length;
        if (walked > 600) {
          break; // enough for one test; the big benchmark region is for npm run bench
        }
      }
      assert.ok(walked > 0, `${cloud}: some images`);
    });
  }
});
