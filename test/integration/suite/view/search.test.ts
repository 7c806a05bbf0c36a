// Search All Accounts in the real extension host over the sandbox: an image tagged through the real
// tag command in the Huawei account is found by its tag from the palette command, under that account
// and region, among every cloud's accounts; an ID finds its image only in its cloud; the result is the
// Images view's own node (its commands apply) and Reveal lists it there; Cancel and a new search stop
// the one under way.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { SearchResults } from '../../../../src/search/results';
import { searchSummary } from '../../../../src/search/view';
import type { ImageNode } from '../../../../src/tree/nodes';
import { api, ownImages, sandboxRegion } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

/** "account name/region id" -> ids found there. */
function grouped(search: SearchResults): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const account of search.accounts.values()) {
    for (const region of account.regions.values()) {
      if (region.images.length) {
        out[`${account.account.cloud}:${account.account.name}/${region.target.region.id}`] = region.images.map((i) => i.id).sort();
      }
    }
  }
  return out;
}

function itemOf(a: ExtensionApi, node: unknown): vscode.TreeItem {
  return a.searchView.getTreeItem(node as Parameters<ExtensionApi['searchView']['getTreeItem']>[0]);
}

function accountLabelOf(node: ImageNode): string {
  return `${node.account.name} · Huawei IMS`;
}

/** Resolves at the search's first region outcome. */
function firstOutcome(search: SearchResults): Promise<void> {
  return new Promise((resolve) => {
    const sub = search.onDidChange(() => {
      if (search.done > 0) {
        sub.dispose();
        resolve();
      }
    });
  });
}

