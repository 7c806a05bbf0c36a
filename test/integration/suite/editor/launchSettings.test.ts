// Launch-ready checks, in the real extension host against the sandbox: a destination region whose
// private-image quota is full is said (with the regions named, not their IDs); Copy to Region… from a
// wrong-region diagnostic opens the Copy wizard with the file's region already chosen; Open Details from
// a finding opens the panel of that image; and each check's setting turns off its findings and only them.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { Image } from '../../../../src/providers/core/model';
import { testInput, CANCEL } from '../../userInput/testUserInput';
import { api, cleanAfterEach } from '../helpers';
import { LaunchFixture, SECTION, diagnosticsUntil, withCode } from './launchFixture';

const QUOTA = 'region-image-quota';
const WRONG = 'image-wrong-region';

/** The codes each check's setting turns off (a quota is read only for an image in the wrong region). */
const CHECK_CODES: Record<string, readonly string[]> = {
  availability: ['image-deprecated', 'image-not-available', 'image-newer-available'],
  region: [WRONG, 'unknown-region', QUOTA],
  instanceType: ['image-instance-type', 'unknown-instance-type'],
  systemDisk: ['image-system-disk'],
  sharing: ['image-not-accepted', 'image-share-rejected'],
  quota: [QUOTA],
};

describe('Launch-ready checks: quota, quick fixes, each check turned off (real extension host)', () => {
  let a: ExtensionApi;
  const fx = new LaunchFixture(() => a);
  let x86: Image[];
  let huaweiOwn: Image;

  /** The quick fix of a title offered on an ID's first occurrence. */
  async function quickFix(doc: vscode.TextDocument, id: string, title: string): Promise<vscode.Command> {
    const fixes = (await fx.actionsAt(doc, id)).filter((x) => x.kind?.value === vscode.CodeActionKind.QuickFix.value);
    const fix = fixes.find((x) => x.title === title)?.command;
    assert.ok(fix, `${title} among ${JSON.stringify(fixes.map((x) => x.title))}`);
    return fix;
  }

  before(async () => {
    a = await api();
    const emulator = await a.sandbox();
    fx.setUp();
    const alibaba = await a.provider(fx.sandboxAccount('alibaba'));
    const page = await alibaba.listImages({ regionId: 'cn-hangzhou', pageSize: 100, filter: { owner: 'self', status: 'Available' } });
    x86 = page.items.filter((i) => i.id.startsWith('m-') && i.architecture === 'x86_64');
    assert.ok(x86.length >= 2, 'x86 images of the sandbox in cn-hangzhou');
    const huawei = await a.provider(fx.sandboxAccount('huawei'));
    const own = (await huawei.listImages({ regionId: 'cn-north-4', pageSize: 100, filter: { owner: 'self', status: 'active' } })).items[0];
    assert.ok(own, 'a private Huawei image in cn-north-4');
    huaweiOwn = own;
    // The private-image quota of cn-south-1 full: its ceiling set to what the project uses there.
    const quotas = await huawei.quota!.quotas('cn-south-1');
    const image = quotas.find((q) => q.type === 'image');
    assert.ok(image && image.used > 0, 'private images in cn-south-1');
    emulator.quotas.set('huawei', 'image', image.used);
  });

  cleanAfterEach(() => a, { scriptUsed: true, panels: true });

  after(async () => {
    (await a.sandbox()).quotas.reset();
    for (const check of Object.keys(CHECK_CODES)) {
      await vscode.workspace.getConfiguration(SECTION).update(`checks.${check}`, undefined, vscode.ConfigurationTarget.Global);
    }
    await fx.tearDown();
  });

  it('says a destination region has no room for a copy when its private-image quota is full, naming the regions', async () => {
    const doc = await fx.open('quota.tf', ['resource "huaweicloud_compute_instance" "far" {', '  region   = "cn-south-1"', `  image_id = "${huaweiOwn.id}"`, '}', '']);
    const ds = await diagnosticsUntil(doc.uri, withCode(QUOTA));
    const quota = ds.find((d) => d.code === QUOTA)!;
    assert.equal(doc.getText(quota.range), huaweiOwn.id);
    assert.equal(quota.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(quota.message, /^CN South-Guangzhou has no room for a copy: (\d+) of \1 private images are used there\.$/);
    assert.match(ds.find((d) => d.code === WRONG)!.message, /is in CN North-Beijing4, but this file launches it in CN South-Guangzhou:/);
  });

  it('Copy to Region… from the wrong-region diagnostic starts the Copy wizard with the file\'s region chosen', async () => {
    const image = x86[0]!;
    const doc = await fx.open('copy.tf', ['resource "alicloud_instance" "a" {', '  region   = "cn-beijing"', `  image_id = "${image.id}"`, '}', '']);
    await diagnosticsUntil(doc.uri, withCode(WRONG));
    const copy = await quickFix(doc, image.id, 'Copy to Region…');
    // The destination confirmed as chosen, then the wizard left at the name.
    testInput.script(['cn-beijing'], CANCEL);
    const from = testInput.shown.length;
    // Only this test's confirmations: an earlier suite may have copied the same image (imageIds.test's Copy to Region…).
    const asked = testInput.asked.length;
    await vscode.commands.executeCommand(copy.command, ...(copy.arguments ?? []));
    const regions = testInput.shown.slice(from).find((s) => s.text === 'Destination regions (choose one or more)');
    assert.ok(regions, `the destination step among ${JSON.stringify(testInput.shown.slice(from).map((s) => s.text))}`);
    assert.deepEqual(regions.picked, ['cn-beijing'], 'only the region the file launches in is chosen in advance');
    assert.ok(regions.items!.includes('cn-shanghai'), 'the other regions still offered');
    assert.ok(testInput.shown.slice(from).some((s) => s.text === 'Name of the new image'), 'the wizard goes on from the chosen region');
    assert.deepEqual(testInput.asked.slice(asked).filter((q) => q.message.includes(image.id)), [], 'nothing copied');
  });

  it('Open Details from a finding opens the details panel of that image', async () => {
    const image = x86[1]!;
    const doc = await fx.open('details.tf', ['resource "alicloud_instance" "a" {', '  region   = "cn-beijing"', `  image_id = "${image.id}"`, '}', '']);
    await diagnosticsUntil(doc.uri, withCode(WRONG));
    const details = await quickFix(doc, image.id, 'Open Details');
    const id = { accountId: fx.sandboxAccount('alibaba').id, regionId: 'cn-hangzhou', imageId: image.id };
    assert.deepEqual(details.arguments, [id]);
    assert.equal(a.panels.isOpen(id), false);
    await vscode.commands.executeCommand(details.command, ...(details.arguments ?? []));
    assert.ok(a.panels.isOpen(id), 'the panel of the image');
    const shown = await a.panels.rendered(id, (r) => r.name === image.name);
    assert.equal(shown.name, image.name);
  });

  it("each check's setting turns off its findings, and only them", async () => {
    const alibaba = await a.provider(fx.sandboxAccount('alibaba'));
    const deprecated = (await alibaba.listImages({ regionId: 'cn-hangzhou', pageSize: 100, filter: { owner: 'self', status: 'Deprecated' } })).items.find((i) => i.id.startsWith('m-'));
    assert.ok(deprecated, 'a deprecated image in cn-hangzhou');
    const big = x86.find((i) => (i.sizeGiB ?? 0) >= 40);
    assert.ok(big, 'an image of 40 GiB or more in cn-hangzhou');
    const huawei = await a.provider(fx.sandboxAccount('huawei'));
    const pending = (await huawei.received!.listReceived('cn-north-4')).filter((r) => r.membership === 'pending').pop();
    assert.ok(pending, 'a pending shared image in cn-north-4');
    const resource = (kind: string, name: string, lines: string[]): string[] => [`resource "${kind}" "${name}" {`, ...lines.map((l) => `  ${l}`), '}'];
    const docs = [
      await fx.open('all.tf', [
        ...resource('alicloud_instance', 'type', ['region        = "cn-hangzhou"', `image_id      = "${x86[0]!.id}"`, 'instance_type = "ecs.g8y.large"']),
        ...resource('alicloud_instance', 'disk', ['region           = "cn-hangzhou"', `image_id         = "${big.id}"`, 'system_disk_size = 20']),
        ...resource('alicloud_instance', 'old', ['region   = "cn-hangzhou"', `image_id = "${deprecated.id}"`]),
        '',
      ]),
      await fx.open('all-huawei.tf', [
        ...resource('huaweicloud_compute_instance', 'far', ['region   = "cn-south-1"', `image_id = "${huaweiOwn.id}"`]),
        ...resource('huaweicloud_compute_instance', 'shared', ['region   = "cn-north-4"', `image_id = "${pending.image.id}"`]),
        '',
      ]),
    ];
    const codes = (): string[] => [...new Set(docs.flatMap((d) => vscode.languages.getDiagnostics(d.uri).map((x) => String(x.code))))].sort();
    const settled = async (): Promise<string[]> => {
      for (const doc of docs) {
        await a.imageIds.settled(doc);
      }
      return codes();
    };
    /** Waits for the diagnostics of both files to show `ok`. */
    const until = (ok: (now: string[]) => boolean): Promise<unknown> => Promise.all(docs.map((doc) => diagnosticsUntil(doc.uri, () => ok(codes()))));
    const all = Object.values(CHECK_CODES).flat();
    await until((now) => ['image-instance-type', 'image-system-disk', 'image-deprecated', WRONG, QUOTA, 'image-not-accepted'].every((c) => now.includes(c)));
    const baseline = (await settled()).filter((c) => all.includes(c));
    for (const [check, gone] of Object.entries(CHECK_CODES)) {
      const expected = baseline.filter((c) => !gone.includes(c));
      assert.notDeepEqual(expected, baseline, `${check} has something to turn off`);
      await vscode.workspace.getConfiguration(SECTION).update(`checks.${check}`, false, vscode.ConfigurationTarget.Global);
      await until((now) => !now.some((c) => gone.includes(c)));
      assert.deepEqual((await settled()).filter((c) => all.includes(c)), expected, `with checks.${check} off`);
      await vscode.workspace.getConfiguration(SECTION).update(`checks.${check}`, undefined, vscode.ConfigurationTarget.Global);
      await until((now) => baseline.every((c) => now.includes(c)));
    }
  });
});
