// The sandbox's Huawei Cloud IMS data set: one project per region, deterministic images (gold,
// private, shared, market) with English and Chinese names, ids as UUIDs from the seeded PRNG.
import { HUAWEI_REGIONS } from '../../providers/huawei/regions';
import { Random } from '../random';

export interface HuaweiProject {
  readonly id: string;
  /** The region id: IAM names a region's project after its region. */
  readonly name: string;
  readonly regionId: string;
}

/** Images per region; a region of the table not listed here has a project but no images. */
export const HUAWEI_IMAGE_COUNTS: Readonly<Record<string, number>> = {
  'cn-north-4': 310,
  'cn-east-3': 75,
  'cn-south-1': 12,
  'ap-southeast-1': 20,
  'af-south-1': 0,
};

export type ImsImage = Record<string, unknown> & { id: string; name: string; status: string; created_at: string; __imagetype: string };

const HEX = '0123456789abcdef';

export function uuidFrom(rnd: Random): string {
  const h = rnd.chars(HEX, 32);
  const variant = HEX[8 + rnd.int(0, 3)] ?? '8';
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The sandbox account: its domain id and one project (32 hex digits) per region. */
export function huaweiAccount(seed: string): { domainId: string; projects: HuaweiProject[] } {
  const rnd = new Random(`${seed}/huawei/account`);
  const domainId = rnd.chars(HEX, 32);
  const projects = HUAWEI_REGIONS.map((r) => ({ id: rnd.chars(HEX, 32), name: r.id, regionId: r.id }));
  return { domainId, projects };
}

interface GoldOs {
  readonly name: string;
  readonly platform: string;
  readonly type: 'Linux' | 'Windows';
  readonly arch: 'x86' | 'arm';
  readonly disk: number;
}

const GOLD: readonly GoldOs[] = [
  { name: 'CentOS 7.9 64bit', platform: 'CentOS', type: 'Linux', arch: 'x86', disk: 40 },
  { name: 'Ubuntu 22.04 server 64bit', platform: 'Ubuntu', type: 'Linux', arch: 'x86', disk: 40 },
  { name: 'Ubuntu 20.04 server 64bit', platform: 'Ubuntu', type: 'Linux', arch: 'x86', disk: 40 },
  { name: 'Huawei Cloud EulerOS 2.0 Standard 64 bit', platform: 'Huawei Cloud EulerOS', type: 'Linux', arch: 'x86', disk: 40 },
  { name: 'Huawei Cloud EulerOS 2.0 Standard 64 bit ARM', platform: 'Huawei Cloud EulerOS', type: 'Linux', arch: 'arm', disk: 40 },
  { name: 'EulerOS 2.9 64bit', platform: 'EulerOS', type: 'Linux', arch: 'x86', disk: 40 },
  { name: 'Debian 12.0.0 64bit', platform: 'Debian', type: 'Linux', arch: 'x86', disk: 40 },
  { name: 'openEuler 22.03 64bit', platform: 'Other', type: 'Linux', arch: 'x86', disk: 40 },
  { name: 'Windows Server 2019 Datacenter 64bit English', platform: 'Windows', type: 'Windows', arch: 'x86', disk: 40 },
  { name: 'Windows Server 2022 Standard 64bit Chinese', platform: 'Windows', type: 'Windows', arch: 'x86', disk: 50 },
];

const APPS_EN = ['web-frontend', 'order-api', 'payment-gw', 'ci-runner', 'redis-node', 'k8s-worker', 'bastion', 'ml-inference'];
const APPS_ZH = ['生产-订单服务', '测试-支付网关', '大数据-离线计算', '官网前端', '日志采集', '基础镜像-安全加固', '运维跳板机'];
const MARKET = ['WordPress on CentOS 7.9', 'LAMP 环境 (Ubuntu 22.04)', 'Docker CE 24 on HCE 2.0', 'Nginx 1.24 + PHP 8.2'];
const DESCRIPTIONS = ['', 'Hardened base image (CIS level 1).', '每日构建，包含最新安全补丁。', 'Built by Packer in the release pipeline.'];
const TAGS = ['env.prod', 'env.test', 'team.platform', 'team.data', 'owner.alice', '项目.电商', 'cost-center.cc-1024'];

export function isoSecond(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function generateImsImages(seed: string, regionId: string, projectId: string, count = HUAWEI_IMAGE_COUNTS[regionId] ?? 0): ImsImage[] {
  const rnd = new Random(`${seed}/huawei/${regionId}`);
  const images: ImsImage[] = [];
  const start = Date.UTC(2022, 0, 1);
  for (let n = 0; n < count; n++) {
    const roll = rnd.next();
    const type = roll < 0.2 ? 'gold' : roll < 0.8 ? 'private' : roll < 0.92 ? 'shared' : 'market';
    const os = rnd.pick(GOLD);
    const id = uuidFrom(rnd);
    const created = start + rnd.int(0, 1000 * 24 * 3600) * 1000;
    const date = new Date(created).toISOString().slice(0, 10).replace(/-/g, '');
    const name =
      type === 'gold'
        ? os.name
        : type === 'market'
          ? rnd.pick(MARKET)
          : rnd.chance(0.4)
            ? `${rnd.pick(APPS_ZH)}-${date}`
            : `${rnd.pick(APPS_EN)}-v${rnd.int(1, 30)}-${date}`;
    const statusRoll = rnd.next();
    const status = type !== 'private' || statusRoll < 0.9 ? 'active' : statusRoll < 0.95 ? 'saving' : 'queued';
    const tags = type === 'private' && rnd.chance(0.5) ? [...new Set([rnd.pick(TAGS), rnd.pick(TAGS)])] : [];
    const disk = type === 'gold' ? os.disk : os.disk + rnd.pick([0, 0, 20, 60]);
    const owner = type === 'private' ? projectId : rnd.chars(HEX, 32);
    images.push({
      id,
      name,
      status,
      visibility: type === 'private' ? 'private' : type === 'shared' ? 'shared' : 'public',
      owner,
      protected: type === 'gold',
      container_format: 'bare',
      disk_format: type === 'gold' ? 'zvhd2' : rnd.pick(['zvhd2', 'vhd', 'qcow2']),
      min_disk: disk,
      min_ram: 0,
      max_ram: '',
      size: 2,
      virtual_size: 0,
      created_at: isoSecond(created),
      updated_at: isoSecond(created + rnd.int(60, 86_400) * 1000),
      active_at: isoSecond(created + rnd.int(60, 1800) * 1000),
      tags,
      self: `/v2/images/${id}`,
      file: `/v2/images/${id}/file`,
      schema: '/v2/schemas/image',
      checksum: 'd41d8cd98f00b204e9800998ecf8427e',
      architecture: os.arch,
      __imagetype: type,
      __platform: os.platform,
      __os_type: os.type,
      __os_bit: '64',
      __os_version: os.name,
      __description: type === 'gold' ? '' : rnd.pick(DESCRIPTIONS),
      __image_size: String(rnd.int(1, 12) * 1_073_741_824),
      __image_source_type: 'uds',
      __isregistered: 'true',
      __originalimagename: type === 'gold' ? '' : uuidFrom(rnd),
      __data_origin: type === 'private' ? `instance,${uuidFrom(rnd)}` : '',
      __productcode: type === 'market' ? uuidFrom(rnd).replace(/-/g, '') : '',
      __support_kvm: 'true',
      __support_arm: os.arch === 'arm' ? 'true' : '',
      __lazyloading: 'true',
      __root_origin: '',
      __sequence_num: '',
      enterprise_project_id: '0',
      hw_firmware_type: os.arch === 'arm' ? 'uefi' : 'bios',
      virtual_env_type: 'FusionCompute',
    });
  }
  return images;
}
