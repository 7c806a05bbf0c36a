// What the clouds really send, tolerated without losing items: Alibaba lists whose wrapper holds one
// object instead of an array (or is the array itself), null optional fields, numbers as strings, and
// timestamps in several forms. Mapping functions directly, then providers over a loopback server that
// answers with such bodies.
import { strict as assert } from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { createProvider } from '../../../../src/providers/stack';
import { mapImage as mapAlibabaImage } from '../../../../src/providers/alibaba/mapping';
import { objectsOf, timestamp, wrappedList } from '../../../../src/providers/shared/common';
import { HttpClient } from '../../../../src/providers/transport/http';
import { mapImage as mapHuaweiImage, mapJob as mapHuaweiJob } from '../../../../src/providers/huawei/mapping';
import type { CloudKind } from '../../../../src/providers/core/model';
import { mapImage as mapQingcloudImage, mapMember } from '../../../../src/providers/qingcloud/mapping';

describe('Mapping what the clouds send', () => {
  it('reads timestamps in the forms the clouds use, as ISO UTC to the second', () => {
    const cases: Array<[unknown, string | undefined]> = [
      ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05Z'],
      ['2024-01-02T03:04Z', '2024-01-02T03:04:00Z'],
      ['2024-01-02T03:04:05.678Z', '2024-01-02T03:04:05Z'],
      ['2024-01-02 03:04:05', '2024-01-02T03:04:05Z'],
      ['2024-01-02T11:04:05+08:00', '2024-01-02T03:04:05Z'],
      ['2024-01-02T11:04:05+0800', '2024-01-02T03:04:05Z'],
      [1704164645000, '2024-01-02T03:04:05Z'],
      ['1704164645', '2024-01-02T03:04:05Z'],
      ['yesterday', 'yesterday'],
      [null, undefined],
      ['', undefined],
      [undefined, undefined],
    ];
    for (const [input, expected] of cases) {
      assert.equal(timestamp(input), expected, JSON.stringify(input));
    }
  });

  it('reads a list as an array, a single object, or nothing', () => {
    assert.deepEqual(objectsOf([{ a: 1 }, null, 'x', [1], { b: 2 }]), [{ a: 1 }, { b: 2 }]);
    assert.deepEqual(objectsOf({ a: 1 }), [{ a: 1 }]);
    assert.deepEqual(objectsOf(null), []);
    assert.deepEqual(wrappedList({ Image: [{ ImageId: 'm-1' }, { ImageId: 'm-2' }] }, 'Image').length, 2);
    assert.deepEqual(wrappedList({ Image: { ImageId: 'm-1' } }, 'Image'), [{ ImageId: 'm-1' }]);
    assert.deepEqual(wrappedList([{ ImageId: 'm-1' }], 'Image'), [{ ImageId: 'm-1' }]);
    for (const empty of [null, undefined, '', {}, { Image: null }, { Image: [] }]) {
      assert.deepEqual(wrappedList(empty, 'Image'), [], JSON.stringify(empty));
    }
  });

  it('maps an Alibaba image with a one-object Tags wrapper, nulls and strings for numbers and booleans', () => {
    const image = mapAlibabaImage('cn-hangzhou', {
      ImageId: 'm-1',
      ImageName: null,
      Description: null,
      Status: 'Available',
      ImageOwnerAlias: 'others',
      IsPublic: 'true',
      Size: null,
      OSNameEn: null,
      OSName: 'CentOS 7.9',
      CreationTime: '2021-10-19T03:12Z',
      Tags: { Tag: { TagKey: 'env', TagValue: null } },
    });
    assert.deepEqual(
      { name: image.name, description: image.description, owner: image.owner, sizeGiB: image.sizeGiB, osName: image.osName, createdAt: image.createdAt, tags: image.tags },
      { name: 'm-1', description: undefined, owner: 'community', sizeGiB: undefined, osName: 'CentOS 7.9', createdAt: '2021-10-19T03:12:00Z', tags: [{ key: 'env', value: '' }] },
    );
    assert.deepEqual(mapAlibabaImage('cn-hangzhou', { ImageId: 'm-2', Size: '40', Tags: '' }).sizeGiB, 40);
    // The cloud's English OS names carry doubled spaces; shown with single ones.
    assert.equal(mapAlibabaImage('cn-hangzhou', { ImageId: 'm-4', OSNameEn: 'Ubuntu  22.04 64 bit ', OSName: 'Ubuntu  22.04 64位' }).osName, 'Ubuntu 22.04 64 bit');
    assert.deepEqual(mapAlibabaImage('cn-hangzhou', { ImageId: 'm-3', Tags: { Tag: [{ TagKey: 'a', TagValue: '1' }, { TagKey: null }] } }).tags, [{ key: 'a', value: '1' }]);
  });

  it('maps Huawei and QingCloud items with null fields and other time forms', () => {
    const huawei = mapHuaweiImage('cn-north-4', { id: 'u-1', name: 'web', status: 'active', tags: null, min_disk: '40', created_at: '2018-09-06 14:03:27', __description: null });
    assert.deepEqual([huawei.tags, huawei.sizeGiB, huawei.createdAt, huawei.description], [[], 40, '2018-09-06T14:03:27Z', undefined]);
    const job = mapHuaweiJob({ job_id: 'j', status: 'SUCCESS', begin_time: '2019-03-20T07:29:37.103Z', end_time: null, entities: null });
    assert.deepEqual([job.state, job.startedAt, job.finishedAt, job.percent], ['succeeded', '2019-03-20T07:29:37Z', undefined, 100]);
    const qc = mapQingcloudImage('pek3', { image_id: 'img-1', image_name: '', description: null, size: '20', tags: null, create_time: '2013-08-07T18:16:32Z', provider: 'self' });
    assert.deepEqual([qc.name, qc.description, qc.sizeGiB, qc.tags, qc.owner], ['img-1', undefined, 20, [], 'self']);
    assert.deepEqual(mapMember({ user: null, user_id: 'usr-abcd1234', create_time: 1704164645 }), { id: 'usr-abcd1234', sharedAt: '2024-01-02T03:04:05Z' });
  });

  describe('providers over answers of that kind', () => {
    let server: http.Server;
    let endpoint: string;
    const answers = new Map<string, unknown>();
    const httpClient = new HttpClient({ maxAttempts: 1 });

    before(async () => {
      server = http.createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const key = req.headers['x-acs-action'] ?? url.searchParams.get('action') ?? url.pathname;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answers.get(String(key)) ?? {}));
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await httpClient.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });

    const provider = (cloud: CloudKind) => createProvider(cloud, { http: httpClient, credentials: { accessKeyId: 'LTAI5tMappingTest0001', accessKeySecret: 'MappingTestSecret0000000001' }, endpoint });

    it('Alibaba: a one-image page whose Images.Image is an object, and regions, tags, members, tasks likewise', async () => {
      answers.set('DescribeImages', { TotalCount: '1', Images: { Image: { ImageId: 'm-only', Status: 'Available', Tags: { Tag: { TagKey: 'k', TagValue: 'v' } } } } });
      answers.set('DescribeRegions', { Regions: { Region: { RegionId: 'cn-hangzhou', LocalName: null } } });
      answers.set('ListTagResources', { TagResources: { TagResource: { ResourceId: 'm-only', TagKey: 'k', TagValue: 'v' } }, NextToken: '' });
      answers.set('DescribeImageSharePermission', { TotalCount: 1, Accounts: { Account: { AliyunId: '1234567890', SharedTime: '2024-01-02T03:04Z' } } });
      answers.set('DescribeTasks', { TotalCount: 1, TaskSet: { Task: { TaskId: 't-1', TaskStatus: 'Finished', CreationTime: '2024-01-02T03:04Z', FinishedTime: null } } });
      const p = provider('alibaba');
      const page = await p.listImages({ regionId: 'cn-hangzhou', pageSize: 10 });
      assert.deepEqual(page.items.map((i) => [i.id, i.tags]), [['m-only', [{ key: 'k', value: 'v' }]]]);
      assert.equal(page.total, 1);
      assert.deepEqual(await p.listRegions(), [{ id: 'cn-hangzhou', name: 'cn-hangzhou', endpoint: undefined }]);
      assert.deepEqual(await p.tags!.listTags('cn-hangzhou', 'm-only'), [{ key: 'k', value: 'v' }]);
      assert.deepEqual(await p.sharing!.listMembers('cn-hangzhou', 'm-only'), [{ id: '1234567890', sharedAt: '2024-01-02T03:04:00Z' }]);
      const [task] = await p.jobs!.describeJobs('cn-hangzhou', ['t-1']);
      assert.deepEqual([task?.state, task?.startedAt, task?.finishedAt], ['succeeded', '2024-01-02T03:04:00Z', undefined]);
      answers.set('DescribeImages', { TotalCount: 0, Images: '' });
      assert.deepEqual((await p.listImages({ regionId: 'cn-hangzhou', pageSize: 10 })).items, []);
    });

    it('QingCloud and BatchCompute: null sets and fields', async () => {
      answers.set('DescribeImages', { ret_code: 0, total_count: 2, image_set: [{ image_id: 'img-a', tags: null, description: null }, null, { image_id: 'img-b', tags: [{ tag_name: 'x' }] }] });
      const qc = await provider('qingcloud').listImages({ regionId: 'pek3', pageSize: 10 });
      assert.deepEqual(qc.items.map((i) => [i.id, i.tags.length]), [['img-a', 0], ['img-b', 1]]);
      answers.set('/images', { Items: [{ Id: 'img-1', Name: null, CreationTime: '2020-01-02 03:04:05' }], NextMarker: null });
      const bc = await provider('batchcompute').listImages({ regionId: 'cn-hangzhou', pageSize: 10, filter: { owner: 'self' } });
      assert.deepEqual(bc.items.map((i) => [i.id, i.name, i.createdAt]), [['img-1', 'img-1', '2020-01-02T03:04:05Z']]);
      assert.equal(bc.next, undefined);
    });
  });
});
