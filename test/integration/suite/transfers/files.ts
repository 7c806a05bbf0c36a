// What the image-file tests share (the transfers suite and the reload suite): a sparse qcow2 file, a
// transfer found by its local path, an image found by name across a region's pages.
import * as fs from 'fs';
import * as path from 'path';
import type { ExtensionApi } from '../../../../src/extension';
import type { TransferJob } from '../../../../src/jobs/transferModel';
import type { ImageNode, RegionNode } from '../../../../src/tree/nodes';
import { imageNamed, until } from '../helpers';

export const MiB = 1024 * 1024;

/** A sparse qcow2 file of `size` bytes declaring a 20 GiB disk. */
export function qcow2(dir: string, name: string, size: number): string {
  const file = path.join(dir, name);
  const head = Buffer.alloc(512);
  head.writeUInt32BE(0x514649fb, 0);
  head.writeUInt32BE(3, 4);
  head.writeBigUInt64BE(BigInt(20 * 1024 ** 3), 24);
  fs.writeFileSync(file, head);
  fs.truncateSync(file, size);
  return file;
}

export function transferOf(a: ExtensionApi, local: string): TransferJob | undefined {
  return a.transfers.list().find((j) => j.local === local);
}


/** The transfer of this local path, once its run has ended. */
export async function transferEnded(a: ExtensionApi, local: string): Promise<TransferJob> {
  const job = await until(`the transfer of ${local}`, () => transferOf(a, local));
  return (await a.transfers.settled(job.id))!;
}

/** The import after an upload, followed to its success and to the new image ready in the tree. */
export async function importedImage(a: ExtensionApi, region: RegionNode, name: string, ready: string): Promise<ImageNode> {
  const job = await until(`the import job of ${name}`, () => a.jobs.list().find((j) => j.kind === 'import' && j.imageName === name));
  await until(`the import of ${name} to succeed`, () => a.jobs.list().find((j) => j.jobId === job.jobId && j.state === 'succeeded'), 60_000);
  return until(`${name} ready in the tree`, async () => {
    const n = await imageNamed(a, region, name);
    return n?.image.status === ready ? n : undefined;
  });
}
