// How the sandbox's image imports and exports meet its object stores. An import that names one of the
// store's buckets reads its object: a missing object, a bucket of another region (or, where the cloud
// requires it, of another class than Standard) is refused as the cloud does. A bucket the store does
// not know keeps the sandbox's older rule (any exists but missing-*), so earlier tests and demos still
// work. An export writes a small object of the chosen format (a valid header, sparse disk) so that a
// download has bytes to fetch; a bucket the store does not know is created in the image's region.
import type { StorageCloud } from '../../providers/storage/types';
import type { SandboxObjectStore } from './store';

/** What the emulator gives its cloud handlers (KeyStore.storage). */
export interface SandboxObjectStores {
  readonly stores: Readonly<Record<StorageCloud, SandboxObjectStore>>;
}

export type ImportFileCheck = 'ok' | 'noObject' | 'otherRegion' | 'notStandard';

export function checkImportFile(stores: SandboxObjectStores | undefined, cloud: StorageCloud, region: string, bucket: string, key: string, standardOnly: boolean): ImportFileCheck {
  const b = stores?.stores[cloud].buckets.get(bucket);
  if (!b) {
    return 'ok';
  }
  if (b.region !== region) {
    return 'otherRegion';
  }
  if (standardOnly && b.storageClass.toUpperCase() !== 'STANDARD') {
    return 'notStandard';
  }
  return b.objects.has(key) ? 'ok' : 'noObject';
}

const STANDARD: Readonly<Record<StorageCloud, string>> = { alibaba: 'Standard', huawei: 'STANDARD' };

/** A few KiB that read as a disk image of `format` declaring `virtualBytes` (qcow2 and VHD headers; raw and others as zeros). */
export function exportedBytes(format: string, virtualBytes: number): Buffer {
  const body = Buffer.alloc(64 * 1024);
  if (format === 'qcow2') {
    body.writeUInt32BE(0x514649fb, 0);
    body.writeUInt32BE(3, 4);
    body.writeBigUInt64BE(BigInt(virtualBytes), 24);
  } else if (format === 'vhd') {
    const footer = body.subarray(body.length - 512);
    footer.write('conectix', 0, 'latin1');
    footer.writeBigUInt64BE(BigInt(virtualBytes), 48);
    footer.writeUInt32BE(2, 60);
  }
  return body;
}

/** Writes an exported image file as an object; returns its key. */
export function writeExport(stores: SandboxObjectStores | undefined, cloud: StorageCloud, region: string, bucket: string, key: string, format: string, diskGiB: number): string | undefined {
  const store = stores?.stores[cloud];
  if (!store) {
    return undefined;
  }
  if (!store.buckets.has(bucket)) {
    store.addBucket({ name: bucket, region, storageClass: STANDARD[cloud] });
  }
  store.putBytes(bucket, key, exportedBytes(format, Math.max(1, diskGiB) * 1024 ** 3));
  return key;
}
