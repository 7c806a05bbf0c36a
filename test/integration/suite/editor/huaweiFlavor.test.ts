// A Huawei image ID beside a flavor that cannot launch it, in the real extension host against the
// sandbox: the flavors of the region (ListFlavors) against what the image says it needs. One x86 image
// of cn-north-4 written in four Terraform resources: on a Kunpeng (arm64) flavor and on a disk-intensive
// flavor (which needs `__support_diskintensive`, which the image does not have) it is flagged; on a
// general x86 flavor it is not; a flavor the region does not offer is said to be unknown there.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import type { Image } from '../../../../src/providers/core/model';
import { api } from '../helpers';
import { LaunchFixture, diagnosticsUntil, findings, withCode } from './launchFixture';

const TYPE_CODES = ['image-instance-type', 'unknown-instance-type'];

describe('Launch-ready checks of Huawei image IDs against flavors (real extension host)', () => {
  let a: ExtensionApi;
  let image: Image;
  const fx = new LaunchFixture(() => a);

  before(async () => {
    a = await api();
    await a.sandbox();
    fx.setUp();
    const provider = await a.provider(fx.sandboxAccount('huawei'));
    const page = await provider.listImages({ regionId: 'cn-north-4', pageSize: 100, raw: true, filter: { owner: 'self' } });
    const x86 = page.items.find((i) => i.raw?.['architecture'] === 'x86' && i.raw['__support_diskintensive'] !== 'true' && !i.raw['min_ram']);
    assert.ok(x86, 'an x86 image of the sandbox in cn-north-4 without disk-intensive support or a minimum memory');
    image = x86;
  });

  after(() => fx.tearDown());

  it('flags the image on a flavor of another architecture or one needing a flag it lacks, not on one that fits', async () => {
    const resource = (name: string, flavor: string): string[] => [
      `resource "huaweicloud_compute_instance" "${name}" {`,
      `  image_id  = "${image.id}"`,
      `  flavor_id = "${flavor}"`,
      '}',
    ];
    const doc = await fx.open('flavors.tf', [
      'provider "huaweicloud" {',
      '  region = "cn-north-4"',
      '}',
      ...resource('kunpeng', 'kc1.large.2'), // lines 3-6: the image ID on line 4
      ...resource('disk', 'd6.xlarge.4'), // the ID on line 8
      ...resource('general', 's6.large.2'), // the ID on line 12
      ...resource('nowhere', 'x9.huge.99'), // the ID on line 16
      '',
    ]);
    const ds = await diagnosticsUntil(doc.uri, (d) => withCode('image-instance-type')(d) && withCode('unknown-instance-type')(d));
    const warning = vscode.DiagnosticSeverity.Warning;
    assert.deepEqual(findings(doc, ds, TYPE_CODES), [
      ['image-instance-type', warning, image.id, 4],
      ['image-instance-type', warning, image.id, 8],
      ['unknown-instance-type', vscode.DiagnosticSeverity.Information, image.id, 16],
    ]);
    const onKunpeng = ds.find((d) => d.code === 'image-instance-type' && d.range.start.line === 4)!;
    assert.match(onKunpeng.message, /cannot be launched on the instance type "kc1\.large\.2" written beside it/);
    assert.match(ds.find((d) => d.code === 'unknown-instance-type')!.message, /"x9\.huge\.99" is not offered in CN North-Beijing4\./);
  });
});
