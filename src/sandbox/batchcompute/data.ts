// The sandbox's BatchCompute (retired) data set: deterministic, the user's own images plus a few
// system ones per region, names in English and Chinese.
import { Random } from '../random';

export interface BatchComputeRegionData {
  readonly RegionId: string;
  /** How many of the user's own (Type=Self) images the region holds. */
  readonly selfCount: number;
  /** How many System images (the service's own, shown with Type=System). */
  readonly systemCount: number;
}

export const BATCHCOMPUTE_DATA_REGIONS: readonly BatchComputeRegionData[] = [
  { RegionId: 'cn-hangzhou', selfCount: 57, systemCount: 3 },
  { RegionId: 'cn-beijing', selfCount: 14, systemCount: 3 },
  { RegionId: 'cn-shenzhen', selfCount: 23, systemCount: 2 },
  { RegionId: 'cn-qingdao', selfCount: 0, systemCount: 2 },
];

export const SANDBOX_BATCHCOMPUTE_OWNER_ID = '1234567890123456';

/** One ImageInfo as the API returns it. */
export interface BatchComputeImage {
  readonly Id: string;
  readonly Name: string;
  readonly Description: string;
  readonly EcsImageId: string;
  readonly Platform: 'Linux' | 'Windows';
  readonly Type: 'System' | 'Self';
  readonly OwnerId: string;
  readonly CreationTime: string;
}

const NAMES_EN = ['genome-align', 'render-farm', 'video-transcode', 'monte-carlo', 'etl-nightly', 'ml-train-gpu', 'log-crunch', 'seismic-sim'];
const NAMES_ZH = ['基因比对', '影视渲染', '视频转码', '日志分析', '离线计算', '模型训练'];
const DESCRIPTIONS = ['', 'Worker image with the job runtime preinstalled.', '批量计算作业镜像，包含运行时环境。', 'Built from the ECS golden image.', '由流水线自动构建。'];
const SYSTEM_IMAGES = [
  { name: 'Ubuntu 14.04 64 bit (BatchCompute)', platform: 'Linux' as const },
  { name: 'CentOS 7.2 64 bit (BatchCompute)', platform: 'Linux' as const },
  { name: 'Windows Server 2008 R2 (BatchCompute)', platform: 'Windows' as const },
];

const HEX = '0123456789abcdef';

/** Id order is list order: a marker stays valid when images before or after it are deleted. */
export function generateBatchComputeImages(seed: string, region: BatchComputeRegionData): BatchComputeImage[] {
  const rnd = new Random(`${seed}/batchcompute/${region.RegionId}`);
  const start = Date.UTC(2016, 0, 1);
  const images: BatchComputeImage[] = [];
  for (let n = 0; n < region.systemCount + region.selfCount; n++) {
    const system = n < region.systemCount;
    const created = new Date(start + rnd.int(0, 1500 * 24 * 3600) * 1000);
    const date = created.toISOString().slice(0, 10).replace(/-/g, '');
    const sys = SYSTEM_IMAGES[n % SYSTEM_IMAGES.length] ?? SYSTEM_IMAGES[0];
    const platform = system ? (sys?.platform ?? 'Linux') : rnd.chance(0.15) ? 'Windows' : 'Linux';
    const name = system
      ? (sys?.name ?? 'system')
      : rnd.chance(0.4)
        ? `${rnd.pick(NAMES_ZH)}-${date}`
        : `${rnd.pick(NAMES_EN)}-v${rnd.int(1, 30)}`;
    images.push({
      Id: `img-${rnd.chars(HEX, 24)}`,
      Name: name,
      Description: system ? '' : rnd.pick(DESCRIPTIONS),
      EcsImageId: `m-${rnd.chars('0123456789abcdefghijklmnopqrstuvwxyz', 20)}`,
      Platform: platform,
      Type: system ? 'System' : 'Self',
      OwnerId: system ? '' : SANDBOX_BATCHCOMPUTE_OWNER_ID,
      CreationTime: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  }
  return images.sort((a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0));
}
