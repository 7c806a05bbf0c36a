// Renaming and describing images (and Alibaba's deprecation) over real sockets against the emulator:
// success read back from the cloud, the cloud's error body mapped, throttling, input refused before any
// request, and a lost reply settled by reading the image back (sent once).
import { strict as assert } from 'assert';
import { ProviderError } from '../../../../src/providers/core/errors';
import { InvalidInputError } from '../../../../src/providers/rules/problems';
import type { Image } from '../../../../src/providers/core/model';
import { CloudSandbox, useSandbox } from '../../helpers/cloudSandbox';
import { allImages, codeOf } from '../../helpers/providerHarness';

type EditCloud = 'alibaba' | 'huawei' | 'qingcloud';

interface Case {
  readonly region: string;
  readonly operation: string;
  readonly own: (i: Image) => boolean;
  /** The cloud's code for an edit of an image the account does not own. */
  readonly notOwnCode: string;
  /** A name this cloud refuses, and the field of the problem. */
  readonly badName: string;
  /** A description this cloud refuses. */
  readonly badDescription: string;
  /** What a throttled edit ends in: retried (refused unprocessed) or left unknown (QingCloud 5100). */
  readonly throttle: 'retried' | 'unknown';
}

const CASES: Readonly<Record<EditCloud, Case>> = {
  alibaba: {
    region: 'cn-hangzhou',
    operation: 'ModifyImageAttribute',
    own: (i) => i.owner === 'self' && i.status === 'Available' && i.raw?.['IsSelfShared'] !== 'True',
    notOwnCode: 'InvalidImageId.NotFound',
    badName: 'https://web-01',
    badDescription: 'http://example.com is where it came from',
    throttle: 'retried',
  },
  huawei: {
    region: 'cn-north-4',
    operation: 'UpdateImage',
    own: (i) => i.owner === 'self' && i.status === 'active',
    notOwnCode: 'IMG.0106',
    badName: 'web/01',
    badDescription: 'made by <script>',
    throttle: 'retried',
  },
  qingcloud: {
    region: 'pek3a',
    operation: 'ModifyImageAttributes',
    own: (i) => i.owner === 'self' && i.status === 'available',
    notOwnCode: '1400',
    badName: 'x'.repeat(256),
    badDescription: 'line one\nline two',
    throttle: 'unknown',
  },
};

