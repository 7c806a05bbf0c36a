// Huawei IMS tags, the project-scoped v2 API: one image per call (BatchAddOrDeleteTags
// `POST /v2/{project_id}/images/{image_id}/tags/action`), key/value pairs, read back with ListImageTags.
import { batches, usedTags } from '../shared/common';
import { assertTags, assertUntagKeys } from '../rules/cloud';
import type { Tag } from '../core/model';
import type { ChangeResult } from '../core/changes';
import type { TagOperations, UsedTag } from '../core/tags';
import { Changes } from '../shared/reconcile';
import { HUAWEI_CONCURRENCY, mapLimited, segment, type HuaweiClient } from './client';
import { mapTagPairs } from './mapping';
import { HUAWEI_TAG_RULES } from './rules';

type TagAction = 'create' | 'delete';

export class HuaweiTags implements TagOperations {
  readonly rules = HUAWEI_TAG_RULES;

  constructor(private readonly client: HuaweiClient) {}

  /** action "create": a key the image has already gets the new value. */
  async addTags(regionId: string, imageIds: readonly string[], tags: readonly Tag[], signal?: AbortSignal): Promise<ChangeResult> {
    assertTags(this.rules, tags);
    // One pair per key; the last value given wins.
    const pairs = [...new Map(tags.map((t) => [t.key, { key: t.key, value: t.value }])).values()];
    return this.act(regionId, imageIds, 'create', pairs, signal);
  }

  /** action "delete" with keys only: without a value IMS deletes the key whatever its value. */
  async removeTags(regionId: string, imageIds: readonly string[], keys: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    assertUntagKeys(this.rules, keys);
    return this.act(regionId, imageIds, 'delete', [...new Set(keys)].map((key) => ({ key })), signal);
  }

  /** ListImageTags `GET /v2/{project_id}/images/{image_id}/tags` -> `{tags:[{key, value}]}`. */
  async listTags(regionId: string, imageId: string, signal?: AbortSignal): Promise<Tag[]> {
    const body = await this.client.ims('GET', regionId, `/v2/{project_id}/images/${segment(imageId)}/tags`, { signal });
    return mapTagPairs(body['tags']);
  }

  /** ListImagesTags `GET /v2/{project_id}/images/tags` -> `{tags:[{key, values:[...]}]}`: every key of the project's images. */
  async usedTags(regionId: string, signal?: AbortSignal): Promise<UsedTag[]> {
    const body = await this.client.ims('GET', regionId, '/v2/{project_id}/images/tags', { signal });
    const raw = Array.isArray(body['tags']) ? (body['tags'] as unknown[]) : [];
    return usedTags(
      raw.map((t) => (typeof t === 'object' && t !== null ? (t as Record<string, unknown>) : {})).flatMap((t) =>
        typeof t['key'] === 'string' ? [{ key: t['key'], values: Array.isArray(t['values']) ? t['values'].filter((v): v is string => typeof v === 'string') : [] }] : [],
      ),
    );
  }

  /**
   * Idempotent (see below), so retried like a read: its reply always settles it. One image per call: an
   * image the cloud refuses is reported in `failed` and the others go on.
   */
  private async act(regionId: string, imageIds: readonly string[], action: TagAction, tags: ReadonlyArray<{ key: string; value?: string }>, signal?: AbortSignal): Promise<ChangeResult> {
    const changes = new Changes();
    if (!tags.length) {
      return changes.result();
    }
    await mapLimited([...new Set(imageIds)], HUAWEI_CONCURRENCY, (imageId) =>
      changes.attempt({
        kind: action === 'create' ? 'tag' : 'untag',
        imageIds: [imageId],
        send: async () => {
          for (const run of batches(tags, this.rules.limits.maxTagsPerCall)) {
            // IMS documents this call as idempotent (a key already set is overwritten, a missing key's delete
            // succeeds): it is retried like a read.
            await this.client.ims('POST', regionId, `/v2/{project_id}/images/${segment(imageId)}/tags/action`, { body: { action, tags: run }, signal, kind: 'idempotent' });
          }
          return undefined;
        },
      }),
    );
    return changes.result();
  }
}
