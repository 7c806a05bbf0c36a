// Phase 1: choose which regions the Huawei sandbox account shows (Show/Hide Regions…); phase 2 finds
// the choice again after the real window reload.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { AccountNode } from '../../../../src/tree/nodes';
import { api, children, label } from '../../suite/helpers';
import { CHOSEN_REGIONS } from '../shared';
import { testInput } from '../../userInput/testUserInput';

describe('Region choice across a reload — before', () => {
  it('shows only the regions chosen for the account', async () => {
    const a = await api();
    const account = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.cloud === 'huawei');
    assert.ok(account);
    testInput.script(CHOSEN_REGIONS);
    await vscode.commands.executeCommand('cloudImageExplorer.showHideRegions', account);
    const nodes = await children(a, account);
    assert.deepEqual(nodes.filter((n) => n.kind === 'region').map(label).sort(), [...CHOSEN_REGIONS].sort());
    assert.match(label(nodes[nodes.length - 1]!), /^\d+ regions hidden$/);
  });
});