describe('Editing images (against the emulator)', () => {
  const sb = new CloudSandbox();
  const p = useSandbox(sb);
  const used = new Set<string>();

  async function fresh(cloud: EditCloud): Promise<Image> {
    const image = (await allImages(p[cloud], CASES[cloud].region, 100)).find((i) => CASES[cloud].own(i) && !used.has(i.id));
    assert.ok(image, `an own ${cloud} image`);
    used.add(image.id);
    return image;
  }

  it('is offered by Alibaba, Huawei and QingCloud, deprecation by Alibaba only, nothing by BatchCompute', () => {
    assert.ok(p.alibaba.editing?.setDeprecated);
    assert.ok(p.huawei.editing && !p.huawei.editing.setDeprecated);
    assert.ok(p.qingcloud.editing && !p.qingcloud.editing.setDeprecated);
    assert.equal(p.batchcompute.editing, undefined);
  });

  for (const cloud of ['alibaba', 'huawei', 'qingcloud'] as const) {
    const c = CASES[cloud];
    describe(cloud, () => {
      it('renames and describes an image in one call; the cloud shows both', async () => {
        const image = await fresh(cloud);
        const mark = sb.emulator.requestLog.length;
        const result = await p[cloud].editing!.editImage(c.region, image.id, { name: '网站-web.01', description: 'Built 2026-11-23 (staging)' });
        assert.deepEqual(result, { confirmedBy: 'reply' });
        assert.deepEqual(sb.calls(mark, c.operation), ['200']);
        const read = await p[cloud].getImage!(c.region, image.id);
        assert.equal(read?.name, '网站-web.01');
        assert.equal(read?.description, 'Built 2026-11-23 (staging)');
        // A name alone leaves the description as it is.
        await p[cloud].editing!.editImage(c.region, image.id, { name: 'web-02' });
        const again = await p[cloud].getImage!(c.region, image.id);
        assert.deepEqual([again?.name, again?.description], ['web-02', 'Built 2026-11-23 (staging)']);
      });

      it("maps the cloud's error body (an image the account does not own)", async () => {
        const system = (await allImages(p[cloud], c.region, 100)).find((i) => i.owner === 'system');
        assert.ok(system);
        const err = await p[cloud].editing!.editImage(c.region, system.id, { name: 'mine-now' }).catch((e: unknown) => e);
        assert.ok(err instanceof ProviderError, String(err));
        assert.equal(err.code, c.notOwnCode);
        assert.equal(err.cloud, cloud);
        assert.equal((await p[cloud].getImage!(c.region, system.id))?.name, system.name, 'unchanged');
      });

      it('refuses a name and a description the cloud would refuse, before any request', async () => {
        const image = await fresh(cloud);
        const mark = sb.emulator.requestLog.length;
        for (const edit of [{ name: c.badName }, { description: c.badDescription }, { name: ' padded' }, { name: '' }]) {
          const err = await p[cloud].editing!.editImage(c.region, image.id, edit).catch((e: unknown) => e);
          assert.ok(err instanceof InvalidInputError, `${JSON.stringify(edit)}: ${String(err)}`);
          const field = edit.name === undefined ? 'imageDescription' : 'imageName';
          assert.equal('field' in err.problem ? err.problem.field : undefined, field, JSON.stringify(err.problem));
        }
        assert.equal(sb.emulator.requestsSince(mark).length, 0, 'no request at all');
      });

      if (c.throttle === 'retried') {
        it('is sent again only after the cloud throttled it (refused unprocessed), then succeeds', async () => {
          const image = await fresh(cloud);
          sb.emulator.faults.add({ kind: 'throttle', cloud, operation: c.operation, times: 1 });
          const mark = sb.emulator.requestLog.length;
          assert.deepEqual(await p[cloud].editing!.editImage(c.region, image.id, { name: 'after-throttle' }), { confirmedBy: 'reply' });
          const calls = sb.calls(mark, c.operation);
          assert.equal(calls.length, 2);
          assert.match(calls[0]!, /^(400|429) /);
          assert.equal(calls[1], '200');
          assert.equal(sb.sleeps.length, 1, 'backed off once');
          assert.equal((await p[cloud].getImage!(c.region, image.id))?.name, 'after-throttle');
        });
      } else {
        it('is sent once on ServerBusy (5100, not documented as unprocessed): unknown, as the image read back shows; the next try succeeds', async () => {
          const image = await fresh(cloud);
          sb.emulator.faults.add({ kind: 'throttle', cloud, operation: c.operation, times: 1 });
          const mark = sb.emulator.requestLog.length;
          const err = await p[cloud].editing!.editImage(c.region, image.id, { name: 'after-busy' }).catch((e: unknown) => e);
          assert.ok(ProviderError.isOutcomeUnknown(err), String(err));
          assert.deepEqual(err.outcome, { change: 'edit', imageIds: [image.id], readBack: 'no-change' });
          assert.deepEqual(sb.calls(mark, c.operation), ['200 5100']);
          assert.deepEqual(await p[cloud].editing!.editImage(c.region, image.id, { name: 'after-busy' }), { confirmedBy: 'reply' });
          assert.equal((await p[cloud].getImage!(c.region, image.id))?.name, 'after-busy');
        });
      }

      it('after a lost reply, is sent once and settled by reading the image back', async () => {
        const image = await fresh(cloud);
        sb.emulator.faults.add({ kind: 'drop-reply', cloud, operation: c.operation, times: 1 });
        const mark = sb.emulator.requestLog.length;
        assert.deepEqual(await p[cloud].editing!.editImage(c.region, image.id, { description: 'read back' }), { confirmedBy: 'read-back' });
        assert.equal(sb.calls(mark, c.operation).length, 1, 'sent once');
        assert.deepEqual(sb.sleeps, []);
      });
    });
  }

  describe('alibaba deprecation (ModifyImageAttribute Status)', () => {
    const region = CASES.alibaba.region;

    it('deprecates an own image and makes it available again', async () => {
      const image = await fresh('alibaba');
      const editing = p.alibaba.editing!;
      assert.deepEqual(await editing.setDeprecated!(region, image.id, true), { confirmedBy: 'reply' });
      assert.equal((await p.alibaba.getImage!(region, image.id))?.status, 'Deprecated');
      assert.deepEqual(await editing.setDeprecated!(region, image.id, false), { confirmedBy: 'reply' });
      assert.equal((await p.alibaba.getImage!(region, image.id))?.status, 'Available');
    });

    it('is refused by the cloud for a shared image (unshare first), which stays available', async () => {
      const all = await allImages(p.alibaba, region, 100);
      const shared = all.find((i) => i.owner === 'self' && i.status === 'Available' && i.raw?.['IsSelfShared'] === 'True');
      assert.ok(shared);
      assert.equal(await codeOf(p.alibaba.editing!.setDeprecated!(region, shared.id, true)), 'ImageUseShared');
      assert.equal((await p.alibaba.getImage!(region, shared.id))?.status, 'Available');
    });

    it('after a lost reply, reads the status back: sent once, reported done', async () => {
      const image = await fresh('alibaba');
      sb.emulator.faults.add({ kind: 'error-after-apply', cloud: 'alibaba', operation: 'ModifyImageAttribute', times: 1 });
      const mark = sb.emulator.requestLog.length;
      assert.deepEqual(await p.alibaba.editing!.setDeprecated!(region, image.id, true), { confirmedBy: 'read-back' });
      assert.deepEqual(sb.calls(mark, 'ModifyImageAttribute').length, 1);
      assert.equal((await p.alibaba.getImage!(region, image.id))?.status, 'Deprecated');
    });
  });
});
