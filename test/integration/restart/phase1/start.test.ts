// Phase 1: start an export (and a copy to another region) from the tree, open its details panel, see it progress (its end not yet
// announced), then let the window reload (the launcher does it when this phase exits).
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { AccountNode, ImageNode, Node, RegionNode } from '../../../../src/tree/nodes';
import { api, children } from '../../suite/helpers';
import { completions, save } from '../shared';
import { testInput } from '../../userInput/testUserInput';

describe('Reload during an export — before', () => {
  it('starts an export and sees it running in the panel', async () => {
    const a = await api();
    assert.ok(process.env['CIE_SANDBOX_FILE'], 'the sandbox is the external emulator');
    const account = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.cloud === 'alibaba');
    const region = (await children(a, account)).find((n): n is RegionNode => n.kind === 'region' && (n as RegionNode).region.id === 'cn-shanghai');
    assert.ok(region);
    const nodes: Node[] = await children(a, region);
    // An own, Available, non-Windows image: the cloud exports no Windows image (refused before any request).
    const image = nodes.find(
      (n): n is ImageNode =>
        n.kind === 'image' &&
        (n as ImageNode).image.owner === 'self' &&
        (n as ImageNode).image.status === 'Available' &&
        !/windows/i.test(`${(n as ImageNode).image.osType ?? ''} ${(n as ImageNode).image.osName ?? ''} ${(n as ImageNode).image.platform ?? ''}`),
    );
    assert.ok(image);
    const id = { accountId: image.account.id, regionId: 'cn-shanghai', imageId: image.image.id };
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', image);
    testInput.script('reload-test', 'reload', 'vhd');
    await vscode.commands.executeCommand('cloudImageExplorer.export', image);
    const job = a.jobs.forImage(id.accountId, id.regionId, id.imageId).find((j) => j.kind === 'export');
    assert.ok(job);
    const seen = await a.panels.rendered(id, (r) => r.jobs.some((j) => j.jobId === job.jobId && Number(j.percent) > 0));
    const percent = Number(seen.jobs.find((j) => j.jobId === job.jobId)!.percent);
    assert.ok(percent > 0 && percent < 100, `running: ${percent} %`);
    assert.deepEqual(completions({ imageName: image.image.name }), [], 'not announced before the reload');
    // A copy of another image to another region, running across the reload too.
    const other = nodes.find((n): n is ImageNode => n !== image && n.kind === 'image' && (n as ImageNode).image.owner === 'self' && (n as ImageNode).image.status === 'Available');
    assert.ok(other);
    testInput.script(['cn-beijing'], 'survives-reload', '', 'Not encrypted', 'Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.copy', other);
    const copy = a.jobs.forImage(other.account.id, 'cn-shanghai', other.image.id).find((j) => j.kind === 'copy');
    assert.ok(copy && (copy.state === 'queued' || copy.state === 'running'), 'the copy runs');
    save({ jobId: job.jobId, ...id, imageName: image.image.name, percentBefore: percent, copy: { jobId: copy.jobId, imageId: other.image.id, regionId: 'cn-beijing' } });
  });
});
