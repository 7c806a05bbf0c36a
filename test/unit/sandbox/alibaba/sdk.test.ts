// Acceptance with Alibaba's own SDKs: the emulator must take what the official clients send, with
// only the endpoint (and plain http) overridden, and verify them as strictly as the cloud does.
//
// What the SDKs send (seen in the emulator's request log and in their sources):
// - @alicloud/pop-core RPCClient: V2 (HMAC-SHA1) with every param, signature included, in a GET query
//   (Format, Timestamp, SignatureNonce, SignatureMethod=HMAC-SHA1, SignatureVersion=1.0, AccessKeyId, Version,
//   Action); with `{ method: 'POST' }` the same params go in an x-www-form-urlencoded body.
// - @alicloud/ecs20140526 (openapi-core): V3 (ACS3-HMAC-SHA256), POST to "/", business params in the query,
//   empty body, x-acs-* headers and an Authorization header.
import { strict as assert } from 'assert';
import RPCClient from '@alicloud/pop-core';
import EcsClient, * as $Ecs from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { Emulator } from '../../../../src/sandbox/emulator';

interface PopImages {
  TotalCount: number;
  PageNumber: number;
  PageSize: number;
  Images: { Image: Array<{ ImageId: string }> };
}

describe('Alibaba official SDKs (against the emulator)', () => {
  let emulator: Emulator;
  let endpoint: string;

  before(async () => {
    emulator = new Emulator();
    endpoint = (await emulator.start()).alibaba ?? '';
  });
  after(() => emulator.stop());

  function pop(secret?: string): RPCClient {
    const c = emulator.credentials('alibaba');
    return new RPCClient({ accessKeyId: c.accessKeyId, accessKeySecret: secret ?? c.accessKeySecret, endpoint, apiVersion: '2014-05-26' });
  }

  function ecs(): EcsClient {
    const c = emulator.credentials('alibaba');
    // Only the endpoint (host:port, no scheme) and the protocol are overridden.
    return new EcsClient(new $OpenApiUtil.Config({ accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, endpoint: new URL(endpoint).host, protocol: 'http' }));
  }

  it('pop-core (V2, GET query): DescribeRegions and DescribeImages page 2', async () => {
    const mark = emulator.requestLog.length;
    const regions = await pop().request<{ Regions: { Region: Array<{ RegionId: string }> } }>('DescribeRegions', {});
    assert.ok(regions.Regions.Region.some((r) => r.RegionId === 'cn-hangzhou'));
    const images = await pop().request<PopImages>('DescribeImages', { RegionId: 'cn-hangzhou', PageSize: 100, PageNumber: 2 });
    assert.ok(images.TotalCount > 100);
    assert.equal(images.PageNumber, 2);
    assert.equal(images.PageSize, 100);
    assert.equal(images.Images.Image.length, 100);
    assert.deepEqual(emulator.requestsSince(mark).map((r) => `${r.method} ${r.operation} ${r.status}`), ['GET DescribeRegions 200', 'GET DescribeImages 200']);
  });

  it('pop-core (V2, POST form): the same call in a form body', async () => {
    const mark = emulator.requestLog.length;
    const images = await pop().request<PopImages>('DescribeImages', { RegionId: 'cn-hangzhou', PageSize: 10 }, { method: 'POST' });
    assert.equal(images.Images.Image.length, 10);
    assert.equal(emulator.requestsSince(mark)[0]?.method, 'POST');
  });

  it('pop-core with a wrong secret is refused with SignatureDoesNotMatch', async () => {
    const err = (await pop('not-the-secret').request('DescribeRegions', {}).catch((e: unknown) => e)) as { code?: string };
    assert.equal(err.code, 'SignatureDoesNotMatch');
  });

  it('ecs20140526 (V3, POST): typed describeImages and describeRegions', async () => {
    const mark = emulator.requestLog.length;
    const client = ecs();
    const images = await client.describeImages(new $Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou', pageSize: 100, pageNumber: 2 }));
    assert.equal(images.statusCode, 200);
    assert.ok((images.body?.totalCount ?? 0) > 100);
    assert.equal(images.body?.pageNumber, 2);
    assert.match(images.body?.images?.image?.[0]?.imageId ?? '', /^(m-|\w+_)/);
    const regions = await client.describeRegions(new $Ecs.DescribeRegionsRequest({ acceptLanguage: 'en-US' }));
    assert.equal(regions.body?.regions?.region?.find((r) => r.regionId === 'cn-hangzhou')?.localName, 'China (Hangzhou)');
    assert.deepEqual(emulator.requestsSince(mark).map((r) => `${r.method} ${r.operation} ${r.status}`), ['POST DescribeImages 200', 'POST DescribeRegions 200']);
  });

  it('both SDKs with a temporary (STS) key: accepted with its token (V2 SecurityToken, V3 x-acs-security-token), refused without', async () => {
    const sts = emulator.stsCredentials('alibaba')!;
    const v2 = new RPCClient({ ...sts, endpoint, apiVersion: '2014-05-26' });
    const regions = await v2.request<{ Regions: { Region: unknown[] } }>('DescribeRegions', {});
    assert.ok(regions.Regions.Region.length > 0);
    const v3 = new EcsClient(new $OpenApiUtil.Config({ ...sts, endpoint: new URL(endpoint).host, protocol: 'http' }));
    assert.equal((await v3.describeRegions(new $Ecs.DescribeRegionsRequest({}))).statusCode, 200);
    const bare = new RPCClient({ accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret, endpoint, apiVersion: '2014-05-26' });
    const err = (await bare.request('DescribeRegions', {}).catch((e: unknown) => e)) as { code?: string };
    assert.equal(err.code, 'MissingSecurityToken');
  });

  it('ecs20140526: tags, sharing and an export task come back in the typed models', async () => {
    const client = ecs();
    const own = await client.describeImages(new $Ecs.DescribeImagesRequest({ regionId: 'cn-shanghai', imageOwnerAlias: 'self', pageSize: 5 }));
    const imageId = own.body?.images?.image?.[0]?.imageId ?? '';
    await client.tagResources(
      new $Ecs.TagResourcesRequest({ regionId: 'cn-shanghai', resourceType: 'image', resourceId: [imageId], tag: [new $Ecs.TagResourcesRequestTag({ key: 'sdk', value: 'v3' })] }),
    );
    const tags = await client.listTagResources(new $Ecs.ListTagResourcesRequest({ regionId: 'cn-shanghai', resourceType: 'image', resourceId: [imageId] }));
    assert.ok(tags.body?.tagResources?.tagResource?.some((t) => t.resourceId === imageId && t.tagKey === 'sdk' && t.tagValue === 'v3'));
    await client.modifyImageSharePermission(new $Ecs.ModifyImageSharePermissionRequest({ regionId: 'cn-shanghai', imageId, addAccount: ['1000000000000042'] }));
    const perm = await client.describeImageSharePermission(new $Ecs.DescribeImageSharePermissionRequest({ regionId: 'cn-shanghai', imageId }));
    assert.ok(perm.body?.accounts?.account?.some((a) => a.aliyunId === '1000000000000042'));
    const exported = await client.exportImage(new $Ecs.ExportImageRequest({ regionId: 'cn-shanghai', imageId, OSSBucket: 'sdk-bucket', OSSPrefix: 'sdk', imageFormat: 'vhd' }));
    const taskId = exported.body?.taskId ?? '';
    const tasks = await client.describeTasks(new $Ecs.DescribeTasksRequest({ regionId: 'cn-shanghai', taskIds: taskId }));
    assert.equal(tasks.body?.taskSet?.task?.[0]?.taskAction, 'ExportImage');
    const attr = await client.describeTaskAttribute(new $Ecs.DescribeTaskAttributeRequest({ regionId: 'cn-shanghai', taskId }));
    assert.match(attr.body?.taskProcess ?? '', /^\d+%$/);
    assert.equal(attr.body?.operationProgressSet?.operationProgress?.[0]?.relatedItemSet?.relatedItem?.[0]?.value, imageId);
  });

  it('ecs20140526: an unknown image id gives an empty typed list, an unknown region the cloud error', async () => {
    const client = ecs();
    const none = await client.describeImages(new $Ecs.DescribeImagesRequest({ regionId: 'cn-hangzhou', imageId: 'm-doesnotexist000000', status: 'ALL' }));
    assert.equal(none.body?.totalCount, 0);
    const err = (await client.describeImages(new $Ecs.DescribeImagesRequest({ regionId: 'xx-nowhere-1' })).catch((e: unknown) => e)) as { code?: string; statusCode?: number };
    assert.equal(err.code, 'InvalidRegionId.NotFound');
    assert.equal(err.statusCode, 400);
  });
});
