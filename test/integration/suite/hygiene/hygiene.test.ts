// Image hygiene in the real extension host against the sandbox: a dry run over the four sandbox accounts
// proposes exactly the images the emulator's data says nothing uses (with reasons) and deletes nothing; an
// image named in an open Terraform file is kept; a region whose instance listing fails proposes nothing;
// Clean Up deletes exactly the plan's images, re-checking each (one that cannot be checked is skipped and
// said so); the exported CSV parses and holds what is loaded.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { HygienePlan } from '../../../../src/hygiene/plan';
import type { Image } from '../../../../src/providers/core/model';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { imageRefusal } from '../../../../src/providers/rules/capabilities';
import { usedByInstances, usedByScalingConfig, usedByTemplate } from '../../../../src/sandbox/usage';
import type { AccountNode, ImageNode, RegionNode } from '../../../../src/tree/nodes';
import { api, children, sandboxRegion } from '../helpers';
import { testInput } from '../../userInput/testUserInput';
import { parseCsv } from '../../../unit/helpers/csv';

/** The rules of these tests: the defaults but sharing (which the emulator's data does not fix). */
const RULES = ['Not used by any instance', 'Not named by any launch template', "Not named in the workspace's files", 'Older than 90 days', 'Not tagged keep=*'];
const DAY = 86_400_000;

async function allOwn(provider: ImageProvider, regionId: string): Promise<Image[]> {
  const out: Image[] = [];
  let cursor;
  do {
    const page = await provider.listImages({ regionId, cursor, pageSize: provider.maxPageSize, filter: { owner: 'self' } });
    out.push(...page.items.filter((i) => i.owner === 'self'));
    cursor = page.next;
  } while (cursor);
  return out;
}

/** What the emulator's data says the rules propose in a region (before looking at the workspace). */
async function expected(provider: ImageProvider, regionId: string): Promise<string[]> {
  const now = Date.now();
  return (await allOwn(provider, regionId))
    .filter(
      (i) =>
        !usedByInstances(i.id) &&
        !(provider.cloud === 'alibaba' && usedByTemplate(i.id)) &&
        !(provider.cloud !== 'qingcloud' && usedByScalingConfig(i.id)) &&
        !imageRefusal(provider.cloud, i, 'delete') &&
        i.createdAt !== undefined &&
        now - Date.parse(i.createdAt) >= 90 * DAY &&
        !i.tags.some((t) => t.key === 'keep'),
    )
    .map((i) => i.id);
}


