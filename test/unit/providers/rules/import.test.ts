// Import over real sockets against the emulator: Alibaba ImportImage (an OSS object) and Huawei's image
// from an OBS file, each followed as a job to a new image in its region; the clouds' error bodies, a
// throttled start sent again only because the gateway refused it unprocessed, bad input refused before
// any request, and (Alibaba) a lost reply settled by reading the import back.
import { strict as assert } from 'assert';
import { InvalidInputError } from '../../../../src/providers/rules/problems';
import type { ImportRequest, ImportStarted } from '../../../../src/providers/core/importing';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { codeOf } from '../../helpers/providerHarness';
import { CloudSandbox } from '../../helpers/cloudSandbox';

const JOB_MS = 6_000;

const ALIBABA: ImportRequest = {
  bucket: 'ci-images',
  object: 'builds/web-v3.qcow2',
  name: 'imported-web-v3',
  description: 'From the CI pipeline',
  format: 'QCOW2',
  osType: 'linux',
  platform: 'Ubuntu',
  architecture: 'x86_64',
  diskSizeGiB: 40,
};

const HUAWEI: ImportRequest = {
  bucket: 'ci-obs-images',
  object: 'builds/web-v3.qcow2',
  name: 'imported web v3',
  platform: 'Ubuntu 22.04 server 64bit',
  architecture: 'x86',
  diskSizeGiB: 40,
};

describe('Import an image file (against the emulator)', () => {
  const sandbox = new CloudSandbox({ jobDurationMs: JOB_MS });
  before(() => sandbox.start());
  after(() => sandbox.stop());
  afterEach(() => sandbox.emulator.faults.clear());

  const cases: Array<{ cloud: 'alibaba' | 'huawei'; region: string; request: ImportRequest; op: string; missing: string; throttled: string }> = [
    { cloud: 'alibaba', region: 'cn-shenzhen', request: ALIBABA, op: 'ImportImage', missing: 'InvalidOSSBucket.NotFound', throttled: 'Throttling.User' },
    { cloud: 'huawei', region: 'cn-south-1', request: HUAWEI, op: 'CreateImage', missing: 'IMG.0057', throttled: 'APIGW.0308' },
  ];

  for (const c of cases) {
    describe(c.cloud, () => {
      let provider: ImageProvider;
      before(() => {
        provider = sandbox.providerOf(c.cloud);
      });

      async function follow(started: ImportStarted): Promise<void> {
        const [running] = await provider.jobs!.describeJobs(c.region, [started.job.jobId]);
        assert.ok(running && ['queued', 'running'].includes(running.state), `the job runs: ${running?.state}`);
        sandbox.advance(JOB_MS);
        const [done] = await provider.jobs!.describeJobs(c.region, [started.job.jobId]);
        assert.equal(done?.state, 'succeeded');
      }

      it('starts the import, names the new image, and the image is there and usable when the job succeeds', async () => {
        const started = await provider.importing!.importImage(c.region, c.request);
        assert.equal(started.confirmedBy, 'reply');
        assert.ok(started.imageId, 'the new image is named at once');
        const making = await provider.getImage!(c.region, started.imageId);
        assert.equal(making?.name, c.request.name);
        assert.notEqual(making?.status, c.cloud === 'alibaba' ? 'Available' : 'active');
        await follow(started);
        const made = await provider.getImage!(c.region, started.imageId);
        assert.equal(made?.status, c.cloud === 'alibaba' ? 'Available' : 'active');
        assert.equal(made?.owner, 'self');
        assert.equal(made?.sizeGiB, c.request.diskSizeGiB);
      });

      it("maps the cloud's error body (a bucket that does not exist)", async () => {
        assert.equal(await codeOf(provider.importing!.importImage(c.region, { ...c.request, bucket: 'missing-bucket' })), c.missing);
      });

      it('sends the start again after throttling (refused unprocessed), and only then', async () => {
        sandbox.emulator.faults.add({ kind: 'throttle', cloud: c.cloud, operation: c.op, times: 1 });
        const mark = sandbox.emulator.requestLog.length;
        const started = await provider.importing!.importImage(c.region, { ...c.request, name: `${c.request.name}-2` });
        assert.deepEqual(sandbox.calls(mark, c.op).map((s) => s.split(' ')[1] ?? 'ok'), [c.throttled, 'ok']);
        await follow(started);
      });

      it('refuses bad input before any request', async () => {
        const mark = sandbox.emulator.requestLog.length;
        const bad: ImportRequest[] = [
          { ...c.request, name: '' },
          { ...c.request, bucket: 'Bad_Bucket' },
          { ...c.request, object: '/abs/path.img' },
          { ...c.request, diskSizeGiB: 0 },
          { ...c.request, diskSizeGiB: 4096 },
          { ...c.request, platform: 'Plan 9' },
          { ...c.request, architecture: 'mips' },
        ];
        for (const request of bad) {
          await assert.rejects(provider.importing!.importImage(c.region, request), InvalidInputError, JSON.stringify(request));
        }
        assert.deepEqual(sandbox.calls(mark, c.op), []);
      });
    });
  }

  it('Alibaba: a lost ImportImage reply is settled by the image being made and its running task (sent once)', async () => {
    const provider = sandbox.providerOf('alibaba');
    sandbox.emulator.faults.add({ kind: 'drop-reply', cloud: 'alibaba', operation: 'ImportImage', times: 1 });
    const mark = sandbox.emulator.requestLog.length;
    const started = await provider.importing!.importImage('cn-shenzhen', { ...ALIBABA, name: 'imported-after-lost-reply' });
    assert.equal(started.confirmedBy, 'read-back');
    assert.equal(sandbox.calls(mark, 'ImportImage').length, 1);
    assert.equal((await provider.getImage!('cn-shenzhen', started.imageId!))?.name, 'imported-after-lost-reply');
  });

  it('Huawei: a full image quota refuses the import with the cloud\'s error', async () => {
    const provider = sandbox.providerOf('huawei');
    const image = (await provider.quota!.quotas('cn-south-1')).find((q) => q.type === 'image');
    assert.ok(image && image.used > 0);
    sandbox.emulator.quotas.set('huawei', 'image', image.used);
    try {
      assert.equal(await codeOf(provider.importing!.importImage('cn-south-1', { ...HUAWEI, name: 'over quota' })), 'IMG.0015');
    } finally {
      sandbox.emulator.quotas.reset();
    }
  });
});
