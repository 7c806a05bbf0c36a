// An encrypted Huawei copy in the real extension host against the sandbox: the Copy Image wizard offers
// encryption only within the image's region, lists the project's KMS keys (DEW list-keys) to pick from,
// names the key in the confirmation, sends cmk_id once, follows the job to the new image, and the new
// image's details panel says it is encrypted and with which key.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { ImageNode, Node } from '../../../../src/tree/nodes';
import { api, children, cleanAfterEach, identity, ownImages, sandboxRegion, until } from '../helpers';
import { CANCEL, testInput } from '../../userInput/testUserInput';

const REGION = 'cn-north-4';

describe('Encrypted copies (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });
  cleanAfterEach(() => a, { panels: true });

  it('copies a Huawei image encrypted with a KMS key picked from the project\u2019s keys; the new image\u2019s panel names the key', async () => {
    const region = await sandboxRegion(a, 'huawei', REGION);
    const [node] = await ownImages(a, region, 1, 'active');
    const provider = await a.provider(node!.account);
    const keys = await provider.keys!.listKeys(REGION);
    const key = keys.find((k) => k.alias === 'images-prod')!;
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const shown = testInput.shown.length;
    testInput.script([REGION], 'ci-encrypted-copy', '', 'Encrypted with a KMS key…', 'images-prod', 'Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.copy', node);
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');

    const encryption = testInput.shown.slice(shown).find((s) => s.text === 'Encryption of the new image');
    assert.deepEqual(encryption?.items, ['Not encrypted', 'Encrypted with a KMS key…'], 'no default key on IMS');
    const picker = testInput.shown.slice(shown).find((s) => s.text === `KMS key of ${region.region.name} to encrypt the new image with`);
    assert.deepEqual(picker?.items, [...keys.map((k) => k.alias), 'Type a key ID…'], 'the enabled keys, then typing');
    const asked = testInput.asked[testInput.asked.length - 1]!;
    assert.ok((asked.detail ?? '').includes(`encrypted with the KMS key ${key.id}`), asked.detail);
    const copies = emulator.requestsSince(mark).filter((r) => r.operation === 'CopyImageInRegion');
    assert.deepEqual(copies.map((r) => r.status), [200], 'sent once');

    const job = a.jobs.forImage(node!.account.id, REGION, node!.image.id).find((j) => j.kind === 'copy')!;
    const done = await until('the copy job to succeed', () => a.jobs.list().find((j) => j.jobId === job.jobId && j.state === 'succeeded'), 60_000);
    const newId = done.target?.imageId;
    assert.ok(newId, JSON.stringify(done));
    const copy = await until('the new image in the tree', async () =>
      (await children(a, region)).find((n: Node): n is ImageNode => n.kind === 'image' && (n as ImageNode).image.id === newId),
    );
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', copy);
    const panel = await a.panels.rendered(identity(copy), (r) => r.fields.length > 0);
    const field = (label: string): string | undefined => panel.fields.find((f) => f.label === label)?.value;
    assert.equal(field('Encrypted'), 'Yes');
    assert.equal(field('KMS key'), key.id);
  });

  it('offers no encryption on a Huawei copy to another region (cross_region_copy takes no key)', async () => {
    const region = await sandboxRegion(a, 'huawei', REGION);
    const [, node] = await ownImages(a, region, 2, 'active');
    const shown = testInput.shown.length;
    // Regions, name, description, agency, then Cancel at the confirmation: nothing is sent.
    testInput.script(['cn-east-3'], 'ci-east-copy', '', 'ims_admin_agency', CANCEL);
    await vscode.commands.executeCommand('cloudImageExplorer.copy', node);
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');
    assert.ok(!testInput.shown.slice(shown).some((s) => s.text === 'Encryption of the new image'), 'no encryption step');
  });
});
