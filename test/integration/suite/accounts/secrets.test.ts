// In the real extension host: with gateways and clouds that echo the request (AccessKey ID, signature,
// token) into their error bodies, nothing the user sees or the extension keeps carries a credential:
// error nodes and their tooltips, error notifications, stored accounts and jobs, and the log file.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ErrorNode } from '../../../../src/tree/nodes';
import { api, children, ownImages, sandboxRegion, until } from '../helpers';
import { testInput } from '../../userInput/testUserInput';

/** Every file under a folder whose name matches. */
function filesUnder(dir: string, name: RegExp): string[] {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, name) : name.test(e.name) ? [p] : [];
  });
}

describe('Credentials stay out of what the user sees and what is kept (real extension host)', () => {
  it('shows and logs echoed requests without key ids, secrets or signatures', async () => {
    const a = await api();
    const emulator = await a.sandbox();
    const seen: string[] = [];
    for (const [cloud, regionId] of [['alibaba', 'ap-southeast-1'], ['huawei', 'cn-east-3'], ['qingcloud', 'ap2a']] as const) {
      const region = await sandboxRegion(a, cloud, regionId);
      emulator.faults.add({ kind: cloud === 'qingcloud' ? 'echo' : 'echo-error', cloud, operation: cloud === 'huawei' ? 'ListImages' : 'DescribeImages', times: 1 });
      await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
      const [error] = await children(a, region);
      assert.equal(error?.kind, 'error', `${cloud}: the echo fails the listing`);
      seen.push((error as ErrorNode).message, (error as ErrorNode).detail);
      emulator.faults.clear();
      await vscode.commands.executeCommand('cloudImageExplorer.retry', error);
    }
    const [image] = await ownImages(a, await sandboxRegion(a, 'alibaba', 'ap-southeast-1'), 1, 'Available');
    const before = testInput.errors.length;
    emulator.faults.add({ kind: 'echo-error', cloud: 'alibaba', operation: 'TagResources', times: 1 });
    await vscode.commands.executeCommand('cloudImageExplorer.tag', image, [image], { key: 'echoed', value: 'yes' });
    emulator.faults.clear();
    assert.equal(testInput.errors.length, before + 1, 'the refused tag is reported');
    seen.push(...testInput.errors, JSON.stringify(a.accounts.list()), JSON.stringify(a.jobs.list()));

    // The log file: the tag command's failure is its last line once written.
    const logs = await until('the log file with the tag failure', () => {
      const text = filesUnder(path.dirname(a.logUri.fsPath), /Cloud Image Explorer/)
        .map((f) => fs.readFileSync(f, 'utf8'))
        .join('\n');
      return text.includes('cloudImageExplorer.tag:') ? text : undefined;
    });
    seen.push(logs);

    const credentials = emulator.clouds.flatMap((c) => Object.values(emulator.credentials(c)));
    const text = seen.join('\n');
    for (const secret of credentials) {
      assert.ok(!text.includes(secret), `"${secret}" is not shown, logged or kept`);
    }
    assert.doesNotMatch(text, /Signature=(?!\*\*\*)|Credential=(?!\*\*\*)|Access=(?!\*\*\*)|signature=(?!\*\*\*)/, 'no signature');
    assert.match(text, /\*\*\*/, 'the echoes were there, redacted');
  });
});
