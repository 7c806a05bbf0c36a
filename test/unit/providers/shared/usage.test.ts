// What uses the images of a region (instances, Alibaba launch templates), for each cloud that lists it:
// one listing per region and kind at the largest page, joined on the image id, over real sockets
// against the emulator. A failed listing is reported with its API, never taken as "nothing uses it".
import { strict as assert } from 'assert';
import type { CloudKind } from '../../../../src/providers/core/model';
import type { RegionUsage } from '../../../../src/providers/core/usage';
import { ProviderError } from '../../../../src/providers/core/errors';
import { usedByInstances, usedByScalingConfig, usedByTemplate } from '../../../../src/sandbox/usage';
import { allImages } from '../../helpers/providerHarness';
import { CloudSandbox, useSandbox } from '../../helpers/cloudSandbox';

/** Each cloud's region, its instance listing and that listing's largest page. */
const REGIONS: ReadonlyArray<{ cloud: CloudKind; regionId: string; api: string; pageSize: number; listPage: number }> = [
  { cloud: 'alibaba', regionId: 'cn-shanghai', api: 'DescribeInstances', pageSize: 100, listPage: 100 },
  { cloud: 'huawei', regionId: 'cn-north-4', api: 'ListServersDetails', pageSize: 500, listPage: 1000 },
  { cloud: 'qingcloud', regionId: 'pek3', api: 'DescribeInstances', pageSize: 100, listPage: 100 },
];

