// Disk-image headers read from small generated files (sparse where the size matters), and what each
// cloud would refuse of them, before any upload.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ALIBABA_FILE_IMPORT } from '../../../../src/providers/alibaba/fileImport';
import { HUAWEI_FILE_IMPORT } from '../../../../src/providers/huawei/fileImport';
import { readDiskImage } from '../../../../src/providers/storage/diskImage';
import { checkImageFile, checkImportBucket } from '../../../../src/providers/storage/fileImport';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/** A sparse file of `size` bytes with `chunks` written at their offsets. */
function sparse(dir: string, name: string, size: number, chunks: ReadonlyArray<[number, Buffer]>): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, '');
  fs.truncateSync(file, size);
  const fd = fs.openSync(file, 'r+');
  for (const [at, b] of chunks) {
    fs.writeSync(fd, b, 0, b.length, at);
  }
  fs.closeSync(fd);
  return file;
}

function qcow2Header(virtual: number): Buffer {
  const b = Buffer.alloc(104);
  b.writeUInt32BE(0x514649fb, 0);
  b.writeUInt32BE(3, 4);
  b.writeBigUInt64BE(BigInt(virtual), 24);
  return b;
}

function vhdFooter(virtual: number, type: number): Buffer {
  const b = Buffer.alloc(512);
  b.write('conectix', 0, 'latin1');
  b.writeBigUInt64BE(BigInt(virtual), 40);
  b.writeBigUInt64BE(BigInt(virtual), 48);
  b.writeUInt32BE(type, 60);
  return b;
}

function guidBytes(text: string): Buffer {
  const b = Buffer.from(text.replace(/-/g, ''), 'hex');
  return Buffer.concat([Buffer.from(b.subarray(0, 4)).reverse(), Buffer.from(b.subarray(4, 6)).reverse(), Buffer.from(b.subarray(6, 8)).reverse(), b.subarray(8)]);
}

describe('Disk image headers', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-disk-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a qcow2 virtual size from its header', async () => {
    const info = await readDiskImage(sparse(dir, 'a.qcow2', 2 * MiB, [[0, qcow2Header(20 * GiB)]]));
    assert.deepStrictEqual([info.format, info.virtualSize, info.contradicts, info.fileSize], ['qcow2', 20 * GiB, false, 2 * MiB]);
  });

  it('reads a fixed VHD from its footer and a dynamic one from its copy at the start', async () => {
    const fixed = await readDiskImage(sparse(dir, 'fixed.vhd', 10 * MiB + 512, [[10 * MiB, vhdFooter(10 * MiB, 2)]]));
    assert.deepStrictEqual([fixed.format, fixed.virtualSize, fixed.variant], ['vhd', 10 * MiB, 'fixed']);
    const dyn = await readDiskImage(sparse(dir, 'dyn.vhd', 3 * MiB, [[0, vhdFooter(40 * GiB, 3)], [3 * MiB - 512, vhdFooter(40 * GiB, 3)]]));
    assert.deepStrictEqual([dyn.format, dyn.virtualSize, dyn.variant], ['vhd', 40 * GiB, 'dynamic']);
  });

  it('reads a VHDX virtual size from its region and metadata tables', async () => {
    const region = Buffer.alloc(48);
    region.write('regi', 0, 'latin1');
    region.writeUInt32LE(1, 8);
    guidBytes('8B7CA206-4790-4B9A-B8FE-575F050F886E').copy(region, 16);
    region.writeBigUInt64LE(BigInt(MiB), 32);
    const meta = Buffer.alloc(64);
    meta.write('metadata', 0, 'latin1');
    meta.writeUInt16LE(1, 10);
    guidBytes('2FA54224-CD1B-4876-B211-5DBED83BF4B8').copy(meta, 32);
    meta.writeUInt32LE(65536, 48);
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(BigInt(60 * GiB));
    const file = sparse(dir, 'c.vhdx', 2 * MiB, [[0, Buffer.from('vhdxfile', 'latin1')], [192 * 1024, region], [MiB, meta], [MiB + 65536, size]]);
    const info = await readDiskImage(file);
    assert.deepStrictEqual([info.format, info.virtualSize], ['vhdx', 60 * GiB]);
  });

  it('reads a sparse VMDK header and a VMDK descriptor\'s extents', async () => {
    const h = Buffer.alloc(64);
    h.write('KDMV', 0, 'latin1');
    h.writeUInt32LE(1, 4);
    h.writeBigUInt64LE(BigInt((8 * GiB) / 512), 12);
    const sparseVmdk = await readDiskImage(sparse(dir, 'd.vmdk', MiB, [[0, h]]));
    assert.deepStrictEqual([sparseVmdk.format, sparseVmdk.virtualSize, sparseVmdk.variant], ['vmdk', 8 * GiB, 'sparse']);
    const text = '# Disk DescriptorFile\nversion=1\ncreateType="twoGbMaxExtentSparse"\nRW 4192256 SPARSE "d-s001.vmdk"\nRW 2048 SPARSE "d-s002.vmdk"\n';
    const desc = await readDiskImage(sparse(dir, 'e.vmdk', text.length, [[0, Buffer.from(text)]]));
    assert.deepStrictEqual([desc.format, desc.virtualSize, desc.variant], ['vmdk', (4192256 + 2048) * 512, 'descriptor']);
  });

  it('takes raw and img by size, knows an ISO, and takes a .zvhd2 at its word', async () => {
    const raw = await readDiskImage(sparse(dir, 'f.img', 3 * GiB, []));
    assert.deepStrictEqual([raw.format, raw.virtualSize, raw.contradicts], ['raw', 3 * GiB, false]);
    const iso = await readDiskImage(sparse(dir, 'g.iso', MiB, [[32769, Buffer.from('CD001', 'latin1')]]));
    assert.deepStrictEqual([iso.format, iso.contradicts], ['iso', false]);
    const z = await readDiskImage(sparse(dir, 'h.zvhd2', MiB, [[0, Buffer.from('not a header this reads')]]));
    assert.deepStrictEqual([z.format, z.virtualSize, z.contradicts], ['zvhd2', undefined, false]);
  });

  it('reports a header that contradicts the extension', async () => {
    const info = await readDiskImage(sparse(dir, 'really-qcow2.vhd', MiB, [[0, qcow2Header(10 * GiB)]]));
    assert.deepStrictEqual([info.format, info.extensionFormat, info.contradicts], ['qcow2', 'vhd', true]);
    assert.deepStrictEqual(checkImageFile(ALIBABA_FILE_IMPORT, info), [{ code: 'headerContradicts', extension: 'vhd', header: 'qcow2' }]);
  });
});

