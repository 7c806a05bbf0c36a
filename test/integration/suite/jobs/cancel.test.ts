// Cancelling jobs in the real extension host against the Alibaba sandbox: the confirmation names its
// buttons by what they do ("Stop the Export" / "Keep Running", never "Cancel" beside "Cancel Job"); a
// cancelled job is "Cancelled" (not "Failed") in the Jobs view's label, icon and hover, in the details
// panel and in the notification; it leaves no result (no new image in the tree or the cloud, no file in
// the bucket); a copy group counts once in the status bar and, finished, never shows less than 100 %.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { JobGroup } from '../../../../src/jobs/jobsView';
import type { TrackedJob } from '../../../../src/jobs/model';
import type { ImageNode, Node } from '../../../../src/tree/nodes';
import { api, children, cleanAfterEach, identity, ownImages, readable, sandboxRegion, until } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

/** A Jobs view item as the user sees it: label, description, icon, hover text (unescaped). */
function shown(a: ExtensionApi, element: TrackedJob | JobGroup): { label: string; description: string; icon: string; hover: string } {
  const item = a.jobsView.getTreeItem(element);
  const hover = readable(item.tooltip);
  return { label: String(item.label), description: String(item.description ?? ''), icon: (item.iconPath as vscode.ThemeIcon).id, hover };
}

