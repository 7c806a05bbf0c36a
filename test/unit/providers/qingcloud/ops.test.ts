// QingCloud image operations over real sockets against the emulator: tags, sharing, delete and its job.
// The emulator and the provider share one hand-moved clock, so jobs move on when the test says so.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { QingcloudProvider } from '../../../../src/providers/qingcloud/provider';
import { QingcloudClient } from '../../../../src/providers/qingcloud/client';
import { mapJob } from '../../../../src/providers/qingcloud/mapping';
import type { Image, ImageFilter } from '../../../../src/providers/core/model';
import { ProviderError } from '../../../../src/providers/core/errors';
import { vocabularyOf } from '../../../../src/providers';
import { collectPages } from '../../../../src/providers/shared/paging';
import type { ProviderContext } from '../../../../src/providers/core/provider';
import { allImages, codeOf, recordingHttp } from '../../helpers/providerHarness';

describe('QingCloud image operations (against the emulator)', () => {
  let emulator: Emulator;
  let provider: QingcloudProvider;
  let client: QingcloudClient;
  let clock = Date.now();
  const { http, sleeps } = recordingHttp();

  const allImagesOf = (regionId: string): Promise<Image[]> => allImages(provider, regionId, 100);

  /** Own, available, untagged images of a zone that no earlier test touched. */
  const used = new Set<string>();
  async function fresh(zone: string, count: number): Promise<Image[]> {
    const picked = (await allImagesOf(zone)).filter((i) => i.owner === 'self' && i.status === 'available' && !i.tags.length && !used.has(i.id)).slice(0, count);
    assert.equal(picked.length, count, `${count} own untagged images in ${zone}`);
    picked.forEach((i) => used.add(i.id));
    return picked;
  }

  const operations = (mark: number, op: string): string[] =>
    emulator
      .requestsSince(mark)
      .filter((r) => r.operation === op)
      .map((r) => r.errorCode ?? 'ok');

  const contextOf = (emu: Emulator): ProviderContext => ({
    http,
    credentials: emu.credentials('qingcloud'),
    endpoint: emu.endpoints.qingcloud,
    now: () => new Date(clock),
  });

  before(async () => {
    emulator = new Emulator({ now: () => clock });
    await emulator.start();
    provider = new QingcloudProvider(contextOf(emulator));
    client = new QingcloudClient(contextOf(emulator));
  });
  after(async () => {
    await emulator.stop();
    await http.close();
  });
  beforeEach(() => {
    emulator.faults.clear();
    sleeps.length = 0;
    clock += 1000;
  });

  it('carries tags, sharing, deleting and jobs, and no exporting', () => {
    assert.ok(provider.tags && provider.sharing && provider.deleting && provider.jobs);
    assert.equal((provider as { exporting?: unknown }).exporting, undefined);
    assert.equal(provider.tags.rules.limits.namesOnly, true);
    assert.equal(provider.tags.rules.limits.maxValueLength, 0);
    assert.equal(provider.deleting.supportsForce, false);
    assert.equal(provider.sharing.rules.format, 'qingcloudUser');
    assert.ok(provider.sharing.rules.pattern.test('usr-AbC12345'));
    assert.ok(!provider.sharing.rules.pattern.test('usr-abc') && !provider.sharing.rules.pattern.test('1111222233334444'));
  });

  it('creates a missing tag, reuses an existing one, attaches both; listImages, getImage and listTags agree', async () => {
    const [a, b] = await fresh('sh1a', 2);
    const mark = emulator.requestLog.length;
    await provider.tags.addTags('sh1a', [a!.id, b!.id], [{ key: 'ci-新', value: '' }, { key: 'prod', value: '' }]);
    assert.deepEqual(operations(mark, 'CreateTag'), ['ok'], 'only the missing tag is created');
    assert.deepEqual(operations(mark, 'AttachTags'), ['ok'], 'one call for 4 pairs');
    for (const img of [a!, b!]) {
      assert.deepEqual((await provider.tags.listTags('sh1a', img.id)).map((t) => t.key).sort(), ['ci-新', 'prod'].sort());
      const got = await provider.getImage('sh1a', img.id);
      assert.deepEqual(got?.tags.map((t) => t.key).sort(), ['ci-新', 'prod'].sort());
      assert.ok(got.tags.every((t) => t.value === ''));
    }
    const listed = (await allImagesOf('sh1a')).find((i) => i.id === a!.id);
    assert.deepEqual(listed?.tags.map((t) => t.key).sort(), ['ci-新', 'prod'].sort());
    // Again: the tag now exists (found by exact name, not the search_word's partial match), attaching twice is harmless.
    const again = emulator.requestLog.length;
    await provider.tags.addTags('sh1a', [a!.id], [{ key: 'ci-新', value: '' }]);
    assert.deepEqual(operations(again, 'CreateTag'), []);
    assert.equal((await provider.tags.listTags('sh1a', a!.id)).length, 2);
  });

  it('detaches by name; an unknown name detaches nothing', async () => {
    const [img] = await fresh('sh1a', 1);
    await provider.tags.addTags('sh1a', [img!.id], [{ key: 'tmp-detach', value: '' }, { key: 'golden', value: '' }]);
    await provider.tags.removeTags('sh1a', [img!.id], ['tmp-detach', 'no-such-tag']);
    assert.deepEqual((await provider.tags.listTags('sh1a', img!.id)).map((t) => t.key), ['golden']);
    assert.deepEqual((await provider.getImage('sh1a', img!.id))?.tags.map((t) => t.key), ['golden']);
  });

  it('refuses a value or an over-long name before any request', async () => {
    const [img] = await fresh('gd2', 1);
    const mark = emulator.requestLog.length;
    assert.equal(await codeOf(provider.tags.addTags('gd2', [img!.id], [{ key: 'env', value: 'prod' }])), 'InvalidInput');
    assert.equal(await codeOf(provider.tags.addTags('gd2', [img!.id], [{ key: 'x'.repeat(15), value: '' }])), 'InvalidInput', 'fewer than 15 characters');
    assert.equal(emulator.requestsSince(mark).length, 0);
  });

  it('has the emulator check tags as the cloud does (1100, 1400, 2100, 2110)', async () => {
    const [img] = await fresh('gd2', 1);
    const created = await client.call('CreateTag', { tag_name: 'ci-rules' }, undefined, 'gd2');
    const tagId = String(created['tag_id']);
    assert.match(tagId, /^tag-[0-9a-z]{8}$/);
    assert.equal(await codeOf(client.call('CreateTag', { tag_name: 'ci-rules' }, undefined, 'gd2')), '2110');
    assert.equal(await codeOf(client.call('CreateTag', { tag_name: 'y'.repeat(16) }, undefined, 'gd2')), '1100');
    const pair = (type: string, resource: string, tag = tagId): Record<string, string> => ({
      'resource_tag_pairs.1.tag_id': tag,
      'resource_tag_pairs.1.resource_type': type,
      'resource_tag_pairs.1.resource_id': resource,
    });
    assert.equal(await codeOf(client.call('AttachTags', pair('instance', img!.id), undefined, 'gd2')), '1100');
    assert.equal(await codeOf(client.call('AttachTags', pair('image', 'img-nothere'), undefined, 'gd2')), '2100');
    assert.equal(await codeOf(client.call('AttachTags', pair('image', img!.id, 'tag-nothere'), undefined, 'gd2')), '2100');
    assert.equal(await codeOf(client.call('AttachTags', pair('image', 'centos79x64a'), undefined, 'gd2')), '1400');
    assert.equal(await codeOf(client.call('AttachTags', {}, undefined, 'gd2')), '1100');
    // DescribeTags verbose=1 gives the pairs; the tags.N filter of DescribeImages finds the image.
    await client.call('AttachTags', pair('image', img!.id), undefined, 'gd2');
    const described = await client.call('DescribeTags', { 'tags.1': tagId, verbose: '1' }, undefined, 'gd2');
    const tag = (described['tag_set'] as Array<Record<string, unknown>>)[0]!;
    assert.equal(tag['resource_count'], 1);
    assert.deepEqual(tag['resource_tag_pairs'], [{ tag_id: tagId, resource_type: 'image', resource_id: img!.id, status_time: tag['create_time'] }]);
    const byTag = await client.call('DescribeImages', { 'tags.1': tagId }, undefined, 'gd2');
    assert.deepEqual((byTag['image_set'] as Array<Record<string, unknown>>).map((i) => i['image_id']), [img!.id]);
  });

  it('sends AttachTags once on ServerBusy (5100, not documented as unprocessed); the tags read back show no change: unknown', async () => {
    const [img] = await fresh('gd2', 1);
    emulator.faults.add({ kind: 'throttle', cloud: 'qingcloud', operation: 'AttachTags', times: 1 });
    const mark = emulator.requestLog.length;
    const err = await provider.tags.addTags('gd2', [img!.id], [{ key: 'staging', value: '' }]).catch((e: unknown) => e);
    assert.ok(ProviderError.isOutcomeUnknown(err), String(err));
    assert.deepEqual(err.outcome, { change: 'tag', imageIds: [img!.id], readBack: 'no-change' });
    assert.deepEqual(operations(mark, 'AttachTags'), ['5100']);
    assert.equal(sleeps.length, 0);
    assert.deepEqual(await provider.tags.listTags('gd2', img!.id), []);
    // The next user action goes through.
    assert.deepEqual(await provider.tags.addTags('gd2', [img!.id], [{ key: 'staging', value: '' }]), { confirmedBy: 'reply' });
    assert.deepEqual((await provider.tags.listTags('gd2', img!.id)).map((t) => t.key), ['staging']);
  });

  it('shares with users, lists them to the end of the pages, and revokes', async () => {
    const [img] = await fresh('pek3', 1);
    const users = Array.from({ length: 130 }, (_, n) => `usr-ci${String(n).padStart(6, '0')}`);
    const mark = emulator.requestLog.length;
    assert.equal(await codeOf(provider.sharing.addMembers('pek3', img!.id, users)), 'InvalidInput', 'at most 100 users an action');
    assert.deepEqual(await provider.sharing.addMembers('pek3', img!.id, users.slice(0, 100)), { confirmedBy: 'reply' }, 'synchronous: no job');
    await provider.sharing.addMembers('pek3', img!.id, users.slice(100));
    assert.deepEqual(operations(mark, 'GrantImageToUsers'), ['ok', 'ok'], 'one call per action');
    const members = await provider.sharing.listMembers('pek3', img!.id);
    assert.deepEqual(members.map((m) => m.id), users);
    assert.ok(members.every((m) => typeof m.sharedAt === 'string'));
    assert.deepEqual(operations(mark, 'DescribeImageUsers'), ['ok', 'ok'], 'two pages of 100');
    assert.deepEqual(await provider.sharing.removeMembers('pek3', img!.id, users.slice(1, 101)), { confirmedBy: 'reply' });
    await provider.sharing.removeMembers('pek3', img!.id, users.slice(101));
    assert.deepEqual((await provider.sharing.listMembers('pek3', img!.id)).map((m) => m.id), [users[0]]);
  });

  it('maps sharing errors: a system image (1400), a bad user id (1100), an unknown image (2100)', async () => {
    const [img] = await fresh('pek3', 1);
    assert.equal(await codeOf(provider.sharing.addMembers('pek3', 'centos79x64a', ['usr-abcd1234'])), '1400');
    assert.equal(await codeOf(provider.sharing.addMembers('pek3', img!.id, ['usr-abc'])), 'InvalidInput');
    assert.equal(await codeOf(client.call('GrantImageToUsers', { image: img!.id, 'users.1': 'usr-abc' }, undefined, 'pek3')), '1100', 'the emulator too');
    assert.equal(await codeOf(provider.sharing.addMembers('pek3', img!.id, ['usr-sbx00001'])), '1100', 'not with oneself');
    assert.equal(await codeOf(provider.sharing.listMembers('pek3', 'img-nothere')), '2100');
    const shared = (await allImagesOf('pek3')).find((i) => i.owner === 'shared');
    assert.ok(shared);
    assert.equal(await codeOf(provider.sharing.removeMembers('pek3', shared.id, ['usr-abcd1234'])), '1400');
  });

  it('deletes: the job goes queued, running, succeeded, and the image is then gone', async () => {
    const [img] = await fresh('pek3a', 1);
    const before = (await allImagesOf('pek3a')).length;
    const job = await provider.deleting.deleteImages('pek3a', [img!.id], {});
    assert.match(String(job.job?.jobId), /^j-[0-9a-z]{8}$/);
    const status = async (): Promise<string> => {
      const [s] = await provider.jobs.describeJobs('pek3a', [job.job!.jobId]);
      assert.equal(s?.percent, undefined, 'QingCloud gives no percentage');
      return `${s?.state}/${s?.cloudState}`;
    };
    assert.equal(await status(), 'queued/pending');
    clock += 2000;
    assert.equal(await status(), 'running/working');
    assert.equal((await provider.getImage('pek3a', img!.id))?.raw?.['transition_status'], 'deleting');
    // The tree's listing (no raw JSON) still says the image is being deleted.
    const inTree = (await collectPages((req) => provider.listImages({ regionId: 'pek3a', ...req }), 100)).find((i) => i.id === img!.id);
    assert.deepEqual([inTree?.raw, vocabularyOf('qingcloud').imageState(inTree!)], [{ transition_status: 'deleting' }, 'deleting']);
    assert.equal(await codeOf(provider.deleting.deleteImages('pek3a', [img!.id], {})), '1400', 'already being deleted');
    clock += 5000;
    const [done] = await provider.jobs.describeJobs('pek3a', [job.job!.jobId]);
    assert.equal(done?.state, 'succeeded');
    assert.equal(done?.error, undefined);
    assert.ok(done?.startedAt && done.finishedAt && done.finishedAt > done.startedAt);
    assert.equal(await provider.getImage('pek3a', img!.id), undefined);
    const after = await allImagesOf('pek3a');
    assert.equal(after.length, before - 1);
    assert.ok(!after.some((i) => i.id === img!.id));
    const deleted = await client.call('DescribeImages', { 'images.1': img!.id, 'status.1': 'deleted' }, undefined, 'pek3a');
    assert.equal(deleted['total_count'], 1, 'still listed when deleted ones are asked for');
    assert.equal(await codeOf(provider.deleting.deleteImages('pek3a', [img!.id], {})), '2100');
  });

  it('refuses to delete what is not own or not available (1400)', async () => {
    assert.equal(await codeOf(provider.deleting.deleteImages('pek3', ['centos79x64a'], {})), '1400');
    const pending = (await allImagesOf('pek3')).find((i) => i.owner === 'self' && i.status === 'pending');
    assert.ok(pending);
    assert.equal(await codeOf(provider.deleting.deleteImages('pek3', [pending.id], {})), '1400');
  });

  it('describes several jobs in one call, leaving unknown ids out', async () => {
    const imgs = await fresh('pek3', 3);
    const jobs = await Promise.all(imgs.map((i) => provider.deleting.deleteImages('pek3', [i.id], {})));
    const mark = emulator.requestLog.length;
    const statuses = await provider.jobs.describeJobs('pek3', [...jobs.map((j) => j.job!.jobId), 'j-unknown0']);
    assert.deepEqual(statuses.map((s) => s.jobId).sort(), jobs.map((j) => j.job!.jobId).sort());
    assert.deepEqual(operations(mark, 'DescribeJobs'), ['ok']);
  });

  it('fails a delete job on an injected fault: failed with the message, the image back to available', async () => {
    const [img] = await fresh('gd2', 1);
    emulator.faults.failJobs({ cloud: 'qingcloud', operation: 'DeleteImages', times: 1, message: 'Image is used by an instance' });
    const job = await provider.deleting.deleteImages('gd2', [img!.id], {});
    clock += 2000;
    assert.equal((await provider.jobs.describeJobs('gd2', [job.job!.jobId]))[0]?.state, 'running');
    clock += 2000;
    const [failed] = await provider.jobs.describeJobs('gd2', [job.job!.jobId]);
    assert.deepEqual([failed?.state, failed?.cloudState, failed?.error], ['failed', 'failed', 'Image is used by an instance']);
    assert.ok(failed?.finishedAt);
    const listed = (await allImagesOf('gd2')).find((i) => i.id === img!.id);
    assert.deepEqual([listed?.status, listed?.raw?.['transition_status']], ['available', '']);
    // The fault was used up: the next delete goes through.
    const again = await provider.deleting.deleteImages('gd2', [img!.id], {});
    clock += 7000;
    assert.equal((await provider.jobs.describeJobs('gd2', [again.job!.jobId]))[0]?.state, 'succeeded');
  });

  it('ends a failing job over several images as "done with failure": the first image stays', async () => {
    const [a, b] = await fresh('gd2', 2);
    emulator.faults.failJobs({ cloud: 'qingcloud', operation: 'DeleteImages', message: 'Partly refused' });
    const job = await provider.deleting.deleteImages('gd2', [a!.id, b!.id], {});
    clock += 7000;
    const [done] = await provider.jobs.describeJobs('gd2', [job.job!.jobId]);
    assert.deepEqual([done?.state, done?.cloudState, done?.error], ['failed', 'done with failure', 'Partly refused']);
    assert.equal((await provider.getImage('gd2', a!.id))?.status, 'available');
    assert.equal(await provider.getImage('gd2', b!.id), undefined);
  });

  it('runs jobs for the emulator\'s jobDurationMs', async () => {
    const quick = new Emulator({ now: () => clock, jobDurationMs: 400 });
    await quick.start();
    try {
      const p = new QingcloudProvider(contextOf(quick));
      const page = await p.listImages({ regionId: 'pek3a', pageSize: 1, filter: { owner: 'self', status: 'available' } });
      const job = await p.deleting.deleteImages('pek3a', [page.items[0]!.id], {});
      clock += 300;
      assert.equal((await p.jobs.describeJobs('pek3a', [job.job!.jobId]))[0]?.state, 'running');
      clock += 100;
      assert.equal((await p.jobs.describeJobs('pek3a', [job.job!.jobId]))[0]?.state, 'succeeded');
      assert.equal(await p.getImage('pek3a', page.items[0]!.id), undefined);
    } finally {
      await quick.stop();
    }
  });

  it('filters listImages by owner, status, name and tag', async () => {
    const all = await allImagesOf('pek3');
    const list = async (filter: ImageFilter): Promise<readonly Image[]> => (await provider.listImages({ regionId: 'pek3', pageSize: 100, filter })).items;
    const system = await list({ owner: 'system' });
    assert.deepEqual(system.map((i) => i.id), all.filter((i) => i.owner === 'system').map((i) => i.id));
    const shared = await list({ owner: 'shared', status: 'deprecated' });
    assert.ok(shared.length > 0 && shared.every((i) => i.owner === 'shared' && i.status === 'deprecated'));
    const byName = await list({ name: 'CentOS' });
    assert.ok(byName.length > 0 && byName.every((i) => /centos/i.test(i.name)));
    const golden = await list({ tag: { key: 'golden', value: '' }, owner: 'self' });
    assert.deepEqual(golden.map((i) => i.id), all.filter((i) => i.tags.some((t) => t.key === 'golden')).map((i) => i.id).slice(0, 100));
    const mark = emulator.requestLog.length;
    assert.deepEqual(await list({ tag: { key: 'no-such-tag', value: '' } }), []);
    assert.deepEqual(await list({ owner: 'marketplace' }), []);
    assert.equal(await codeOf(list({ tag: { key: 'golden', value: 'x' } })), 'InvalidInput', 'names have no values');
    assert.deepEqual(operations(mark, 'DescribeImages'), [], 'nothing can match: no listing asked for');
  });

  it('returns undefined from getImage for an id the zone does not know', async () => {
    assert.equal(await provider.getImage('pek3', 'img-nothere'), undefined);
    const sys = await provider.getImage('pek3', 'centos79x64a');
    assert.equal(sys?.owner, 'system');
    assert.equal(sys?.name, 'CentOS 7.9 64bit');
  });

  it('maps QingCloud job states, failures included', () => {
    const base = { job_id: 'j-1', job_action: 'DeleteImages', create_time: '2024-01-01T00:00:00Z', status_time: '2024-01-01T00:01:00Z' };
    assert.equal(mapJob({ ...base, status: 'pending' }).state, 'queued');
    assert.equal(mapJob({ ...base, status: 'working' }).finishedAt, undefined);
    const failed = mapJob({ ...base, status: 'done with failure', error_codes: 'ResourceInUse' });
    assert.deepEqual([failed.state, failed.cloudState, failed.error, failed.finishedAt], ['failed', 'done with failure', 'ResourceInUse', base.status_time]);
    // Without error_codes the cloud gave no words of its own: no made-up text (the UI says the cloud gave no reason).
    const bare = mapJob({ ...base, status: 'failed' });
    assert.deepEqual([bare.state, bare.cloudState, bare.error], ['failed', 'failed', undefined]);
  });
});
