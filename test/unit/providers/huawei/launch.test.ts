// Which images a Huawei flavor can launch: one flavor listing of the region (ListFlavors), set against
// each image's architecture, minimum memory and __support_* flags; a flavor the region does not list is
// unknown. Over real sockets against the emulator, and the rule itself on images made to order.
import { strict as assert } from 'assert';
import type { Image } from '../../../../src/providers/core/model';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { flavorFits } from '../../../../src/providers/huawei/launch';
import { CloudSandbox } from '../../helpers/cloudSandbox';

const R = 'cn-north-4';

function image(raw: Record<string, unknown>): Image {
  return { id: 'x', name: 'x', regionId: R, status: 'active', owner: 'self', tags: [], raw };
}

describe('Huawei flavors against images (against the emulator)', () => {
  const sandbox = new CloudSandbox({});
  let provider: ImageProvider;
  before(async () => {
    await sandbox.start();
    provider = sandbox.providerOf('huawei');
  });
  after(() => sandbox.stop());

  it('flags x86 images on a Kunpeng flavor and arm images on an x86 one, with one flavor listing; an unknown flavor is undefined', async () => {
    const listed = (await provider.listImages({ regionId: R, pageSize: 500, raw: true })).items;
    const x86 = listed.find((i) => i.raw?.['architecture'] === 'x86');
    const arm = listed.find((i) => i.raw?.['architecture'] === 'arm');
    assert.ok(x86 && arm, 'an x86 and an arm image in the region');
    const mark = sandbox.emulator.requestLog.length;
    assert.deepEqual([...(await provider.launch!.unsupported(R, 'kc1.large.2', [x86.id, arm.id]))!], [x86.id]);
    const flavorCalls = sandbox.emulator.requestsSince(mark).filter((r) => r.operation === 'ListFlavors');
    assert.equal(flavorCalls.length, 1);
    assert.deepEqual([...(await provider.launch!.unsupported(R, 's6.large.2', [x86.id, arm.id]))!], [arm.id]);
    assert.equal(await provider.launch!.unsupported(R, 'zz9.huge.99', [x86.id]), undefined);
  });

  it('weighs minimum memory and the flag a flavor family needs', () => {
    const small = { ramMb: 1024, arm: false, performanceType: 'normal' };
    const disk = { ramMb: 16384, arm: false, performanceType: 'diskintensive' };
    assert.equal(flavorFits(small, image({ architecture: 'x86', min_ram: 2048 })), false);
    assert.equal(flavorFits(small, image({ architecture: 'x86', min_ram: 1024 })), true);
    assert.equal(flavorFits(disk, image({ architecture: 'x86', min_ram: 0 })), false);
    assert.equal(flavorFits(disk, image({ architecture: 'x86', __support_diskintensive: 'true' })), true);
  });

  it("weighs the image's minimum disk against a flavor that names a system disk size, unless the file gives its own", () => {
    const sized = { ramMb: 4096, arm: false, performanceType: 'normal', diskGiB: 40 };
    const unlimited = { ...sized, diskGiB: 0 };
    const big = image({ architecture: 'x86', min_disk: 100 });
    assert.equal(flavorFits(sized, big), false, 'a 100 GB image on a 40 GB flavor');
    assert.equal(flavorFits(sized, image({ architecture: 'x86', min_disk: 40 })), true);
    assert.equal(flavorFits(unlimited, big), true, 'disk 0: no limit');
    assert.equal(flavorFits(sized, big, 200), true, "the file's own system disk is judged by the editor, not here");
  });
});
