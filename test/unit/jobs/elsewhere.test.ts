// Jobs started elsewhere, against the emulator over real sockets: a second provider on the same emulator
// stands for the web console or the CLI. Alibaba DescribeTasks and QingCloud DescribeJobs list the running
// imports, exports and copies (not deletions, not finished ones); each shown region is listed once per
// interval, Huawei (no job listing) never; what is found is taken in once, marked as started elsewhere.
import { strict as assert } from 'assert';
import { installVscodeShim } from '../helpers/vscodeShim';
installVscodeShim(); // before the modules that import `vscode`

import type { ElsewhereJobs as Elsewhere, ShownRegion } from '../../../src/jobs/elsewhere';
import type { TrackedJob } from '../../../src/jobs/model';
import type { AccountConfig, CloudKind, Image } from '../../../src/providers/core/model';
import type { ImageProvider } from '../../../src/providers/core/provider';
import type { Log } from '../../../src/util/log';
import { CloudSandbox } from '../helpers/cloudSandbox';
import { allImages } from '../helpers/providerHarness';
import { SimulatedClock } from '../helpers/simulatedClock';

const ALIBABA = 'cn-hangzhou';
const ZONE = 'pek3a';

function account(cloud: CloudKind): AccountConfig {
  return { id: `sb-${cloud}`, name: cloud, cloud, sandbox: true } as AccountConfig;
}

function region(cloud: CloudKind, regionId: string): ShownRegion {
  return { account: account(cloud), regionId, imageName: () => undefined };
}

