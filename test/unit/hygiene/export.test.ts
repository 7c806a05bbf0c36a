// The image list as CSV and JSON: every column, quoting, formula-like cells defused, facts where known.
import { strict as assert } from 'assert';
import { EXPORT_COLUMNS, exportHeaders, exportRow, toCsv, toJson } from '../../../src/hygiene/export';
import type { Image } from '../../../src/providers/core/model';
import { parseCsv } from '../helpers/csv';

const IMAGE: Image = {
  id: 'm-1',
  name: 'web, "v2"\nbuild',
  regionId: 'cn-hangzhou',
  status: 'Available',
  owner: 'self',
  tags: [{ key: 'env', value: 'prod' }, { key: 'keep', value: '' }],
  sizeGiB: 40,
  createdAt: '2025-01-01T00:00:00Z',
  osName: 'CentOS 7.9',
  architecture: 'x86_64',
};


describe('Image list export', () => {
  it('writes one CSV row per image that a reader parses back, with the facts where known', () => {
    const row = exportRow({
      cloud: 'alibaba',
      account: 'prod',
      image: IMAGE,
      facts: { usage: { instances: 2, templates: 0, scalingConfigs: 0, sample: [] }, templatesListed: true, references: [{ file: 'main.tf', line: 3 }], ageDays: 700, sharedWith: 1, copiesIn: ['cn-beijing'] },
      verdict: 'keep',
      reasons: 'used by 2 instance(s)',
    });
    const parsed = parseCsv(toCsv([row, exportRow({ cloud: 'huawei', account: 'hw', image: { ...IMAGE, id: 'x', name: '=HYPERLINK("evil")' } })]));
    assert.deepEqual(parsed[0], [...EXPORT_COLUMNS]);
    const record = Object.fromEntries(EXPORT_COLUMNS.map((c, n) => [c, parsed[1]![n]]));
    assert.equal(record['name'], 'web, "v2"\nbuild');
    assert.equal(record['tags'], 'env=prod; keep');
    assert.equal(record['instances'], '2');
    assert.equal(record['references'], 'main.tf:3');
    assert.equal(record['copiesIn'], 'cn-beijing');
    assert.equal(record['sizeGiB'], '40');
    assert.equal(parsed[2]![EXPORT_COLUMNS.indexOf('name')], `'=HYPERLINK("evil")`, 'a formula is not run by a spreadsheet');
    assert.equal(parsed[2]![EXPORT_COLUMNS.indexOf('instances')], '', 'unknown facts are empty');
  });

  it('writes JSON with unknown facts left out', () => {
    const [o] = JSON.parse(toJson([exportRow({ cloud: 'qingcloud', account: 'q', image: IMAGE })])) as Array<Record<string, unknown>>;
    assert.equal(o!['id'], 'm-1');
    assert.equal(o!['sizeGiB'], 40);
    assert.ok(!('instances' in o!));
  });

  it('writes the header row in the language chosen, the cells alike', () => {
    const row = exportRow({ cloud: 'alibaba', account: 'prod', image: IMAGE });
    const zh = parseCsv(toCsv([row], exportHeaders('zh-cn')));
    const en = parseCsv(toCsv([row], exportHeaders('en')));
    assert.deepEqual(en[0], [...EXPORT_COLUMNS]);
    assert.equal(zh[0]?.length, EXPORT_COLUMNS.length);
    assert.deepEqual(zh[0]?.slice(0, 5), ['云', '账号', '地域', '镜像ID', '镜像名称']);
    assert.equal(new Set(zh[0]).size, EXPORT_COLUMNS.length, 'no two headers alike');
    assert.deepEqual(zh[1], en[1]);
  });
});
