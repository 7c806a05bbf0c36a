// Commands that don't apply aren't offered, seen as VS Code decides it: the manifest's `when` clauses evaluated
// against the context keys the extension set (its API hands them over) and the item's context value. Remove
// Tags… only on images with tags, Clear Finished Jobs only with a finished job, the palette's commands only
// while some account can do them, Export's picker only with images the cloud exports.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { ImageNode } from '../../../../src/tree/nodes';
import type { TrackedJob } from '../../../../src/jobs/model';
import { EXTENSION_ID, api, children, cleanAfterEach, ownImages, sandboxRegion, until } from '../helpers';
import { CANCEL, testInput } from '../../userInput/testUserInput';

interface Entry {
  readonly command: string;
  readonly when?: string;
}

function menu(name: string): Entry[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return (ext.packageJSON as { contributes: { menus: Record<string, Entry[]> } }).contributes.menus[name] ?? [];
}

/** The `when` of the menu's entry for a command (the first, when it has several in the menu). */
function whenOf(menuName: string, command: string): string {
  const entry = menu(menuName).find((e) => e.command === `cloudImageExplorer.${command}`);
  assert.ok(entry?.when, `${menuName}: ${command} has a when clause`);
  return entry.when;
}

/**
 * A `when` clause as VS Code reads the ones in this manifest: `||` over `&&` over `!`, keys alone or
 * compared with `==`, `!=` or `=~ /regex/flags`. Throws on anything else (so that a clause it cannot read fails).
 */
export function holds(when: string, value: (key: string) => unknown): boolean {
  const tokens: string[] = [];
  for (let i = 0; i < when.length; ) {
    const rest = when.slice(i);
    const space = /^\s+/.exec(rest);
    const op = /^(&&|\|\||==|!=|=~|!)/.exec(rest);
    if (space) {
      i += space[0].length;
    } else if (op) {
      tokens.push(op[0]);
      i += op[0].length;
      if (op[0] === '=~') {
        const re = /^\s*(\/(?:\\.|[^\\/])*\/[a-z]*)/.exec(when.slice(i));
        assert.ok(re, `a regex after =~ in ${when}`);
        tokens.push(re[1]!);
        i += re[0].length;
      }
    } else {
      const word = /^[^\s&|!=()]+/.exec(rest);
      assert.ok(word, `cannot read "${rest}" in ${when}`);
      tokens.push(word[0]);
      i += word[0].length;
    }
  }
  let at = 0;
  const primary = (): boolean => {
    if (tokens[at] === '!') {
      at++;
      return !primary();
    }
    const key = tokens[at++]!;
    if (key === 'true' || key === 'false') {
      return key === 'true';
    }
    const op = tokens[at];
    if (op === '==' || op === '!=' || op === '=~') {
      const operand = tokens[at + 1]!;
      at += 2;
      const actual = value(key);
      if (op === '=~') {
        const slash = operand.lastIndexOf('/');
        return actual !== undefined && new RegExp(operand.slice(1, slash), operand.slice(slash + 1)).test(String(actual));
      }
      return (String(actual) === operand) === (op === '==');
    }
    return !!value(key);
  };
  const and = (): boolean => {
    let result = primary();
    while (tokens[at] === '&&') {
      at++;
      result = primary() && result;
    }
    return result;
  };
  let result = and();
  while (tokens[at] === '||') {
    at++;
    result = and() || result;
  }
  assert.equal(at, tokens.length, `read all of ${when}`);
  return result;
}

/** Whether the palette offers a command now. */
function inPalette(a: ExtensionApi, command: string): boolean {
  return holds(whenOf('commandPalette', command), (key) => a.menuContext.get(key));
}

/** Whether the tree's context menu offers a command on an image (right-clicked alone). */
function onImage(a: ExtensionApi, command: string, node: ImageNode): boolean {
  const context: Record<string, unknown> = { view: 'cloudImageExplorer.images', viewItem: node.treeItem().contextValue, listMultiSelection: false };
  return holds(whenOf('view/item/context', command), (key) => (key in context ? context[key] : a.menuContext.get(key)));
}