describe('What each cloud refuses of a file and a bucket, before any upload', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-disk-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a format the cloud does not import', async () => {
    const iso = await readDiskImage(sparse(dir, 'x.iso', MiB, [[32769, Buffer.from('CD001', 'latin1')]]));
    assert.deepStrictEqual(checkImageFile(HUAWEI_FILE_IMPORT, iso), [{ code: 'formatRefused', format: 'iso', accepted: ['vmdk', 'vhd', 'raw', 'qcow2', 'vhdx', 'zvhd2'] }]);
    const z = await readDiskImage(sparse(dir, 'x.zvhd2', MiB, []));
    assert.deepStrictEqual(checkImageFile(ALIBABA_FILE_IMPORT, z).map((p) => p.code), ['formatRefused']);
    assert.deepStrictEqual(checkImageFile(HUAWEI_FILE_IMPORT, z), []);
  });

  it('Huawei: a qcow2 file over 128 GB is refused, a raw one of the same size is not (fast import, 1 TB)', async () => {
    const q = await readDiskImage(sparse(dir, 'big.qcow2', 200 * GiB, [[0, qcow2Header(300 * GiB)]]));
    assert.deepStrictEqual(checkImageFile(HUAWEI_FILE_IMPORT, q).map((p) => p.code), ['fileTooLarge']);
    const r = await readDiskImage(sparse(dir, 'big.raw', 200 * GiB, []));
    assert.deepStrictEqual(checkImageFile(HUAWEI_FILE_IMPORT, r), []);
  });

  it('refuses a virtual disk outside the cloud\'s range, and an empty file', async () => {
    const q = await readDiskImage(sparse(dir, 'huge.qcow2', MiB, [[0, qcow2Header(4096 * GiB)]]));
    assert.deepStrictEqual(checkImageFile(ALIBABA_FILE_IMPORT, q), [{ code: 'diskSizeOutOfRange', sizeGiB: 4096, min: 5, max: 2048 }]);
    const empty = await readDiskImage(sparse(dir, 'empty.raw', 0, []));
    assert.deepStrictEqual(checkImageFile(ALIBABA_FILE_IMPORT, empty), [{ code: 'fileEmpty' }]);
  });

  it('Huawei wants a Standard bucket in the image\'s region; Alibaba any class in the region', () => {
    const warm = { name: 'cie-obs-warm', region: 'cn-north-4', storageClass: 'InfrequentAccess' as const };
    assert.strictEqual(checkImportBucket(HUAWEI_FILE_IMPORT, warm, 'cn-north-4')?.code, 'bucketNotStandard');
    assert.strictEqual(checkImportBucket(ALIBABA_FILE_IMPORT, { ...warm, region: 'cn-hangzhou' }, 'cn-hangzhou'), undefined);
    assert.strictEqual(checkImportBucket(ALIBABA_FILE_IMPORT, { name: 'b-ok', region: 'cn-shanghai', storageClass: 'Standard' }, 'cn-hangzhou')?.code, 'bucketOtherRegion');
    assert.strictEqual(checkImportBucket(HUAWEI_FILE_IMPORT, { name: 'Bad_Bucket', region: 'cn-north-4', storageClass: 'Standard' }, 'cn-north-4')?.code, 'bucketName');
  });
});
