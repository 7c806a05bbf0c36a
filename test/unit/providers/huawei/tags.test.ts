// Huawei IMS query by tag (ListImageByTags filter/count), ListImages filters and temporary (STS) keys,
// over real sockets against the emulator. The expected answers are worked out here from a full ListImages.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { HuaweiImsProvider } from '../../../../src/providers/huawei/provider';
import { HuaweiClient } from '../../../../src/providers/huawei/client';
import { signHuawei } from '../../../../src/providers/huawei/signer';
import type { HuaweiTagCondition, HuaweiTagQuery } from '../../../../src/providers/huawei/tagQuery';
import { ProviderError } from '../../../../src/providers/core/errors';
import type { Credentials, Cursor, Image, ImageFilter, Tag } from '../../../../src/providers/core/model';
import type { ProviderContext } from '../../../../src/providers/core/provider';
import { codeOf, recordingHttp } from '../../helpers/providerHarness';

const R = 'cn-north-4';
const holds = (c: HuaweiTagCondition, tags: readonly Tag[]): boolean => tags.some((t) => t.key === c.key && (!c.values.length || c.values.includes(t.value)));
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

describe('Huawei IMS query by tag, list filters and temporary keys (against the emulator)', () => {
  let emulator: Emulator;
  let provider: HuaweiImsProvider;
  let client: HuaweiClient;
  let own: Image[];
  const { http, sleeps } = recordingHttp();

  const ctx = (credentials: Credentials = emulator.credentials('huawei')): ProviderContext => ({ http, credentials, endpoint: emulator.endpoints.huawei });
  const operations = (mark: number, op: string): string[] =>
    emulator
      .requestsSince(mark)
      .filter((r) => r.operation === op)
      .map((r) => r.errorCode ?? 'ok');

  async function listAll(filter?: ImageFilter, pageSize = 500): Promise<Image[]> {
    const seen: Image[] = [];
    let cursor: Cursor | undefined;
    do {
      const page = await provider.listImages({ regionId: R, pageSize, cursor, filter });
      seen.push(...page.items);
      cursor = page.next;
    } while (cursor);
    return seen;
  }

  /** Every page of a query, checking offsets and totals on the way. */
  async function findAll(query: HuaweiTagQuery, pageSize: number): Promise<Image[]> {
    const seen: Image[] = [];
    let cursor: Cursor | undefined;
    do {
      const page = await provider.findByTags(R, query, cursor, pageSize);
      assert.equal(page.items.length <= pageSize, true);
      seen.push(...page.items);
      if (page.next) {
        assert.deepEqual(page.next, { kind: 'offset', offset: seen.length });
      } else {
        assert.equal(seen.length, page.total, 'the last page ends at total_count');
      }
      cursor = page.next;
    } while (cursor);
    return seen;
  }

  const expected = (test: (tags: readonly Tag[], image: Image) => boolean): string[] =>
    own.filter((i) => test(i.tags, i)).map((i) => i.id).sort(byId);

  before(async () => {
    emulator = new Emulator();
    await emulator.start();
    provider = new HuaweiImsProvider(ctx());
    client = new HuaweiClient(ctx());
    own = (await listAll()).filter((i) => i.owner === 'self');
  });
  beforeEach(() => {
    emulator.faults.clear();
    sleeps.length = 0;
  });
  after(async () => {
    await emulator.stop();
    await http.close();
  });

  it('has tagged and untagged own images to work on', () => {
    assert.ok(own.filter((i) => i.tags.length).length > 30 && own.filter((i) => !i.tags.length).length > 30);
  });

  it('filters by tags, tags_any, not_tags, not_tags_any, without_any_tag and name, paging by offset to the end', async () => {
    const env: HuaweiTagCondition = { key: 'env', values: ['prod', 'test'] };
    const team: HuaweiTagCondition = { key: 'team', values: [] };
    const cases: Array<[HuaweiTagQuery, (tags: readonly Tag[], i: Image) => boolean]> = [
      [{ tags: [{ key: 'env', values: ['prod'] }] }, (t) => holds({ key: 'env', values: ['prod'] }, t)],
      [{ tags: [env, team] }, (t) => holds(env, t) && holds(team, t)],
      [{ tagsAny: [{ key: 'owner', values: ['alice'] }, team] }, (t) => holds({ key: 'owner', values: ['alice'] }, t) || holds(team, t)],
      [{ notTags: [env, team] }, (t) => !(holds(env, t) && holds(team, t))],
      [{ notTagsAny: [env, team] }, (t) => !holds(env, t) && !holds(team, t)],
      [{ withoutAnyTag: true }, (t) => t.length === 0],
      [{ nameContains: '-v1', tags: [team] }, (t, i) => i.name.includes('-v1') && holds(team, t)],
      [{ tags: [{ key: '项目', values: ['电商'] }] }, (t) => holds({ key: '项目', values: ['电商'] }, t)],
    ];
    for (const [query, test] of cases) {
      const want = expected(test);
      assert.ok(want.length > 0, `${JSON.stringify(query)} matches something`);
      const got = await findAll(query, 7);
      assert.deepEqual(got.map((i) => i.id), want, JSON.stringify(query));
      assert.ok(got.every((i) => i.owner === 'self' && i.status !== 'unknown'));
    }
    const one = (await provider.findByTags(R, { tags: [env] }, undefined, 1)).items[0];
    const listed = own.find((i) => i.id === one?.id);
    assert.deepEqual([one?.name, one?.status, one?.tags], [listed?.name, listed?.status, listed?.tags]);
  });

  it('counts as many as the filter\u2019s total, in one request', async () => {
    const query: HuaweiTagQuery = { tagsAny: [{ key: 'env', values: [] }, { key: 'cost-center', values: ['cc-1024'] }] };
    const mark = emulator.requestLog.length;
    const count = await provider.countByTags(R, query);
    assert.deepEqual(operations(mark, 'ListImageByTags'), ['ok']);
    assert.equal(count, (await provider.findByTags(R, query, undefined, 5)).total);
    assert.equal(count, expected((t) => holds({ key: 'env', values: [] }, t) || holds({ key: 'cost-center', values: ['cc-1024'] }, t)).length);
    assert.equal(await provider.countByTags(R, { tags: [{ key: 'no-such-key', values: [] }] }), 0);
  });

  it('refuses an invalid query before any request', async () => {
    const names = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, k) => `${prefix}${k}`);
    const bad: HuaweiTagQuery[] = [
      { tags: [] },
      { tagsAny: names(11, 'k').map((key) => ({ key, values: [] })) },
      { notTags: [{ key: 'env', values: names(11, 'v') }] },
      { notTagsAny: [{ key: 'env', values: [] }, { key: 'env', values: ['prod'] }] },
      { tags: [{ key: 'env', values: ['prod', 'prod'] }] },
      { tags: [{ key: '', values: ['prod'] }] },
      { tags: [{ key: 'k'.repeat(128), values: [] }] },
    ];
    const mark = emulator.requestLog.length;
    for (const query of bad) {
      assert.equal(await codeOf(provider.findByTags(R, query)), 'InvalidTagQuery', JSON.stringify(query).slice(0, 80));
      assert.equal(await codeOf(provider.countByTags(R, query)), 'InvalidTagQuery');
    }
    assert.equal(await codeOf(provider.findByTags(R, {}, { kind: 'marker', marker: 'x' })), 'BadCursor');
    assert.equal(emulator.requestsSince(mark).length, 0);
    // Ten keys of ten values is the most, and allowed.
    const full = names(10, 'k').map((key) => ({ key, values: names(10, 'v') }));
    assert.equal(await provider.countByTags(R, { notTagsAny: full }), own.length);
  });

  it('answers invalid bodies with IMG.0001 (400)', async () => {
    const path = '/v2/{project_id}/images/resource_instances/action';
    const bodies: unknown[] = [
      { action: 'Filter' },
      { action: 'filter', limit: 10 },
      { action: 'filter', limit: '1001' },
      { action: 'filter', limit: '0' },
      { action: 'filter', offset: '-1' },
      { action: 'count', tags: [] },
      { action: 'count', tags_any: [{ key: 'a', values: ['x', 'x'] }] },
      { action: 'count', matches: [{ key: 'resource_name', value: 'a' }, { key: 'resource_name', value: 'b' }] },
      { action: 'count', matches: [{ key: 'status', value: 'active' }] },
      { action: 'count', without_any_tag: 'yes' },
      '[1]',
    ];
    for (const body of bodies) {
      const err = await client.ims('POST', R, path, { body }).catch((e: unknown) => e);
      assert.deepEqual([(err as ProviderError).code, (err as ProviderError).httpStatus], ['IMG.0001', 400], JSON.stringify(body));
    }
    const counted = await client.ims('POST', R, path, { body: { action: 'count', limit: 'ignored', tags: [{ key: 'env', values: [] }] } });
    assert.deepEqual(Object.keys(counted), ['total_count']);
    const defaulted = await client.ims('POST', R, path, { body: { action: 'filter' } });
    assert.deepEqual([(defaulted['resources'] as unknown[]).length, defaulted['total_count']], [10, own.length]);
  });

  it('retries throttling (APIGW.0308) of the filter action and then succeeds', async () => {
    emulator.faults.add({ kind: 'throttle', cloud: 'huawei', operation: 'ListImageByTags', times: 2 });
    const mark = emulator.requestLog.length;
    const page = await provider.findByTags(R, { withoutAnyTag: true }, undefined, 3);
    assert.deepEqual(operations(mark, 'ListImageByTags'), ['APIGW.0308', 'APIGW.0308', 'ok']);
    assert.equal(sleeps.length, 2);
    assert.equal(page.items.length, 3);
  });

  it('filters ListImages by image type, status, exact name and "key.value" tag', async () => {
    const all = await listAll();
    const mark = emulator.requestLog.length;
    const checks: Array<[ImageFilter, (i: Image) => boolean]> = [
      [{ owner: 'system' }, (i) => i.owner === 'system'],
      [{ owner: 'marketplace' }, (i) => i.owner === 'marketplace'],
      [{ owner: 'shared', status: 'active' }, (i) => i.owner === 'shared' && i.status === 'active'],
      [{ status: 'saving' }, (i) => i.status === 'saving'],
      [{ name: 'CentOS 7.9 64bit' }, (i) => i.name === 'CentOS 7.9 64bit'],
      [{ tag: { key: 'env', value: 'prod' } }, (i) => i.tags.some((t) => t.key === 'env' && t.value === 'prod')],
      [{ owner: 'community' }, () => true],
    ];
    for (const [filter, test] of checks) {
      const want = all.filter(test).map((i) => i.id);
      assert.ok(want.length > 0, JSON.stringify(filter));
      assert.deepEqual((await listAll(filter, 9)).map((i) => i.id), want, JSON.stringify(filter));
    }
    assert.deepEqual(await listAll({ name: 'CentOS' }), [], 'the name is matched exactly');
    assert.ok(emulator.requestsSince(mark).every((r) => r.operation === 'ListImages' && r.status === 200));
  });

  it('accepts the temporary key only with its security token', async () => {
    const sts = emulator.stsCredentials('huawei');
    assert.ok(sts);
    const withToken = new HuaweiImsProvider(ctx(sts));
    assert.equal((await withToken.listImages({ regionId: R, pageSize: 5 })).items.length, 5);
    assert.equal((await withToken.findByTags(R, { withoutAnyTag: true }, undefined, 2)).items.length, 2);
    const refused = async (credentials: Credentials): Promise<[string, number | undefined]> => {
      const err = await new HuaweiImsProvider(ctx(credentials)).listImages({ regionId: R, pageSize: 5 }).catch((e: unknown) => e);
      return [(err as ProviderError).code, (err as ProviderError).httpStatus];
    };
    assert.deepEqual(await refused({ accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret }), ['APIGW.0301', 401]);
    assert.deepEqual(await refused({ ...sts, securityToken: 'not-the-token' }), ['APIGW.0301', 401]);
    assert.deepEqual(await refused({ ...emulator.credentials('huawei'), securityToken: sts.securityToken }), ['APIGW.0301', 401]);
  });

  it('refuses a security token that is not signed', async () => {
    const sts = emulator.stsCredentials('huawei');
    assert.ok(sts);
    const url = `${emulator.endpoints.huawei}/v3/projects?name=${R}`;
    const send = async (signToken: boolean): Promise<number> => {
      const signed = signHuawei({
        method: 'GET',
        url,
        accessKeyId: sts.accessKeyId,
        secretAccessKey: sts.accessKeySecret,
        securityToken: signToken ? sts.securityToken : undefined,
        date: new Date(),
      });
      const res = await fetch(url, { headers: { ...signed.headers, 'X-Security-Token': sts.securityToken } });
      await res.arrayBuffer();
      return res.status;
    };
    assert.equal(await send(true), 200);
    assert.equal(await send(false), 401);
  });
});
