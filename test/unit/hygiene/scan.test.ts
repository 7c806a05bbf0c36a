// A hygiene scan against the emulator over real sockets: the plan proposes exactly the own images the
// sandbox's data says nothing uses (instances, templates), that no file names, older than the age asked
// for and not shared; a region whose instance listing fails proposes nothing; nothing is changed.
import { strict as assert } from 'assert';
import type { CloudKind, Image } from '../../../src/providers/core/model';
import { imageRefusal } from '../../../src/providers/rules/capabilities';
import type { Reference } from '../../../src/hygiene/plan';
import { DEFAULT_RULES } from '../../../src/hygiene/rules';
import { scanImages, type HygieneTarget, type ReferenceSource } from '../../../src/hygiene/scan';
import { usedByInstances, usedByScalingConfig, usedByTemplate } from '../../../src/sandbox/usage';
import { allImages } from '../helpers/providerHarness';
import { CloudSandbox, useSandbox } from '../helpers/cloudSandbox';

const NOW = new Date('2026-12-01T00:00:00Z');

function refs(map: Record<string, Reference[]>): ReferenceSource {
  return { referencesOf: (ids) => Promise.resolve(new Map(Object.entries(map).filter(([id]) => ids.has(id)))) };
}

describe('Hygiene scan (against the emulator)', () => {
  const sandbox = new CloudSandbox();
  const providers = useSandbox(sandbox);
  const target = (cloud: CloudKind, ...regionIds: string[]): HygieneTarget => ({ account: { id: cloud, name: cloud, cloud }, provider: providers[cloud], regionIds });

  /** What the data set says the default rules (but sharing) propose in a region. */
  async function expected(cloud: CloudKind, regionId: string, exclude: ReadonlySet<string>): Promise<string[]> {
    const own = (await allImages(providers[cloud], regionId, providers[cloud].maxPageSize)).filter((i: Image) => i.owner === 'self');
    return own
      .filter(
        (i) =>
          !usedByInstances(i.id) &&
          !(cloud === 'alibaba' && usedByTemplate(i.id)) &&
          !(cloud !== 'qingcloud' && usedByScalingConfig(i.id)) &&
          !exclude.has(i.id) &&
          !imageRefusal(cloud, i, 'delete'),
      )
      .map((i) => i.id)
      .sort();
  }

  it('proposes exactly the unused, unreferenced, old images of each cloud, with reasons; keeps the referenced one', async () => {
    const rules = { ...DEFAULT_RULES, notShared: false };
    const someOwn = (await allImages(providers.huawei, 'cn-east-3', 500)).find((i) => i.owner === 'self' && !usedByInstances(i.id))!;
    const source = refs({ [someOwn.id]: [{ file: 'infra/main.tf', line: 12 }] });
    const mark = sandbox.emulator.requestLog.length;
    const plan = await scanImages([target('alibaba', 'cn-shanghai'), target('huawei', 'cn-east-3'), target('qingcloud', 'sh1a')], source, { rules, now: NOW });
    const changes = sandbox.emulator.requestsSince(mark).filter((r) => !/^(Describe|List|GET|Keystone)/.test(r.operation) && r.method !== 'GET');
    assert.deepEqual(changes, [], 'a dry run changes nothing');
    for (const [cloud, regionId] of [['alibaba', 'cn-shanghai'], ['huawei', 'cn-east-3'], ['qingcloud', 'sh1a']] as const) {
      const proposed = plan.remove.filter((e) => e.account.cloud === cloud).map((e) => e.image.id).sort();
      assert.deepEqual(proposed, await expected(cloud, regionId, new Set([someOwn.id])), cloud);
    }
    assert.ok(plan.remove.length > 0 && plan.keep.length > 0);
    assert.deepEqual(plan.unknown, []);
    assert.ok(plan.remove.every((e) => e.decision.reasons.some((r) => r.code === 'noInstances')));
    const kept = plan.keep.find((e) => e.image.id === someOwn.id);
    assert.deepEqual(kept?.decision.reasons, [{ code: 'referenced', references: [{ file: 'infra/main.tf', line: 12 }] }]);
    const used = plan.keep.find((e) => e.decision.reasons[0]?.code === 'instances');
    assert.ok(used, 'an image kept because instances use it');
    assert.equal(plan.sizeGiB, plan.remove.reduce((n, e) => n + (e.image.sizeGiB ?? 0), 0));
  });

  it('asks who an image is shared with only for those nothing else keeps, and keeps the shared ones', async () => {
    const own = (await allImages(providers.alibaba, 'cn-shanghai', 100)).filter((i) => i.owner === 'self');
    const shared = new Set(own.filter((i) => i.raw?.['IsSelfShared'] === 'True').map((i) => i.id));
    const mark = sandbox.emulator.requestLog.length;
    const plan = await scanImages([target('alibaba', 'cn-shanghai')], refs({}), { rules: DEFAULT_RULES, now: NOW });
    const unsharedCandidates = await expected('alibaba', 'cn-shanghai', shared);
    assert.deepEqual(plan.remove.map((e) => e.image.id).sort(), unsharedCandidates);
    const sharedKept = plan.keep.filter((e) => e.decision.reasons.some((r) => r.code === 'shared'));
    assert.ok(sharedKept.length > 0);
    const asked = sandbox.calls(mark, 'DescribeImageSharePermission').length;
    assert.ok(asked < own.length && asked >= plan.remove.length, `member listings: ${asked}`);
  });

  it('a region whose instance listing fails proposes none of its images, and names the API', async () => {
    sandbox.emulator.faults.add({ kind: 'server-error', cloud: 'qingcloud', operation: 'DescribeInstances' });
    const plan = await scanImages([target('qingcloud', 'sh1a'), target('alibaba', 'cn-shenzhen')], refs({}), { rules: { ...DEFAULT_RULES, notShared: false }, now: NOW });
    assert.ok(plan.remove.every((e) => e.account.cloud === 'alibaba'));
    assert.ok(plan.remove.length > 0, 'the other region is still planned');
    assert.deepEqual(plan.failedRegions.map((f) => [f.account.cloud, f.regionId, f.api]), [['qingcloud', 'sh1a', 'DescribeInstances']]);
    const unknown = plan.unknown.filter((e) => e.account.cloud === 'qingcloud');
    assert.ok(unknown.length > 0);
    assert.ok(unknown.every((e) => e.decision.reasons[0]?.code === 'usageUnknown'));
  });

  it('keeps the images scaling configurations name (Alibaba ESS, Huawei AS), with their names', async () => {
    const plan = await scanImages([target('alibaba', 'cn-hangzhou'), target('huawei', 'cn-north-4')], refs({}), { rules: { ...DEFAULT_RULES, notShared: false }, now: NOW });
    for (const cloud of ['alibaba', 'huawei'] as const) {
      const byScaling = plan.keep.filter((e) => e.account.cloud === cloud && e.decision.reasons.some((r) => r.code === 'scalingConfigs'));
      assert.ok(byScaling.length > 0, `${cloud}: some images kept by scaling configurations`);
      for (const e of byScaling) {
        assert.ok(usedByScalingConfig(e.image.id), e.image.id);
        const reason = e.decision.reasons.find((r) => r.code === 'scalingConfigs');
        assert.ok(reason?.code === 'scalingConfigs' && reason.count === 1 && /^asc-/.test(reason.names[0] ?? ''), JSON.stringify(reason));
      }
      assert.ok(plan.remove.filter((e) => e.account.cloud === cloud).every((e) => e.decision.reasons.some((r) => r.code === 'noScalingConfigs')));
    }
  });

  it('a failed scaling-configuration listing keeps that region\'s images unknown, naming the API', async () => {
    sandbox.emulator.faults.add({ kind: 'server-error', cloud: 'huawei', operation: 'ListScalingConfigs' });
    const plan = await scanImages([target('huawei', 'cn-north-4'), target('alibaba', 'cn-shenzhen')], refs({}), { rules: { ...DEFAULT_RULES, notShared: false }, now: NOW });
    assert.ok(!plan.remove.some((e) => e.account.cloud === 'huawei'));
    assert.deepEqual(plan.failedRegions.map((f) => [f.account.cloud, f.regionId, f.api]), [['huawei', 'cn-north-4', 'ListScalingConfigs']]);
    assert.ok(plan.unknown.some((e) => e.account.cloud === 'huawei'));
    assert.ok(plan.remove.some((e) => e.account.cloud === 'alibaba'));
  });

  it('a cloud with no usage listing proposes nothing', async () => {
    const plan = await scanImages([target('batchcompute', 'cn-hangzhou')], refs({}), { rules: DEFAULT_RULES, now: NOW });
    assert.deepEqual(plan.remove, []);
  });
});
