// Importing image files in the region's object storage as a new image: a system disk image (with its data
// disks where the cloud takes them in one import) or a data disk image.
import type { ImportRules } from './rules';
import type { StartedJob } from './changes';

/** An image file in the region's object storage to make an image of (Alibaba OSS, Huawei OBS). */
export interface ImportRequest {
  readonly bucket: string;
  readonly object: string;
  readonly name: string;
  readonly description?: string;
  /** Alibaba: Format (RAW, VHD, QCOW2, VMDK); Huawei takes the format from the file itself. */
  readonly format?: string;
  /** Alibaba OSType (linux / windows). */
  readonly osType?: string;
  /** Alibaba Platform (e.g. "CentOS"); Huawei os_version (e.g. "CentOS 7.9 64bit"). */
  readonly platform: string;
  /** Alibaba Architecture (x86_64 / arm64 / i386); Huawei architecture (x86 / arm). */
  readonly architecture: string;
  /** Alibaba DiskImageSize; Huawei min_disk (GiB). */
  readonly diskSizeGiB: number;
  /** Encrypts the new image with this key of the region's key service, where the import takes one (Huawei cmk_id). */
  readonly kmsKeyId?: string;
  /** Data disks' image files beside the system disk's, where the cloud imports them in one image (Alibaba DiskDeviceMapping.2..N). */
  readonly dataDisks?: readonly DataDiskFile[];
}

/** One data disk's image file in the region's object storage. */
export interface DataDiskFile {
  readonly bucket: string;
  readonly object: string;
  /** Alibaba Format (RAW, VHD, QCOW2, VMDK). */
  readonly format?: string;
  readonly sizeGiB: number;
}

/** A data disk image from one file (Huawei `POST /v1/cloudimages/dataimages/action`). */
export interface DataImageRequest {
  readonly bucket: string;
  readonly object: string;
  readonly name: string;
  readonly description?: string;
  /** min_disk (GiB). */
  readonly diskSizeGiB: number;
  /** Huawei os_type (Linux). */
  readonly osType?: string;
  readonly kmsKeyId?: string;
}

export interface ImportStarted extends StartedJob {
  /** The new image, where the cloud names it at once (Alibaba ImageId, Huawei's job once it made the record). */
  readonly imageId?: string;
}

export interface ImportOperations {
  /** What the request may hold (names, formats, platforms, sizes), checked before any request. */
  readonly rules: ImportRules;
  importImage(regionId: string, request: ImportRequest, signal?: AbortSignal): Promise<ImportStarted>;
  /** Makes a data disk image of one file, where the cloud has that kind (Huawei); an async job followed to the new image. */
  importDataImage?(regionId: string, request: DataImageRequest, signal?: AbortSignal): Promise<ImportStarted>;
}
