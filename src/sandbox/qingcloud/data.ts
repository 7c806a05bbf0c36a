// The sandbox's QingCloud IaaS data set: deterministic, realistic, in Chinese and English.
import { Random } from '../random';

export interface QingcloudZone {
  readonly zone_id: string;
  readonly status: 'active' | 'faulty' | 'defunct';
  /** How many images the zone holds (system, own and shared together). */
  readonly imageCount: number;
}

export const QINGCLOUD_ZONES: readonly QingcloudZone[] = [
  { zone_id: 'pek3', status: 'active', imageCount: 260 },
  { zone_id: 'pek3a', status: 'active', imageCount: 12 },
  { zone_id: 'sh1a', status: 'active', imageCount: 90 },
  { zone_id: 'gd2', status: 'active', imageCount: 35 },
  { zone_id: 'ap2a', status: 'active', imageCount: 0 },
  // Retired: listed by DescribeZones only when asked for defunct zones; the provider leaves it out.
  { zone_id: 'gd1', status: 'defunct', imageCount: 0 },
];

export type QingcloudImage = Record<string, unknown> & {
  image_id: string;
  image_name: string;
  provider: 'system' | 'self' | 'shared';
  status: string;
  tags: Array<{ tag_id: string; tag_name: string; color: string }>;
};

/** QingCloud's own public images: id, name, os_family, platform. */
const SYSTEM_IMAGES = [
  { id: 'centos79x64a', name: 'CentOS 7.9 64bit', family: 'centos', platform: 'linux' },
  { id: 'centos82x64a', name: 'CentOS 8.2 64bit', family: 'centos', platform: 'linux' },
  { id: 'rocky92x64', name: 'Rocky Linux 9.2 64bit', family: 'rockylinux', platform: 'linux' },
  { id: 'bionic4x64', name: 'Ubuntu Server 18.04.4 LTS 64bit', family: 'ubuntu', platform: 'linux' },
  { id: 'focal5x64', name: 'Ubuntu Server 20.04.5 LTS 64bit', family: 'ubuntu', platform: 'linux' },
  { id: 'jammy2x64', name: 'Ubuntu Server 22.04.2 LTS 64bit', family: 'ubuntu', platform: 'linux' },
  { id: 'bookworm1x64', name: 'Debian 12.1 64bit', family: 'debian', platform: 'linux' },
  { id: 'kylin10x64', name: '银河麒麟 V10 64bit', family: 'kylin', platform: 'linux' },
  { id: 'openeuler2203x64', name: 'openEuler 22.03 LTS 64bit', family: 'openeuler', platform: 'linux' },
  { id: 'win2019dcx64a', name: 'Windows Server 2019 数据中心版 64位中文版', family: 'windows', platform: 'windows' },
  { id: 'win2022dcx64a', name: 'Windows Server 2022 Datacenter 64bit English', family: 'windows', platform: 'windows' },
];

const APPS_EN = ['web-frontend', 'payment-api', 'etl-worker', 'gitlab-runner', 'kafka-broker', 'golden-image', 'bastion', 'inference-gpu'];
const APPS_ZH = ['生产-订单中心', '测试-会员系统', '数据仓库节点', '官网静态站', '安全加固基线', '监控告警', '堡垒机'];
const DESCRIPTIONS = ['', 'Captured from a stopped instance before the upgrade.', '每周自动构建，包含最新补丁。', 'Base image for the k8s node pool.', '请勿删除：线上实例依赖此镜像。'];
/** The tags the sandbox account starts with (tags are per account, shared by every zone). */
export const QINGCLOUD_SEED_TAGS: ReadonlyArray<{ readonly tag_name: string; readonly color: string }> = [
  { tag_name: 'prod', color: '#d0021b' },
  { tag_name: 'staging', color: '#f5a623' },
  { tag_name: '数据平台', color: '#4a90e2' },
  { tag_name: 'golden', color: '#7ed321' },
];
const ID_CHARS = '0123456789abcdefghijklmnopqrstuvwxyz';

function isoSecond(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Stable tag ids: the same tag name has the same id in every zone, as QingCloud tags are per account. */
export function tagId(name: string): string {
  let h = 0;
  for (const ch of name) {
    h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) >>> 0;
  }
  return `tag-${h.toString(36).padStart(8, '0').slice(-8)}`;
}

export function generateQingcloudImages(seed: string, zone: QingcloudZone, ownerUserId: string): QingcloudImage[] {
  const rnd = new Random(`${seed}/qingcloud/${zone.zone_id}`);
  const images: QingcloudImage[] = [];
  const start = Date.UTC(2021, 6, 1);
  let nextSystem = 0;
  for (let n = 0; n < zone.imageCount; n++) {
    const roll = rnd.next();
    const provider = roll < 0.15 && nextSystem < SYSTEM_IMAGES.length ? 'system' : roll < 0.85 ? 'self' : 'shared';
    const base = SYSTEM_IMAGES[provider === 'system' ? nextSystem++ : rnd.int(0, SYSTEM_IMAGES.length - 1)]!;
    const created = start + rnd.int(0, 1100 * 24 * 3600) * 1000;
    const date = new Date(created).toISOString().slice(0, 10).replace(/-/g, '');
    const statusRoll = rnd.next();
    // Only one's own images can still be in the making; shared ones are shared once available.
    const status = provider === 'system' || statusRoll < 0.85 ? 'available' : statusRoll < 0.93 && provider === 'self' ? 'pending' : 'deprecated';
    const own = provider !== 'system';
    const name = !own ? base.name : rnd.chance(0.4) ? `${rnd.pick(APPS_ZH)}-${date}` : `${rnd.pick(APPS_EN)}-v${rnd.int(1, 30)}-${date}`;
    const tags = provider === 'self' && rnd.chance(0.5) ? [...new Set([rnd.pick(QINGCLOUD_SEED_TAGS), rnd.pick(QINGCLOUD_SEED_TAGS)])] : [];
    const windows = base.platform === 'windows';
    images.push({
      image_id: own ? `img-${rnd.chars(ID_CHARS, 8)}` : base.id,
      image_name: name,
      description: own ? rnd.pick(DESCRIPTIONS) : '',
      size: windows ? 50 : rnd.pick([20, 20, 50, 100]),
      // A few old own Linux images are 32-bit (derived from the position, so the random sequence is unchanged).
      processor_type: own && !windows && n % 9 === 4 ? '32bit' : '64bit',
      platform: base.platform,
      os_family: base.family,
      architecture: 'x86_64',
      hypervisor: 'kvm',
      visibility: provider === 'system' ? 'public' : 'private',
      provider,
      owner: provider === 'system' ? 'system' : provider === 'self' ? ownerUserId : `usr-${rnd.chars(ID_CHARS, 8)}`,
      recommended_type: windows ? 'c1m2' : 'c1m1',
      status,
      transition_status: status === 'pending' ? 'creating' : '',
      create_time: isoSecond(created),
      status_time: isoSecond(created + rnd.int(60, 3600) * 1000),
      sub_code: 0,
      features: 0,
      default_user: windows ? 'administrator' : 'root',
      default_passwd: '',
      root_id: base.id,
      tags: tags.map((t) => ({ tag_id: tagId(t.tag_name), tag_name: t.tag_name, color: t.color })),
    });
  }
  return images;
}
