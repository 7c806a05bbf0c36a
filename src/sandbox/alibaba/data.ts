// The sandbox's Alibaba ECS data set: deterministic, realistic, in Chinese and English.
import { Random } from '../random';
import { usedByInstances } from '../usage';

export interface EcsRegion {
  readonly RegionId: string;
  readonly zh: string;
  readonly en: string;
  /** How many images the region holds (system, own and shared together). */
  readonly imageCount: number;
}

export const ECS_REGIONS: readonly EcsRegion[] = [
  { RegionId: 'cn-hangzhou', zh: '华东1（杭州）', en: 'China (Hangzhou)', imageCount: 420 },
  { RegionId: 'cn-shanghai', zh: '华东2（上海）', en: 'China (Shanghai)', imageCount: 137 },
  { RegionId: 'cn-beijing', zh: '华北2（北京）', en: 'China (Beijing)', imageCount: 64 },
  { RegionId: 'cn-shenzhen', zh: '华南1（深圳）', en: 'China (Shenzhen)', imageCount: 31 },
  { RegionId: 'ap-southeast-1', zh: '新加坡', en: 'Singapore', imageCount: 23 },
  { RegionId: 'eu-central-1', zh: '德国（法兰克福）', en: 'Germany (Frankfurt)', imageCount: 0 },
  { RegionId: 'cn-wulanchabu', zh: '华北6（乌兰察布）', en: 'China (Ulanqab)', imageCount: 5000 },
];

export type EcsImage = Record<string, unknown> & { ImageId: string; ImageOwnerAlias: string; Status: string };

const SYSTEM_OS = [
  { id: 'centos_7_9_x64_20G_alibase', os: 'CentOS  7.9 64位', en: 'CentOS  7.9 64 bit', type: 'linux', platform: 'CentOS' },
  { id: 'ubuntu_22_04_x64_20G_alibase', os: 'Ubuntu  22.04 64位', en: 'Ubuntu  22.04 64 bit', type: 'linux', platform: 'Ubuntu' },
  { id: 'ubuntu_24_04_x64_20G_alibase', os: 'Ubuntu  24.04 64位', en: 'Ubuntu  24.04 64 bit', type: 'linux', platform: 'Ubuntu' },
  { id: 'aliyun_3_x64_20G_alibase', os: 'Alibaba Cloud Linux  3.2104 LTS 64位', en: 'Alibaba Cloud Linux  3.2104 LTS 64 bit', type: 'linux', platform: 'Aliyun' },
  { id: 'aliyun_3_arm64_20G_alibase', os: 'Alibaba Cloud Linux  3.2104 LTS 64位 ARM版', en: 'Alibaba Cloud Linux  3.2104 LTS 64 bit ARM Edition', type: 'linux', platform: 'Aliyun' },
  { id: 'debian_12_6_x64_20G_alibase', os: 'Debian  12.6 64位', en: 'Debian  12.6 64 bit', type: 'linux', platform: 'Debian' },
  { id: 'win2022_21H2_x64_dtc_zh-cn_40G_alibase', os: 'Windows Server  2022 数据中心版 64位中文版', en: 'Windows Server  2022 DataCenter 64 bit Chinese Edition', type: 'windows', platform: 'Windows Server 2022' },
  { id: 'win2019_1809_x64_dtc_en-us_40G_alibase', os: 'Windows Server  2019 数据中心版 64位英文版', en: 'Windows Server  2019 DataCenter 64 bit English Edition', type: 'windows', platform: 'Windows Server 2019' },
];

const APPS_EN = ['web-server', 'api-gateway', 'order-service', 'billing', 'ci-runner', 'redis-cache', 'nginx-edge', 'ml-training', 'golden-base', 'jump-host'];
const APPS_ZH = ['生产环境-订单服务', '测试环境-支付网关', '数据分析-离线计算', '官网前端', '日志采集', '基础镜像-加固版', '大模型推理', '运维跳板机'];
const DESCRIPTIONS = ['', 'Hardened base image with CIS benchmarks applied.', '每日构建，包含最新安全补丁。', 'Built by Packer from the release pipeline.', '由自动化流水线生成，请勿手动修改。'];
const TAG_KEYS = ['env', 'team', 'owner', 'cost-center', '项目'];
const TAG_VALUES: Record<string, readonly string[]> = {
  env: ['prod', 'staging', 'dev'],
  team: ['platform', 'data', 'web'],
  owner: ['alice', 'bob', '王伟'],
  'cost-center': ['cc-1024', 'cc-2048'],
  项目: ['电商', '风控', '数据中台'],
};

