// Values a script or a keybinding passes straight to the providers (issue 23) are checked exactly as the
// prompts check them, before any request: a copy to a region that does not exist, a status filter
// "Bogus", an accept of an image not shared with the project (Huawei) — against the emulator.
import { strict as assert } from 'assert';
import { InvalidInputError } from '../../../../src/providers/rules/problems';
import type { CloudKind } from '../../../../src/providers/core/model';
import { CloudSandbox, useSandbox } from '../../helpers/cloudSandbox';
import { allImages } from '../../helpers/providerHarness';

function problemOf(err: unknown): unknown {
  return err instanceof InvalidInputError ? err.problem : err;
}

describe('Typed arguments are checked before any request (against the emulator)', () => {
  const sb = new CloudSandbox();
  const p = useSandbox(sb);

  it('refuses a Huawei copy to a region that does not exist', async () => {
    const [own] = (await allImages(p.huawei, 'cn-north-4', 500)).filter((i) => i.owner === 'self' && i.status === 'active');
    const mark = sb.emulator.requestLog.length;
    const err = await p.huawei.copying!.copyImage('cn-north-4', own!.id, { destinationRegionId: 'mars-north-1', name: 'x', agencyName: 'ims_admin_agency' }).catch((e: unknown) => e);
    assert.deepEqual(problemOf(err), { code: 'unknownRegion', regionId: 'mars-north-1' });
    assert.equal(sb.emulator.requestsSince(mark).length, 0);
  });

  it('refuses a status filter "Bogus" on every cloud that filters by status, and still takes the cloud\u2019s own words (Alibaba ALL)', async () => {
    const regions: Record<Exclude<CloudKind, 'batchcompute'>, string> = { alibaba: 'cn-hangzhou', huawei: 'cn-north-4', qingcloud: 'pek3a' };
    for (const [cloud, regionId] of Object.entries(regions) as Array<[Exclude<CloudKind, 'batchcompute'>, string]>) {
      const mark = sb.emulator.requestLog.length;
      const err = await p[cloud].listImages({ regionId, pageSize: 10, filter: { statuses: ['Bogus'] } }).catch((e: unknown) => e);
      const problem = problemOf(err) as { code?: string; value?: string };
      assert.equal(problem.code, 'notOneOf', cloud);
      assert.equal(problem.value, 'Bogus');
      assert.equal(sb.emulator.requestsSince(mark).length, 0, cloud);
    }
    const all = await p.alibaba.listImages({ regionId: 'cn-hangzhou', pageSize: 10, filter: { statuses: ['ALL'] } });
    assert.ok(all.items.length > 0);
  });

  it('refuses a Huawei accept of an image not shared with the project; nothing is changed', async () => {
    const [own] = (await allImages(p.huawei, 'cn-north-4', 500)).filter((i) => i.owner === 'self');
    const mark = sb.emulator.requestLog.length;
    const err = await p.huawei.received!.answer('cn-north-4', [own!.id], 'accepted').catch((e: unknown) => e);
    assert.deepEqual(problemOf(err), { code: 'notShared', ids: [own!.id] });
    assert.ok(sb.emulator.requestsSince(mark).every((r) => r.method === 'GET'), 'only reads');
  });
});