/** The status bar's count, and the user actions running that are not `except` (counted as the user would: a group once). */
function counts(a: ExtensionApi, except?: string): { shown: number; others: number } {
  const running = a.jobs.active().filter((j) => !except || j.group !== except);
  const others = running.filter((j) => !j.group).length + new Set(running.filter((j) => j.group).map((j) => j.group)).size;
  return { shown: Number(/Image jobs: (\d+)$/.exec(a.jobsView.statusBarText ?? '')?.[1] ?? 0), others };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('Cancelling jobs (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });
  cleanAfterEach(() => a, { panels: true });

  it('Stop the Export / Keep Running; a cancelled export is "Cancelled" in the view, the hover, the panel and the notification, and leaves no file', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-hangzhou'), 1, 'Available');
    const emulator = await a.sandbox();
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    testInput.script('ci-cancel-exports', 'stop', 'qcow2');
    await vscode.commands.executeCommand('cloudImageExplorer.export', node);
    const job = a.jobs.forImage(node!.account.id, 'cn-hangzhou', node!.image.id).find((j) => j.kind === 'export');
    assert.ok(job && (job.state === 'queued' || job.state === 'running'), 'the export runs');
    // (Jobs of other tests may run too: the status bar agrees with what runs, read when a poll is not half-way.)
    await until('the status bar to count the export', () => {
      const c = counts(a);
      return c.shown === c.others && c.shown >= 1 ? true : undefined;
    });
    const written = (): string[] => [...(emulator.storage.stores.alibaba.buckets.get('ci-cancel-exports')?.objects.keys() ?? [])].filter((k) => k.startsWith('stop'));
    assert.equal(written().length, 1, 'the export has begun to write its file');

    // Keep Running: nothing is sent, the export goes on.
    const mark = emulator.requestLog.length;
    testInput.script('Keep Running');
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.cancel', job);
    const asked = testInput.asked[testInput.asked.length - 1]!;
    assert.equal(asked.message, `Stop "Export of image ${node!.image.name}"?`);
    assert.deepEqual(asked.buttons, ['Stop the Export']);
    assert.equal(asked.keep, 'Keep Running');
    assert.ok(![...asked.buttons, asked.keep].some((b) => /cancel/i.test(b ?? '')), 'no button says Cancel');
    assert.match(asked.detail ?? '', /check ci-cancel-exports\/stop.* for a partly written file/);
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'CancelTask').length, 0);
    assert.ok(job.state === 'queued' || job.state === 'running', 'still running');

    testInput.script('Stop the Export');
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.cancel', job);
    assert.equal(emulator.requestsSince(mark).filter((r) => r.operation === 'CancelTask').length, 1, 'CancelTask sent once');
    assert.equal(job.state, 'cancelled');

    const item = shown(a, job);
    assert.equal(item.label, `Export of image ${node!.image.name}`);
    assert.match(item.description, /^Cancelled · /);
    assert.equal(item.icon, 'circle-slash');
    // Our word once (the cloud's "Cancelled" says nothing more), and the region by name, not by ID.
    assert.match(item.hover, /^Cancelled · /m);
    assert.doesNotMatch(item.hover, /\(Cancelled\)|status: /);
    const where = a.tree.findRegion(node!.account.id, 'cn-hangzhou')!.region.name;
    assert.notEqual(where, 'cn-hangzhou');
    assert.ok(item.hover.includes(`${node!.image.id} · ${where} · ${job.jobId}`), item.hover);
    assert.match(item.hover, /You cancelled it\. The export stops\./);
    assert.doesNotMatch(item.hover + item.description, /Failed|failed/);
    await until('the status bar to agree with what runs', () => (counts(a).shown === counts(a).others ? true : undefined));

    const rendered = await a.panels.rendered(identity(node!), (r) => r.jobs.some((j) => j.jobId === job.jobId && j.state === 'Cancelled'));
    const row = rendered.jobs.find((j) => j.jobId === job.jobId)!;
    assert.equal(row.error, '');
    assert.match(row.note, /^You cancelled it\./);

    const notice = await until('the cancel to be announced', () => testInput.notifications.find((n) => n.message.startsWith(`Export of image ${node!.image.name}: cancelled.`)));
    assert.equal(notice.severity, 'warning');
    assert.match(notice.message, /: cancelled\. You cancelled it\. The export stops\./);
    assert.deepEqual(written(), [], 'no half-written file in the bucket');
  });

  it('a cancelled import leaves no new image in the tree or the cloud', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-shenzhen');
    testInput.script('System disk image', 'ci-cancel-imports', 'builds/stop.qcow2', 'ci-import-to-stop', '', 'QCOW2', 'linux', 'Ubuntu', 'x86_64', '40');
    await vscode.commands.executeCommand('cloudImageExplorer.importImage', region);
    const job = a.jobs.list().find((j) => j.kind === 'import' && j.imageName === 'ci-import-to-stop');
    assert.ok(job && job.imageId, 'the import runs, its new image named');
    const named = async (): Promise<ImageNode | undefined> => {
      let nodes: Node[] = await children(a, region);
      while (nodes[nodes.length - 1]?.kind === 'loadMore') {
        await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
        nodes = await children(a, region);
      }
      return nodes.find((n): n is ImageNode => n.kind === 'image' && (n as ImageNode).image.id === job.imageId);
    };
    await until('the image being made in the tree', named);

    testInput.script('Stop the Import');
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.cancel', job);
    const asked = testInput.asked[testInput.asked.length - 1]!;
    assert.deepEqual([asked.buttons, asked.keep], [['Stop the Import'], 'Keep Running']);
    assert.equal(job.state, 'cancelled');
    assert.match(shown(a, job).hover, new RegExp(`check that "ci-import-to-stop" is no longer listed in ${escape(region.region.name)}`));
    await until('the image to leave the tree', async () => ((await named()) ? undefined : true));
    const provider = await a.provider(region.account);
    assert.equal(await provider.getImage!('cn-shenzhen', job.imageId), undefined, 'no new image in the cloud');
    await until('the cancel to be announced', () => testInput.notifications.find((n) => n.severity === 'warning' && n.message.startsWith(`Import of image ci-import-to-stop: cancelled.`)));
  });

  it('a copy to two regions counts once in the status bar; one cancelled, the group ends at no percentage below 100 and is announced with each outcome', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-shanghai'), 1, 'Available');
    // The group's rows, hover and announcement name the regions as the tree does, not by ID.
    const nameOf = (j: TrackedJob): string => a.tree.findRegion(j.accountId, j.target!.regionId)!.region.name;
    testInput.script(['cn-beijing', 'ap-southeast-1'], 'ci-group-cancel', '', 'Not encrypted', 'Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.copy', node);
    const jobs = a.jobs.forImage(node!.account.id, 'cn-shanghai', node!.image.id).filter((j) => j.kind === 'copy');
    assert.equal(jobs.length, 2);
    const group = jobs[0]!.group!;
    await until('the status bar to count the group once', () => {
      const c = counts(a, group);
      return c.shown === c.others + 1 ? true : undefined;
    });
    const [first, second] = a.jobs.grouped(group);
    testInput.script('Stop the Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.cancel', first);
    assert.equal(first!.state, 'cancelled');
    await until('the other copy to finish', () => (second!.state === 'succeeded' ? true : undefined), 60_000);

    const element = a.jobsView.getChildren().find((e): e is JobGroup => 'jobs' in e && e.group === group);
    assert.ok(element, 'one entry for the group');
    const item = shown(a, element);
    const percents = [...item.description.matchAll(/(\d+)%/g)].map((m) => Number(m[1]));
    assert.ok(percents.every((p) => p >= 100), item.description);
    assert.equal(item.description, '1 done · 1 cancelled');
    assert.equal(item.icon, 'circle-slash');
    assert.equal(item.hover, `${nameOf(first!)}: Cancelled\n${nameOf(second!)}: Succeeded`);
    assert.deepEqual([nameOf(first!), nameOf(second!)].sort(), ['China (Beijing)', 'Singapore']);
    await until('the finished group to no longer count', () => (counts(a, group).shown === counts(a, group).others ? true : undefined));
    const title = `Copy of image ${node!.image.name} to 2 regions`;
    const notice = await until('the group to be announced', () => testInput.notifications.find((n) => n.message.startsWith(title)));
    assert.equal(notice.severity, 'warning');
    assert.match(notice.message, new RegExp(`^${escape(title)}: ${escape(nameOf(first!))} cancelled; ${escape(nameOf(second!))} done$`));
  });
});
