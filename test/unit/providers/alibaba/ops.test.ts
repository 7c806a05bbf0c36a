// Alibaba image operations over real sockets against the emulator: filters, getImage, instance types,
// tags, sharing and STS keys. (Export, jobs and delete: alibabaJobs.test.ts.)
import { strict as assert } from 'assert';
import { AlibabaRpcClient, ECS_API } from '../../../../src/providers/alibaba/client';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { Image } from '../../../../src/providers/core/model';
import { AlibabaSandbox, rejection } from '../../helpers/alibabaSandbox';

describe('Alibaba image operations (against the emulator)', () => {
  const sb = new AlibabaSandbox();
  let own: Image[];

  before(async () => {
    await sb.start();
    own = await sb.plainOwnImages('cn-hangzhou');
    assert.ok(own.length > 120, `enough own images (${own.length})`);
  });
  after(() => sb.stop());
  beforeEach(() => sb.emulator.faults.clear());

  describe('listing and details', () => {
    it('filters by owner, status, name and tag', async () => {
      const self = await sb.images('cn-shanghai', { owner: 'self' });
      assert.ok(self.length > 0 && self.every((i) => i.owner === 'self'));
      // Own images in every status: the cloud's default (Available only) would hide the others.
      assert.ok(self.some((i) => i.status === 'Available') && self.some((i) => i.status !== 'Available'), [...new Set(self.map((i) => i.status))].join());
      const system = await sb.images('cn-shanghai', { owner: 'system' });
      assert.ok(system.length > 0 && system.every((i) => i.owner === 'system'));
      const creating = await sb.images('cn-hangzhou', { owner: 'self', status: 'Creating' });
      assert.ok(creating.length > 0 && creating.every((i) => i.status === 'Creating'));
      const named = await sb.images('cn-hangzhou', { name: 'WEB-SERVER' });
      assert.ok(named.length > 0 && named.every((i) => i.name.toLowerCase().includes('web-server')));
      const envProd = await sb.images('cn-hangzhou', { tag: { key: 'env', value: 'prod' } });
      assert.ok(envProd.length > 0 && envProd.every((i) => i.tags.some((t) => t.key === 'env' && t.value === 'prod')));
      const anyEnv = await sb.images('cn-hangzhou', { tag: { key: 'env', value: '' } });
      assert.ok(anyEnv.length > envProd.length);
    });

    it('gets one image by id in any status, and undefined for an unknown one', async () => {
      const creating = (await sb.images('cn-hangzhou', { owner: 'self', status: 'Creating' }))[0]!;
      const got = await sb.provider.getImage('cn-hangzhou', creating.id);
      assert.equal(got?.id, creating.id);
      assert.equal(got?.status, 'Creating');
      assert.equal(await sb.provider.getImage('cn-hangzhou', 'm-bp0000000000000000'), undefined);
    });

    it('lists the instance types an image supports, and maps the cloud error for an unknown image', async () => {
      const x86 = await sb.provider.details.instanceTypes!('cn-hangzhou', own[0]!.id);
      assert.ok(x86.includes('ecs.g7.large'));
      const arm = own.find((i) => i.architecture === 'arm64');
      if (arm) {
        assert.ok((await sb.provider.details.instanceTypes!('cn-hangzhou', arm.id)).every((t) => /8y\./.test(t)));
      }
      const err = await rejection(sb.provider.details.instanceTypes!('cn-hangzhou', 'm-bp0000000000000000'));
      assert.ok(err instanceof ProviderError);
      assert.equal(err.code, 'InvalidImageId.NotFound');
      assert.equal(err.httpStatus, 404);
    });
  });

  describe('tags', () => {
    it('adds, overwrites and removes tags, which persist across calls and providers', async () => {
      const [a, b] = [own[0]!.id, own[1]!.id];
      await sb.provider.tags.addTags('cn-hangzhou', [a, b], [{ key: 'stage', value: 'blue' }, { key: '项目', value: '数据中台' }]);
      await sb.provider.tags.addTags('cn-hangzhou', [a], [{ key: 'stage', value: 'green' }]);
      const other = sb.providerWith(sb.emulator.credentials('alibaba'));
      const tagsA = await other.tags.listTags('cn-hangzhou', a);
      assert.ok(tagsA.some((t) => t.key === 'stage' && t.value === 'green'));
      assert.ok(tagsA.some((t) => t.key === '项目' && t.value === '数据中台'));
      assert.ok((await other.getImage('cn-hangzhou', b))?.tags.some((t) => t.key === 'stage' && t.value === 'blue'));
      await sb.provider.tags.removeTags('cn-hangzhou', [a, b], ['stage']);
      assert.ok(!(await sb.provider.tags.listTags('cn-hangzhou', b)).some((t) => t.key === 'stage'));
      assert.ok((await sb.provider.tags.listTags('cn-hangzhou', b)).some((t) => t.key === '项目'));
    });

    it('follows NextToken through a long tag list', async () => {
      const id = own[2]!.id;
      const before = (await sb.provider.tags.listTags('cn-hangzhou', id)).length;
      const tags = Array.from({ length: 15 - before }, (_, n) => ({ key: `k${n}`, value: `v${n}` }));
      await sb.provider.tags.addTags('cn-hangzhou', [id], tags);
      const mark = sb.emulator.requestLog.length;
      assert.equal((await sb.provider.tags.listTags('cn-hangzhou', id)).length, 15);
      assert.deepEqual(sb.calls(mark, 'ListTagResources'), ['200', '200']);
    });

    it('splits 60 images into TagResources calls of at most 50', async () => {
      const ids = own.slice(10, 70).map((i) => i.id);
      const mark = sb.emulator.requestLog.length;
      await sb.provider.tags.addTags('cn-hangzhou', ids, [{ key: 'batch', value: 'yes' }]);
      assert.deepEqual(sb.calls(mark, 'TagResources'), ['200', '200']);
      const tagged = await sb.images('cn-hangzhou', { tag: { key: 'batch', value: 'yes' } });
      assert.deepEqual(new Set(tagged.map((i) => i.id)), new Set(ids));
    });

    it('retries a throttled TagResources and then succeeds', async () => {
      sb.emulator.faults.add({ kind: 'throttle', cloud: 'alibaba', operation: 'TagResources', times: 2 });
      const mark = sb.emulator.requestLog.length;
      await sb.provider.tags.addTags('cn-hangzhou', [own[3]!.id], [{ key: 'retry', value: 'ok' }]);
      assert.deepEqual(sb.calls(mark, 'TagResources'), ['400 Throttling.User', '400 Throttling.User', '200']);
      assert.ok((await sb.provider.tags.listTags('cn-hangzhou', own[3]!.id)).some((t) => t.key === 'retry'));
    });

    it("refuses a reserved key before any request (as the cloud would), and maps the cloud's errors", async () => {
      const mark = sb.emulator.requestLog.length;
      const reserved = await rejection(sb.provider.tags.addTags('cn-hangzhou', [own[4]!.id], [{ key: 'acs:owner', value: 'x' }]));
      assert.ok(reserved instanceof ProviderError);
      assert.equal(reserved.code, 'InvalidInput');
      assert.equal(sb.emulator.requestsSince(mark).length, 0);
      const rpc = new AlibabaRpcClient({ http: sb.http, credentials: sb.emulator.credentials('alibaba'), endpoint: sb.emulator.endpoints.alibaba, now: () => new Date(sb.emulator.now()) }, ECS_API);
      const direct = await rejection(
        rpc.call('TagResources', { RegionId: 'cn-hangzhou', ResourceType: 'image', 'ResourceId.1': own[4]!.id, 'Tag.1.Key': 'acs:owner', 'Tag.1.Value': 'x' }, undefined, 'cn-hangzhou'),
      );
      assert.equal((direct as ProviderError).code, 'InvalidTagKey.Malformed', 'the emulator refuses it too');
      const system = (await sb.images('cn-shanghai', { owner: 'system' }))[0]!;
      const notOwn = await rejection(sb.provider.tags.addTags('cn-shanghai', [system.id], [{ key: 'a', value: 'b' }]));
      assert.ok(notOwn instanceof ProviderError);
      assert.equal(notOwn.code, 'InvalidResourceId.NotFound');
      assert.equal(notOwn.httpStatus, 404);
      assert.ok(notOwn.requestId);
    });
  });

  describe('sharing', () => {
    const accounts = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => String(1000000000000000 + from + i));

    it('shares with 23 accounts in 3 calls, lists them, and unshares in batches of 10', async () => {
      const id = own[5]!.id;
      const mark = sb.emulator.requestLog.length;
      assert.deepEqual(await sb.provider.sharing.addMembers('cn-hangzhou', id, accounts(23)), { confirmedBy: 'reply' }, 'synchronous: no job');
      assert.deepEqual(sb.calls(mark, 'ModifyImageSharePermission'), ['200', '200', '200']);
      const members = await sb.provider.sharing.listMembers('cn-hangzhou', id);
      assert.deepEqual(members.map((m) => m.id).sort(), accounts(23));
      assert.ok(members.every((m) => m.sharedAt));
      const mark2 = sb.emulator.requestLog.length;
      await sb.provider.sharing.removeMembers('cn-hangzhou', id, accounts(12));
      assert.equal(sb.calls(mark2, 'ModifyImageSharePermission').length, 2);
      assert.deepEqual((await sb.provider.sharing.listMembers('cn-hangzhou', id)).map((m) => m.id).sort(), accounts(11, 12));
    });

    it('checks account ids before any request, and maps the quota and not-found errors', async () => {
      assert.equal(sb.provider.sharing.rules.pattern.test('1234567890123456'), true);
      const mark = sb.emulator.requestLog.length;
      const local = await rejection(sb.provider.sharing.addMembers('cn-hangzhou', own[6]!.id, ['12345']));
      assert.equal((local as ProviderError).cloud, 'local');
      assert.equal(sb.emulator.requestsSince(mark).length, 0);
      const tooMany = await rejection(sb.provider.sharing.addMembers('cn-hangzhou', own[6]!.id, accounts(51, 100)));
      assert.equal((tooMany as ProviderError).code, 'InvalidInput', 'more than 50 at once: refused locally');
      assert.equal(sb.emulator.requestsSince(mark).length, 0);
      await sb.provider.sharing.addMembers('cn-hangzhou', own[6]!.id, accounts(50, 100));
      const quota = await rejection(sb.provider.sharing.addMembers('cn-hangzhou', own[6]!.id, accounts(1, 200)));
      assert.equal((quota as ProviderError).code, 'QuotaExceed.ShareImageUser');
      const missing = await rejection(sb.provider.sharing.listMembers('cn-hangzhou', 'm-bp0000000000000000'));
      assert.equal((missing as ProviderError).code, 'InvalidImageId.NotFound');
    });
  });

  describe('the emulator', () => {
    it('answers DryRun=true with DryRunOperation and changes nothing', async () => {
      const rpc = new AlibabaRpcClient({ http: sb.http, credentials: sb.emulator.credentials('alibaba'), endpoint: sb.emulator.endpoints.alibaba, now: () => new Date(sb.emulator.now()) }, ECS_API);
      const id = own[7]!.id;
      const err = await rejection(rpc.call('DeleteImage', { RegionId: 'cn-hangzhou', ImageId: id, Force: 'true', DryRun: 'true' }));
      assert.equal((err as ProviderError).code, 'DryRunOperation');
      assert.ok(await sb.provider.getImage('cn-hangzhou', id));
      const missing = await rejection(rpc.call('ExportImage', { RegionId: 'cn-hangzhou', ImageId: id }));
      assert.equal((missing as ProviderError).code, 'MissingParameter');
    });

    it('accepts a temporary (STS) key only with its security token', async () => {
      const sts = sb.emulator.stsCredentials('alibaba')!;
      const withToken = sb.providerWith(sts);
      assert.ok((await withToken.listRegions()).length > 0);
      const none = await rejection(sb.providerWith({ accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret }).listRegions());
      assert.equal((none as ProviderError).code, 'MissingSecurityToken');
      const wrong = await rejection(sb.providerWith({ ...sts, securityToken: 'CAIS-not-the-token' }).listRegions());
      assert.equal((wrong as ProviderError).code, 'InvalidSecurityToken.MismatchWithAccessKey');
      const longTerm = await rejection(sb.providerWith({ ...sb.emulator.credentials('alibaba'), securityToken: sts.securityToken }).listRegions());
      assert.equal((longTerm as ProviderError).code, 'InvalidSecurityToken.MismatchWithAccessKey');
    });
  });
});
