// Finding images in the real extension host over the sandbox: the instant filter narrowing a region (and
// cleared), a Huawei tag filter in the cloud counted before anything is loaded and then narrowing the
// region, newest first by default and by name on request, grouping by OS.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { Image, Tag } from '../../../../src/providers/core/model';
import type { GroupNode } from '../../../../src/tree/groupNode';
import type { EmptyNode, ImageNode, Node, RegionNode } from '../../../../src/tree/nodes';
import { ViewState } from '../../../../src/tree/viewState';
import { api, children, ownListed, sandboxRegion, until } from '../helpers';
import { testInput, BACK } from '../../userInput/testUserInput';

function images(nodes: readonly Node[]): ImageNode[] {
  return nodes.filter((n): n is ImageNode => n.kind === 'image');
}

function description(node: Node): string {
  return String(node.treeItem().description ?? '');
}

/** Every child of a region, "Load more…" followed to the end. */
async function loadEverything(a: ExtensionApi, region: RegionNode): Promise<Node[]> {
  let nodes = await children(a, region);
  while (nodes[nodes.length - 1]?.kind === 'loadMore') {
    await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
    nodes = await children(a, region);
  }
  return nodes;
}

/** The most common tag on the images. */
function commonTag(list: readonly Image[]): Tag {
  const counts = new Map<string, { tag: Tag; n: number }>();
  for (const tag of list.flatMap((i) => i.tags)) {
    const c = counts.get(`${tag.key}=${tag.value}`) ?? { tag, n: 0 };
    c.n++;
    counts.set(`${tag.key}=${tag.value}`, c);
  }
  const best = [...counts.values()].sort((x, y) => y.n - x.n)[0];
  assert.ok(best, 'some own image has a tag');
  return best.tag;
}

