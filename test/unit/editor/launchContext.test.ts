// What a file says around an image ID about launching it: the region and the instance type beside it in
// Terraform, Packer (HCL and JSON), ROS templates and plain YAML; literals only (an expression is not a
// value to send); hostile text costs a bounded walk and reads nothing wrong. Each case reads the text as
// one string and as a document held in pieces split at awkward places (inside keys, IDs, quotes, line
// breaks), to the same answers; the reader reads bounded windows of it, never the whole.
import { strict as assert } from 'assert';
import { LaunchContextReader } from '../../../src/editor/launchContext';
import { PieceText, type TextSource } from '../../../src/editor/text';
import type { CloudKind } from '../../../src/providers/core/model';

const ALI = 'm-bp1g7004ksh0oeuco9v0';
const HW = '8f2c1d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f';

/** Piece lengths that put edges everywhere: a character or two, odd lengths, just past a 16 KB window, a 64 KB one. */
const AWKWARD = [1, 2, 5, 13, 16_385, 3, 31, 4_093, 65_537, 7];

/** The text in pieces of the AWKWARD lengths in turn. */
function awkward(text: string): PieceText {
  const pieces: string[] = [];
  for (let at = 0, n = 0; at < text.length; n++) {
    const size = AWKWARD[n % AWKWARD.length]!;
    pieces.push(text.slice(at, at + size));
    at += size;
  }
  return new PieceText(pieces);
}

const FORMS: ReadonlyArray<readonly [string, (text: string) => TextSource]> = [
  ['one string', (text) => text],
  ['pieces split at awkward places', awkward],
];