describe('Image hygiene (real extension host)', function () {
  this.timeout(180_000);
  let a: ExtensionApi;
  let dir: string;

  before(async () => {
    a = await api();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-hygiene-'));
  });

  afterEach(async () => {
    (await a.sandbox()).faults.clear();
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function findUnused(node?: unknown, rules: readonly string[] = RULES): Promise<HygienePlan> {
    testInput.script(rules, '90');
    const plan = await vscode.commands.executeCommand<HygienePlan | undefined>('cloudImageExplorer.findUnusedImages', node);
    assert.ok(plan, 'a plan');
    return plan;
  }

  it('a dry run across the four sandbox accounts proposes exactly what nothing uses, with reasons, and deletes nothing', async () => {
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const plan = await findUnused();
    const changes = emulator.requestsSince(mark).filter((r) => r.method !== 'GET' && !/^(Describe|List)/.test(r.operation));
    assert.deepEqual(changes.map((r) => r.operation), [], 'a dry run changes nothing');
    const accounts = (await children(a)).filter((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.sandbox === true);
    assert.equal(accounts.length, 4);
    let want: string[] = [];
    for (const account of accounts) {
      const provider = await a.provider(account.account);
      if (!provider.usage) {
        assert.ok(!plan.remove.some((e) => e.account.id === account.account.id), `${account.account.cloud}: nothing proposed`);
        continue;
      }
      for (const region of (await children(a, account)).filter((n): n is RegionNode => n.kind === 'region')) {
        want = want.concat(await expected(provider, region.region.id));
      }
    }
    const proposed = new Set(plan.remove.map((e) => e.image.id));
    assert.ok(proposed.size > 0, `some images proposed (regions that failed: ${plan.failedRegions.map((f) => `${f.regionId} ${String(f.error)}`).join('; ')})`);
    for (const id of proposed) {
      assert.ok(want.includes(id), `${id} is proposed but the data says something keeps it`);
    }
    // Anything the data would propose that the plan does not is named in a workspace file.
    for (const id of want.filter((x) => !proposed.has(x))) {
      const kept = plan.keep.find((e) => e.image.id === id);
      assert.deepEqual(kept?.decision.reasons.map((r) => r.code), ['referenced'], id);
    }
    assert.deepEqual(plan.failedRegions, []);
    for (const e of plan.remove) {
      assert.deepEqual(e.decision.reasons.map((r) => r.code).filter((c) => c !== 'noTemplates' && c !== 'noScalingConfigs'), ['noInstances', 'notReferenced', 'olderThan', 'noKeepTag']);
    }
    const used = plan.keep.find((e) => e.decision.reasons[0]?.code === 'instances');
    assert.ok(used && usedByInstances(used.image.id), 'an image instances use is kept, and why');
    assert.equal(plan.sizeGiB, plan.remove.reduce((n, e) => n + (e.image.sizeGiB ?? 0), 0));
    assert.match(testInput.notifications[testInput.notifications.length - 1]?.message ?? '', /^Dry run: nothing was deleted\. [\d,]+ images? would be deleted/);
  });

  it('keeps an image named in an open Terraform file, saying where', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'ap-southeast-1');
    const before = await findUnused(region);
    const target = before.remove[0]!.image;
    const file = path.join(dir, 'main.tf');
    fs.writeFileSync(file, `resource "alicloud_instance" "web" {\n  instance_type = "ecs.g7.large"\n  image_id      = "${target.id}"\n}\n`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(file)));
    const after = await findUnused(region);
    assert.ok(!after.remove.some((e) => e.image.id === target.id));
    const kept = after.keep.find((e) => e.image.id === target.id);
    assert.equal(kept?.decision.reasons[0]?.code, 'referenced');
    const ref = kept.decision.reasons[0]!.code === 'referenced' ? kept.decision.reasons[0]!.references[0] : undefined;
    assert.equal(ref?.line, 3);
    assert.match(ref?.file ?? '', /main\.tf$/);
    assert.equal(after.remove.length, before.remove.length - 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a region whose instance listing fails proposes none of its images and names the API', async () => {
    const emulator = await a.sandbox();
    emulator.faults.add({ kind: 'server-error', cloud: 'qingcloud', operation: 'DescribeInstances' });
    const region = await sandboxRegion(a, 'qingcloud', 'sh1a');
    const plan = await findUnused(region);
    assert.deepEqual(plan.remove, []);
    assert.deepEqual(plan.failedRegions.map((f) => [f.regionId, f.api]), [['sh1a', 'DescribeInstances']]);
    assert.ok(plan.unknown.length > 0 && plan.unknown.every((e) => e.decision.reasons.some((r) => r.code === 'usageUnknown')));
  });

  it('Clean Up deletes exactly the plan, re-checking each image; one that cannot be re-checked is skipped and said so', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-shenzhen');
    // Every default rule: Alibaba refuses to delete a shared image.
    const plan = await findUnused(region, [...RULES, 'Not shared with other accounts']);
    assert.ok(plan.remove.length >= 3, `${plan.remove.length} proposed`);
    const provider = await a.provider(region.account);
    const own = await allOwn(provider, 'cn-shenzhen');
    const skipped = plan.remove[1]!.image;
    const emulator = await a.sandbox();
    emulator.faults.refuseImage({ cloud: 'alibaba', operation: 'DescribeInstances', imageId: skipped.id, message: 'Re-check refused.' });
    const mark = emulator.requestLog.length;
    testInput.script('Delete');
    const asked = testInput.asked.length;
    await vscode.commands.executeCommand('cloudImageExplorer.cleanUpImages');
    const modal = testInput.asked[asked]!;
    assert.match(modal.message, new RegExp(`^Delete ${plan.remove.length} images, .* GiB, from Sandbox`));
    const deletes = emulator.requestsSince(mark).filter((r) => r.operation === 'DeleteImage');
    assert.equal(deletes.length, plan.remove.length - 1, 'one DeleteImage per image but the skipped one');
    const left = new Set((await allOwn(provider, 'cn-shenzhen')).map((i) => i.id));
    const removed = new Set(plan.remove.map((e) => e.image.id));
    for (const image of own) {
      assert.equal(left.has(image.id), !removed.has(image.id) || image.id === skipped.id, image.id);
    }
    const node = region.findImage(skipped.id) as ImageNode;
    assert.match(node.lastError ?? '', /could not be checked again \(DescribeInstances/);
    assert.deepEqual(testInput.errors.slice(-1), [`${plan.remove.length - 1} deleted, 1 failed.`]);
    // The plan was used: a second Clean Up has nothing to act on.
    const errors = testInput.errors.length;
    await vscode.commands.executeCommand('cloudImageExplorer.cleanUpImages');
    assert.match(testInput.errors[errors] ?? '', /Find Unused Images/);
  });

  it('exports what is loaded of a partly loaded region as CSV that parses back, and the plan with its reasons', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-shanghai');
    await children(a, region);
    assert.ok(region.loader.hasMore, 'the region is partly loaded');
    const loaded = region.loader.items.map((i) => i.id);
    const file = vscode.Uri.file(path.join(dir, 'images.csv'));
    testInput.script('Export What Is Loaded');
    await vscode.commands.executeCommand('cloudImageExplorer.exportImageList', region, undefined, file);
    const rows = parseCsv(fs.readFileSync(file.fsPath, 'utf8'));
    const header = rows[0]!;
    assert.deepEqual(header.slice(0, 6), ['cloud', 'account', 'region', 'id', 'name', 'status']);
    assert.deepEqual(rows.slice(1).map((r) => r[header.indexOf('id')]), loaded);
    const first = region.loader.items[0]!;
    assert.equal(rows[1]![header.indexOf('name')], first.name);
    assert.equal(rows[1]![header.indexOf('sizeGiB')], first.sizeGiB === undefined ? '' : String(first.sizeGiB));

    const plan = await findUnused(await sandboxRegion(a, 'alibaba', 'ap-southeast-1'));
    const json = vscode.Uri.file(path.join(dir, 'plan.json'));
    await vscode.commands.executeCommand('cloudImageExplorer.exportPlan', json);
    const list = JSON.parse(fs.readFileSync(json.fsPath, 'utf8')) as Array<Record<string, unknown>>;
    assert.equal(list.length, plan.remove.length + plan.keep.length + plan.unknown.length);
    const proposed = list.filter((r) => r['verdict'] === 'delete');
    assert.deepEqual(proposed.map((r) => r['id']), plan.remove.map((e) => e.image.id));
    assert.ok(proposed.every((r) => typeof r['reasons'] === 'string' && /no instance uses it/.test(r['reasons'])));
  });
});
