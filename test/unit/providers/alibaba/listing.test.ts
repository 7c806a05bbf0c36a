// "See all of yours": Alibaba's DescribeImages answers Available images only unless Status says otherwise
// (the emulator defaults exactly like the cloud), so the provider asks for every status wherever the
// listing holds the account's own images; BatchCompute's own and System images are covered in its file.
import { strict as assert } from 'assert';
import { AlibabaRpcClient, ECS_API } from '../../../../src/providers/alibaba/client';
import { ALIBABA_IMAGE_STATUSES, defaultStatus } from '../../../../src/providers/alibaba/provider';
import { wrappedList } from '../../../../src/providers/shared/common';
import { AlibabaSandbox } from '../../helpers/alibabaSandbox';

describe('Own images in every status (Alibaba, against the emulator)', () => {
  const sb = new AlibabaSandbox();
  before(() => sb.start());
  after(() => sb.stop());

  async function statusesOf(params: Record<string, string>): Promise<Set<string>> {
    const rpc = new AlibabaRpcClient(sb.context('alibaba'), ECS_API);
    const body = await rpc.call('DescribeImages', { RegionId: 'cn-hangzhou', ImageOwnerAlias: 'self', PageSize: '100', ...params }, undefined, 'cn-hangzhou');
    return new Set(wrappedList(body['Images'], 'Image').map((i) => String(i['Status'])));
  }

  it('the emulator answers Available only when Status is absent, like the cloud, and any listed status when asked', async () => {
    assert.deepEqual([...(await statusesOf({}))], ['Available']);
    const every = await statusesOf({ Status: ALIBABA_IMAGE_STATUSES.join(',') });
    assert.ok(every.size >= 4 && every.has('Available') && every.has('Creating'), [...every].join());
  });

  it('lists own images in every status, with the progress of those being created', async () => {
    const own = await sb.images('cn-hangzhou', { owner: 'self' });
    const statuses = new Set(own.map((i) => i.status));
    for (const status of ['Available', 'Creating', 'UnAvailable']) {
      assert.ok(statuses.has(status), `${status} among ${[...statuses].join()}`);
    }
    const creating = own.filter((i) => i.status === 'Creating');
    assert.ok(creating.length && creating.every((i) => i.progress !== undefined && i.progress >= 0 && i.progress < 100));
    assert.ok(own.filter((i) => i.status === 'Available').every((i) => i.progress === undefined), 'no progress on a ready image');
    // Without an owner filter too: the listing holds own images, so none of them is hidden.
    const all = await sb.images('cn-hangzhou');
    assert.ok(creating.every((c) => all.some((i) => i.id === c.id)));
  });

  it('leaves the cloud default (Available) for listings without own images, and a named status as asked', () => {
    assert.deepEqual(defaultStatus(undefined), { Status: ALIBABA_IMAGE_STATUSES.join(',') });
    assert.deepEqual(defaultStatus({ owner: 'self' }), { Status: ALIBABA_IMAGE_STATUSES.join(',') });
    assert.deepEqual(defaultStatus({ owner: 'system' }), {});
    assert.deepEqual(defaultStatus({ owner: 'shared' }), {});
    assert.deepEqual(defaultStatus({ status: 'Creating' }), {});
  });
});
