// Import Image… of the other kinds in the real extension host against the sandbox: a Huawei data disk
// image from an OBS file (dataimages/action) and an Alibaba system disk image with two data disks
// (DiskDeviceMapping.2..3), each chosen as the kind of image, the job followed to the new image in the tree.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../../src/extension';
import { api, imageNamed, sandboxRegion, until } from '../helpers';
import { testInput } from '../../userInput/testUserInput';


async function importDone(a: ExtensionApi, name: string): Promise<void> {
  const job = await until(`the import of ${name} to be tracked`, () => a.jobs.list().find((j) => j.kind === 'import' && j.imageName === name));
  await until(`the import of ${name} to succeed`, () => a.jobs.list().find((j) => j.jobId === job.jobId && j.state === 'succeeded'), 60_000);
}

describe('Import Image… of data disks (real extension host)', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
  });
  afterEach(() => {
    testInput.clearScript();
  });

  it('Huawei: a data disk image from an OBS file, sent once, followed to the new data image', async () => {
    const region = await sandboxRegion(a, 'huawei', 'cn-north-4');
    const emulator = await a.sandbox();
    const mark = emulator.requestLog.length;
    const shown = testInput.shown.length;
    // Kind, bucket, file, name, description, size (39 refused as typed), encryption.
    testInput.script('Data disk image', 'ci-obs-images', 'builds/data.qcow2', 'ci data disk', '', '39', '100', 'Not encrypted');
    await vscode.commands.executeCommand('cloudImageExplorer.importImage', region);
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');
    const prompts = testInput.shown.slice(shown);
    assert.deepEqual(prompts[0]?.items, ['System disk image', 'Data disk image']);
    assert.ok(!prompts.some((p) => p.text === 'Operating system of the image'), 'no OS or architecture for a data disk');
    const size = prompts.find((p) => /^Data disk size in GiB \(40 to 2048\)/.test(p.text));
    assert.match(size?.refused[0] ?? '', /from 40 to 2048/);
    assert.deepEqual(emulator.requestsSince(mark).filter((r) => r.method === 'POST' && r.operation === 'CreateDataImage').map((r) => r.status), [200]);
    await importDone(a, 'ci data disk');
    const node = await until('the data image, active', async () => {
      const n = await imageNamed(a, region, 'ci data disk');
      return n?.image.status === 'active' ? n : undefined;
    });
    const image = await (await a.provider(node.account)).getImage!('cn-north-4', node.image.id);
    assert.equal(image?.raw?.['virtual_env_type'], 'DataImage');
    assert.equal(image?.raw?.['min_disk'], 100);
  });

  it('Alibaba: a system disk image with two data disks, each file, format and size asked, followed to the new image', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-shenzhen');
    testInput.script(
      'System disk image with data disks',
      'ci-import-bucket', 'builds/app.qcow2', 'ci-with-data-disks', '',
      'QCOW2', 'linux', 'Ubuntu', 'x86_64', '40',
      'builds/data-1.raw', 'RAW', '100',
      'builds/data-2.vhd', 'VHD', '200',
      '', // no more data disks
    );
    await vscode.commands.executeCommand('cloudImageExplorer.importImage', region);
    assert.equal(testInput.pending.length, 0, 'every scripted answer was used');
    await importDone(a, 'ci-with-data-disks');
    const node = await until('the new image, Available', async () => {
      const n = await imageNamed(a, region, 'ci-with-data-disks');
      return n?.image.status === 'Available' ? n : undefined;
    });
    const image = await (await a.provider(node.account)).getImage!('cn-shenzhen', node.image.id);
    const disks = (image?.raw?.['DiskDeviceMappings'] as { DiskDeviceMapping: Array<Record<string, unknown>> }).DiskDeviceMapping;
    assert.deepEqual(
      disks.map((d) => [d['Type'], d['ImportOSSObject'], d['Size']]),
      [
        ['system', 'builds/app.qcow2', '40'],
        ['data', 'builds/data-1.raw', '100'],
        ['data', 'builds/data-2.vhd', '200'],
      ],
    );
  });
});
