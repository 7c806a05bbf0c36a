// The Local Cloud Endpoint driven as a user's own script would drive it, with only what Copy Environment
// gives (read from its text): Huawei's official Node.js SDK (the core's builder, signer, IAM project
// lookup and client; EcsClient) and QingCloud's documented request signing (QingCloud publishes no
// IaaS SDK for Node.js, so the script signs as the API docs say, independently of the product's signer).
import { strict as assert } from 'assert';
import { createHmac } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder';
import type { HcClient, HttpRequestOptions } from '@huaweicloud/huaweicloud-sdk-core/HcClient';
import type { SdkResponse } from '@huaweicloud/huaweicloud-sdk-core/SdkResponse';
import { Region } from '@huaweicloud/huaweicloud-sdk-core/region/region';
import { EcsClient, ListFlavorsRequest } from '@huaweicloud/huaweicloud-sdk-ecs';
import { environmentText, EXAMPLE_REGIONS } from '../../../../src/commands/view/endpointEnvironment';
import { Emulator } from '../../../../src/sandbox/emulator';
import { exported } from './endpointShell';

const HUAWEI_VARS = ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_PROJECT_ID', 'HUAWEICLOUD_SDK_IAM_ENDPOINT', 'HUAWEICLOUD_IMS_ENDPOINT'] as const;

/** How many images the examples' region and zone hold: a count no other region has, so a listing that has it came from there. */
const IMAGES = { huawei: 7, qingcloud: 9 } as const;

/** The endpoint and its Copy Environment text, as the command builds it (localEndpoint.ts). */
async function startEndpoint(): Promise<{ emulator: Emulator; text: string }> {
  const emulator = new Emulator({
    imageCounts: { huawei: { [EXAMPLE_REGIONS.huawei]: IMAGES.huawei }, qingcloud: { [EXAMPLE_REGIONS.qingcloud]: IMAGES.qingcloud } },
  });
  const endpoints = await emulator.start();
  const text = environmentText({
    endpoints,
    keys: Object.fromEntries(emulator.clouds.map((c) => [c, emulator.credentials(c)])),
    huaweiProjectId: emulator.huaweiProjectId(EXAMPLE_REGIONS.huawei),
  });
  return { emulator, text };
}

/** One capture of the text, or a failure naming what the snippet lacks. */
function pick(text: string, pattern: RegExp): string {
  const m = pattern.exec(text);
  assert.ok(m?.[1], `the environment text has ${String(pattern)}`);
  return m[1];
}

/**
 * Builds an SDK client the way the snippet says: no credential given, so the core's builder reads the
 * HUAWEICLOUD_SDK_* variables from the environment (set here for the build only, then restored). The
 * builder also keeps an application ID under the home folder: a temporary one here, removed after.
 */
function buildFromEnvironment<T>(env: Record<string, string>, build: () => T): T {
  const saved = Object.fromEntries([...HUAWEI_VARS, 'HOME'].map((n) => [n, process.env[n]]));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-endpoint-home-'));
  Object.assign(process.env, env, { HOME: home });
  try {
    return build();
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  }
}

/** An IMS request as the SDK's generated clients send them: through the core's HcClient. */
function imsRequest(method: string, url: string, queryParams: Record<string, unknown> = {}, data?: Record<string, unknown>): HttpRequestOptions {
  return { method, url, contentType: 'application/json', queryParams, pathParams: {}, headers: {}, ...(data ? { data } : {}) };
}

interface ListImagesBody extends SdkResponse {
  images?: { id: string; name: string; __imagetype: string }[];
}
interface TagsBody extends SdkResponse {
  tags?: { key: string; value: string }[];
}

