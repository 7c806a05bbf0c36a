// What Alibaba Cloud ECS ImportImage takes of a local file uploaded to OSS: RAW, VHD, QCOW2 and VMDK
// (DiskDeviceMapping.N.Format), from a bucket in the image's region; sizes from its ImportRules.
import type { FileImportRules } from '../storage/fileImport';
import { ALIBABA_IMPORT_RULES } from './rules';

export const ALIBABA_FILE_IMPORT: FileImportRules = {
  base: ALIBABA_IMPORT_RULES,
  formats: { raw: 'RAW', vhd: 'VHD', qcow2: 'QCOW2', vmdk: 'VMDK' },
  // An OSS object, one multipart upload: 10,000 parts of up to 5 GiB; the disk range bounds it first.
  maxFileBytes: ALIBABA_IMPORT_RULES.maxDiskGiB * 1024 ** 3,
  bucketSameRegion: true,
  bucketStandardOnly: false,
};
