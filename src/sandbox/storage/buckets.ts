// The sandbox's buckets: a few per region of each cloud's sandbox (Standard), one of another class,
// the rest of the account's buckets in other regions, as ListBuckets shows every bucket of an account.
import { ECS_REGIONS } from '../alibaba/data';
import { HUAWEI_REGIONS } from '../../providers/huawei/regions';
import type { StorageCloud } from '../../providers/storage/types';

export interface BucketSeed {
  readonly name: string;
  readonly region: string;
  /** The class as the cloud spells it (OSS "Standard"/"IA"; OBS "STANDARD"/"WARM"). */
  readonly storageClass: string;
}

/** The regions whose buckets the sandbox seeds (a handful: ListBuckets lists them all). */
const ALIBABA_SEEDED = ECS_REGIONS.slice(0, 3).map((r) => r.RegionId);
const HUAWEI_SEEDED = HUAWEI_REGIONS.slice(0, 3).map((r) => r.id);

export function seedBuckets(cloud: StorageCloud): BucketSeed[] {
  if (cloud === 'alibaba') {
    return [
      ...ALIBABA_SEEDED.flatMap((region) => [
        { name: `cie-images-${region}`, region, storageClass: 'Standard' },
        { name: `cie-exports-${region}`, region, storageClass: 'Standard' },
      ]),
      { name: `cie-archive-${ALIBABA_SEEDED[0] ?? 'cn-hangzhou'}`, region: ALIBABA_SEEDED[0] ?? 'cn-hangzhou', storageClass: 'IA' },
      // Every request on it is refused (AccessDenied), as a bucket whose policy excludes the key.
      { name: `cie-denied-${ALIBABA_SEEDED[0] ?? 'cn-hangzhou'}`, region: ALIBABA_SEEDED[0] ?? 'cn-hangzhou', storageClass: 'Standard' },
    ];
  }
  return [
    ...HUAWEI_SEEDED.flatMap((region) => [
      { name: `cie-obs-${region}`, region, storageClass: 'STANDARD' },
      { name: `cie-obs-exports-${region}`, region, storageClass: 'STANDARD' },
    ]),
    { name: `cie-obs-warm-${HUAWEI_SEEDED[0] ?? 'cn-north-4'}`, region: HUAWEI_SEEDED[0] ?? 'cn-north-4', storageClass: 'WARM' },
    { name: `cie-denied-${HUAWEI_SEEDED[0] ?? 'cn-north-4'}`, region: HUAWEI_SEEDED[0] ?? 'cn-north-4', storageClass: 'STANDARD' },
  ];
}
