// Tag, share, export, delete in the real extension host against the sandbox: the tree and the
// details panel show each change; jobs reach 100 % in the panel and the Jobs view, across a reload;
// deletes are confirmed; invalid input is refused before any request.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { api, children, identity, label, ownImages, sandboxRegion, until } from '../helpers';
import { CANCEL, testInput } from '../../userInput/testUserInput';

describe('Image operations over the sandbox (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });

  afterEach(() => {
    a.panels.closeAll();
  });

  it('offers on each image only what its cloud can do', async () => {
    const nodes = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shanghai'), 10, 'Available');
    const windows = (n: (typeof nodes)[number]): boolean => n.image.osType?.toLowerCase() === 'windows';
    const linux = nodes.find((n) => !windows(n) && !n.image.raw?.['ProductCode']);
    assert.ok(linux, 'an own Linux image');
    const ctx = String(linux.treeItem().contextValue);
    for (const flag of ['can-tag', 'can-share', 'can-export', 'can-delete']) {
      assert.ok(ctx.includes(flag), `${flag} in "${ctx}"`);
    }
    // Alibaba does not export Windows images: Export is not on their menu.
    const win = nodes.find(windows);
    if (win) {
      assert.ok(!String(win.treeItem().contextValue).includes('can-export'), 'no can-export on a Windows image');
    }
  });

  it('tags then untags an image, and the tree and the panel show each change', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shanghai'), 1, 'Available');
    const id = identity(node!);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    await a.panels.rendered(id, () => true);
    await vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node], { key: 'ci-test', value: 'round-trip' });
    assert.ok(node!.image.tags.some((t) => t.key === 'ci-test' && t.value === 'round-trip'), 'tree node has the tag');
    assert.match(String((a.tree.resolveTreeItem(node!.treeItem(), node!).tooltip as vscode.MarkdownString).value), /ci-test=round-trip/, 'the hover shows it');
    await a.panels.rendered(id, (r) => r.tags.includes('ci-test=round-trip'));
    await vscode.commands.executeCommand('cloudImageExplorer.untag', node, [node], ['ci-test']);
    assert.ok(!node!.image.tags.some((t) => t.key === 'ci-test'), 'tag gone from the tree');
    await a.panels.rendered(id, (r) => !r.tags.includes('ci-test=round-trip'));
  });

  it('tags several selected images at once', async () => {
    const nodes = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shanghai'), 3, 'Available');
    await vscode.commands.executeCommand('cloudImageExplorer.tag', nodes[0], nodes, { key: 'batch', value: 'yes' });
    for (const n of nodes) {
      assert.ok(n.image.tags.some((t) => t.key === 'batch'), n.image.id);
    }
    await vscode.commands.executeCommand('cloudImageExplorer.untag', nodes[0], nodes, ['batch']);
  });

  it('shares with a member and unshares after a confirmation', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-beijing'), 1, 'Available');
    const id = identity(node!);
    const member = '1111222233334444';
    const shown = testInput.shown.length;
    testInput.script(member);
    await vscode.commands.executeCommand('cloudImageExplorer.share', node);
    assert.match(testInput.shown[shown]!.text, /^Not shared yet\. Add/);
    const provider = await a.provider(node!.account);
    assert.ok((await provider.sharing!.listMembers(id.regionId, id.imageId)).some((m) => m.id === member));
    testInput.script([member], 'Stop Sharing');
    await vscode.commands.executeCommand('cloudImageExplorer.unshare', node);
    const members = testInput.shown[testInput.shown.length - 1]!;
    assert.match(members.title, /^Unshare "/);
    assert.deepEqual(members.items, [member], 'the picker offers the current members');
    assert.match(testInput.asked[testInput.asked.length - 1]!.message, new RegExp(member));
    assert.ok(!(await provider.sharing!.listMembers(id.regionId, id.imageId)).some((m) => m.id === member));
  });

  // The same across a real window reload: test/integration/restart.
  it('exports: the job reaches 100 % in the panel and the Jobs view', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shenzhen'), 1, 'Available');
    const id = identity(node!);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    testInput.script('ci-exports', 'ciexport', 'qcow2');
    await vscode.commands.executeCommand('cloudImageExplorer.export', node);
    const job = a.jobs.forImage(id.accountId, id.regionId, id.imageId).find((j) => j.kind === 'export');
    assert.ok(job, 'the export is tracked');
    await a.panels.rendered(id, (r) => r.jobs.some((j) => j.jobId === job.jobId && Number(j.percent) > 0 && Number(j.percent) < 100));
    const done = await a.panels.rendered(id, (r) => r.jobs.some((j) => j.jobId === job.jobId && j.percent === '100'), 60_000);
    assert.ok(done);
    const view = await until('the Jobs view to show success', () =>
      a.jobs.list().find((j) => j.jobId === job.jobId && j.state === 'succeeded' && j.percent === 100),
    );
    assert.equal(view.kind, 'export');
    const announced = (): number => testInput.notifications.filter((n) => n.message === `Export of image ${node!.image.name}: done.`).length;
    await until('the end to be announced', () => announced() > 0);
    assert.equal(announced(), 1, 'announced exactly once');
  });

  it('deletes after a modal confirmation that names the image; the node disappears', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-shenzhen');
    const nodes = await ownImages(a, region, 3, 'Available');
    const victim = nodes.find((n) => !/in-use/.test(JSON.stringify(n.image.raw))) ?? nodes[0]!;
    const emulator = await a.sandbox();
    // Cancel first: nothing is deleted and no request is sent.
    let mark = emulator.requestLog.length;
    testInput.script(undefined);
    await vscode.commands.executeCommand('cloudImageExplorer.delete', victim, [victim]);
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage').length, 0);
    const asked = testInput.asked[testInput.asked.length - 1]!;
    assert.ok(asked.message.includes(victim.image.name), asked.message);
    assert.ok(asked.buttons.includes('Force Delete'), 'Alibaba offers Force');
    assert.match(asked.detail ?? '', /Force Delete/);
    mark = emulator.requestLog.length;
    testInput.script('Force Delete');
    await vscode.commands.executeCommand('cloudImageExplorer.delete', victim, [victim]);
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage').length, 1);
    const left = (await children(a, region)).map((n) => n.id);
    assert.ok(!left.includes(victim.id), 'the node is gone');
  });

  it('keeps the node when a delete gets a 5xx: sent once, and said to be not known (the image read back is still there)', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-shenzhen');
    const [node] = await ownImages(a, region, 1, 'Available');
    const emulator = await a.sandbox();
    emulator.faults.add({ kind: 'server-error', cloud: 'alibaba', operation: 'DeleteImage' });
    const mark = emulator.requestLog.length;
    try {
      testInput.script('Delete');
      await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    } finally {
      emulator.faults.clear();
    }
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage').length, 1, 'not sent again');
    assert.ok((await children(a, region)).some((n) => n.id === node!.id), 'the node stays');
    assert.equal(node!.busy, undefined);
    assert.match(node!.lastError ?? '', /was deleted is not known\. .*The cloud says: InternalError: .*\), so the request was not sent again\. Reading it back from the cloud shows no change so far\. Refresh the region/);
    assert.match(testInput.errors[testInput.errors.length - 1] ?? '', /^Whether ".*" was deleted is not known\./);
  });

  it('refuses invalid input with a specific message before any request', async () => {
    // Not a Windows image: the cloud does not export those, which is refused before the export's own input.
    const candidates = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shanghai'), 6, 'Available');
    const node = candidates.find((n) => !/windows/i.test(`${n.image.osType ?? ''} ${n.image.osName ?? ''} ${n.image.platform ?? ''}`));
    assert.ok(node, 'an own Linux image');
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const cases: [string, unknown, RegExp][] = [
      ['cloudImageExplorer.tag', { key: 'aliyun-owned', value: 'x' }, /tag key may not start with any of: "aliyun", "acs:"/],
      ['cloudImageExplorer.tag', { key: 'k'.repeat(129), value: '' }, /tag key has 129 characters; at most 128 are allowed/],
      ['cloudImageExplorer.tag', { key: '😀'.repeat(129), value: '' }, /tag key has 129 characters/],
      ['cloudImageExplorer.tag', { key: ' padded', value: 'x' }, /tag key starts or ends with a space/],
      ['cloudImageExplorer.tag', { key: 'site', value: 'https://example.com' }, /tag value may not contain: "http:\/\/", "https:\/\/"/],
      // The details panel's arguments: checked as the prompts check, or named when they are not a tag at all.
      ['cloudImageExplorer.untag', ['acs:x'], /has no tag "acs:x"/],
      ['cloudImageExplorer.tag', 'env=prod', /A tag is a key and a value/],
      ['cloudImageExplorer.untag', [], /Name the tag keys to remove/],
    ];
    for (const [command, arg, expected] of cases) {
      const before = testInput.errors.length;
      await vscode.commands.executeCommand(command, node, [node], arg);
      assert.equal(testInput.errors.length, before + 1, `${command} ${JSON.stringify(arg)} was refused`);
      assert.match(testInput.errors[testInput.errors.length - 1]!, expected);
    }
    // The export's boxes refuse a bad bucket and a bad prefix as they are typed (Escape then ends it).
    const boxes: [string[], RegExp][] = [
      [['Bad_Bucket'], /OSS bucket name uses lower-case letters, digits and hyphens/],
      [['good-bucket', 'has space'], /object prefix uses only letters and digits/],
    ];
    for (const [answers, expected] of boxes) {
      testInput.script(...answers, CANCEL);
      await vscode.commands.executeCommand('cloudImageExplorer.export', node);
      assert.match(testInput.shown[testInput.shown.length - 1]!.refused[0] ?? '', expected);
    }
    // The format is a pick of what the cloud exports to: "iso" is not offered.
    const shown = testInput.shown.length;
    testInput.script('good-bucket', 'ok', CANCEL);
    await vscode.commands.executeCommand('cloudImageExplorer.export', node);
    const formats = testInput.shown[shown + 2];
    assert.equal(formats?.kind, 'pick');
    assert.ok(formats.items?.length && !formats.items.includes('iso'), formats.items?.join(', '));
    const mutations = emulator.requestsSince(mark).filter((r) => /^(TagResources|ExportImage|ModifyImageSharePermission)$/.test(r.operation));
    assert.deepEqual(mutations.map((r) => r.operation), [], 'no request reached the emulator');
    assert.ok(label(node!));
  });
});
