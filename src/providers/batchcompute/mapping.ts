// Alibaba BatchCompute (retired) wire shapes -> the common model, and its static region table.
import { str, timestamp, type Json } from '../shared/common';
import type { Image, Region } from '../core/model';
import type { CloudVocabulary } from '../core/vocabulary';
import { fieldCatalogue } from '../shared/fields';
import { alibabaErrorKind } from '../alibaba/mapping';

export type BatchComputeLanguage = 'zh-CN' | 'en-US';

export interface BatchComputeRegion {
  readonly id: string;
  readonly en: string;
  readonly zh: string;
}

/**
 * BatchCompute has no "list regions" API (one endpoint per region): these are the regions its
 * "Request structure" page listed endpoints for (`batchcompute.<id>.aliyuncs.com`).
 */
export const BATCHCOMPUTE_REGIONS: readonly BatchComputeRegion[] = [
  { id: 'cn-qingdao', en: 'China (Qingdao)', zh: '华北1（青岛）' },
  { id: 'cn-beijing', en: 'China (Beijing)', zh: '华北2（北京）' },
  { id: 'cn-zhangjiakou', en: 'China (Zhangjiakou)', zh: '华北3（张家口）' },
  { id: 'cn-huhehaote', en: 'China (Hohhot)', zh: '华北5（呼和浩特）' },
  { id: 'cn-hangzhou', en: 'China (Hangzhou)', zh: '华东1（杭州）' },
  { id: 'cn-shanghai', en: 'China (Shanghai)', zh: '华东2（上海）' },
  { id: 'cn-shenzhen', en: 'China (Shenzhen)', zh: '华南1（深圳）' },
  { id: 'ap-southeast-1', en: 'Singapore', zh: '新加坡' },
  { id: 'us-west-1', en: 'US (Silicon Valley)', zh: '美国（硅谷）' },
  { id: 'us-east-1', en: 'US (Virginia)', zh: '美国（弗吉尼亚）' },
  { id: 'eu-central-1', en: 'Germany (Frankfurt)', zh: '德国（法兰克福）' },
];

export function batchComputeHost(regionId: string): string {
  return `batchcompute.${regionId}.aliyuncs.com`;
}

export function batchComputeRegions(language: BatchComputeLanguage): Region[] {
  return BATCHCOMPUTE_REGIONS.map((r) => ({
    id: r.id,
    name: language === 'zh-CN' ? r.zh : r.en,
    endpoint: batchComputeHost(r.id),
  }));
}

/**
 * One ImageInfo ({Id, Name, Description, EcsImageId, Platform, Type, OwnerId, CreationTime}).
 * The API has no status field: an image it lists is usable, so every one is "Available".
 * Only the user's own images are listed (Type=Self), hence owner "self" unless the cloud says System.
 */
/** `keepRaw`: also keep the cloud's JSON as `raw` (details); a listing for the tree leaves it out. */
export function mapImage(regionId: string, i: Json, keepRaw = true): Image {
  const id = String(i['Id'] ?? '');
  return {
    id,
    name: str(i['Name']) ?? id,
    regionId,
    description: str(i['Description']),
    status: 'Available',
    owner: i['Type'] === 'System' ? 'system' : 'self',
    osType: str(i['Platform']),
    createdAt: timestamp(i['CreationTime']),
    platform: str(i['Platform']),
    tags: [],
    ...(keepRaw ? { raw: i } : {}),
  };
}

export const BATCHCOMPUTE_FIELDS = fieldCatalogue({
  general: {
    Id: 'id',
    Name: 'name',
    Description: 'description',
    Type: 'owner:owner',
    OwnerId: 'ownerId',
    CreationTime: 'createdAt:date',
    EcsImageId: 'ecsImage',
  },
  system: {
    Platform: 'osType',
  },
});

export const BATCHCOMPUTE_VOCABULARY: CloudVocabulary = {
  // No status field: every image the API lists is usable.
  imageState: () => 'available',
  // BatchCompute answers with Alibaba's POP error codes (see client.ts).
  errorKind: alibabaErrorKind,
  fields: BATCHCOMPUTE_FIELDS,
};
