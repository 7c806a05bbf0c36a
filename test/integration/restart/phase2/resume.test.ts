// Phase 2, after a real window reload: the job is still tracked, the details panel came back through
// the serializer, both the panel and the Jobs view follow the export to 100 %, and its end is announced
// exactly once (through the Prompter), also after another poll; a copy started before the reload is
// followed to its new image in the destination region.
import { strict as assert } from 'assert';
import { api, nextJobsChange, until } from '../../suite/helpers';
import { completions, load } from '../shared';

describe('Reload during an export — after', () => {
  it('resumes tracking, restores the panel, and reaches 100 % in the panel and the Jobs view', async function () {
    this.timeout(180_000);
    const rec = load();
    const a = await api();
    const tracked = a.jobs.list().find((j) => j.jobId === rec.jobId && j.imageId === rec.imageId);
    // Whether activation announced its end already (it finished during the reload), before the test's double was in place.
    const announcedAtActivation = tracked?.notified === true;
    assert.ok(tracked, 'the job survived the reload');
    console.log(`after the reload: job ${tracked.jobId} ${tracked.state} ${tracked.percent ?? '?'} % (was ${rec.percentBefore} %)`);
    const id = { accountId: rec.accountId, regionId: rec.regionId, imageId: rec.imageId };
    await until('the panel to be restored by the serializer', () => a.panels.isOpen(id));
    const done = await a.panels.rendered(id, (r) => r.jobs.some((j) => j.jobId === rec.jobId && j.percent === '100'), 90_000);
    assert.ok(done.jobs.length >= 1);
    const finished = await until('the Jobs view entry to succeed', () => a.jobs.list().find((j) => j.jobId === rec.jobId && j.state === 'succeeded'));
    assert.equal(finished.percent, 100);
    assert.ok((finished.finishedAt ?? 0) > finished.startedAt);
    if (announcedAtActivation) {
      // It finished during the reload: activation marked it announced (durably) and shows it once that
      // is written, which can be before or after this test installed its double: the double sees it at
      // most once, also after another poll.
      assert.equal(finished.notified, true, 'announced at activation');
      const polled = nextJobsChange(a);
      a.jobs.pollNow();
      await polled;
      assert.ok(completions(rec).length <= 1, 'not announced again');
      return;
    }
    await until('the end of the export to be announced', () => completions(rec).length > 0);
    assert.equal(completions(rec).length, 1, 'announced exactly once after the reload');
    const polled = nextJobsChange(a);
    a.jobs.pollNow();
    await polled;
    assert.deepEqual(completions(rec), [`Export of image ${rec.imageName}: done.`], 'and still once after another poll');
  });

  it('follows the copy started before the reload to its new image in the destination region', async function () {
    this.timeout(120_000);
    const rec = load();
    assert.ok(rec.copy, 'phase 1 started a copy');
    const a = await api();
    const copy = a.jobs.list().find((j) => j.jobId === rec.copy!.jobId && j.imageId === rec.copy!.imageId);
    assert.ok(copy, 'the copy survived the reload');
    assert.equal(copy.pollRegionId, rec.copy.regionId);
    const done = await until('the copy to succeed', () => a.jobs.list().find((j) => j.jobId === rec.copy!.jobId && j.state === 'succeeded'), 90_000);
    assert.equal(done.percent, 100);
    const provider = await a.provider(a.accounts.list().find((x) => x.id === done.accountId)!);
    assert.equal((await provider.getImage!(rec.copy.regionId, rec.copy.jobId))?.name, 'survives-reload');
  });
});