/**
 * An own image's status from one roll: about 10 % are not Available, in every status DescribeImages
 * knows (Creating keeps its old share so the data set's other rolls stay where they were).
 */
function ownStatus(roll: number): string {
  if (roll < 0.9) {
    return 'Available';
  }
  if (roll < 0.95) {
    return 'Creating';
  }
  return roll < 0.965 ? 'UnAvailable' : roll < 0.975 ? 'Waiting' : roll < 0.99 ? 'CreateFailed' : 'Deprecated';
}

function isoSecond(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function generateEcsImages(seed: string, region: EcsRegion, ownerAccountId: string): EcsImage[] {
  const rnd = new Random(`${seed}/alibaba/${region.RegionId}`);
  const images: EcsImage[] = [];
  const start = Date.UTC(2022, 0, 1);
  for (let n = 0; n < region.imageCount; n++) {
    const roll = rnd.next();
    const alias = roll < 0.25 ? 'system' : roll < 0.85 ? 'self' : 'others';
    const os = rnd.pick(SYSTEM_OS);
    const created = start + rnd.int(0, 1000 * 24 * 3600) * 1000;
    const date = new Date(created).toISOString().slice(0, 10).replace(/-/g, '');
    const arch = os.id.includes('arm64') ? 'arm64' : 'x86_64';
    let imageId: string;
    let imageName: string;
    if (alias === 'system') {
      imageId = `${os.id}_${date}_${n}.vhd`;
      imageName = imageId;
    } else {
      imageId = `m-${region.RegionId === 'cn-hangzhou' ? 'bp' : 'uf'}${rnd.chars('0123456789abcdefghijklmnopqrstuvwxyz', 18)}`;
      imageName = rnd.chance(0.4) ? `${rnd.pick(APPS_ZH)}-${date}` : `${rnd.pick(APPS_EN)}-v${rnd.int(1, 40)}-${date}`;
    }
    const statusRoll = rnd.next();
    const status = alias !== 'self' ? 'Available' : ownStatus(statusRoll);
    const tags = alias === 'self' && rnd.chance(0.6)
      ? [...new Set([rnd.pick(TAG_KEYS), rnd.pick(TAG_KEYS)])].map((k) => ({ TagKey: k, TagValue: rnd.pick(TAG_VALUES[k] ?? ['']) }))
      : [];
    const size = os.type === 'windows' ? 40 : rnd.pick([20, 20, 40, 100]);
    images.push({
      ImageId: imageId,
      ImageName: imageName,
      Description: alias === 'system' ? '' : rnd.pick(DESCRIPTIONS),
      Status: status,
      Progress: status === 'Creating' ? `${rnd.int(5, 95)}%` : status === 'Waiting' ? '0%' : '100%',
      Size: size,
      OSType: os.type,
      OSName: os.os,
      OSNameEn: os.en,
      Platform: os.platform,
      Architecture: arch,
      ImageOwnerAlias: alias,
      ImageOwnerId: alias === 'self' ? ownerAccountId : alias === 'system' ? 1 : Number(`1${rnd.chars('0123456789', 15)}`),
      IsPublic: alias === 'system',
      IsSelfShared: alias === 'self' && rnd.chance(0.2) ? 'True' : 'False',
      IsCopied: false,
      IsSubscribed: false,
      // Own images say whether instances use them (sandbox/usage.ts); others are taken as used.
      Usage: alias !== 'self' || usedByInstances(imageId) ? 'instance' : 'none',
      CreationTime: isoSecond(created),
      // Alibaba's public images are in its own families, named "acs:…".
      ImageFamily: alias === 'system' ? `acs:${os.id.replace(/_20G_alibase$/, '')}` : '',
      ImageVersion: '',
      BootMode: os.type === 'windows' ? 'BIOS' : 'UEFI-Preferred',
      ResourceGroupId: '',
      LicenseType: '',
      DiskDeviceMappings: { DiskDeviceMapping: [{ Device: '/dev/xvda', Size: String(size), SnapshotId: `s-${rnd.chars('0123456789abcdefghijklmnopqrstuvwxyz', 20)}`, Type: 'system', Format: '', Progress: '100%', Encrypted: 'false' }] },
      Tags: { Tag: tags },
      Features: { NvmeSupport: 'supported', ImdsSupport: 'v2' },
    });
  }
  return images;
}

