// QingCloud IaaS wire shapes -> the common model, and its words -> the common vocabulary.
import { num, objectsOf, str, timestamp, type Json } from '../shared/common';
import type { Image, ImageOwner, Region, Tag } from '../core/model';
import type { JobState, JobStatus } from '../core/jobs';
import type { Member } from '../core/sharing';
import { redact } from '../transport/redact';
import { reasonTable } from '../core/reasons';
import { errorRules, type CloudVocabulary, type ImageState } from '../core/vocabulary';
import { VISIBILITY_WORDS, fieldCatalogue } from '../shared/fields';

export type ZoneLanguage = 'zh-CN' | 'en-US';

/** DescribeZones gives ids only; these are the names QingCloud's console shows. */
const ZONE_NAMES: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  pek2: { zh: '北京2区', en: 'Beijing 2' },
  pek3: { zh: '北京3区', en: 'Beijing 3' },
  pek3a: { zh: '北京3区-A', en: 'Beijing 3-A' },
  pek3b: { zh: '北京3区-B', en: 'Beijing 3-B' },
  pek3c: { zh: '北京3区-C', en: 'Beijing 3-C' },
  pek3d: { zh: '北京3区-D', en: 'Beijing 3-D' },
  sh1: { zh: '上海1区', en: 'Shanghai 1' },
  sh1a: { zh: '上海1区-A', en: 'Shanghai 1-A' },
  sh1b: { zh: '上海1区-B', en: 'Shanghai 1-B' },
  gd1: { zh: '广东1区', en: 'Guangdong 1' },
  gd2: { zh: '广东2区', en: 'Guangdong 2' },
  gd2a: { zh: '广东2区-A', en: 'Guangdong 2-A' },
  ap1: { zh: '亚太1区', en: 'Asia Pacific 1' },
  ap2a: { zh: '亚太2区-A', en: 'Asia Pacific 2-A' },
};

export function zoneName(zoneId: string, language: ZoneLanguage): string {
  const names = ZONE_NAMES[zoneId];
  return names ? (language === 'zh-CN' ? names.zh : names.en) : zoneId;
}

export function mapZone(z: Json, language: ZoneLanguage): Region {
  const id = String(z['zone_id']);
  return { id, name: zoneName(id, language) };
}

export function mapOwner(provider: unknown): ImageOwner {
  switch (provider) {
    case 'system':
      return 'system';
    case 'self':
      return 'self';
    case undefined:
    case null:
    case '':
      return 'unknown';
    default:
      // "shared" and anything else another user made visible to us.
      return 'shared';
  }
}

/** QingCloud tags are names only ({ tag_id, tag_name }): the value is always empty. */
export function mapTags(tags: unknown): Tag[] {
  return objectsOf(tags)
    .map((t) => str(t['tag_name']))
    .filter((name): name is string => name !== undefined)
    .map((key) => ({ key, value: '' }));
}

/** QingCloud's os_family ids as people write them (the ids are lower-case words: "rockylinux", "openeuler"). */
const OS_FAMILY_NAMES: Readonly<Record<string, string>> = {
  centos: 'CentOS',
  ubuntu: 'Ubuntu',
  debian: 'Debian',
  fedora: 'Fedora',
  rockylinux: 'Rocky Linux',
  almalinux: 'AlmaLinux',
  opensuse: 'openSUSE',
  suse: 'SUSE',
  redhat: 'Red Hat Enterprise Linux',
  rhel: 'Red Hat Enterprise Linux',
  kylin: 'Kylin',
  openeuler: 'openEuler',
  euleros: 'EulerOS',
  anolis: 'Anolis OS',
  uos: 'UOS',
  freebsd: 'FreeBSD',
  coreos: 'CoreOS',
  arch: 'Arch Linux',
  windows: 'Windows',
};

/**
 * The OS as a name people read: QingCloud's own (system) images are named after their OS ("CentOS 7.9 64bit");
 * other images give only the family id, shown by its name ("rockylinux" -> "Rocky Linux").
 */
function osNameOf(i: Json): string | undefined {
  const family = str(i['os_family']);
  const name = str(i['image_name']);
  if (i['provider'] === 'system' && name) {
    return name;
  }
  if (family) {
    return OS_FAMILY_NAMES[family.toLowerCase()] ?? family.charAt(0).toUpperCase() + family.slice(1);
  }
  const platform = str(i['platform']);
  return platform && (OS_FAMILY_NAMES[platform.toLowerCase()] ?? platform.charAt(0).toUpperCase() + platform.slice(1));
}

/** `keepRaw`: also keep the cloud's JSON as `raw` (details); a listing for the tree leaves it out. */
export function mapImage(zone: string, i: Json, keepRaw = true): Image {
  const id = String(i['image_id']);
  // Without the raw JSON, still the one raw field the image's state is read from (see qingcloudImageState).
  const transition = str(i['transition_status']);
  const raw = keepRaw ? { raw: i } : transition ? { raw: { transition_status: transition } } : {};
  return {
    id,
    name: str(i['image_name']) ?? id,
    regionId: zone,
    description: str(i['description']),
    status: str(i['status']) ?? 'unknown',
    owner: mapOwner(i['provider']),
    osName: osNameOf(i),
    osType: str(i['platform']),
    architecture: str(i['architecture']) ?? str(i['processor_type']),
    sizeGiB: num(i['size']),
    createdAt: timestamp(i['create_time']),
    platform: str(i['os_family']),
    tags: mapTags(i['tags']),
    ...raw,
  };
}

