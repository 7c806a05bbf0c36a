// What a local disk-image file is, from its bytes (a few KiB at known offsets, never the whole file):
// qcow2, VHD (footer), VHDX (metadata region), VMDK (sparse header or text descriptor), ISO 9660, and
// raw by size; the virtual disk size each declares; and an extension the header contradicts.
import * as fs from 'fs';
import * as path from 'path';

export type DiskFormat = 'qcow2' | 'vhd' | 'vhdx' | 'vmdk' | 'iso' | 'raw' | 'zvhd2';

export interface DiskImageInfo {
  readonly format: DiskFormat;
  /** Bytes of the disk the image describes (raw and ISO: the file's own size); undefined where the header does not say (zvhd2). */
  readonly virtualSize?: number;
  readonly fileSize: number;
  /** The format the file name's extension names, if it names one. */
  readonly extensionFormat?: DiskFormat;
  /** The extension says one format and the header another (e.g. a qcow2 named .vhd). */
  readonly contradicts: boolean;
  /** VHD: fixed / dynamic / differencing; VMDK: sparse / descriptor. */
  readonly variant?: string;
}

const EXTENSIONS: Readonly<Record<string, DiskFormat>> = {
  '.qcow2': 'qcow2',
  '.vhd': 'vhd',
  '.vhdx': 'vhdx',
  '.vmdk': 'vmdk',
  '.iso': 'iso',
  '.raw': 'raw',
  '.img': 'raw',
  '.zvhd2': 'zvhd2',
};

/** The file extensions the product offers to import. */
export const DISK_IMAGE_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

async function readAt(fd: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(Math.max(0, length));
  const { bytesRead } = await fd.read(buf, 0, buf.length, position);
  return buf.subarray(0, bytesRead);
}

const VHD_TYPES: Readonly<Record<number, string>> = { 2: 'fixed', 3: 'dynamic', 4: 'differencing' };

/** A GUID as VHDX writes it (the first three fields little-endian). */
function guid(text: string): Buffer {
  const hex = text.replace(/-/g, '');
  const b = Buffer.from(hex, 'hex');
  return Buffer.concat([Buffer.from(b.subarray(0, 4)).reverse(), Buffer.from(b.subarray(4, 6)).reverse(), Buffer.from(b.subarray(6, 8)).reverse(), b.subarray(8)]);
}

const VHDX_METADATA_REGION = guid('8B7CA206-4790-4B9A-B8FE-575F050F886E');
const VHDX_VIRTUAL_DISK_SIZE = guid('2FA54224-CD1B-4876-B211-5DBED83BF4B8');

/** The virtual size from a VHDX's region table (at 192 KiB) and metadata table. */
async function vhdxSize(fd: fs.promises.FileHandle): Promise<number | undefined> {
  const table = await readAt(fd, 192 * 1024, 64 * 1024);
  if (table.toString('latin1', 0, 4) !== 'regi') {
    return undefined;
  }
  const count = table.readUInt32LE(8);
  for (let i = 0; i < Math.min(count, 2047); i++) {
    const e = 16 + i * 32;
    if (table.subarray(e, e + 16).equals(VHDX_METADATA_REGION)) {
      const offset = Number(table.readBigUInt64LE(e + 16));
      const meta = await readAt(fd, offset, 64 * 1024);
      if (meta.toString('latin1', 0, 8) !== 'metadata') {
        return undefined;
      }
      const entries = meta.readUInt16LE(10);
      for (let j = 0; j < Math.min(entries, 2047); j++) {
        const m = 32 + j * 32;
        if (meta.subarray(m, m + 16).equals(VHDX_VIRTUAL_DISK_SIZE)) {
          const at = meta.readUInt32LE(m + 16);
          return Number((await readAt(fd, offset + at, 8)).readBigUInt64LE(0));
        }
      }
    }
  }
  return undefined;
}

/** The sum of a VMDK descriptor's extents (`RW <sectors> SPARSE|FLAT|… "file"`), in bytes. */
function descriptorSize(text: string): number | undefined {
  let sectors = 0;
  let found = false;
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:RW|RDONLY|NOACCESS)\s+(\d+)\s+\w+/.exec(line);
    if (m) {
      sectors += Number(m[1]);
      found = true;
    }
  }
  return found ? sectors * 512 : undefined;
}

async function sniff(fd: fs.promises.FileHandle, size: number): Promise<Omit<DiskImageInfo, 'fileSize' | 'extensionFormat' | 'contradicts'>> {
  const head = await readAt(fd, 0, 4096);
  if (head.length >= 32 && head.readUInt32BE(0) === 0x514649fb) {
    return { format: 'qcow2', virtualSize: Number(head.readBigUInt64BE(24)), variant: `v${head.readUInt32BE(4)}` };
  }
  if (head.toString('latin1', 0, 8) === 'vhdxfile') {
    return { format: 'vhdx', virtualSize: await vhdxSize(fd) };
  }
  if (head.length >= 20 && head.toString('latin1', 0, 4) === 'KDMV') {
    return { format: 'vmdk', virtualSize: Number(head.readBigUInt64LE(12)) * 512, variant: 'sparse' };
  }
  if (head.toString('latin1', 0, 64).includes('# Disk DescriptorFile')) {
    return { format: 'vmdk', virtualSize: descriptorSize(head.toString('latin1')), variant: 'descriptor' };
  }
  // A VHD's footer is its last 512 bytes (a dynamic disk also has a copy at the start).
  const footer = size >= 512 ? await readAt(fd, size - 512, 512) : Buffer.alloc(0);
  const vhd = footer.toString('latin1', 0, 8) === 'conectix' ? footer : head.toString('latin1', 0, 8) === 'conectix' ? head : undefined;
  if (vhd && vhd.length >= 64) {
    return { format: 'vhd', virtualSize: Number(vhd.readBigUInt64BE(48)), variant: VHD_TYPES[vhd.readUInt32BE(60)] ?? 'unknown' };
  }
  if (size >= 32774 && (await readAt(fd, 32769, 5)).toString('latin1') === 'CD001') {
    return { format: 'iso', virtualSize: size };
  }
  return { format: 'raw', virtualSize: size };
}

/** Reads a disk image's header; the file must exist and be readable (errors are the file system's). */
export async function readDiskImage(file: string): Promise<DiskImageInfo> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const { size } = await fd.stat();
    const extensionFormat = EXTENSIONS[path.extname(file).toLowerCase()];
    let found = await sniff(fd, size);
    // ZVHD2 (Huawei) has no header this product reads: a file named so that shows no other format is taken at its word.
    if (extensionFormat === 'zvhd2' && found.format === 'raw') {
      found = { format: 'zvhd2' };
    }
    // An .img or .raw holding an ISO 9660 image is no contradiction (both are raw bytes to the clouds).
    const same = (a: DiskFormat, b: DiskFormat | undefined): boolean => b === undefined || a === b || (b === 'raw' && a === 'iso');
    return { ...found, fileSize: size, ...(extensionFormat ? { extensionFormat } : {}), contradicts: !same(found.format, extensionFormat) };
  } finally {
    await fd.close();
  }
}
