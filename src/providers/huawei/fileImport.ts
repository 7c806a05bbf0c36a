// What Huawei Cloud IMS takes of a local file uploaded to OBS: the common import reads VMDK, VHD, RAW,
// QCOW2, VHDX, ZVHD2 (and more) up to 128 GB; the fast import reads RAW and ZVHD2 up to 1 TB. The bucket
// must be a Standard one in the image's region (IMS docs: import and data-image import).
import type { FileImportRules } from '../storage/fileImport';
import { HUAWEI_IMPORT_RULES } from './rules';

const GB = 1024 ** 3;

export const HUAWEI_FILE_IMPORT: FileImportRules = {
  base: HUAWEI_IMPORT_RULES,
  formats: { vmdk: 'vmdk', vhd: 'vhd', raw: 'raw', qcow2: 'qcow2', vhdx: 'vhdx', zvhd2: 'zvhd2' },
  maxFileBytes: 128 * GB,
  maxFileBytesByFormat: { raw: 1024 * GB, zvhd2: 1024 * GB },
  bucketSameRegion: true,
  bucketStandardOnly: true,
};
