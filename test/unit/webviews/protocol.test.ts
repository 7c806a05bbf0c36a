// Messages from the details webview are validated on arrival: only exact shapes get through.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseFromWebview, parseIdentity } from '../../../src/webviews/protocol';
import { tagLabel, tagText, type DocumentLike, type ElementLike } from '../../../src/webviews/tagView';

/** Just enough of a DOM element for the panel's tag drawing: text is the children's text, in order. */
class FakeElement implements ElementLike {
  className = '';
  readonly dataset: { [key: string]: string | undefined } = {};
  readonly attributes = new Map<string, string>();
  readonly children: FakeElement[] = [];
  private text: string | null = '';

  constructor(readonly tagName: string) {}

  get textContent(): string | null {
    return this.children.length ? this.children.map((c) => c.textContent ?? '').join('') : this.text;
  }

  set textContent(value: string | null) {
    this.children.length = 0;
    this.text = value;
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }

  append(...children: ElementLike[]): void {
    this.children.push(...(children as FakeElement[]));
  }
}

const fakeDocument: DocumentLike = { createElement: (tagName) => new FakeElement(tagName) };

describe('Details panel protocol', () => {
  it('accepts the messages the panel sends', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'retryInstanceTypes', imageId: 'm-1' }), { type: 'retryInstanceTypes' });
    assert.deepEqual(parseFromWebview({ type: 'addTag', key: 'env', value: 'prod', extra: 1 }), { type: 'addTag', key: 'env', value: 'prod' });
    assert.deepEqual(parseFromWebview({ type: 'removeTag', key: '项目' }), { type: 'removeTag', key: '项目' });
    assert.deepEqual(parseFromWebview({ type: 'download', jobId: 't-9', bucket: 'b' }), { type: 'download', jobId: 't-9' });
    assert.equal(parseFromWebview({ type: 'download' }), undefined);
    const job = { jobId: 't-1', percent: '40', state: '运行中', title: '导出镜像 web', elapsed: '已用时 3 秒', error: '', note: '', download: '下载…' };
    const field = { key: 'CreationTime', label: '创建时间', value: '2024年3月5日 14:03（1 年前）' };
    const header = { name: 'web-01', description: 'Built by CI', actions: ['重命名…', '复制 ID'], instanceTypes: '', instanceTypesError: '请求超时。' };
    assert.deepEqual(parseFromWebview({ type: 'rendered', ...header, tags: ['a=b'], jobs: [{ ...job, extra: 1 }], sections: ['任务', '概览'], fields: [{ ...field, html: '<b>' }] }), {
      type: 'rendered',
      ...header,
      tags: ['a=b'],
      jobs: [job],
      sections: ['任务', '概览'],
      fields: [field],
    });
  });

  it('accepts the edit actions, each with only what it needs', () => {
    assert.deepEqual(parseFromWebview({ type: 'edit', field: 'name', value: 'x' }), { type: 'edit', field: 'name' });
    assert.deepEqual(parseFromWebview({ type: 'edit', field: 'description' }), { type: 'edit', field: 'description' });
    assert.deepEqual(parseFromWebview({ type: 'deprecate', imageId: 'm-1' }), { type: 'deprecate' });
    assert.deepEqual(parseFromWebview({ type: 'undeprecate' }), { type: 'undeprecate' });
    assert.equal(parseFromWebview({ type: 'edit', field: 'status' }), undefined);
    assert.equal(parseFromWebview({ type: 'edit' }), undefined);
  });

  it('draws each tag exactly as typed: case, "=" and characters kept', () => {
    const cases: ReadonlyArray<[{ key: string; value: string }, string]> = [
      [{ key: 'env', value: 'staging' }, 'env=staging'],
      [{ key: 'Team', value: 'Web-Platform' }, 'Team=Web-Platform'],
      [{ key: '项目', value: '电商 v2' }, '项目=电商 v2'],
      [{ key: 'k', value: 'a=b' }, 'k=a=b'],
      [{ key: 'staging', value: '' }, 'staging'],
    ];
    for (const [tag, shown] of cases) {
      const label = tagLabel(fakeDocument, tag) as FakeElement;
      assert.equal(label.textContent, shown);
      assert.equal(tagText(tag), shown);
      assert.equal(label.tagName, 'span');
      assert.equal(label.className, 'tag');
      assert.equal(label.attributes.get('title'), shown);
      assert.deepEqual(
        label.children.map((c) => [c.className, c.textContent]),
        tag.value ? [['tag-key', tag.key], ['tag-sep', '='], ['tag-value', tag.value]] : [['tag-key', tag.key]],
      );
    }
  });

  it("keeps the toolkit's restyling tag out of the panel: no vscode-tag, and no CSS that changes the case of text", () => {
    const root = path.join(__dirname, '..', '..', '..', '..');
    const script = fs.readFileSync(path.join(root, 'media', 'details', 'main.ts'), 'utf8');
    const toolkit = fs.readFileSync(path.join(root, 'media', 'details', 'toolkit.ts'), 'utf8');
    const css = fs.readFileSync(path.join(root, 'media', 'details', 'details.css'), 'utf8');
    assert.ok(!/vscode-tag|vsCodeTag/.test(script + toolkit));
    assert.deepEqual(css.match(/text-transform:\s*[a-z-]+/g), ['text-transform: none']);
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
