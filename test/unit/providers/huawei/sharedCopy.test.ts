// Copying a Huawei image another project shared with this one, over real sockets against the emulator:
// a pending one is refused by IMS with IMG.0196 (its words, the reason notAccepted, whose way out is
// accept); once accepted, the in-region copy runs as a job and lands as a private image of the project;
// across regions IMS copies only the project's own private images.
import { strict as assert } from 'assert';
import { ProviderError } from '../../../../src/providers/core/errors';
import { errorReasonOf, wayOutOf } from '../../../../src/providers';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { codeOf } from '../../helpers/providerHarness';
import { CloudSandbox } from '../../helpers/cloudSandbox';

const JOB_MS = 6_000;
const R = 'ap-southeast-1';

describe('Huawei: copying a shared image (against the emulator)', () => {
  const sandbox = new CloudSandbox({ jobDurationMs: JOB_MS });
  let provider: ImageProvider;
  before(async () => {
    await sandbox.start();
    provider = sandbox.providerOf('huawei');
  });
  after(() => sandbox.stop());

  const copies = (since: number): string[] =>
    sandbox.emulator
      .requestsSince(since)
      .filter((r) => r.method === 'POST' && /\/copy$/.test(r.path))
      .map((r) => `${r.status}${r.errorCode ? ` ${r.errorCode}` : ''}`);

  it('a pending shared image: IMG.0196 with the cloud\'s words (reason notAccepted, way out accept); accepted, the copy runs once and lands as a private image', async () => {
    const pending = (await provider.received!.listReceived(R)).find((r) => r.membership === 'pending')!.image;
    const mark = sandbox.emulator.requestLog.length;
    const err = await provider.copying!.copyImage(R, pending.id, { destinationRegionId: R, name: 'from-shared-copy' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof ProviderError, 'refused');
    assert.equal(err.code, 'IMG.0196');
    assert.match(err.message, /must be accepted before it is copied/);
    assert.equal(errorReasonOf(err), 'notAccepted');
    assert.equal(wayOutOf(errorReasonOf(err)), 'accept');
    const answered = await provider.received!.answer(R, [pending.id], 'accepted');
    sandbox.advance(JOB_MS);
    assert.equal((await provider.jobs!.describeJobs(R, [answered.job!.jobId]))[0]?.state, 'succeeded');
    const started = await provider.copying!.copyImage(R, pending.id, { destinationRegionId: R, name: 'from-shared-copy' });
    sandbox.advance(JOB_MS);
    const [job] = await provider.jobs!.describeJobs(R, [started.job.jobId]);
    assert.equal(job?.state, 'succeeded');
    const copy = (await provider.listImages({ regionId: R, pageSize: 500 })).items.find((i) => i.name === 'from-shared-copy');
    assert.ok(copy, 'the copy is listed in the region');
    assert.equal(copy.owner, 'self', "the copy is the project's own private image");
    assert.deepEqual(copies(mark), ['400 IMG.0196', '200'], 'refused once, then sent once');
  });

  it('an accepted shared image is copied within its region only: across regions IMS refuses it (private images only)', async () => {
    const accepted = (await provider.received!.listReceived(R)).find((r) => r.membership === 'accepted')!.image;
    const code = await codeOf(provider.copying!.copyImage(R, accepted.id, { destinationRegionId: 'cn-north-4', name: 'shared-elsewhere', agencyName: 'ims_admin_agency' }));
    assert.equal(code, 'IMG.0106');
    const within = await provider.copying!.copyImage(R, accepted.id, { destinationRegionId: R, name: 'shared-here' });
    assert.ok(within.job.jobId);
  });
});