/** DescribeImageUsers' image_user_set[{ image_id, user: { user_id, email }, create_time }]. */
export function mapMember(u: Json): Member | undefined {
  const user = u['user'];
  const id = typeof user === 'object' && user !== null ? str((user as Json)['user_id']) : str(u['user_id']);
  return id === undefined ? undefined : { id, sharedAt: timestamp(u['create_time']) };
}

/** DescribeJobs' status words (the Go SDK's WaitJob: pending/working go on, successful is done, the rest failed). */
export function mapJobState(status: string | undefined): JobState {
  switch (status) {
    case 'pending':
      return 'queued';
    case 'working':
      return 'running';
    case 'successful':
      return 'succeeded';
    default:
      // 'failed', 'done with failure', and anything unknown: the job will not make progress.
      return 'failed';
  }
}

/** error_codes comes as a string or a list; either way, one line. */
function errorText(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    const parts = v.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : str(x))).filter((x): x is string => !!x);
    return parts.length ? parts.join(', ') : undefined;
  }
  return str(v);
}

/** One job_set entry; QingCloud reports no percentage. */
export function mapJob(j: Json): JobStatus {
  const cloudState = str(j['status']) ?? 'unknown';
  const state = mapJobState(str(j['status']));
  // The cloud's own words only (redacted); with none, the UI says that the cloud gave no reason.
  const words = state === 'failed' ? errorText(j['error_codes']) : undefined;
  const error = words === undefined ? undefined : redact(words);
  return {
    jobId: String(j['job_id']),
    state,
    cloudState,
    error,
    startedAt: timestamp(j['create_time']),
    finishedAt: state === 'succeeded' || state === 'failed' ? timestamp(j['status_time']) : undefined,
  };
}

/** `status`: pending, available, deprecated, suspended, deleted, ceased; `transition_status` says what is under way. */
const IMAGE_STATES: Readonly<Record<string, ImageState>> = {
  pending: 'creating',
  available: 'available',
  deprecated: 'deprecated',
  suspended: 'suspended',
  deleted: 'deleted',
  ceased: 'deleted',
};

function qingcloudImageState(image: Pick<Image, 'status' | 'raw'>): ImageState {
  const transition = str(image.raw?.['transition_status']);
  if (transition === 'creating') {
    return 'creating';
  }
  if (transition === 'deleting') {
    return 'deleting';
  }
  return IMAGE_STATES[image.status] ?? 'unknown';
}

/** `ret_code` (error_code.md): 1xxx request and auth, 2xxx resources and money, 5xxx the service. */
const qingcloudErrorKind = errorRules([
  [/^110\d$/, 'invalid'],
  [/^1200$/, 'auth'],
  [/^1300$/, 'clock'],
  [/^1400$/, 'forbidden'],
  [/^2100$/, 'notFound'],
  [/^2110$/, 'conflict'],
  [/^2[45]00$/, 'quota'],
  [/^5100$/, 'throttled'],
  [/^5\d{3}$/, 'server'],
]);

/**
 * `ret_code`s (error_code.md) that say more than their kind. The codes are the same for every action; the
 * others (1100, 1200, 1300, 1400, 2100, 5000, 5100) are as precise as their kind already.
 */
export const qingcloudErrorReason = reasonTable({
  '2110': 'alreadyExists',
  '2400': 'balance',
  '2500': 'quotaOrRequests',
  '5200': 'resourcesShort',
  '5300': 'serviceUpdating',
});

export const QINGCLOUD_FIELDS = fieldCatalogue({
  general: {
    image_id: 'id',
    image_name: 'name',
    description: 'description',
    status: 'status:state',
    transition_status: 'transition',
    provider: 'owner:owner',
    owner: 'ownerId',
    create_time: 'createdAt:date',
    status_time: 'statusTime:date',
    root_id: 'baseImage',
  },
  system: {
    os_family: 'osName',
    platform: 'osType',
    processor_type: 'osBits',
    architecture: 'architecture',
    hypervisor: 'hypervisor',
    recommended_type: 'recommendedType',
    default_user: 'defaultUser',
  },
  storage: {
    size: 'size:gib',
  },
  access: {
    visibility: { id: 'visibility', values: VISIBILITY_WORDS },
  },
  other: {
    'tags[].tag_id': 'tags',
    'tags[].tag_name': 'tags',
    'tags[].color': 'tags',
  },
});

export const QINGCLOUD_VOCABULARY: CloudVocabulary = {
  imageState: qingcloudImageState,
  errorKind: qingcloudErrorKind,
  errorReason: qingcloudErrorReason,
  fields: QINGCLOUD_FIELDS,
};
