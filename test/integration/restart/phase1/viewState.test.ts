// Phase 1 (before the reload): the instant filter, the sort order and a cloud filter are set; phase 2
// finds them again (kept in workspaceState).
import * as vscode from 'vscode';
import type { AccountNode } from '../../../../src/tree/nodes';
import { api, children } from '../../suite/helpers';
import { testInput } from '../../userInput/testUserInput';

describe('View filters across a reload — before', () => {
  it('sets the instant filter, the sort order and an account\u2019s cloud filter', async () => {
    const a = await api();
    const account = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.cloud === 'qingcloud');
    testInput.script('web');
    await vscode.commands.executeCommand('cloudImageExplorer.filterImages');
    await a.tree.state.setSort('size');
    await a.tree.state.setCloudFilter({ accountId: account!.account.id }, { owner: 'self', statuses: ['available'] });
  });
});
