// Each cloud's own words -> the common vocabulary, over real sockets against the emulator: the status
// words of every listed image, the error codes the clouds answer with, and the field catalogues.
import { strict as assert } from 'assert';
import { Emulator } from '../../../../src/sandbox/emulator';
import { errorKindOf, vocabularyOf } from '../../../../src/providers';
import { createProvider } from '../../../../src/providers/stack';
import { ProviderError } from '../../../../src/providers/core/errors';
import { HttpClient } from '../../../../src/providers/transport/http';
import type { CloudKind, Cursor, Image } from '../../../../src/providers/core/model';
import type { ImageProvider, ProviderContext } from '../../../../src/providers/core/provider';
import { catalogueKey, type ErrorKind, type FieldId, type ImageState } from '../../../../src/providers/core/vocabulary';
import { allImages } from '../../helpers/providerHarness';

const REGION: Readonly<Record<CloudKind, string>> = { alibaba: 'cn-shanghai', huawei: 'cn-east-3', qingcloud: 'pek3', batchcompute: 'cn-beijing' };
const CLOUDS = Object.keys(REGION) as CloudKind[];

describe('The common vocabulary (against the emulator)', () => {
  let emulator: Emulator;
  const http = new HttpClient({ sleep: () => Promise.resolve() });
  const images = new Map<CloudKind, Image[]>();

  function provider(cloud: CloudKind, extra: Partial<ProviderContext> = {}): ImageProvider {
    return createProvider(cloud, { http, credentials: emulator.credentials(cloud), endpoint: emulator.endpoints[cloud], ...extra });
  }

  /** The kind of the error a call ends with. */
  async function kindOf(call: Promise<unknown>): Promise<ErrorKind | 'ok'> {
    try {
      await call;
      return 'ok';
    } catch (err) {
      assert.ok(err instanceof ProviderError, String(err));
      return errorKindOf(err);
    }
  }

  before(async () => {
    emulator = new Emulator();
    await emulator.start();
    for (const cloud of CLOUDS) {
      images.set(cloud, await allImages(provider(cloud), REGION[cloud], 100));
    }
    // Alibaba lists only Available images unless asked for the others.
    const all: Image[] = [];
    let cursor: Cursor | undefined;
    do {
      const page = await provider('alibaba').listImages({ regionId: REGION.alibaba, pageSize: 100, cursor, filter: { status: 'ALL' }, raw: true });
      all.push(...page.items);
      cursor = page.next;
    } while (cursor);
    images.set('alibaba', all);
  });
  beforeEach(() => emulator.faults.clear());
  after(async () => {
    await emulator.stop();
    await http.close();
  });

  it('maps every status word the clouds list to one known state', () => {
    const seen: Record<string, Set<string>> = {};
    for (const cloud of CLOUDS) {
      for (const image of images.get(cloud)!) {
        const state = vocabularyOf(cloud).imageState(image);
        assert.notEqual(state, 'unknown', `${cloud} "${image.status}"`);
        (seen[`${cloud}:${image.status}`] ??= new Set()).add(state);
      }
    }
    const expected: Record<string, ImageState> = {
      'alibaba:Available': 'available',
      'alibaba:Creating': 'creating',
      'alibaba:UnAvailable': 'unavailable',
      'huawei:active': 'available',
      'huawei:saving': 'creating',
      'huawei:queued': 'queued',
      'qingcloud:available': 'available',
      'qingcloud:pending': 'creating',
      'qingcloud:deprecated': 'deprecated',
      'batchcompute:Available': 'available',
    };
    for (const [word, state] of Object.entries(expected)) {
      assert.deepEqual([...(seen[word] ?? [])], [state], word);
    }
  });

  it('reads the documented words the sandbox does not produce', () => {
    const state = (cloud: CloudKind, status: string, raw: Record<string, unknown> = {}): ImageState => vocabularyOf(cloud).imageState({ status, raw });
    assert.deepEqual(
      [state('alibaba', 'Waiting'), state('alibaba', 'CreateFailed'), state('alibaba', 'Deprecated'), state('huawei', 'killed'), state('huawei', 'deleted')],
      ['queued', 'failed', 'deprecated', 'failed', 'deleted'],
    );
    assert.deepEqual(
      [state('qingcloud', 'suspended'), state('qingcloud', 'ceased'), state('qingcloud', 'available', { transition_status: 'deleting' }), state('alibaba', 'Strange')],
      ['suspended', 'deleted', 'deleting', 'unknown'],
    );
    assert.deepEqual(['accepted', 'pending', 'rejected', 'odd'].map((s) => vocabularyOf('huawei').memberState?.(s)), ['accepted', 'pending', 'rejected', 'unknown']);
  });

  it('classifies a wrong secret as an access-key problem on every cloud', async () => {
    for (const cloud of CLOUDS) {
      const wrong = { ...emulator.credentials(cloud), accessKeySecret: 'not-the-secret-0000000000' };
      assert.equal(await kindOf(provider(cloud, { credentials: wrong }).listImages({ regionId: REGION[cloud], pageSize: 10 })), 'auth', cloud);
    }
  });

  it('classifies throttling, server errors, garbled answers and a stale clock', async () => {
    for (const cloud of CLOUDS) {
      const list = (p: ImageProvider): Promise<unknown> => p.listImages({ regionId: REGION[cloud], pageSize: 10 });
      emulator.faults.add({ kind: 'throttle', cloud });
      assert.equal(await kindOf(list(provider(cloud))), 'throttled', `${cloud} throttle`);
      emulator.faults.clear();
      emulator.faults.add({ kind: 'server-error', cloud });
      assert.equal(await kindOf(list(provider(cloud))), 'server', `${cloud} server-error`);
      emulator.faults.clear();
      emulator.faults.add({ kind: 'malformed', cloud });
      assert.equal(await kindOf(list(provider(cloud))), 'badResponse', `${cloud} malformed`);
      emulator.faults.clear();
    }
    for (const cloud of ['alibaba', 'qingcloud'] as const) {
      const stale = provider(cloud, { now: () => new Date(Date.now() - 20 * 60 * 1000) });
      assert.equal(await kindOf(stale.listImages({ regionId: REGION[cloud], pageSize: 10 })), 'clock', cloud);
    }
  });

  it('classifies refusals: someone else\'s image, an image being created, an unknown region', async () => {
    const ali = provider('alibaba');
    const system = images.get('alibaba')!.find((i) => i.owner === 'system')!;
    assert.equal(await kindOf(ali.deleting!.deleteImages('cn-shanghai', [system.id], {})), 'notFound', 'a system image is not among ours');
    const creating = images.get('alibaba')!.find((i) => i.status === 'Creating')!;
    assert.equal(await kindOf(ali.deleting!.deleteImages('cn-shanghai', [creating.id], {})), 'conflict', 'an image still being created');
    assert.equal(await kindOf(ali.listImages({ regionId: 'xx-nowhere-1', pageSize: 10 })), 'notFound', 'InvalidRegionId.NotFound');
    const hw = provider('huawei');
    const gold = images.get('huawei')!.find((i) => i.owner === 'system')!;
    // IMS answers its documented refusals with 400 (IMG.0094 for a public image): invalid by kind, its reason says the rest.
    assert.equal(await kindOf(hw.deleting!.deleteImages('cn-east-3', [gold.id], {})), 'invalid');
    assert.equal(await kindOf(provider('qingcloud').listImages({ regionId: 'nowhere1', pageSize: 10 })), 'notFound');
    assert.equal(await kindOf(provider('batchcompute').deleting!.deleteImages('cn-beijing', ['img-000000000000000000000000'], {})), 'notFound');
  });

  it('gives Alibaba OS names in the display language', async () => {
    const zh = await createProvider('alibaba', { http, credentials: emulator.credentials('alibaba'), endpoint: emulator.endpoints.alibaba }, { language: 'zh-cn' })
      .listImages({ regionId: REGION.alibaba, pageSize: 20 });
    const en = images.get('alibaba')!;
    const ubuntu = zh.items.find((i) => /^Ubuntu/.test(i.osName ?? ''))!;
    assert.match(ubuntu.osName!, /64位$/);
    assert.match(en.find((i) => i.id === ubuntu.id)!.osName!, /64 bit$/);
  });

  it('names in each field catalogue the raw fields the common model is read from', () => {
    const read: [FieldId, (i: Image) => unknown][] = [
      ['id', (i) => i.id],
      ['name', (i) => i.name],
      ['createdAt', (i) => i.createdAt],
      ['description', (i) => i.description],
    ];
    for (const cloud of CLOUDS) {
      const catalogue = vocabularyOf(cloud).fields;
      const pathOf = (id: FieldId): string | undefined => Object.keys(catalogue).find((k) => catalogue[k]!.id === id);
      for (const image of images.get(cloud)!.slice(0, 40)) {
        for (const [id, value] of read) {
          const path = pathOf(id);
          assert.ok(path, `${cloud} names its ${id} field`);
          assert.equal(image.raw?.[path] || undefined, value(image) || undefined, `${cloud} ${id} is ${path}`);
        }
        const statusPath = pathOf('status');
        if (statusPath) {
          assert.equal(image.raw?.[statusPath], image.status, `${cloud} status`);
        }
      }
      // Every catalogue key is a path (indices as []), and its group is one the panel shows.
      for (const key of Object.keys(catalogue)) {
        assert.equal(catalogueKey(key), key);
      }
    }
  });
});
