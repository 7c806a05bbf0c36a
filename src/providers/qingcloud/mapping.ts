// QingCloud IaaS wire shapes -> the common model.
import { num, objectsOf, str, timestamp, type Json } from '../common';
import type { Image, ImageOwner, Region, Tag } from '../model';
import type { JobState, JobStatus, Member } from '../operations';
import { redact } from '../redact';

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

export function mapImage(zone: string, i: Json): Image {
  const id = String(i['image_id']);
  return {
    id,
    name: str(i['image_name']) ?? id,
    regionId: zone,
    description: str(i['description']),
    status: str(i['status']) ?? 'unknown',
    owner: mapOwner(i['provider']),
    osName: str(i['os_family']) ?? str(i['platform']),
    osType: str(i['platform']),
    architecture: str(i['architecture']) ?? str(i['processor_type']),
    sizeGiB: num(i['size']),
    createdAt: timestamp(i['create_time']),
    tags: mapTags(i['tags']),
    raw: i,
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
  const error =
    state === 'failed' ? redact(errorText(j['error_codes']) ?? `The ${str(j['job_action']) ?? 'job'} ended with status "${cloudState}".`) : undefined;
  return {
    jobId: String(j['job_id']),
    state,
    cloudState,
    error,
    startedAt: timestamp(j['create_time']),
    finishedAt: state === 'succeeded' || state === 'failed' ? timestamp(j['status_time']) : undefined,
  };
}