describe('Jobs started elsewhere (against the emulator)', () => {
  const sb = new CloudSandbox({ jobDurationMs: 60_000 });
  /** What the extension uses; `cli` stands for the web console or the CLI. */
  const ours = {} as Record<CloudKind, ImageProvider>;
  const cli = {} as Record<CloudKind, ImageProvider>;
  let own: Record<'alibaba' | 'qingcloud', Image[]>;
  let ElsewhereJobs: typeof Elsewhere;

  before(async () => {
    await sb.start();
    for (const cloud of ['alibaba', 'huawei', 'qingcloud'] as const) {
      ours[cloud] = sb.providerOf(cloud);
      cli[cloud] = sb.providerOf(cloud);
    }
    own = {
      alibaba: (await allImages(ours.alibaba, ALIBABA, 100)).filter((i) => i.owner === 'self' && i.status === 'Available'),
      qingcloud: (await allImages(ours.qingcloud, ZONE, 100)).filter((i) => i.owner === 'self' && i.status === 'available' && !i.raw?.['transition_status']),
    };
    ({ ElsewhereJobs } = await import('../../../src/jobs/elsewhere'));
  });
  after(() => sb.stop());

  it('Alibaba DescribeTasks: lists the running imports and exports of the region, whoever started them, and no finished one', async () => {
    const exported = await cli.alibaba.exporting!.exportImage(ALIBABA, own.alibaba[0]!.id, { bucket: 'cli-bucket', object: 'cli', format: 'raw' });
    const imported = await cli.alibaba.importing!.importImage(ALIBABA, { bucket: 'cli-imports', object: 'disk.raw', name: 'from-cli', format: 'RAW', osType: 'linux', platform: 'Ubuntu', architecture: 'x86_64', diskSizeGiB: 20 });
    sb.advance(5_000); // past waiting: running
    const listed = await ours.alibaba.jobs!.listRunning!(ALIBABA);
    const byId = new Map(listed.map((j) => [j.jobId, j]));
    assert.deepEqual({ ...byId.get(exported.job.jobId), startedAt: undefined }, {
      jobId: exported.job.jobId, kind: 'export', cloudAction: 'ExportImage', state: 'running', cloudState: 'Processing', imageId: own.alibaba[0]!.id, startedAt: undefined,
    });
    assert.equal(byId.get(imported.job.jobId)?.kind, 'import');
    assert.equal(byId.get(imported.job.jobId)?.imageId, imported.imageId);
    const mark = sb.emulator.requestLog.length;
    sb.advance(60_000); // both finished
    assert.deepEqual(await ours.alibaba.jobs!.listRunning!(ALIBABA), []);
    assert.deepEqual(sb.calls(mark, 'DescribeTasks'), ['200'], 'one request');
  });

  it('QingCloud DescribeJobs: lists the running clones (copies) of the zone, not the deletions', async () => {
    const clone = await cli.qingcloud.copying!.copyImage(ZONE, own.qingcloud[0]!.id, { destinationRegionId: ZONE, name: 'cli-clone' });
    await cli.qingcloud.deleting!.deleteImages(ZONE, [own.qingcloud[1]!.id], { force: false });
    sb.advance(5_000);
    const listed = await ours.qingcloud.jobs!.listRunning!(ZONE);
    assert.deepEqual(
      listed.map((j) => [j.jobId, j.kind, j.cloudAction, j.state, j.imageId]),
      [[clone.job.jobId, 'copy', 'CloneImages', 'running', own.qingcloud[0]!.id]],
    );
    assert.ok(listed[0]!.newImageId?.startsWith('img-'), 'the clone is named');
  });

  it('Huawei IMS lists no jobs: no listing at all', () => {
    assert.equal(ours.huawei.jobs?.listRunning, undefined);
  });

  it('lists each shown region once per interval (none for Huawei), takes in what it finds once, marked as started elsewhere', async () => {
    const started = await cli.alibaba.exporting!.exportImage(ALIBABA, own.alibaba[1]!.id, { bucket: 'cli-bucket', object: 'again', format: 'raw' });
    sb.advance(5_000);
    const adopted: TrackedJob[][] = [];
    const tracker = { adopt: (found: readonly TrackedJob[]) => (adopted.push([...found]), Promise.resolve(found.length)), onDidAskRefresh: () => ({ dispose: () => undefined }) };
    const shown = [region('alibaba', ALIBABA), region('alibaba', 'cn-beijing'), region('qingcloud', ZONE), region('huawei', 'cn-north-4')];
    const providers = { provider: (a: AccountConfig) => Promise.resolve(ours[a.cloud]) };
    const clock = new SimulatedClock();
    const mark = sb.emulator.requestLog.length;
    const elsewhere = new ElsewhereJobs(tracker as never, providers as never, () => shown, { warn: () => undefined } as unknown as Log, () => 30_000, clock);
    await elsewhere.listNow();
    const first = sb.emulator.requestsSince(mark).map((r) => r.operation);
    assert.deepEqual(first.sort(), ['DescribeJobs', 'DescribeTasks', 'DescribeTasks'], 'one listing per shown region of a cloud that lists jobs');
    const found = adopted[0]!.find((j) => j.jobId === started.job.jobId);
    assert.ok(found, 'the export started elsewhere is found');
    assert.deepEqual([found.kind, found.regionId, found.imageId, found.state, found.accountId], ['export', ALIBABA, own.alibaba[1]!.id, 'running', 'sb-alibaba']);
    // Two more intervals: two more rounds, no more.
    await clock.runUntil(clock.now() + 60_000);
    assert.equal(sb.emulator.requestsSince(mark).length, 9);
    assert.equal(adopted.length, 3);
    elsewhere.dispose();
    await clock.runUntil(clock.now() + 60_000);
    assert.equal(sb.emulator.requestsSince(mark).length, 9, 'none once disposed');
  });

  it('the tracker takes in a job found elsewhere once, never announces it, and keeps the user\'s own as they are', async () => {
    const { JobTracker } = await import('../../../src/jobs/tracker');
    const memento = { get: <T>(_k: string, fallback?: T) => fallback, update: () => Promise.resolve(), keys: () => [] };
    const notices: string[] = [];
    const clock = new SimulatedClock();
    const tracker = new JobTracker(
      memento as never,
      { get: () => account('alibaba') } as never,
      { provider: () => Promise.resolve({ jobs: { describeJobs: (_r: string, ids: readonly string[]) => Promise.resolve(ids.map((jobId) => (jobId === 't-keep' ? { jobId, state: 'running', cloudState: 'Processing' } : { jobId, state: 'succeeded', cloudState: 'Finished' }))) } }) } as never,
      { info: () => undefined, warn: () => undefined } as unknown as Log,
      { notify: (_s: string, m: string) => (notices.push(m), Promise.resolve(undefined)) } as never,
      clock,
    );
    const mine = await tracker.track({ accountId: 'sb-alibaba', cloud: 'alibaba', regionId: ALIBABA, jobId: 't-mine', kind: 'export', imageId: 'm-1', imageName: 'web' });
    // (A job that keeps running keeps the simulated clock's timers going.)
    await tracker.track({ accountId: 'sb-alibaba', cloud: 'alibaba', regionId: ALIBABA, jobId: 't-keep', kind: 'export', imageId: 'm-3', imageName: 'keep' });
    const elsewhere = (jobId: string): TrackedJob => ({ accountId: 'sb-alibaba', cloud: 'alibaba', regionId: ALIBABA, jobId, kind: 'export', imageId: 'm-2', imageName: 'db', startedAt: 1, state: 'running' });
    assert.equal(await tracker.adopt([elsewhere('t-mine'), elsewhere('t-cli')]), 1);
    assert.equal(await tracker.adopt([elsewhere('t-cli')]), 0, 'once');
    assert.equal(mine.origin, undefined);
    const taken = tracker.list().find((j) => j.jobId === 't-cli')!;
    assert.equal(taken.origin, 'elsewhere');
    await clock.runUntil(clock.now() + 1_000); // one poll: both end
    assert.equal(taken.state, 'succeeded');
    assert.deepEqual(notices, ['Export of image web: done.'], 'only the user\'s own job is announced');
    tracker.dispose();
  });
});