for (const [form, sourceOf] of FORMS) {
  /** A reader of the text in this form. */
  const readerOf = (text: string): LaunchContextReader => new LaunchContextReader(sourceOf(text));

  function contextOf(text: string, id: string, cloud: CloudKind = 'alibaba'): { region?: string; instanceType?: string; systemDiskGiB?: number } {
    const at = text.indexOf(id);
    assert.ok(at >= 0);
    return readerOf(text).at(at, cloud);
  }

  describe(`Launch context around an image ID (${form})`, () => {
    it('reads a Terraform resource: its instance_type, and the region of the file\'s provider block', () => {
      const text = [
        'provider "alicloud" {',
        '  alias  = "bj"',
        '  region = "cn-beijing"',
        '}',
        'provider "alicloud" {',
        '  region = "cn-shanghai" # the default one',
        '}',
        'resource "alicloud_instance" "web" {',
        '  instance_name = "web {1}"',
        '  tags = { instance_type = "not-this-one" }',
        `  image_id      = "${ALI}"`,
        '  instance_type = "ecs.g8y.large"',
        '}',
      ].join('\n');
      assert.deepEqual(contextOf(text, ALI), { region: 'cn-shanghai', instanceType: 'ecs.g8y.large' });
    });

    it('takes the region of the aliased provider block a resource names with `provider = alicloud.hz`', () => {
      const resource = (name: string, provider?: string): string[] => [
        `resource "alicloud_instance" "${name}" {`,
        ...(provider ? [`  provider      = ${provider}`] : []),
        `  image_id      = "${ALI}" # ${name}`,
        '  instance_type = "ecs.g7.large"',
        '}',
      ];
      const text = [
        'provider "alicloud" {',
        '  region = "cn-shanghai"',
        '}',
        'provider "alicloud" {',
        '  alias  = "hz"',
        '  region = "cn-hangzhou"',
        '}',
        ...resource('aliased', 'alicloud.hz'),
        ...resource('legacy', '"alicloud.hz"'), // Terraform 0.11 quoted it
        ...resource('plain'),
        ...resource('unknownAlias', 'alicloud.nowhere'),
        ...resource('otherCloud', 'huaweicloud.hz'),
      ].join('\n');
      const regionOf = (name: string): string | undefined => readerOf(text).at(text.indexOf(`${ALI}" # ${name}`), 'alibaba').region;
      assert.equal(regionOf('aliased'), 'cn-hangzhou');
      assert.equal(regionOf('legacy'), 'cn-hangzhou');
      assert.equal(regionOf('plain'), 'cn-shanghai', 'no provider named: the block without an alias');
      assert.equal(regionOf('unknownAlias'), undefined, 'an alias no block defines: no region is guessed');
      assert.equal(regionOf('otherCloud'), 'cn-shanghai', "another cloud's provider says nothing about this one");
      // The alias block may come after the resource, and the region of the resource's own block still wins.
      const huawei = [
        'resource "huaweicloud_compute_instance" "a" {',
        '  provider  = huaweicloud.gz',
        `  image_id  = "${HW}"`,
        '}',
        'resource "huaweicloud_compute_instance" "b" {',
        '  provider  = huaweicloud.gz',
        '  region    = "cn-north-4"',
        `  image_id  = "${HW}"`,
        '}',
        'provider "huaweicloud" {',
        '  alias  = "gz"',
        '  region = "cn-south-1"',
        '}',
      ].join('\n');
      const reader = readerOf(huawei);
      assert.equal(reader.at(huawei.indexOf(HW), 'huawei').region, 'cn-south-1');
      assert.equal(reader.at(huawei.lastIndexOf(HW), 'huawei').region, 'cn-north-4');
    });

    it('takes the region of the block itself over the provider\'s, and leaves expressions out', () => {
      const text = `provider "alicloud" {\n  region = "cn-shanghai"\n}\nsource "alicloud-ecs" "x" {\n  region = "cn-hangzhou"\n  source_image = "${ALI}"\n  instance_type = var.type\n}\n`;
      assert.deepEqual(contextOf(text, ALI), { region: 'cn-hangzhou' });
      const expr = `resource "alicloud_instance" "w" {\n  image_id = "${ALI}"\n  instance_type = "\${var.t}"\n}\n`;
      assert.deepEqual(contextOf(expr, ALI), {});
    });

    it('reads Huawei flavors and regions (Terraform, Packer JSON)', () => {
      const tf = `resource "huaweicloud_compute_instance" "a" {\n  region    = "cn-north-4"\n  image_id  = "${HW}"\n  flavor_id = "s6.large.2"\n}\n`;
      assert.deepEqual(contextOf(tf, HW, 'huawei'), { region: 'cn-north-4', instanceType: 's6.large.2' });
      const packer = JSON.stringify({ builders: [{ type: 'huaweicloud-ecs', region: 'cn-south-1', flavor: 'c7.large.2', source_image: HW }] }, undefined, 2);
      assert.deepEqual(contextOf(packer, HW, 'huawei'), { region: 'cn-south-1', instanceType: 'c7.large.2' });
    });

    it('reads YAML by indentation: the ID\'s own level for the type, outer levels for the region', () => {
      const ros = [
        'ROSTemplateFormatVersion: "2015-09-01"',
        'region: cn-hangzhou',
        'Resources:',
        '  Web:',
        '    Type: ALIYUN::ECS::Instance',
        '    Properties:',
        `      ImageId: ${ALI}`,
        '      InstanceType: ecs.g7.large',
        '      Tags:',
        '        - Key: InstanceType',
        '          Value: not-this-one',
        '  Other:',
        '    InstanceType: ecs.c7.large',
      ].join('\n');
      assert.deepEqual(contextOf(ros, ALI), { region: 'cn-hangzhou', instanceType: 'ecs.g7.large' });
      const list = ['servers:', '  - name: a', '    zone: pek3', `    image_id: img-4x9kq2m7`, '    instance_type: c1m1', ''].join('\n');
      assert.deepEqual(contextOf(list, 'img-4x9kq2m7', 'qingcloud'), { region: 'pek3', instanceType: 'c1m1' });
    });

    it('reads the system disk size written beside the ID: Terraform (a bare number), ROS JSON and YAML, RFS', () => {
      const tf = `resource "alicloud_instance" "w" {\n  image_id         = "${ALI}"\n  instance_type    = "ecs.g7.large"\n  system_disk_size = 20\n}\n`;
      assert.deepEqual(contextOf(tf, ALI), { instanceType: 'ecs.g7.large', systemDiskGiB: 20 });
      const quoted = `resource "huaweicloud_compute_instance" "a" {\n  image_id = "${HW}"\n  system_disk_size = "40"\n}\n`;
      assert.deepEqual(contextOf(quoted, HW, 'huawei'), { systemDiskGiB: 40 });
      const ros = JSON.stringify({ Resources: { Web: { Type: 'ALIYUN::ECS::Instance', Properties: { ImageId: ALI, SystemDiskSize: 60, InstanceType: 'ecs.g7.large' } } } }, undefined, 2);
      assert.deepEqual(contextOf(ros, ALI), { instanceType: 'ecs.g7.large', systemDiskGiB: 60 });
      const api = JSON.stringify({ RegionId: 'cn-beijing', ImageId: ALI, 'SystemDisk.Size': '80' });
      assert.deepEqual(contextOf(api, ALI), { region: 'cn-beijing', systemDiskGiB: 80 });
      const yaml = ['instances:', '  - name: web', `    imageId: ${ALI}`, '    systemDiskSize: 100', '    dataDisk:', '      size: 500', ''].join('\n');
      assert.deepEqual(contextOf(yaml, ALI), { systemDiskGiB: 100 });
    });

    it('reads no system disk size from an expression, a fraction, a nested block or a cloud without one', () => {
      const expr = `resource "alicloud_instance" "w" {\n  image_id = "${ALI}"\n  system_disk_size = var.disk\n}\n`;
      assert.deepEqual(contextOf(expr, ALI), {});
      const odd = `resource "alicloud_instance" "w" {\n  image_id = "${ALI}"\n  system_disk_size = "40.5"\n}\n`;
      assert.deepEqual(contextOf(odd, ALI), {});
      const zero = `resource "alicloud_instance" "w" {\n  image_id = "${ALI}"\n  system_disk_size = 0\n}\n`;
      assert.deepEqual(contextOf(zero, ALI), {});
      const nested = `resource "alicloud_instance" "w" {\n  image_id = "${ALI}"\n  data_disks {\n    system_disk_size = 20\n  }\n}\n`;
      assert.deepEqual(contextOf(nested, ALI), {}, "a nested block's keys are not the resource's");
      const qc = `resource "qingcloud_instance" "q" {\n  image_id = "img-4x9kq2m7"\n  system_disk_size = 20\n}\n`;
      assert.deepEqual(contextOf(qc, 'img-4x9kq2m7', 'qingcloud'), {}, 'QingCloud names no smallest system disk');
    });

    it('reads every ID of a minified one-line template of many, asked in file order, and the same asked in any order', () => {
      const ids = Array.from({ length: 600 }, (_, i) => `m-bp${String(i).padStart(18, '0')}`);
      // A window's start falls inside a string here (a walk from it would take strings for code): the walk goes on from the last ID.
      const text = JSON.stringify(ids.map((id) => ({ RegionId: 'cn-hangzhou', ImageId: id, InstanceType: 'ecs.g7.large', 'SystemDisk.Size': 40 })));
      assert.ok(text.length > 4 * 16 * 1024 && !text.includes('\n'), 'several windows long, one line');
      const braced = JSON.stringify(ids.map((id, i) => ({ Name: `web {${i}} "x" }`, ImageId: id, InstanceType: 'ecs.g7.large' })));
      const bracedReader = readerOf(braced);
      ids.forEach((id) => assert.deepEqual(bracedReader.at(braced.indexOf(id), 'alibaba'), { instanceType: 'ecs.g7.large' }, `braces and quotes in strings: ${id}`));
      const want = { region: 'cn-hangzhou', instanceType: 'ecs.g7.large', systemDiskGiB: 40 };
      const reader = readerOf(text);
      ids.forEach((id) => assert.deepEqual(reader.at(text.indexOf(id), 'alibaba'), want, id));
      // A Terraform file read backwards, then the visible middle first and the rest after (the launch checks' order).
      const tf = ids.map((id, i) => `resource "alicloud_instance" "r${i}" {\n  image_id = "${id}"\n  instance_type = "ecs.g${i % 9}.large"\n}\n`).join('');
      const forward = readerOf(tf);
      const inOrder = ids.map((id) => forward.at(tf.indexOf(id), 'alibaba'));
      const mixed = readerOf(tf);
      const order = [...ids.keys()].slice(300, 320).concat([...ids.keys()].reverse());
      order.forEach((n) => assert.deepEqual(mixed.at(tf.indexOf(ids[n]!), 'alibaba'), inOrder[n], ids[n]));
      assert.deepEqual(inOrder[599], { instanceType: 'ecs.g5.large' });
    });

    it('says nothing where the file says nothing, and reads hostile text in a bounded walk', () => {
      assert.deepEqual(contextOf(`image: ${ALI}\n`, ALI), {});
      const hostile = `${'{"a":"\\"'.repeat(50_000)}${'{'.repeat(200_000)} image_id = "${ALI}" ${'}'.repeat(200_000)}region = "x y"`;
      assert.deepEqual(contextOf(hostile, ALI), {});
      const unclosed = `resource "x" "y" {\n  instance_type = "ecs.g7.large\n  image_id = "${ALI}"\n${'"'.repeat(100_000)}`;
      assert.equal(contextOf(unclosed, ALI).region, undefined);
    });

    it('reads a provider block that starts within the first 256 KB, however far on the ID is, and none that starts after', () => {
      const filler = (chars: number): string => `${'# padding line of a long file\n'.repeat(Math.ceil(chars / 30))}`.slice(0, chars);
      const provider = 'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n';
      const resource = `resource "alicloud_instance" "w" {\n  image_id = "${ALI}"\n}\n`;
      // The block opened just before the 256 KB edge, its region written past it, the ID half a megabyte on.
      const near = `${filler(256 * 1024 - 31)}\n${provider}${filler(500_000)}\n${resource}`;
      assert.ok(near.indexOf('{', near.indexOf('provider')) < 256 * 1024 && near.indexOf('cn-hangzhou') > 256 * 1024);
      assert.deepEqual(contextOf(near, ALI), { region: 'cn-hangzhou' });
      const past = `${filler(256 * 1024 + 5)}\n${provider}${resource}`;
      assert.deepEqual(contextOf(past, ALI), {}, 'a provider block past the first 256 KB is not read');
    });

    it('reads every ID of a long file in file order, backwards and in any order, each from its own block', () => {
      const count = 1500;
      const parts: string[] = [];
      for (let i = 0; i < count; i++) {
        // Blocks apart by comments of uneven length, so IDs fall anywhere against windows and pieces.
        parts.push(`# ${'-'.repeat((i * 7919) % 2900)}\nresource "alicloud_instance" "r${i}" {\n  region = "cn-r${i % 5}"\n  image_id = "m-bp${String(i).padStart(18, '0')}"\n  instance_type = "ecs.g${i % 9}.large"\n}\n`);
      }
      const text = parts.join('');
      assert.ok(text.length > 2 * 1024 * 1024, 'longer than many windows');
      const want = (i: number): object => ({ region: `cn-r${i % 5}`, instanceType: `ecs.g${i % 9}.large` });
      const offsets = [...Array(count).keys()].map((i) => text.indexOf(`m-bp${String(i).padStart(18, '0')}`));
      const forward = readerOf(text);
      offsets.forEach((at, i) => assert.deepEqual(forward.at(at, 'alibaba'), want(i), `forward ${i}`));
      const backward = readerOf(text);
      [...offsets.keys()].reverse().forEach((i) => assert.deepEqual(backward.at(offsets[i]!, 'alibaba'), want(i), `backward ${i}`));
      const jumping = readerOf(text);
      [...offsets.keys()].map((i) => (i * 613) % count).forEach((i) => assert.deepEqual(jumping.at(offsets[i]!, 'alibaba'), want(i), `jumping ${i}`));
    });

    it('reads the text in bounded windows, never the whole of it, each character about once for IDs in file order', () => {
      const lines = Array.from({ length: 60_000 }, (_, i) => (i % 40 === 0 ? `  image_id: m-bp${String(i).padStart(18, '0')}` : `log line ${i} ${'x'.repeat(i % 50)}`));
      const text = lines.join('\n');
      const source = sourceOf(text);
      const sliced: number[] = [];
      const reader = new LaunchContextReader({ length: source.length, slice: (from, to) => (sliced.push(Math.min(to, source.length) - from), source.slice(from, to)) });
      for (let at = text.indexOf('m-bp'); at >= 0; at = text.indexOf('m-bp', at + 1)) {
        assert.deepEqual(reader.at(at, 'alibaba'), {});
      }
      assert.ok(text.length > 2 * 1024 * 1024);
      assert.ok(Math.max(...sliced) <= 300 * 1024, `the largest read is a window: ${Math.max(...sliced)}`);
      const total = sliced.reduce((a, b) => a + b, 0);
      assert.ok(total < 2 * text.length, `IDs in file order share windows: ${total} characters read of ${text.length}`);
    });
  });
}
