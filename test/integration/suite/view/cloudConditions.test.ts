// Filter in Cloud… with a cloud's own conditions, in the real extension host over the sandbox: a QingCloud
// region narrowed by OS family on the server, and Huawei "images without tags", counted per region before
// anything is loaded, then listed.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { Cursor, Image, ImageFilter } from '../../../../src/providers/core/model';
import type { ImageNode, Node, RegionNode } from '../../../../src/tree/nodes';
import { api, children, ownListed, sandboxRegion, until } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

function images(nodes: readonly Node[]): ImageNode[] {
  return nodes.filter((n): n is ImageNode => n.kind === 'image');
}

async function loadEverything(a: ExtensionApi, region: RegionNode): Promise<Node[]> {
  let nodes = await children(a, region);
  while (nodes[nodes.length - 1]?.kind === 'loadMore') {
    await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
    nodes = await children(a, region);
  }
  return nodes;
}

async function listAll(a: ExtensionApi, region: RegionNode, filter?: ImageFilter): Promise<Image[]> {
  const provider = await a.provider(region.account);
  const out: Image[] = [];
  let cursor: Cursor | undefined;
  do {
    const page = await provider.listImages({ regionId: region.region.id, pageSize: 100, cursor, filter });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

describe('Filter in Cloud… by a cloud\u2019s own conditions (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });

  afterEach(() => {
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');
    testInput.clearScript();
  });

  it('narrows a QingCloud zone by OS family on the server, says so on the region, and is cleared', async () => {
    const region = await sandboxRegion(a, 'qingcloud', 'pek3');
    const every = await listAll(a, region, { statuses: ['available'] });
    const expected = every.filter((i) => i.platform === 'ubuntu').map((i) => i.id).sort();
    assert.ok(expected.length > 0 && expected.length < every.length);

    const emulator = await a.sandbox();
    const shown = testInput.shown.length;
    // Owner, tags, statuses, the further conditions (OS family only), the OS family, name.
    testInput.script('Any owner', '', ['Available'], ['OS family'], 'red hat', 'ubuntu', '');
    await vscode.commands.executeCommand('cloudImageExplorer.setCloudFilter', region);
    const steps = testInput.shown.slice(shown);
    const family = steps.find((s) => s.kind === 'input' && /OS family/.test(s.text));
    assert.ok(family, 'an OS family step');
    assert.match(family.refused[0] ?? '', /has no spaces/, 'a family with a space is refused as typed');
    assert.ok(!steps.some((s) => /processor type|visibility/i.test(s.text)), 'conditions not chosen are not asked for');
    assert.deepEqual(a.tree.state.cloudFilter({ accountId: region.account.id, regionId: region.region.id }), { statuses: ['available'], attributes: { osFamily: 'ubuntu' } });

    const mark = emulator.requestLog.length;
    await children(a, region.parent);
    const nodes = await loadEverything(a, region);
    assert.deepEqual(images(nodes).map((n) => n.image.id).sort(), expected);
    assert.match(String(region.treeItem().description), /OS family: ubuntu/);
    const asked = emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeImages');
    assert.ok(asked.length > 0 && asked.length <= Math.ceil(expected.length / 50) + 1, 'pages of the matches only, not of the zone');

    await vscode.commands.executeCommand('cloudImageExplorer.clearCloudFilter', region);
    await children(a, region.parent);
    assert.ok(images(await children(a, region)).some((n) => n.image.platform !== 'ubuntu'), 'every family again');
  });

  it('counts Huawei images without tags per region before loading, then lists exactly them, and is cleared', async () => {
    const region = await sandboxRegion(a, 'huawei', 'cn-north-4');
    const own = await ownListed(a, region);
    const expected = own.filter((i) => i.tags.length === 0).map((i) => i.id).sort();
    assert.ok(expected.length > 0 && expected.length < own.length);

    const emulator = await a.sandbox();
    const shown = testInput.shown.length;
    // Owner, "without tags" (then no tag, list or status step: only own images carry tags), name.
    testInput.script('Custom image', 'Only images without tags', '');
    await vscode.commands.executeCommand('cloudImageExplorer.setCloudFilter', region);
    const titles = testInput.shown.slice(shown).map((s) => s.title);
    assert.equal(titles.length, 3);
    assert.match(titles[2]!, /\(3\/3\)$/);
    assert.deepEqual(a.tree.state.cloudFilter({ accountId: region.account.id, regionId: region.region.id }), { untagged: true });

    const mark = emulator.requestLog.length;
    await children(a, region.parent);
    const count = await until('the region\u2019s count', () => region.view.serverCount);
    assert.equal(count, expected.length);
    assert.equal(region.loader.items.length, 0, 'counted before anything is loaded');
    const description = String(region.treeItem().description);
    assert.match(description, new RegExp(`${count} match`));
    assert.match(description, /images without tags/);
    assert.ok(emulator.requestsSince(mark).some((r) => r.operation === 'ListImageByTags' && r.status === 200));
    assert.ok(!emulator.requestsSince(mark).some((r) => r.operation === 'ListImages'), 'nothing listed yet');

    const nodes = await loadEverything(a, region);
    assert.deepEqual(images(nodes).map((n) => n.image.id).sort(), expected);
    assert.ok(images(nodes).every((n) => n.image.tags.length === 0));

    await vscode.commands.executeCommand('cloudImageExplorer.clearCloudFilter', region);
    await children(a, region.parent);
    assert.ok(images(await children(a, region)).some((n) => n.image.owner !== 'self'), 'every owner again');
    assert.equal(region.view.cloudFilter, undefined);
  });
});