describe('Local Cloud Endpoint: the vendors\' SDKs and documented signing, with Copy Environment\'s values', () => {
  let emulator: Emulator;
  let text: string;
  beforeEach(async () => {
    ({ emulator, text } = await startEndpoint());
  });
  afterEach(async () => {
    await emulator.stop();
  });

  it('Huawei: the official SDK lists the sandbox\'s IMS images and tags one with the snippet\'s keys, project and endpoint', async () => {
    const env = exported(text, HUAWEI_VARS);
    const region = pick(text, /--cli-region=(\S+)/);
    assert.equal(env['HUAWEICLOUD_SDK_PROJECT_ID'], emulator.huaweiProjectId(region));

    const ims = buildFromEnvironment(env, () =>
      new ClientBuilder<HcClient>((hc) => hc).withEndpoint(env['HUAWEICLOUD_IMS_ENDPOINT']!).build(),
    );
    // ListImages (GET /v2/cloudimages): the project rides in X-Project-Id, as the SDK's BasicCredentials send it.
    const all = await ims.sendRequest<ListImagesBody>(imsRequest('GET', '/v2/cloudimages', { limit: 500 }));
    assert.equal(all.httpStatusCode, 200);
    assert.equal(all.images?.length, IMAGES.huawei, 'the images of the snippet\'s region, every one');
    const own = await ims.sendRequest<ListImagesBody>(imsRequest('GET', '/v2/cloudimages', { __imagetype: 'private', limit: 500 }));
    assert.ok(own.images && own.images.length > 0 && own.images.length < IMAGES.huawei);
    assert.ok(own.images.every((i) => i.__imagetype === 'private'), 'the filter is applied');

    // BatchAddOrDeleteTags then ListImageTags: {project_id} in the path is the SDK's, from the snippet.
    const image = own.images[0]!.id;
    const before = await ims.sendRequest<TagsBody>(imsRequest('GET', `/v2/{project_id}/images/${image}/tags`));
    assert.equal(before.httpStatusCode, 200);
    assert.ok(!before.tags?.some((t) => t.key === 'sdk-test'));
    const tagged = await ims.sendRequest(
      imsRequest('POST', `/v2/{project_id}/images/${image}/tags/action`, {}, { action: 'create', tags: [{ key: 'sdk-test', value: 'yes' }] }),
    );
    assert.equal(tagged.httpStatusCode, 204);
    const after = await ims.sendRequest<TagsBody>(imsRequest('GET', `/v2/{project_id}/images/${image}/tags`));
    assert.deepEqual(after.tags, [...(before.tags ?? []), { key: 'sdk-test', value: 'yes' }]);
  });

  it('Huawei: without a project ID, the official EcsClient finds it through IAM on the endpoint (KeystoneListProjects) and lists flavors', async () => {
    const { HUAWEICLOUD_SDK_PROJECT_ID: projectId, ...env } = exported(text, HUAWEI_VARS);
    assert.equal(env['HUAWEICLOUD_SDK_IAM_ENDPOINT'], env['HUAWEICLOUD_IMS_ENDPOINT'], 'IAM is on the same origin');
    const region = pick(text, /new Region\('([^']+)'/);
    const mark = emulator.requestLog.length;

    const ecs = buildFromEnvironment(env, () =>
      EcsClient.newBuilder().withRegion(new Region(region, env['HUAWEICLOUD_IMS_ENDPOINT']!)).build(),
    );
    const flavors = await ecs.listFlavors(new ListFlavorsRequest());
    assert.equal(flavors.httpStatusCode, 200);
    assert.ok((flavors.flavors ?? []).length > 0, 'the region has flavors');
    assert.ok(flavors.flavors?.every((f) => typeof f.id === 'string' && f.id.length > 0));

    const paths = emulator.requestsSince(mark).map((r) => r.path);
    assert.equal(paths[0], '/v3/projects', 'the SDK asked IAM for the project first');
    assert.equal(paths[1], `/v1/${projectId}/cloudservers/flavors`, 'then used the project the snippet names');
  });

  it('QingCloud: a request signed as the API docs say lists the sandbox\'s images with the snippet\'s keys and origin', async () => {
    const env = exported(text, ['QY_ACCESS_KEY_ID', 'QY_SECRET_ACCESS_KEY', 'QINGCLOUD_HOST', 'QINGCLOUD_PORT', 'QINGCLOUD_PROTOCOL']);
    const uri = pick(text, /GET http:\/\/[^/\s]+(\/[^?\s]*)\?action=DescribeImages/);
    const zone = pick(text, /\?action=DescribeImages&zone=([^&\s]+)/);

    const answer = await qingcloudGet(env, uri, { action: 'DescribeImages', zone, limit: '100' });
    assert.equal(answer.ret_code, 0, JSON.stringify(answer));
    assert.equal(answer.total_count, IMAGES.qingcloud, 'the images of the snippet\'s zone');
    // Asked by id (images.N), as the product's lookups ask.
    const ids = (answer.image_set ?? []).slice(0, 2).map((i) => i.image_id);
    assert.equal(ids.length, 2);
    const byId = await qingcloudGet(env, uri, { action: 'DescribeImages', zone, 'images.1': ids[0]!, 'images.2': ids[1]! });
    assert.equal(byId.ret_code, 0, JSON.stringify(byId));
    assert.deepEqual((byId.image_set ?? []).map((i) => i.image_id).sort(), [...ids].sort());

    const forged = await qingcloudGet({ ...env, QY_SECRET_ACCESS_KEY: 'not-the-secret' }, uri, { action: 'DescribeImages', zone });
    assert.equal(forged.ret_code, 1200, 'a wrong secret is refused as the cloud refuses it');
  });
});

interface QingcloudAnswer {
  ret_code: number;
  total_count?: number;
  image_set?: { image_id: string }[];
}

/** RFC 3986 percent-encoding (what the docs' examples show: space as %20, `~` kept). */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * QingCloud's signature_version 1 written from its API docs, apart from the product's signer: every
 * parameter sorted by name, percent-encoded, joined into "GET\n<uri>\n<query>", HMAC-SHA256 with the
 * secret, Base64, then URL-encoded as the last parameter.
 */
async function qingcloudGet(env: Record<string, string>, uri: string, action: Record<string, string>): Promise<QingcloudAnswer> {
  const params: Record<string, string> = {
    ...action,
    access_key_id: env['QY_ACCESS_KEY_ID']!,
    signature_method: 'HmacSHA256',
    signature_version: '1',
    time_stamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    version: '1',
  };
  const query = Object.keys(params)
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k]!)}`)
    .join('&');
  const signature = createHmac('sha256', env['QY_SECRET_ACCESS_KEY']!).update(`GET\n${uri}\n${query}`).digest('base64');
  const url = `${env['QINGCLOUD_PROTOCOL']}://${env['QINGCLOUD_HOST']}:${env['QINGCLOUD_PORT']}${uri}?${query}&signature=${encodeURIComponent(signature)}`;
  const res = await fetch(url);
  return (await res.json()) as QingcloudAnswer;
}
