// The two object stores' differences as data: hosts, signature, header names, bucket listing fields, limits.
import { signObs, signOss } from './signers';
import { textOf } from './xml';
import type { StorageClass, StorageCloud, StorageDialect } from './types';

const GiB = 1024 ** 3;

function classOf(raw: string | undefined): StorageClass | undefined {
  switch ((raw ?? '').toUpperCase()) {
    case '':
      return undefined;
    case 'STANDARD':
      return 'Standard';
    case 'IA':
    case 'WARM':
    case 'STANDARD_IA':
      return 'InfrequentAccess';
    case 'ARCHIVE':
    case 'COLD':
      return 'Archive';
    case 'COLDARCHIVE':
    case 'DEEP_ARCHIVE':
      return 'ColdArchive';
    default:
      return 'Other';
  }
}

export const OSS_DIALECT: StorageDialect = {
  cloud: 'alibaba',
  serviceHost: (region) => `oss-${region}.aliyuncs.com`,
  bucketHost: (bucket, region) => `${bucket}.oss-${region}.aliyuncs.com`,
  sign: (input, region) => signOss({ ...input, region }),
  requestIdHeader: 'x-oss-request-id',
  crcHeader: 'x-oss-hash-crc64ecma',
  bucketOf: (node) => ({
    name: textOf(node, 'Name') ?? '',
    // Location is "oss-cn-hangzhou"; Region (newer answers) is "cn-hangzhou".
    region: textOf(node, 'Region') || (textOf(node, 'Location') ?? '').replace(/^oss-/, ''),
    storageClass: classOf(textOf(node, 'StorageClass')),
    created: textOf(node, 'CreationDate'),
  }),
  // 100 KB to 5 GB a part, 10,000 parts (OSS multipart upload limits).
  limits: { maxParts: 10_000, minPartBytes: 100 * 1024, maxPartBytes: 5 * GiB, maxObjectBytes: 48.8 * 1024 * GiB },
};

export const OBS_DIALECT: StorageDialect = {
  cloud: 'huawei',
  serviceHost: (region) => `obs.${region}.myhuaweicloud.com`,
  bucketHost: (bucket, region) => `${bucket}.obs.${region}.myhuaweicloud.com`,
  sign: (input) => signObs(input),
  requestIdHeader: 'x-obs-request-id',
  bucketOf: (node) => ({
    name: textOf(node, 'Name') ?? '',
    region: textOf(node, 'Location') ?? '',
    created: textOf(node, 'CreationDate'),
  }),
  storageClassOfHead: (headers) => classOf(headers['x-obs-storage-class']),
  // 100 KB to 5 GB a part, 10,000 parts (OBS multipart upload limits).
  limits: { maxParts: 10_000, minPartBytes: 100 * 1024, maxPartBytes: 5 * GiB, maxObjectBytes: 48.8 * 1024 * GiB },
};

export function dialectOf(cloud: StorageCloud): StorageDialect {
  return cloud === 'alibaba' ? OSS_DIALECT : OBS_DIALECT;
}