describe('The when-clause reader of these tests', () => {
  it('reads keys, negation, comparisons and regexes as VS Code does', () => {
    const ctx: Record<string, unknown> = { view: 'cloudImageExplorer.images', viewItem: 'image can-tag has-tags', on: true };
    const v = (k: string): unknown => ctx[k];
    assert.equal(holds('view == cloudImageExplorer.images && viewItem =~ /\\bhas-tags\\b/', v), true);
    assert.equal(holds('view =~ /^cloudImageExplorer\\.(images|search)$/ && viewItem =~ /\\bcan-export\\b/', v), false);
    assert.equal(holds('!on || off', v), false);
    assert.equal(holds('off || on && !off', v), true);
    assert.equal(holds('view != cloudImageExplorer.jobs', v), true);
    assert.equal(holds('false', v), false);
  });
});

describe('Remove Tags… where there are tags', () => {
  let a: ExtensionApi;
  let images: ImageNode[];
  cleanAfterEach(() => a, {});

  before(async () => {
    a = await api();
    images = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-wulanchabu'), 3, 'Available');
    for (const node of images) {
      if (node.image.tags.length) {
        await vscode.commands.executeCommand('cloudImageExplorer.untag', node, [node], node.image.tags.map((t) => t.key));
      }
    }
    await vscode.commands.executeCommand('cloudImageExplorer.tag', images[0], [images[0]], { key: 'ci-menus', value: 'x' });
  });

  it('is offered on an image with tags, not on one without (where Tag… still is)', () => {
    assert.ok(images[0]!.image.tags.length && !images[1]!.image.tags.length, 'one tagged, one not');
    assert.equal(onImage(a, 'untag', images[0]!), true);
    assert.equal(onImage(a, 'untag', images[1]!), false);
    assert.equal(onImage(a, 'tag', images[1]!), true);
  });

  it('says in the plural when several selected images have no tags', async () => {
    const before = testInput.notifications.length;
    await vscode.commands.executeCommand('cloudImageExplorer.untag', images[1], [images[1], images[2]]);
    await vscode.commands.executeCommand('cloudImageExplorer.untag', images[1], [images[1]]);
    assert.deepEqual(
      testInput.notifications.slice(before).map((n) => n.message),
      ['2 images have no tags.', `"${images[1]!.image.name}" has no tags.`],
    );
  });
});

describe('Clear Finished Jobs', () => {
  let a: ExtensionApi;
  cleanAfterEach(() => a, {});

  it('is offered (on the Jobs view and in the palette) only while a job has finished', async () => {
    a = await api();
    const offered = (): [boolean, boolean] => {
      const view = (key: string): unknown => (key === 'view' ? 'cloudImageExplorer.jobs' : a.menuContext.get(key));
      return [holds(whenOf('view/title', 'jobs.clearFinished'), view), inPalette(a, 'jobs.clearFinished')];
    };
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.clearFinished');
    assert.deepEqual(offered(), [false, false], 'nothing finished');
    const [node] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-wulanchabu'), 1, 'Available');
    testInput.script(['cn-shenzhen'], 'ci-menus-cancel', '', 'Not encrypted', 'Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.copy', node);
    const job = a.jobs.forImage(node!.account.id, node!.parent.region.id, node!.image.id).find((j: TrackedJob) => j.kind === 'copy' && j.state !== 'cancelled');
    assert.ok(job && (job.state === 'queued' || job.state === 'running'), 'the copy runs');
    assert.deepEqual(offered(), [false, false], 'a running job is not finished');
    testInput.script('Stop the Copy');
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.cancel', job);
    await until('the cancelled job to count as finished', () => a.menuContext.get('cloudImageExplorer.jobs.hasFinished') === true || undefined);
    assert.deepEqual(offered(), [true, true]);
    await vscode.commands.executeCommand('cloudImageExplorer.jobs.clearFinished');
    assert.deepEqual(offered(), [false, false], 'cleared');
  });
});

