// Messages from the details webview are validated on arrival: only exact shapes get through.
import { strict as assert } from 'assert';
import { parseFromWebview, parseIdentity } from '../../src/webviews/protocol';

describe('Details panel protocol', () => {
  it('accepts the messages the panel sends', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'addTag', key: 'env', value: 'prod', extra: 1 }), { type: 'addTag', key: 'env', value: 'prod' });
    assert.deepEqual(parseFromWebview({ type: 'removeTag', key: '项目' }), { type: 'removeTag', key: '项目' });
    const job = { jobId: 't-1', percent: '40', state: '运行中', title: '导出镜像 web', elapsed: '已用时 3 秒', error: '' };
    const field = { key: 'CreationTime', label: '创建时间', value: '2024年3月5日 14:03（1 年前）' };
    assert.deepEqual(parseFromWebview({ type: 'rendered', tags: ['a=b'], jobs: [{ ...job, extra: 1 }], sections: ['任务', '概览'], fields: [{ ...field, html: '<b>' }] }), {
      type: 'rendered',
      tags: ['a=b'],
      jobs: [job],
      sections: ['任务', '概览'],
      fields: [field],
    });
  });

  it('drops anything else', () => {
    for (const bad of [null, 'ready', 42, [], {}, { type: 'eval', code: 'x' }, { type: 'addTag', key: 1, value: 'v' }, { type: 'addTag', key: 'k' },
      { type: 'removeTag', key: 'x'.repeat(5000) }, { type: 'rendered', tags: 'a', jobs: [], sections: [], fields: [] },
      { type: 'rendered', tags: [], jobs: [{ jobId: 1 }], sections: [], fields: [] }, { type: 'rendered', tags: [], jobs: [], sections: [] },
      { type: 'rendered', tags: [], jobs: [], sections: [], fields: [{ key: 'k', label: 'l' }] }]) {
      assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
    }
  });

  it('restores a panel only from a complete identity', () => {
    assert.deepEqual(parseIdentity({ accountId: 'a', regionId: 'r', imageId: 'i' }), { accountId: 'a', regionId: 'r', imageId: 'i' });
    assert.equal(parseIdentity({ accountId: 'a', regionId: 'r' }), undefined);
    assert.equal(parseIdentity(undefined), undefined);
  });
});
