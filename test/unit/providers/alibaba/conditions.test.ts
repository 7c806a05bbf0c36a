// Alibaba DescribeImages conditions (Usage, OSType, Architecture, ImageFamily, InstanceType, creation time as
// Filter.N) through the listing filter, checked before any request, over real sockets against the emulator.
import { strict as assert } from 'assert';
import { AlibabaRpcClient, ECS_API } from '../../../../src/providers/alibaba/client';
import { ALIBABA_IMAGE_STATUSES } from '../../../../src/providers/alibaba/provider';
import { ProviderError } from '../../../../src/providers/core/errors';
import { InvalidInputError } from '../../../../src/providers/rules/problems';
import type { Image, ImageFilter } from '../../../../src/providers/core/model';
import { codeOf } from '../../helpers/providerHarness';
import { AlibabaSandbox } from '../../helpers/alibabaSandbox';

const R = 'cn-hangzhou';

describe('Alibaba DescribeImages conditions (against the emulator)', () => {
  const sb = new AlibabaSandbox();
  let all: Image[];
  before(async () => {
    await sb.start();
    all = await sb.images(R, { statuses: ALIBABA_IMAGE_STATUSES });
  });
  after(() => sb.stop());

  const ids = (images: readonly Image[]): string[] => images.map((i) => i.id).sort();
  const raw = (i: Image, field: string): unknown => i.raw?.[field];
  const listed = (filter: ImageFilter): Promise<Image[]> => sb.images(R, { statuses: ALIBABA_IMAGE_STATUSES, ...filter });

  it('narrows by Usage: images used by instances, and idle ones', async () => {
    const used = await listed({ owner: 'self', attributes: { usage: 'instance' } });
    const idle = await listed({ owner: 'self', attributes: { usage: 'none' } });
    assert.ok(used.length > 0 && idle.length > 0);
    const own = all.filter((i) => i.owner === 'self');
    assert.deepEqual(ids([...used, ...idle]), ids(own));
    assert.ok(used.every((i) => raw(i, 'Usage') === 'instance') && idle.every((i) => raw(i, 'Usage') === 'none'));
  });

  it('narrows by OSType, Architecture and ImageFamily', async () => {
    const windows = await listed({ attributes: { osType: 'windows' } });
    assert.deepEqual(ids(windows), ids(all.filter((i) => raw(i, 'OSType') === 'windows')));
    assert.ok(windows.length > 0 && windows.length < all.length);
    const arm = await listed({ attributes: { architecture: 'arm64', osType: 'linux' } });
    assert.deepEqual(ids(arm), ids(all.filter((i) => raw(i, 'Architecture') === 'arm64' && raw(i, 'OSType') === 'linux')));
    const family = String(all.find((i) => raw(i, 'ImageFamily'))?.raw?.['ImageFamily']);
    const inFamily = await listed({ attributes: { imageFamily: family } });
    assert.ok(inFamily.length > 0 && inFamily.every((i) => raw(i, 'ImageFamily') === family));
  });

  it('narrows by InstanceType to the images that run on it', async () => {
    const onArm = await listed({ attributes: { instanceType: 'ecs.g8y.large' } });
    assert.deepEqual(ids(onArm), ids(all.filter((i) => raw(i, 'Architecture') === 'arm64')));
    const burstable = await listed({ attributes: { instanceType: 'ecs.t6-c1m1.large' } });
    assert.ok(burstable.length > 0 && burstable.every((i) => raw(i, 'OSType') !== 'windows' && raw(i, 'Architecture') !== 'arm64'));
  });

  it('narrows by creation time (Filter.N CreationStartTime / CreationEndTime, to the minute)', async () => {
    const times = all.map((i) => String(raw(i, 'CreationTime'))).sort();
    const from = `${times[Math.floor(times.length / 4)]!.slice(0, 16)}Z`;
    const to = `${times[Math.floor((3 * times.length) / 4)]!.slice(0, 16)}Z`;
    const between = await listed({ createdFrom: from, createdTo: to });
    const expected = all.filter((i) => {
      const minute = String(raw(i, 'CreationTime')).slice(0, 16);
      return minute >= from.slice(0, 16) && minute <= to.slice(0, 16);
    });
    assert.ok(between.length > 0 && between.length < all.length);
    assert.deepEqual(ids(between), ids(expected));
    const after = await listed({ createdFrom: from });
    assert.ok(after.length > between.length);
  });

  it('refuses what the cloud does not take before any request', async () => {
    const bad: ImageFilter[] = [
      { attributes: { usage: 'sometimes' } },
      { attributes: { osType: 'freebsd' } },
      { attributes: { architecture: 'riscv' } },
      { attributes: { instanceType: 'g7 large' } },
      { attributes: { imageFamily: '-family' } },
      { attributes: { osFamily: 'centos' } },
      { createdFrom: '2024-13-01T00:00Z' },
      { createdFrom: '2024-05-02T00:00Z', createdTo: '2024-05-01T00:00Z' },
      { untagged: true },
    ];
    const mark = sb.emulator.requestLog.length;
    for (const filter of bad) {
      const err = await sb.provider.listImages({ regionId: R, pageSize: 10, filter }).catch((e: unknown) => e);
      assert.ok(err instanceof InvalidInputError, JSON.stringify(filter));
    }
    assert.equal(sb.emulator.requestsSince(mark).length, 0);
  });

  it('has the emulator answer bad values as the cloud does, an unknown instance type included', async () => {
    const rpc = new AlibabaRpcClient(sb.context('alibaba'), ECS_API);
    const call = (params: Record<string, string>): Promise<unknown> => rpc.call('DescribeImages', { RegionId: R, ...params }, undefined, R);
    assert.equal(await codeOf(call({ Usage: 'sometimes' })), 'InvalidParameter');
    assert.equal(await codeOf(call({ Architecture: 'riscv' })), 'InvalidParameter');
    assert.equal(await codeOf(call({ 'Filter.1.Key': 'CreationStartTime', 'Filter.1.Value': '2024-05-01' })), 'InvalidParameter');
    const err = await sb.provider.listImages({ regionId: R, pageSize: 10, filter: { attributes: { instanceType: 'ecs.zz9.huge' } } }).catch((e: unknown) => e);
    assert.ok(err instanceof ProviderError);
    assert.equal(err.code, 'InvalidInstanceType.ValueNotSupported');
    assert.equal(err.httpStatus, 400);
  });
});
