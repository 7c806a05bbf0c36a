// What the sidebar's account and region rows say, in the real extension host: each account's label names its
// cloud (the four sandbox accounts read apart by eye and to a screen reader), the description holds only
// state, hidden regions are counted in a row of their own that chooses again (the same after the tree is
// rebuilt, as after a reload), and a region's counts and cloud filter come before its ID.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { CloudKind } from '../../../../src/providers/core/model';
import type { AccountNode, EmptyNode, Node, RegionNode } from '../../../../src/tree/nodes';
import { testInput } from '../../userInput/testUserInput';
import { allImageNodes, api, children, label, sandboxRegion } from '../helpers';

const CLOUD_NAMES: Readonly<Record<CloudKind, string>> = {
  alibaba: 'Alibaba Cloud ECS',
  huawei: 'Huawei Cloud IMS',
  qingcloud: 'QingCloud',
  batchcompute: 'Alibaba BatchCompute (retired)',
};

// In the row itself, short, so that the state after the label still shows at the default sidebar width.
const ROW_NAMES: Readonly<Record<CloudKind, string>> = {
  alibaba: 'Alibaba ECS',
  huawei: 'Huawei IMS',
  qingcloud: 'QingCloud',
  batchcompute: 'BatchCompute',
};

async function sandboxAccounts(a: ExtensionApi): Promise<AccountNode[]> {
  return (await children(a)).filter((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.sandbox === true);
}

async function sandboxAccount(a: ExtensionApi, cloud: CloudKind): Promise<AccountNode> {
  const account = (await sandboxAccounts(a)).find((n) => n.account.cloud === cloud);
  assert.ok(account, `a ${cloud} sandbox account`);
  return account;
}

function spoken(node: Node): string | undefined {
  return node.treeItem().accessibilityInformation?.label;
}

function description(node: Node): string | undefined {
  const d = node.treeItem().description;
  return d === undefined ? undefined : String(d);
}

function regionLabels(nodes: readonly Node[]): string[] {
  return nodes.filter((n) => n.kind === 'region').map(label);
}

describe('Account and region rows: what the sidebar shows at any width (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });

  afterEach(async () => {
    // Every region of the QingCloud sandbox shown again, no cloud filter left on the Alibaba one.
    const qingcloud = await sandboxAccount(a, 'qingcloud');
    testInput.script(/./);
    await vscode.commands.executeCommand('cloudImageExplorer.showHideRegions', qingcloud);
    const alibaba = await sandboxAccount(a, 'alibaba');
    await a.tree.state.setCloudFilter({ accountId: alibaba.account.id }, undefined);
    await a.tree.state.setCloudFilter({ accountId: alibaba.account.id, regionId: 'cn-shenzhen' }, undefined);
  });

  it('names each sandbox account by its cloud in the label (short) and to a screen reader (in full); the description holds only state', async () => {
    const accounts = await sandboxAccounts(a);
    assert.deepEqual(accounts.map((n) => n.account.cloud).sort(), ['alibaba', 'batchcompute', 'huawei', 'qingcloud']);
    for (const account of accounts) {
      const name = CLOUD_NAMES[account.account.cloud];
      const item = account.treeItem();
      assert.equal(label(account), `Sandbox · ${ROW_NAMES[account.account.cloud]}`);
      // "emulator" is said by the beaker, the tooltip and the spoken label, not by the description; a retired
      // cloud is (its short name no longer says it).
      assert.equal(description(account), account.account.cloud === 'batchcompute' ? 'retired' : undefined, name);
      assert.equal(spoken(account), `Sandbox, ${name}, local emulator`);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'beaker');
      assert.equal(String(item.tooltip), `Sandbox · ${name}\n\nThe built-in sandbox: a local emulator of the cloud API, no keys needed.`);
    }
    assert.equal(new Set(accounts.map(label)).size, accounts.length, 'distinct labels');
    assert.equal(new Set(accounts.map(spoken)).size, accounts.length, 'distinct spoken labels');
  });

  it('counts hidden regions in the description, the spoken label and a last row that chooses again; the same once the tree is rebuilt', async () => {
    const account = await sandboxAccount(a, 'qingcloud');
    const all = regionLabels(await children(a, account));
    assert.ok(all.length > 3, all.join());
    testInput.script([all[0]!, all[1]!]);
    await vscode.commands.executeCommand('cloudImageExplorer.showHideRegions', account);

    const hiddenRow = async (node: AccountNode): Promise<EmptyNode> => {
      const nodes = await children(a, node);
      assert.deepEqual(regionLabels(nodes), all.slice(0, 2));
      const last = nodes[nodes.length - 1]!;
      assert.equal(last.kind, 'empty', 'the last row is about the hidden regions');
      return last as EmptyNode;
    };
    const row = await hiddenRow(account);
    const rowItem = row.treeItem();
    assert.equal(label(row), `${all.length - 2} regions hidden`);
    assert.equal(rowItem.description, 'Show/Hide Regions…');
    assert.equal((rowItem.iconPath as vscode.ThemeIcon).id, 'eye-closed');
    assert.equal(rowItem.command?.command, 'cloudImageExplorer.showHideRegions');
    assert.equal(rowItem.command?.arguments?.[0], account);
    // Few characters in the row (it fits after the label at 300 px); in words for the tooltip and a screen reader.
    const state = `2/${all.length} regions`;
    const words = `2 of ${all.length} regions`;
    assert.equal(description(account), state);
    assert.equal(spoken(account), `Sandbox, QingCloud, local emulator, ${words}`);
    assert.match(String(account.treeItem().tooltip), new RegExp(`\n\n${words} — "Show/Hide Regions…" chooses which this account shows\\.$`));

    // Rebuilt as after a reload: a new node, whose regions are not listed yet, reads the same before and after.
    a.tree.refresh();
    const again = await sandboxAccount(a, 'qingcloud');
    assert.notEqual(again, account, 'a new node');
    assert.equal(again.regions, undefined);
    assert.equal(description(again), state);
    assert.equal(spoken(again), `Sandbox, QingCloud, local emulator, ${words}`);
    assert.equal(label(await hiddenRow(again)), `${all.length - 2} regions hidden`);
    assert.equal(description(again), state);

    // One hidden region is said in the singular; the row's click chooses again, and all shown removes the row.
    testInput.script(all.slice(0, -1));
    await vscode.commands.executeCommand('cloudImageExplorer.showHideRegions', again);
    const one = (await children(a, again)).at(-1)!;
    assert.equal(label(one), '1 region hidden');
    assert.equal(description(again), `${all.length - 1}/${all.length} regions`);
    const click = one.treeItem().command!;
    testInput.script(/./);
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    assert.deepEqual((await children(a, again)).map(label), all, 'every region, no hidden row');
    assert.equal(description(again), undefined);
    assert.equal(spoken(again), 'Sandbox, QingCloud, local emulator');
    assert.equal(testInput.pending.length, 0);
  });

  it('counts the regions the default setting shows the same way, and the same once the tree is rebuilt (as after a reload)', async () => {
    const config = vscode.workspace.getConfiguration('cloudImageExplorer');
    // Huawei's sandbox: no test chooses its regions (a choice of its own, even of all regions, overrides the setting).
    const account = await sandboxAccount(a, 'huawei');
    const ids = (await children(a, account)).filter((n) => n.kind === 'region').map((n) => (n as RegionNode).region.id);
    assert.ok(ids.length > 2, ids.join());
    await config.update('regions.defaultVisible', [ids[0]], vscode.ConfigurationTarget.Global);
    try {
      const state = `1/${ids.length} regions`;
      const listed = await sandboxAccount(a, 'huawei');
      await children(a, listed);
      assert.equal(description(listed), state);
      a.tree.refresh();
      const again = await sandboxAccount(a, 'huawei');
      assert.equal(again.regions, undefined, 'not listed yet');
      assert.equal(description(again), state, 'the same before its regions are listed again');
      assert.equal(spoken(again), `Sandbox, Huawei Cloud IMS, local emulator, 1 of ${ids.length} regions`);
    } finally {
      await config.update('regions.defaultVisible', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('puts a region\u2019s counts, then its cloud filter, before its ID, and says them in words', async () => {
    let region = await sandboxRegion(a, 'alibaba', 'cn-shenzhen');
    const images = await allImageNodes(a, region);
    const n = images.length;
    assert.ok(n > 0);
    assert.equal(description(region), `${n}/${n} · cn-shenzhen`);
    assert.equal(spoken(region), `China (Shenzhen), ${n} of ${n} images loaded, cn-shenzhen`);
    assert.equal((region.treeItem().iconPath as vscode.ThemeIcon).id, 'globe');

    // A cloud filter on the region: the filter icon, the counts of what it lists, then the filter.
    await a.tree.state.setCloudFilter({ accountId: region.account.id, regionId: 'cn-shenzhen' }, { owner: 'self' });
    region = await sandboxRegion(a, 'alibaba', 'cn-shenzhen');
    const own = (await allImageNodes(a, region)).length;
    assert.ok(own > 0 && own < n, `${own} of ${n}`);
    const item = region.treeItem();
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'filter');
    assert.equal(description(region), `${own}/${own} · Custom image · cn-shenzhen`);
    assert.equal(spoken(region), `China (Shenzhen), ${own} of ${own} images loaded, Cloud filter: Custom image, cn-shenzhen`);
  });

  it('shows the account\u2019s own cloud filter in its description, and says it', async () => {
    const account = await sandboxAccount(a, 'alibaba');
    await a.tree.state.setCloudFilter({ accountId: account.account.id }, { name: 'web' });
    assert.equal(description(account), 'name "web"');
    assert.equal(spoken(account), 'Sandbox, Alibaba Cloud ECS, local emulator, Cloud filter: name "web"');
    assert.match(String(account.treeItem().tooltip), /\n\nCloud filter: name "web"$/);
    await a.tree.state.setCloudFilter({ accountId: account.account.id }, undefined);
    assert.equal(description(account), undefined);
  });
});
