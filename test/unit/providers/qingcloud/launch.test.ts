// Which images a QingCloud instance type can launch: each image's processor_type (a 32-bit image uses at
// most 4 GiB) and recommended_type (the smallest type it is meant for), read by DescribeImages by id; a
// type of a form the rule cannot read is not judged. Over real sockets against the emulator, and the
// rule itself on images made to order.
import { strict as assert } from 'assert';
import type { Image } from '../../../../src/providers/core/model';
import type { ImageProvider } from '../../../../src/providers/core/provider';
import { shapeFits, shapeOf } from '../../../../src/providers/qingcloud/launch';
import { CloudSandbox } from '../../helpers/cloudSandbox';

const Z = 'sh1a';

function image(raw: Record<string, unknown>): Image {
  return { id: 'x', name: 'x', regionId: Z, status: 'available', owner: 'self', tags: [], raw };
}

describe('QingCloud instance types against images (against the emulator)', () => {
  const sandbox = new CloudSandbox({});
  let provider: ImageProvider;
  before(async () => {
    await sandbox.start();
    provider = sandbox.providerOf('qingcloud');
  });
  after(() => sandbox.stop());

  it('flags a 32-bit image on a type with more than 4 GiB and a Windows image below its recommended type, by ids in one request', async () => {
    const listed = (await provider.listImages({ regionId: Z, pageSize: 100, raw: true })).items;
    const own = (await provider.listImages({ regionId: Z, pageSize: 100, raw: true, filter: { owner: 'self', status: 'available' } })).items;
    const bits32 = own.find((i) => i.raw?.['processor_type'] === '32bit');
    const bits64 = own.find((i) => i.raw?.['processor_type'] === '64bit' && i.raw['recommended_type'] === 'c1m1');
    const windows = listed.find((i) => i.raw?.['recommended_type'] === 'c1m2' && i.raw['processor_type'] === '64bit');
    assert.ok(bits32 && bits64 && windows, 'a 32-bit, a 64-bit and a Windows image in the zone');
    const ids = [bits32.id, bits64.id, windows.id];
    const mark = sandbox.emulator.requestLog.length;
    assert.deepEqual([...(await provider.launch!.unsupported(Z, 'c2m8', ids))!], [bits32.id]);
    assert.equal(sandbox.emulator.requestsSince(mark).filter((r) => r.operation === 'DescribeImages').length, 1, 'one DescribeImages for the three ids');
    assert.deepEqual([...(await provider.launch!.unsupported(Z, 'c1m1', ids))!], [windows.id]);
    assert.deepEqual([...(await provider.launch!.unsupported(Z, 'c1m2', ids))!], []);
    assert.deepEqual([...(await provider.launch!.unsupported(Z, 'c2m8', ids))!].sort(), [bits32.id].sort());
    assert.deepEqual([...(await provider.launch!.unsupported(Z, 'small_b', ids))!], [], 'a name that does not say its size is not judged');
    const before = sandbox.emulator.requestLog.length;
    assert.deepEqual([...(await provider.launch!.unsupported(Z, 's1.small.r1', ids))!], [], 'a type of another form is not judged');
    assert.equal(sandbox.emulator.requestsSince(before).length, 0, 'and costs no request');
  });

  it('reads cores and memory from c<n>m<n> and the classic names', () => {
    assert.deepEqual(shapeOf('c4m16'), { cores: 4, memoryGiB: 16 });
    assert.equal(shapeOf('large_b'), undefined);
    assert.equal(shapeOf('c4m16; rm -rf'), undefined);
    assert.equal(shapeFits({ cores: 1, memoryGiB: 4 }, image({ processor_type: '32bit', recommended_type: 'c1m1' })), true);
    assert.equal(shapeFits({ cores: 2, memoryGiB: 6 }, image({ processor_type: '32bit' })), false);
    assert.equal(shapeFits({ cores: 1, memoryGiB: 4 }, image({ processor_type: '64bit', recommended_type: 'c2m2' })), false, 'fewer cores than recommended');
  });
});
