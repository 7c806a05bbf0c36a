// Jobs started elsewhere, in the real extension host: an export started directly against the sandbox (as
// the web console or the CLI would) in a region the tree shows appears in the Jobs view, marked as started
// elsewhere, with its progress in the details panel, and is never announced as the user's own. On Huawei,
// which lists no jobs, the Jobs view's hover says so.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { TrackedJob } from '../../../../src/jobs/model';
import { api, cleanAfterEach, identity, ownImages, readable, sandboxRegion, until } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

function hover(a: ExtensionApi, job: TrackedJob): string {
  return readable(a.jobsView.getTreeItem(job).tooltip);
}

describe('Jobs started elsewhere (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });
  cleanAfterEach(() => a, { panels: true });

  it('an Alibaba export started outside the extension shows in the Jobs view with its progress, marked as started elsewhere, never announced', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-hangzhou'), 1, 'Available');
    const notes = testInput.notifications.length;
    // Started directly against the sandbox, as the web console or the CLI would: the extension is not told.
    const cli = await a.provider(node!.account);
    const started = await cli.exporting!.exportImage('cn-hangzhou', node!.image.id, { bucket: 'ci-console-exports', object: 'console', format: 'raw' });
    assert.equal(a.jobs.list().find((j) => j.jobId === started.job.jobId), undefined, 'not known yet');

    // DescribeTasks lists it once it runs (TaskStatus=Processing; a task waits only briefly first).
    await until('the export to run', async () => ((await cli.jobs!.describeJobs('cn-hangzhou', [started.job.jobId]))[0]?.state === 'running' ? true : undefined));
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.refresh');
    const job = await until('the export to be found', () => a.jobs.list().find((j) => j.jobId === started.job.jobId));
    assert.equal(job.origin, 'elsewhere');
    assert.equal(job.kind, 'export');
    assert.equal(job.imageId, node!.image.id);
    assert.equal(job.imageName, node!.image.name, 'named after the image the tree shows');
    const item = a.jobsView.getTreeItem(job);
    assert.match(String(item.description), / · started elsewhere$/);
    assert.match(hover(a, job), /Started elsewhere \(the web console, the CLI or another tool\): followed here, its end is not announced\./);

    // Its progress, as for the user's own jobs: the open panel asks for it.
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    const rendered = await a.panels.rendered(identity(node!), (r) => r.jobs.some((j) => j.jobId === job.jobId && (j.percent !== '' || j.state === 'Succeeded')), 60_000);
    assert.match(rendered.jobs.find((j) => j.jobId === job.jobId)!.note, /^Started elsewhere/);

    await until('the export to end', () => (job.state === 'succeeded' ? true : undefined), 60_000);
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.refresh');
    await new Promise((r) => setTimeout(r, 0));
    assert.ok(!testInput.notifications.slice(notes).some((n) => n.message.includes(node!.image.name) && n.message.includes(job.jobId)), 'not announced');
    assert.equal(a.jobs.list().filter((j) => j.jobId === started.job.jobId).length, 1, 'taken in once');
  });

  it('Huawei lists no jobs: the Jobs view\'s hover says that jobs started in its console or CLI cannot show', async () => {
    const [node] = await ownImages(a, await sandboxRegion(a, 'huawei', 'cn-north-4'), 1, 'active');
    testInput.script('ci-obs-bucket', 'exports/elsewhere.qcow2', 'Standard export', 'qcow2');
    await vscode.commands.executeCommand('cloudImageExplorer.export', node);
    const job = a.jobs.list().find((j) => j.kind === 'export' && j.imageId === node!.image.id);
    assert.ok(job, 'tracked');
    assert.match(hover(a, job), /This cloud lists no jobs, so jobs started in its web console or its CLI cannot be shown here/);
    const alibaba = a.jobs.list().find((j) => j.cloud === 'alibaba');
    assert.ok(alibaba && !/lists no jobs/.test(hover(a, alibaba)), 'not said on a cloud that lists its jobs');
  });
});
