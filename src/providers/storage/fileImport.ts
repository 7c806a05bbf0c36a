// What a cloud will refuse of a local image file and of a bucket, told before any upload. The rules are
// data in each cloud's table (alibaba/fileImport.ts, huawei/fileImport.ts), built on its ImportRules
// (bucket and object names, disk size range); this file only applies them.
import type { ImportRules, InputProblem } from '../core/rules';
import type { DiskFormat, DiskImageInfo } from './diskImage';
import type { Bucket } from './types';

const GiB = 1024 ** 3;

export interface FileImportRules {
  /** The cloud's names, sizes and disk range, as for an import from a bucket. */
  readonly base: ImportRules;
  /** The formats the cloud imports a file of, and the value its API takes for each. */
  readonly formats: Readonly<Partial<Record<DiskFormat, string>>>;
  /** The largest file, in bytes, per format (a format not listed: `maxFileBytes`). */
  readonly maxFileBytes: number;
  readonly maxFileBytesByFormat?: Readonly<Partial<Record<DiskFormat, number>>>;
  /** The bucket must be in the image's region, and (Huawei) of the Standard class. */
  readonly bucketSameRegion: boolean;
  readonly bucketStandardOnly: boolean;
}

export type FileProblem =
  | { readonly code: 'fileEmpty' }
  | { readonly code: 'headerContradicts'; readonly extension: DiskFormat; readonly header: DiskFormat }
  | { readonly code: 'formatRefused'; readonly format: DiskFormat; readonly accepted: readonly DiskFormat[] }
  | { readonly code: 'fileTooLarge'; readonly size: number; readonly max: number; readonly format: DiskFormat }
  | { readonly code: 'diskSizeOutOfRange'; readonly sizeGiB: number; readonly min: number; readonly max: number };

export type BucketProblem =
  | { readonly code: 'bucketOtherRegion'; readonly bucket: string; readonly region: string; readonly wanted: string }
  | { readonly code: 'bucketNotStandard'; readonly bucket: string; readonly storageClass: Bucket['storageClass'] }
  | { readonly code: 'bucketName'; readonly problem: InputProblem };

/** The virtual disk size in whole GiB, rounded up (the clouds size disks in GiB). */
export function diskGiB(info: DiskImageInfo): number | undefined {
  return info.virtualSize === undefined ? undefined : Math.max(1, Math.ceil(info.virtualSize / GiB));
}

/** Every reason the cloud would refuse this file, in the order a user fixes them. */
export function checkImageFile(rules: FileImportRules, info: DiskImageInfo): FileProblem[] {
  const out: FileProblem[] = [];
  if (info.fileSize === 0) {
    return [{ code: 'fileEmpty' }];
  }
  if (info.contradicts && info.extensionFormat) {
    out.push({ code: 'headerContradicts', extension: info.extensionFormat, header: info.format });
  }
  if (rules.formats[info.format] === undefined) {
    out.push({ code: 'formatRefused', format: info.format, accepted: Object.keys(rules.formats) as DiskFormat[] });
  }
  const max = rules.maxFileBytesByFormat?.[info.format] ?? rules.maxFileBytes;
  if (info.fileSize > max) {
    out.push({ code: 'fileTooLarge', size: info.fileSize, max, format: info.format });
  }
  const gib = diskGiB(info);
  if (gib !== undefined && (gib < rules.base.minDiskGiB || gib > rules.base.maxDiskGiB)) {
    out.push({ code: 'diskSizeOutOfRange', sizeGiB: gib, min: rules.base.minDiskGiB, max: rules.base.maxDiskGiB });
  }
  return out;
}

/** Why a bucket cannot hold the file for an import into `region`, or undefined. */
export function checkImportBucket(rules: FileImportRules, bucket: Bucket, region: string): BucketProblem | undefined {
  const name = rules.base.checkBucket(bucket.name);
  if (name) {
    return { code: 'bucketName', problem: name };
  }
  if (rules.bucketSameRegion && bucket.region !== region) {
    return { code: 'bucketOtherRegion', bucket: bucket.name, region: bucket.region, wanted: region };
  }
  if (rules.bucketStandardOnly && bucket.storageClass !== 'Standard') {
    return { code: 'bucketNotStandard', bucket: bucket.name, storageClass: bucket.storageClass };
  }
  return undefined;
}