describe('Search All Accounts (real extension host)', function () {
  this.timeout(120_000);
  let a: ExtensionApi;
  let tagged: ImageNode;

  before(async () => {
    a = await api();
    [tagged] = (await ownImages(a, await sandboxRegion(a, 'huawei', 'cn-east-3'), 1, 'active')) as [ImageNode];
    await vscode.commands.executeCommand('cloudImageExplorer.tag', tagged, [tagged], { key: 'search-ci', value: 'huawei-only' });
    assert.ok(tagged.image.tags.some((t) => t.key === 'search-ci'), 'tagged through the tag command');
  });

  afterEach(async () => {
    (await a.sandbox()).faults.clear();
    testInput.clearScript();
  });

  after(async () => {
    await vscode.commands.executeCommand('cloudImageExplorer.untag', tagged, [tagged], ['search-ci']);
    await vscode.commands.executeCommand('cloudImageExplorer.search.clear');
  });

  it('finds an image by its tag in another cloud\u2019s account, from the palette command, under its account and region', async () => {
    testInput.script('search-ci=huawei-only');
    await vscode.commands.executeCommand('cloudImageExplorer.searchAll');
    assert.equal(testInput.pending.length, 0, 'the query was asked for');
    const search = a.search;
    assert.ok(!search.busy);
    assert.equal(search.done, search.total, 'every region searched');
    const clouds = new Set([...a.accounts.list()].map((acc) => acc.cloud));
    assert.ok(clouds.size >= 4 && search.total > 20, `${search.total} regions of ${clouds.size} clouds searched`);
    // Other tests may add accounts of the same sandbox: every group found is that Huawei image.
    const groups = grouped(search);
    assert.deepEqual(groups[`huawei:${tagged.account.name}/cn-east-3`], [tagged.image.id]);
    assert.ok(Object.entries(groups).every(([k, ids]) => k.startsWith('huawei:') && ids.join() === tagged.image.id), JSON.stringify(groups));
    // The result is the Images view's node of the image: the same menus and commands apply.
    const group = search.accounts.get(tagged.account.id)!.regions.get('cn-east-3')!;
    const node = group.target.node.imageNode(group.images[0]!);
    assert.equal(node, tagged, 'the same node as in the Images view');
    assert.match(String(node.treeItem().contextValue), /\bcan-tag\b/);
    // As the view shows it: the account, its region with the count, the image.
    const accountNode = a.searchView.getChildren().find((n) => itemOf(a, n).label === accountLabelOf(tagged));
    assert.ok(accountNode, 'the account is a group of the view');
    const accountItem = itemOf(a, accountNode);
    // The cloud's short name in the row (as in the Images view), its full name in the tooltip and when spoken.
    assert.equal(accountItem.tooltip, `${tagged.account.name} · Huawei Cloud IMS`);
    assert.match(String(accountItem.accessibilityInformation?.label), new RegExp(`^${tagged.account.name}, Huawei Cloud IMS, local emulator, \\d+ images?$`));
    const regionNode = a.searchView.getChildren(accountNode).find((n) => itemOf(a, n).label === tagged.parent.region.name);
    assert.ok(regionNode, 'its region is a group under it');
    assert.match(String(itemOf(a, regionNode).description), /cn-east-3 · 1 image/);
    assert.deepEqual(a.searchView.getChildren(regionNode), [tagged]);
  });

  it('shows a region that failed as an error with Retry, and Retry searches it again', async () => {
    const emulator = await a.sandbox();
    emulator.faults.add({ kind: 'server-error', cloud: 'huawei', operation: 'ListImages' });
    const part = tagged.image.name.slice(1, -1);
    await vscode.commands.executeCommand('cloudImageExplorer.searchAll', `name:${part}`);
    const group = a.search.accounts.get(tagged.account.id)?.regions.get('cn-east-3');
    assert.equal(group?.result?.state, 'failed');
    assert.equal(a.search.done, a.search.total, 'every region has its outcome');
    const failed = [...a.search.accounts.values()].flatMap((g) => [...g.regions.values()].filter((r) => r.result?.state === 'failed'));
    assert.ok(failed.length < a.search.total && failed.every((r) => r.parent.account.cloud === 'huawei'), 'only the Huawei regions failed');
    const error = a.searchView.getChildren(group).find((n) => itemOf(a, n).contextValue === 'searchError');
    assert.ok(error, 'an error node under the region');
    const item = itemOf(a, error);
    assert.equal(item.command?.command, 'cloudImageExplorer.search.retry');
    emulator.faults.clear();
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(group.result?.state, 'done');
    assert.ok(a.searchView.getChildren(group).includes(tagged), `"${part}" finds "${tagged.image.name}" once retried`);
  });

  it('finds an image by its ID in the accounts of its cloud only; Reveal lists it in the Images view', async () => {
    const [other] = (await ownImages(a, await sandboxRegion(a, 'huawei', 'cn-south-1'), 1, 'active')) as [ImageNode];
    await vscode.commands.executeCommand('cloudImageExplorer.searchAll', other.image.id);
    assert.deepEqual(grouped(a.search)[`huawei:${other.account.name}/cn-south-1`], [other.image.id]);
    const everyCloud = new Set([...a.search.accounts.values()].map((g) => g.account.cloud));
    assert.deepEqual([...everyCloud], ['huawei'], 'no account of another cloud has a group');

    const region = other.parent;
    region.loader.reset();
    assert.ok(!region.loader.items.some((i) => i.id === other.image.id));
    await vscode.commands.executeCommand('cloudImageExplorer.search.reveal', other);
    assert.ok(region.loader.items.some((i) => i.id === other.image.id), 'the region\u2019s pages were loaded until the image is listed');
  });

  it('Cancel stops the search under way, keeping what it found; a new search cancels the old one', async () => {
    (await a.sandbox()).faults.addLatency({ ms: 200 });
    const running = vscode.commands.executeCommand('cloudImageExplorer.searchAll', 'name:e');
    await firstOutcome(a.search);
    await vscode.commands.executeCommand('cloudImageExplorer.search.cancel');
    await running;
    assert.ok(!a.search.busy);
    assert.ok(a.search.done < a.search.total, `stopped after ${a.search.done} of ${a.search.total} regions`);
    assert.match(searchSummary(a.search), /^Stopped after \d+ of \d+ regions/, 'the view says the search was stopped');

    const first = vscode.commands.executeCommand('cloudImageExplorer.searchAll', 'name:a');
    await firstOutcome(a.search);
    (await a.sandbox()).faults.clear();
    const second = vscode.commands.executeCommand('cloudImageExplorer.searchAll', tagged.image.id);
    await first;
    await second;
    assert.ok(Object.keys(grouped(a.search)).every((k) => k.startsWith('huawei:')), 'only the new search\u2019s results');
    assert.deepEqual(grouped(a.search)[`huawei:${tagged.account.name}/cn-east-3`], [tagged.image.id]);
    assert.equal(a.search.done, a.search.total);
  });
});
