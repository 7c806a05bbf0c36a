// Strings composed of parts (a state and the cloud's word, a region's name and ID, the parts of a filter) go
// through l10n, so that the Chinese UI gets Chinese punctuation, not ASCII parentheses and semicolons.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { installVscodeShim } from '../helpers/vscodeShim';
installVscodeShim(); // before the tree's modules (they import `vscode`)

import type { RegionNode } from '../../../src/tree/nodes';
import { inChinese } from '../helpers/zhWords';

type FilterText = typeof import('../../../src/tree/filterText');
type Quota = typeof import('../../../src/tree/quotaTooltip');
let filterText: FilterText;
let quota: Quota;

describe('Composed strings in Chinese', () => {
  before(async () => {
    filterText = await import('../../../src/tree/filterText');
    quota = await import('../../../src/tree/quotaTooltip');
  });

  it('writes a status beside the cloud\'s word, and a whole filter, with Chinese punctuation', () => {
    assert.equal(filterText.statusLabel('alibaba', 'CreateFailed'), 'Creation failed (CreateFailed)');
    inChinese(() => {
      assert.equal(filterText.statusLabel('alibaba', 'CreateFailed'), '创建失败（CreateFailed）');
      const full = filterText.fullFilterText('alibaba', { owner: 'self', name: 'web' }, 'region');
      assert.match(full, /；/);
      assert.doesNotMatch(full, /[;()]/);
    });
  });

  it('heads a region\'s quota hover with its name and ID in Chinese parentheses', () => {
    const node = { region: { id: 'cn-north-4', name: '华北-北京四' } } as unknown as RegionNode;
    quota.rememberQuota(node, [{ type: 'image', used: 3, quota: 50 }]);
    const item = { tooltip: undefined } as unknown as vscode.TreeItem;
    inChinese(() => quota.regionTooltip(item, node, () => Promise.reject(new Error('not read')), () => undefined));
    const text = (item.tooltip as { value: string }).value.replace(/\\(.)/g, '$1');
    assert.match(text, /\*\*华北-北京四（cn-north-4）\*\*/);
  });
});
