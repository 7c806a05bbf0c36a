// Copy Image… on an image another project shared with this one (Huawei "Shared with Me"), in the real
// extension host against the sandbox: a pending one is refused before any request, in words, with Accept
// and Copy, which accepts it (followed by its job) and then runs the Copy wizard, whose copy is sent once;
// an image whose answer changed since the tree read it is refused by IMS (IMG.0196, its words beside ours)
// and the notification offers Accept and Copy the same way. Copy stays off a rejected one.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { RegionNode } from '../../../../src/tree/nodes';
import type { SharedImageNode, SharedWithMeNode } from '../../../../src/tree/sharedWithMe';
import { api, children, cleanAfterEach, sandboxRegion, until } from '../helpers';
import { CANCEL, testInput } from '../../userInput/testUserInput';

describe('Copying a shared image (real extension host)', () => {
  let a: ExtensionApi;
  before(async () => {
    a = await api();
  });
  cleanAfterEach(() => a, { faults: true, scriptUsed: true });

  const REGION = 'ap-southeast-1';

  async function shared(region: RegionNode): Promise<SharedImageNode[]> {
    const group = (await children(a, region)).find((n): n is SharedWithMeNode => n.kind === 'sharedWithMe');
    assert.ok(group, 'the region has a "Shared with Me" group');
    group.forget();
    return (await children(a, group)).filter((n): n is SharedImageNode => n.kind === 'sharedImage');
  }

  type Emulator = Awaited<ReturnType<ExtensionApi['sandbox']>>;
  const calls = (emulator: Emulator, since: number): string[] =>
    emulator
      .requestsSince(since)
      .filter((r) => r.operation === 'CopyImageInRegion' || r.operation === 'BatchUpdateMembers')
      .map((r) => `${r.operation} ${r.status}${r.errorCode ? ` ${r.errorCode}` : ''}`);

  async function copied(name: string): Promise<void> {
    const job = await until(`the copy "${name}" followed`, () => a.jobs.list().find((j) => j.kind === 'copy' && j.detail?.includes(name)));
    await until(`the copy "${name}" done`, () => a.jobs.list().find((j) => j.jobId === job.jobId && j.state === 'succeeded'), 60_000);
  }

  it('Huawei: Copy on a pending shared image says to accept it first, with Accept and Copy, which accepts it and then copies it once', async () => {
    const emulator = await a.sandbox();
    const region = await sandboxRegion(a, 'huawei', REGION);
    const all = await shared(region);
    const pending = all.find((n) => n.received.membership === 'pending');
    assert.ok(pending, 'a pending shared image');
    assert.match(String(pending.treeItem().contextValue), /\bcan-copy\b/, 'Copy is offered on a pending one');
    const rejected = all.find((n) => n.received.membership === 'rejected');
    assert.doesNotMatch(String(rejected?.treeItem().contextValue), /\bcan-copy\b/, 'not on a rejected one');
    const name = `ci-shared-copy-${Date.now()}`;
    const mark = emulator.requestLog.length;
    const notes = testInput.notifications.length;
    testInput.clickNext('Accept and Copy');
    testInput.script(name, '', 'Not encrypted', 'Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.copy', pending, [pending]);
    const warning = testInput.notifications.slice(notes).find((n) => n.severity === 'warning');
    assert.ok(warning, 'the refusal before any request');
    assert.match(warning.message, /is shared with this project but not accepted yet: the cloud copies a shared image only after it is accepted/);
    assert.deepEqual(warning.buttons, ['Accept and Copy']);
    await copied(name);
    assert.deepEqual(calls(emulator, mark), ['BatchUpdateMembers 200', 'CopyImageInRegion 200'], 'accepted, then copied once; nothing sent before the click');
    const now = await shared(region);
    assert.equal(now.find((n) => n.received.image.id === pending.received.image.id)?.received.membership, 'accepted');
  });

  it('Huawei: a copy IMS refuses as not accepted (IMG.0196: the answer changed) offers Accept and Copy; the copy then goes through once', async () => {
    const emulator = await a.sandbox();
    const region = await sandboxRegion(a, 'huawei', REGION);
    const accepted = (await shared(region)).find((n) => n.received.membership === 'accepted');
    assert.ok(accepted, 'an accepted shared image');
    const id = accepted.received.image.id;
    // Rejected elsewhere (another window, the console) after the tree read it.
    const provider = await a.provider(region.account);
    const answered = await provider.received!.answer(REGION, [id], 'rejected');
    await until('rejected in the cloud', async () => ((await provider.jobs!.describeJobs(REGION, [answered.job!.jobId]))[0]?.state === 'succeeded' ? true : undefined), 60_000);
    const name = `ci-shared-refused-${Date.now()}`;
    const mark = emulator.requestLog.length;
    const notes = testInput.notifications.length;
    testInput.script(name, '', 'Not encrypted', 'Copy');
    testInput.clickNext('Accept and Copy');
    testInput.script(name, '', 'Not encrypted', 'Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.copy', accepted, [accepted]);
    const refusal = await until('the refusal', () => testInput.notifications.slice(notes).find((n) => n.severity === 'error'));
    assert.match(refusal.message, /A shared image must be accepted before it can be copied\./);
    assert.match(refusal.message, /IMG\.0196/, "the cloud's own words beside ours");
    assert.deepEqual(refusal.buttons, ['Accept and Copy']);
    await copied(name);
    assert.deepEqual(calls(emulator, mark), ['CopyImageInRegion 400 IMG.0196', 'BatchUpdateMembers 200', 'CopyImageInRegion 200'], 'refused once, accepted, then sent once');
  });

  /** The palette's image step (after the account and the region): its items, their descriptions, and the region's shared images. */
  async function paletteImageStep(command: string, region: RegionNode, answer: string | typeof CANCEL, ...then: string[]): Promise<{ items: readonly string[]; descriptions: readonly string[]; notes: readonly string[] }> {
    const shown = testInput.shown.length;
    testInput.script(/Huawei/, region.region.name, answer, ...then);
    await vscode.commands.executeCommand(command);
    const step = testInput.shown.slice(shown).find((p) => p.text === 'Select an image (type to filter)');
    assert.ok(step?.items && step.descriptions, 'the image step was shown');
    return { items: step.items, descriptions: step.descriptions, notes: step.notes ?? [] };
  }

  it('Huawei: Copy Image from the palette lists the shared images the cloud copies, marked as shared with you, and copies an accepted one once', async () => {
    const emulator = await a.sandbox();
    const region = await sandboxRegion(a, 'huawei', REGION);
    const all = await shared(region);
    const accepted = all.find((n) => n.received.membership === 'accepted');
    const pending = all.find((n) => n.received.membership === 'pending');
    const rejected = all.find((n) => n.received.membership === 'rejected');
    assert.ok(accepted && pending && rejected, 'an accepted, a pending and a rejected shared image');
    const name = `ci-shared-palette-${Date.now()}`;
    const mark = emulator.requestLog.length;
    const { items, descriptions } = await paletteImageStep('cloudImageExplorer.copy', region, accepted.received.image.name, name, '', 'Not encrypted', 'Copy');
    const row = (n: SharedImageNode): number => items.indexOf(n.received.image.name);
    assert.ok(row(accepted) >= 0 && row(pending) >= 0, `both offered: ${items.join(', ')}`);
    assert.equal(row(rejected), -1, 'a rejected one is not offered');
    assert.equal(descriptions[row(accepted)], `Shared with you · ${accepted.received.image.id}`);
    assert.equal(descriptions[row(pending)], `Shared with you · ${pending.received.image.id}`);
    const own = descriptions.findIndex((d) => !d.startsWith('Shared with you'));
    assert.ok(own < 0 || own < row(accepted), "the account's own images first, then the shared ones");
    await copied(name);
    assert.deepEqual(calls(emulator, mark), ['CopyImageInRegion 200'], 'copied once, within its region');
  });

  it('Huawei: a pending shared image picked in the palette says to accept it first, with Accept and Copy; nothing sent', async () => {
    const emulator = await a.sandbox();
    const region = await sandboxRegion(a, 'huawei', REGION);
    const pending = (await shared(region)).find((n) => n.received.membership === 'pending');
    assert.ok(pending, 'a pending shared image');
    const mark = emulator.requestLog.length;
    const notes = testInput.notifications.length;
    const { descriptions, notes: left } = await paletteImageStep('cloudImageExplorer.copy', region, pending.received.image.name);
    // The region's images that are neither offered as its own nor as shared with you are the ones the note counts.
    const offered = new Set(descriptions.map((d) => d.replace(/^Shared with you · /, '')));
    const out = region.loader.items.filter((i) => !offered.has(i.id)).length;
    assert.deepEqual(left.filter((n) => /not listed/.test(n)), out === 0 ? [] : [out === 1 ? '1 image not listed: this command does not apply to it (not your own, or in a status that does not allow it)' : `${out} images not listed: this command does not apply to them (not your own, or in a status that does not allow it)`]);
    const said = testInput.notifications.slice(notes);
    assert.equal(said.length, 1, said.map((n) => n.message).join(' | '));
    assert.match(said[0]!.message, /^".*" is shared with this project but not accepted yet: the cloud copies a shared image only after it is accepted\. Accept it first\.$/);
    assert.deepEqual(said[0]!.buttons, ['Accept and Copy']);
    assert.deepEqual(calls(emulator, mark), [], 'nothing sent');
  });

  it("Huawei: a command that does not act on shared images (Delete) does not offer them in the palette", async () => {
    const region = await sandboxRegion(a, 'huawei', REGION);
    const names = (await shared(region)).map((n) => n.received.image.name);
    const { items, descriptions } = await paletteImageStep('cloudImageExplorer.delete', region, CANCEL);
    assert.deepEqual(items.filter((i) => names.includes(i)), []);
    assert.ok(!descriptions.some((d) => d.startsWith('Shared with you')));
  });
});
