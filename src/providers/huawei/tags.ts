// Huawei IMS tags, the project-scoped v2 API: one image per call (BatchAddOrDeleteTags
// `POST /v2/{project_id}/images/{image_id}/tags/action`), key/value pairs, read back with ListImageTags.
import { batches } from '../common';
import { ProviderError } from '../errors';
import type { Tag } from '../model';
import type { ChangeResult, TagLimits, TagOperations } from '../operations';
import { HUAWEI_CONCURRENCY, mapLimited, segment, type HuaweiClient } from './client';
import { mapTagPairs } from './mapping';

export const HUAWEI_TAG_LIMITS: TagLimits = {
  maxKeyLength: 128,
  maxValueLength: 255,
  // Ten pairs per action call (the ceiling the tag APIs of Huawei Cloud use for a tag list); more are sent in runs.
  maxTagsPerCall: 10,
  // The v2 tag API addresses one image per call.
  maxResourcesPerCall: 1,
  namesOnly: false,
};

function invalidTag(message: string): ProviderError {
  return new ProviderError({ cloud: 'local', code: 'InvalidTag', message });
}

type TagAction = 'create' | 'delete';

export class HuaweiTags implements TagOperations {
  readonly limits = HUAWEI_TAG_LIMITS;

  constructor(private readonly client: HuaweiClient) {}

  /** action "create": a key the image has already gets the new value. */
  async addTags(regionId: string, imageIds: readonly string[], tags: readonly Tag[], signal?: AbortSignal): Promise<ChangeResult> {
    const { maxKeyLength, maxValueLength } = this.limits;
    for (const t of tags) {
      if (!t.key || t.key.length > maxKeyLength) {
        throw invalidTag(`A Huawei Cloud tag key has 1 to ${maxKeyLength} characters: "${t.key}".`);
      }
      if (t.value.length > maxValueLength) {
        throw invalidTag(`A Huawei Cloud tag value has at most ${maxValueLength} characters (key "${t.key}").`);
      }
    }
    // One pair per key; the last value given wins.
    const pairs = [...new Map(tags.map((t) => [t.key, { key: t.key, value: t.value }])).values()];
    return this.act(regionId, imageIds, 'create', pairs, signal);
  }

  /** action "delete" with keys only: without a value IMS deletes the key whatever its value. */
  async removeTags(regionId: string, imageIds: readonly string[], keys: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    return this.act(regionId, imageIds, 'delete', [...new Set(keys)].filter(Boolean).map((key) => ({ key })), signal);
  }

  /** ListImageTags `GET /v2/{project_id}/images/{image_id}/tags` -> `{tags:[{key, value}]}`. */
  async listTags(regionId: string, imageId: string, signal?: AbortSignal): Promise<Tag[]> {
    const body = await this.client.ims('GET', regionId, `/v2/{project_id}/images/${segment(imageId)}/tags`, { signal });
    return mapTagPairs(body['tags']);
  }

  /** Idempotent (see below), so retried like a read: its reply always settles it. */
  private async act(regionId: string, imageIds: readonly string[], action: TagAction, tags: ReadonlyArray<{ key: string; value?: string }>, signal?: AbortSignal): Promise<ChangeResult> {
    if (!tags.length) {
      return { confirmedBy: 'reply' };
    }
    await mapLimited([...new Set(imageIds)], HUAWEI_CONCURRENCY, async (imageId) => {
      for (const run of batches(tags, this.limits.maxTagsPerCall)) {
        // IMS documents this call as idempotent (a key already set is overwritten, a missing key's delete
        // succeeds): it is retried like a read.
        await this.client.ims('POST', regionId, `/v2/{project_id}/images/${segment(imageId)}/tags/action`, { body: { action, tags: run }, signal, kind: 'idempotent' });
      }
    });
    return { confirmedBy: 'reply' };
  }
}