describe('Filter, sort and group the Images view (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
    await vscode.workspace.getConfiguration('cloudImageExplorer').update('pageSize', 50, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');
    testInput.clearScript();
    await a.tree.state.setQuery('');
    await a.tree.state.setSort('newest');
    await a.tree.state.setGroup('none');
  });

  it('the instant filter narrows a loaded region as typed, says so in the view and the regions, and is cleared', async () => {
    const hangzhou = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const shanghai = await sandboxRegion(a, 'alibaba', 'cn-shanghai');
    a.tree.refresh(hangzhou);
    a.tree.refresh(shanghai);
    const all = images(await children(a, hangzhou));
    assert.equal(all.length, 50);
    await children(a, shanghai);
    const wanted = all[7]!.image;

    // Typed into the filter's input box (the same prompt a user sees, answered by the script).
    testInput.script(wanted.id);
    await vscode.commands.executeCommand('cloudImageExplorer.filterImages');
    const narrowed = await children(a, hangzhou);
    assert.deepEqual(images(narrowed).map((n) => n.image.id), [wanted.id]);
    assert.equal(narrowed[narrowed.length - 1]?.kind, 'loadMore', 'more pages can still be loaded under the filter');
    assert.match(description(hangzhou), /1 shown by the filter/);
    // Every loaded region counts (other tests may have loaded more); these two at least.
    const message = /^Filter "(.+)": 1 of ([\d,]+) loaded images$/.exec(a.tree.message() ?? '');
    assert.ok(message, a.tree.message());
    assert.equal(message[1], wanted.id);
    assert.ok(Number(message[2]!.replace(/,/g, '')) >= hangzhou.loader.items.length + shanghai.loader.items.length);

    // A region where nothing matches says so rather than vanishing.
    const elsewhere = await children(a, shanghai);
    assert.equal(images(elsewhere).length, 0);
    assert.match((elsewhere[0] as EmptyNode).label, /No loaded image matches the filter/);
    assert.match(description(shanghai), /no loaded image matches/);

    // Loading another page keeps the filter applied.
    await vscode.commands.executeCommand('cloudImageExplorer.loadMore', narrowed[narrowed.length - 1]);
    assert.ok(hangzhou.loader.items.length > 50);
    assert.deepEqual(images(await children(a, hangzhou)).map((n) => n.image.id), [wanted.id]);

    await vscode.commands.executeCommand('cloudImageExplorer.clearFilter');
    assert.equal(a.tree.message(), undefined);
    assert.equal(images(await children(a, hangzhou)).length, hangzhou.loader.items.length);
    assert.doesNotMatch(description(hangzhou), /filter/);
  });

  it('refuses a 7,000-character word and too many words in the filter box, keeping the view, and drops such a saved filter once', async () => {
    const hangzhou = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const loaded = images(await children(a, hangzhou));
    const wanted = loaded[3]!.image;
    const shown = testInput.shown.length;
    // Typed: one word of 7,000 characters, then 17 words, then what the user meant.
    testInput.script('x'.repeat(7000), Array.from({ length: 17 }, (_, i) => `w${i}`).join(' '), wanted.id);
    await vscode.commands.executeCommand('cloudImageExplorer.filterImages');
    const box = testInput.shown[shown]!;
    assert.match(box.refused[0] ?? '', /The filter takes at most 256 characters; this one has 7000\./);
    assert.match(box.refused[1] ?? '', /The filter takes at most 16 words; this one has 17\./);
    assert.equal(a.tree.state.query, wanted.id);
    assert.deepEqual(images(await children(a, hangzhou)).map((n) => n.image.id), [wanted.id], 'the region lists, no crash');

    // A command argument over the limits is refused with the same words, and the filter stays.
    const errors = testInput.errors.length;
    await vscode.commands.executeCommand('cloudImageExplorer.filterImages', 'y'.repeat(7000));
    assert.match(testInput.errors[errors] ?? '', /at most 256 characters/);
    assert.equal(a.tree.state.query, wanted.id);

    // A saved filter over the limits (from an older version) is dropped when the view state is restored, and said once.
    const stored = new Map<string, unknown>([['cloudImageExplorer.view', { query: 'z'.repeat(7000), sort: 'name' }]]);
    const memento: vscode.Memento = {
      keys: () => [...stored.keys()],
      get: <T>(key: string, fallback?: T) => (stored.has(key) ? (stored.get(key) as T) : fallback),
      update: (key: string, value: unknown) => {
        stored.set(key, value);
        return Promise.resolve();
      },
    };
    const said: string[] = [];
    const restored = new ViewState(memento, (m) => said.push(m));
    assert.equal(restored.query, '');
    assert.equal(restored.predicate, undefined);
    assert.equal(restored.sort, 'name', 'the rest of the saved state is kept');
    assert.equal(said.length, 1);
    assert.match(said[0]!, /The saved image filter was not restored: The filter takes at most 256 characters; this one has 7000\./);
    restored.dispose();
    const again = new ViewState(memento, (m) => said.push(m));
    assert.equal(said.length, 1, 'said once: the next reload finds nothing to drop');
    again.dispose();
  });

  it('a Huawei tag filter in the cloud is counted per region before loading, then narrows the region, and is cleared', async () => {
    const region = await sandboxRegion(a, 'huawei', 'cn-north-4');
    const own = await ownListed(a, region);
    const tag = commonTag(own);
    const expected = own.filter((i) => i.tags.some((t) => t.key === tag.key && t.value === tag.value)).map((i) => i.id).sort();
    assert.ok(expected.length > 0 && expected.length < own.length);

    const emulator = await a.sandbox();
    const shown = testInput.shown.length;
    // Owner, tags (not "without tags"), the tags, which of them must match, and no name; no status step
    // (tags list own images only).
    testInput.script('Custom image', 'By tags, or any tags', `${tag.key}=${tag.value}`, 'All of these tags', '');
    await vscode.commands.executeCommand('cloudImageExplorer.setCloudFilter', region);
    const titles = testInput.shown.slice(shown).map((s) => s.title);
    assert.equal(titles.length, 5);
    assert.match(titles[0]!, /\(1\/5\)$/);
    assert.match(titles[4]!, /\(5\/5\)$/);

    const mark = emulator.requestLog.length;
    await children(a, region.parent);
    const count = await until('the region\u2019s count', () => region.view.serverCount);
    assert.equal(count, expected.length);
    assert.equal(region.loader.items.length, 0, 'counted before anything is loaded');
    assert.match(description(region), new RegExp(`${count} match`));
    assert.match(description(region), new RegExp(tag.key));
    assert.match(String(region.treeItem().contextValue), /\bcloudFiltered\b/);
    assert.ok(emulator.requestsSince(mark).some((r) => r.operation === 'ListImageByTags' && r.status === 200));
    assert.ok(!emulator.requestsSince(mark).some((r) => r.operation === 'ListImages'), 'nothing listed yet');

    const nodes = await loadEverything(a, region);
    assert.deepEqual(images(nodes).map((n) => n.image.id).sort(), expected);

    await vscode.commands.executeCommand('cloudImageExplorer.clearCloudFilter', region);
    await children(a, region.parent);
    const again = images(await children(a, region));
    assert.ok(again.some((n) => n.image.owner !== 'self'), 'every owner again');
    assert.equal(region.view.cloudFilter, undefined);
  });

  it('the cloud filter wizard goes Back, refuses a bad tag key as typed, and filters every region of an account', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-shanghai');
    const account = region.parent;
    const emulator = await a.sandbox();
    const shown = testInput.shown.length;
    const mark = emulator.requestLog.length;
    testInput.script(
      'Custom image',
      'k'.repeat(129), // refused as typed: the box stays open
      BACK, // back to the owner
      'Custom image',
      '',
      ['Creating', 'Available'],
      ['use by instances'], // the further conditions: only this one is asked for next
      'used by instances',
      '',
    );
    await vscode.commands.executeCommand('cloudImageExplorer.setCloudFilter', account);
    const steps = testInput.shown.slice(shown);
    assert.deepEqual(steps.map((s) => s.title.replace(/^.*\(/, '(')), ['(1/5)', '(2/5)', '(1/5)', '(2/5)', '(3/5)', '(4/5)', '(5/6)', '(6/6)']);
    assert.match(steps[1]!.refused[0] ?? '', /129 characters; at most 128/);
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeImages').length, 0, 'nothing asked of the cloud while answering');
    assert.deepEqual(a.tree.state.cloudFilter({ accountId: account.account.id }), { owner: 'self', statuses: ['Creating', 'Available'], attributes: { usage: 'instance' } });

    await children(a, account);
    const listed = images(await children(a, region));
    assert.ok(listed.length > 0);
    assert.ok(listed.every((n) => n.image.owner === 'self' && ['Creating', 'Available'].includes(n.image.status)));
    assert.match(String(region.treeItem().tooltip), /use by instances: used by instances/);
    assert.match(String(region.treeItem().tooltip), /set on the account/);

    await vscode.commands.executeCommand('cloudImageExplorer.clearCloudFilter', account);
    await children(a, account);
    assert.ok(images(await children(a, region)).some((n) => n.image.owner !== 'self'));
  });

  it('sorts newest first by default, by name on request, and groups by OS', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-beijing');
    a.tree.refresh(region);
    const newest = images(await children(a, region)).map((n) => n.image);
    assert.equal(newest.length, 50);
    const times = newest.map((i) => Date.parse(i.createdAt ?? ''));
    assert.deepEqual(times, [...times].sort((x, y) => y - x), 'newest first');

    testInput.script('Name');
    await vscode.commands.executeCommand('cloudImageExplorer.sortBy');
    assert.equal(a.tree.state.sort, 'name');
    const names = images(await children(a, region)).map((n) => n.image.name);
    const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    assert.deepEqual(names, [...names].sort((x, y) => collator.compare(x, y)));

    testInput.script('By OS');
    await vscode.commands.executeCommand('cloudImageExplorer.groupBy');
    const groups = (await children(a, region)).filter((n): n is GroupNode => n.kind === 'group');
    assert.ok(groups.length > 1, `${groups.length} groups`);
    const first = groups[0]!;
    const inFirst = images(await children(a, first));
    assert.ok(inFirst.length > 0 && inFirst.every((n) => (n.image.platform ?? n.image.osType) === first.key));
    assert.equal(a.tree.getParent(inFirst[0]!)?.id, first.id, 'an image\u2019s parent is its group');
  });
});