describe('The palette’s commands of some clouds and of own accounts', () => {
  let a: ExtensionApi;
  cleanAfterEach(() => a, {});
  after(async () => {
    await a.accounts.showSandbox();
  });

  const sandboxOf = (cloud: string): string => a.accounts.list().find((x) => x.sandbox && x.cloud === cloud)!.id;

  it('offers a command only while an account in the tree is on a cloud that has it', async () => {
    a = await api();
    await a.accounts.showSandbox();
    assert.ok(a.accounts.list().every((x) => x.sandbox), 'the sandbox accounts only');
    const some = ['showQuota', 'acceptShared', 'rejectShared', 'importImage', 'importFromFile', 'export', 'deprecate', 'undeprecate', 'tag', 'delete'];
    assert.deepEqual(some.filter((c) => !inPalette(a, c)), [], 'the four sandboxes can do each');
    await a.accounts.remove(sandboxOf('huawei'));
    assert.deepEqual(some.filter((c) => !inPalette(a, c)), ['showQuota', 'acceptShared', 'rejectShared'], 'without Huawei');
    await a.accounts.remove(sandboxOf('alibaba'));
    assert.deepEqual(some.filter((c) => !inPalette(a, c)), ['showQuota', 'acceptShared', 'rejectShared', 'importImage', 'importFromFile', 'export', 'deprecate', 'undeprecate'], 'QingCloud and BatchCompute');
    // What the palette no longer offers is what the command would refuse after the click.
    const errors = testInput.errors.length;
    await vscode.commands.executeCommand('cloudImageExplorer.showQuota');
    assert.match(testInput.errors.slice(errors).join('\n'), /None of your accounts is on a cloud that can do this\./);
    await a.accounts.showSandbox();
    assert.ok(inPalette(a, 'showQuota') && inPalette(a, 'export'), 'back with the sandboxes');
  });

  it('offers Edit Account and Open in Console only while one of the accounts is the user’s own', async () => {
    a = await api();
    assert.ok(a.accounts.list().every((x) => x.sandbox), 'the sandbox accounts only');
    assert.equal(inPalette(a, 'editAccount'), false);
    assert.equal(inPalette(a, 'openInConsole'), false);
    const before = testInput.notifications.length;
    await vscode.commands.executeCommand('cloudImageExplorer.editAccount');
    assert.match(testInput.notifications[before]?.message ?? '', /^There is no account to edit/, 'what the palette no longer offers');
    const emulator = await a.sandbox();
    const key = emulator.credentials('qingcloud');
    const own = await a.accounts.add({ name: 'ci-menus-own', cloud: 'qingcloud', accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, endpoint: emulator.endpoints.qingcloud });
    try {
      assert.equal(inPalette(a, 'editAccount'), true);
      assert.equal(inPalette(a, 'openInConsole'), true);
    } finally {
      await a.accounts.remove(own.id);
    }
    assert.equal(inPalette(a, 'editAccount'), false);
  });
});

describe('Export from the palette', () => {
  let a: ExtensionApi;
  cleanAfterEach(() => a, {});

  it('lists the images the cloud exports: not a Windows image, which the tree offers no Export either', async () => {
    a = await api();
    const region = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    await children(a, region);
    const own = (os: string): ImageNode[] => region.loader.items.filter((i) => i.owner === 'self' && i.status === 'Available' && i.osType === os).map((i) => region.imageNode(i));
    assert.ok(own('windows').length && own('linux').length, 'the first page has both');
    const shown = testInput.shown.length;
    testInput.script(/Alibaba/, /cn-hangzhou$/, CANCEL);
    await vscode.commands.executeCommand('cloudImageExplorer.export');
    const picker = testInput.shown.slice(shown).find((s) => s.text === 'Select an image (type to filter)');
    // The picker's rows are the images' names (the double records labels).
    const listed = new Set(picker?.items);
    const linux = new Set(own('linux').map((n) => n.image.name));
    assert.deepEqual(own('windows').filter((n) => listed.has(n.image.name) && !linux.has(n.image.name)).map((n) => n.image.name), [], 'no Windows image');
    assert.ok(own('linux').some((n) => listed.has(n.image.name)), 'Linux images are listed');
    const exported = region.loader.items.filter((i) => listed.has(i.name)).map((i) => region.imageNode(i));
    assert.ok(exported.length && exported.every((n) => onImage(a, 'export', n)), 'each listed one has Export in the tree too');
  });
});