describe('Image usage listings (against the emulator)', () => {
  const sandbox = new CloudSandbox();
  const providers = useSandbox(sandbox);

  for (const { cloud, regionId, api, pageSize, listPage } of REGIONS) {
    describe(cloud, () => {
      it('tells, for every own image, whether instances use it, with a count and a few names', async () => {
        const own = (await allImages(providers[cloud], regionId, pageSize)).filter((i) => i.owner === 'self');
        const mark = sandbox.emulator.requestLog.length;
        const usage = await providers[cloud].usage!.regionUsage(regionId);
        assert.deepEqual(usage.failed, []);
        const used = own.filter((i) => usedByInstances(i.id));
        assert.ok(used.length > 0 && used.length < own.length, 'the data set mixes used and unused images');
        for (const image of own) {
          const u = usage.byImage.get(image.id);
          assert.equal((u?.instances ?? 0) > 0, usedByInstances(image.id), image.id);
          if (u && u.instances) {
            assert.ok(u.instances <= 3 && u.sample.length === Math.min(3, u.instances + u.templates));
            assert.ok(u.sample.every((s) => s.id && s.name));
          }
        }
        // One listing of the region at the largest page.
        const instances = [...usage.byImage.values()].reduce((n, u) => n + u.instances, 0);
        assert.equal(sandbox.calls(mark, api).length, Math.max(1, Math.ceil(instances / listPage)));
        assert.equal(usage.listed[0]?.api, api);
      });

      it('tells what uses one image now, narrowed by image where the API filters by it', async () => {
        const own = (await allImages(providers[cloud], regionId, pageSize)).filter((i) => i.owner === 'self');
        const used = own.find((i) => usedByInstances(i.id))!;
        const unused = own.find((i) => !usedByInstances(i.id))!;
        const all = await providers[cloud].usage!.regionUsage(regionId);
        const mark = sandbox.emulator.requestLog.length;
        const one = await providers[cloud].usage!.imageUsage(regionId, used.id);
        assert.deepEqual([...one.byImage.keys()], [used.id]);
        assert.equal(one.byImage.get(used.id)?.instances, all.byImage.get(used.id)?.instances);
        assert.equal((await providers[cloud].usage!.imageUsage(regionId, unused.id)).byImage.size, 0);
        if (cloud !== 'huawei') {
          const asked = sandbox.emulator.requestsSince(mark).filter((r) => r.operation === api);
          assert.equal(asked.length, 2, 'one request per image');
        }
      });

      it('reports a failed listing with its API and the cloud\'s error, not as "unused"', async () => {
        sandbox.emulator.faults.add({ kind: 'server-error', cloud, operation: api });
        const usage = await providers[cloud].usage!.regionUsage(regionId);
        assert.equal(usage.failed.length, 1);
        assert.equal(usage.failed[0]?.api, api);
        assert.ok(usage.failed[0]?.error instanceof ProviderError);
        assert.equal((usage.failed[0].error as ProviderError).httpStatus, 500);
      });

      it('retries a throttled page and then succeeds', async () => {
        const clean = await providers[cloud].usage!.regionUsage(regionId);
        sandbox.emulator.faults.add({ kind: 'throttle', cloud, operation: api, times: 1 });
        const usage = await providers[cloud].usage!.regionUsage(regionId);
        assert.deepEqual(usage.failed, []);
        assert.equal(sandbox.sleeps.length, 1, 'one back-off');
        assert.deepEqual(counts(usage), counts(clean));
      });
    });
  }

  it('Alibaba: launch templates name images in any version; pages of 100 instances follow NextToken', async () => {
    const regionId = 'cn-hangzhou';
    const own = (await allImages(providers.alibaba, regionId, 100)).filter((i) => i.owner === 'self');
    const mark = sandbox.emulator.requestLog.length;
    const usage = await providers.alibaba.usage!.regionUsage(regionId);
    const templated = own.filter((i) => usedByTemplate(i.id));
    assert.ok(templated.length > 0);
    for (const image of own) {
      assert.equal(usage.byImage.get(image.id)?.templates ?? 0, usedByTemplate(image.id) ? 1 : 0, image.id);
    }
    const instances = [...usage.byImage.values()].reduce((n, u) => n + u.instances, 0);
    assert.ok(instances > 100, `more than a page of instances (${instances})`);
    assert.equal(sandbox.calls(mark, 'DescribeInstances').length, Math.ceil(instances / 100));
    assert.deepEqual(sandbox.calls(mark, 'DescribeLaunchTemplates'), ['200']);
    assert.equal(sandbox.calls(mark, 'DescribeLaunchTemplateVersions').length, templated.length);
    assert.equal(usage.requests, sandbox.emulator.requestsSince(mark).length);
  });

  it('Alibaba: a failed template listing is reported while the instance listing still counts', async () => {
    sandbox.emulator.faults.add({ kind: 'server-error', cloud: 'alibaba', operation: 'DescribeLaunchTemplates' });
    const usage = await providers.alibaba.usage!.regionUsage('cn-shanghai');
    assert.deepEqual(usage.failed.map((f) => [f.kind, f.api]), [['template', 'DescribeLaunchTemplates, DescribeLaunchTemplateVersions']]);
    assert.ok([...usage.byImage.values()].some((u) => u.instances > 0));
  });

  for (const { cloud, regionId, api, page } of [
    { cloud: 'alibaba', regionId: 'cn-hangzhou', api: 'DescribeScalingConfigurations', page: '50' },
    { cloud: 'huawei', regionId: 'cn-north-4', api: 'ListScalingConfigs', page: '100' },
  ] as const) {
    it(`${cloud}: scaling configurations name images (${api}), one listing of the region at the largest page`, async () => {
      const own = (await allImages(providers[cloud], regionId, providers[cloud].maxPageSize)).filter((i) => i.owner === 'self');
      const named = own.filter((i) => usedByScalingConfig(i.id));
      assert.ok(named.length > 0 && named.length < own.length, 'the data set has some');
      const mark = sandbox.emulator.requestLog.length;
      const usage = await providers[cloud].usage!.regionUsage(regionId);
      assert.deepEqual(usage.failed, []);
      assert.ok(usage.listed.some((l) => l.kind === 'scalingConfig' && l.api === api));
      for (const image of own) {
        const u = usage.byImage.get(image.id);
        assert.equal(u?.scalingConfigs ?? 0, usedByScalingConfig(image.id) ? 1 : 0, image.id);
      }
      assert.deepEqual(sandbox.calls(mark, api), ['200'], `one page (of ${page}) holds the region's configurations`);
      const one = await providers[cloud].usage!.imageUsage(regionId, named[0]!.id);
      assert.equal(one.byImage.get(named[0]!.id)?.scalingConfigs, 1);
      assert.ok(one.byImage.get(named[0]!.id)?.sample.some((u) => u.kind === 'scalingConfig' && u.name.startsWith('asc-')));
    });

    it(`${cloud}: a refused ${api} is reported with its API, never as "unused"`, async () => {
      sandbox.emulator.faults.add({ kind: 'server-error', cloud, operation: api });
      const usage = await providers[cloud].usage!.regionUsage(regionId);
      assert.deepEqual(usage.failed.map((f) => [f.kind, f.api]), [['scalingConfig', api]]);
      assert.ok([...usage.byImage.values()].some((u) => u.instances > 0), 'the instance listing still counts');
    });
  }

  it('a cancelled scan throws instead of reporting a failure', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(providers.qingcloud.usage!.regionUsage('pek3', controller.signal), (e: unknown) => ProviderError.isAbort(e));
  });
});

function counts(usage: RegionUsage): Array<[string, number, number]> {
  return [...usage.byImage.entries()].map(([id, u]): [string, number, number] => [id, u.instances, u.templates]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
