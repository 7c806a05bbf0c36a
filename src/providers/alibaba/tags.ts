// Alibaba image tags: TagResources / UntagResources / ListTagResources with ResourceType=image.
import { batches, distinct, str, wrappedList } from '../common';
import { assertTags, assertUntagKeys } from '../input';
import type { Tag } from '../model';
import type { ChangeResult, TagOperations } from '../operations';
import { Changes, tagsShow } from '../reconcile';
import type { AlibabaRpcClient } from './client';
import { repeatParams, tagParams } from './params';
import { ALIBABA_TAG_RULES } from './rules';

const IMAGE = { ResourceType: 'image' };

export class AlibabaTags implements TagOperations {
  readonly rules = ALIBABA_TAG_RULES;

  constructor(private readonly rpc: AlibabaRpcClient) {}

  /**
   * One TagResources per run of ≤ 50 images × ≤ 20 tags. The cloud does not document the call as
   * idempotent, so it is sent once; after a lost reply the images' tags settle the run.
   */
  async addTags(regionId: string, imageIds: readonly string[], tags: readonly Tag[], signal?: AbortSignal): Promise<ChangeResult> {
    assertTags(this.rules, tags);
    const byKey = new Map(tags.map((t) => [t.key, t]));
    const changes = new Changes();
    for (const images of batches(distinct(imageIds), this.rules.limits.maxResourcesPerCall)) {
      for (const run of batches([...byKey.values()], this.rules.limits.maxTagsPerCall)) {
        await changes.run({
          kind: 'tag',
          imageIds: images,
          send: async () => {
            await this.rpc.mutate('TagResources', { RegionId: regionId, ...IMAGE, ...repeatParams('ResourceId', images), ...tagParams(run) }, signal, regionId);
            return undefined;
          },
          readBack: () => tagsShow((r, i, s) => this.listTags(r, i, s), regionId, images, { tags: run }, signal),
        });
      }
    }
    return changes.result();
  }

  /** One UntagResources per run of ≤ 50 images × ≤ 20 keys; after a lost reply the images' tags settle the run. */
  async removeTags(regionId: string, imageIds: readonly string[], keys: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    assertUntagKeys(this.rules, keys);
    const changes = new Changes();
    for (const images of batches(distinct(imageIds), this.rules.limits.maxResourcesPerCall)) {
      for (const run of batches(distinct(keys), this.rules.limits.maxTagsPerCall)) {
        await changes.run({
          kind: 'untag',
          imageIds: images,
          send: async () => {
            await this.rpc.mutate('UntagResources', { RegionId: regionId, ...IMAGE, ...repeatParams('ResourceId', images), ...repeatParams('TagKey', run) }, signal, regionId);
            return undefined;
          },
          readBack: () => tagsShow((r, i, s) => this.listTags(r, i, s), regionId, images, { removedKeys: run }, signal),
        });
      }
    }
    return changes.result();
  }

  /** ListTagResources for the one image, following NextToken to the end. */
  async listTags(regionId: string, imageId: string, signal?: AbortSignal): Promise<Tag[]> {
    const tags: Tag[] = [];
    let token: string | undefined;
    do {
      const body = await this.rpc.call(
        'ListTagResources',
        { RegionId: regionId, ...IMAGE, 'ResourceId.1': imageId, ...(token ? { NextToken: token } : {}) },
        signal,
        regionId,
      );
      const entries = wrappedList(body['TagResources'], 'TagResource').filter((e) => (e['ResourceId'] ?? imageId) === imageId && str(e['TagKey']) !== undefined);
      tags.push(...entries.map((e) => ({ key: String(e['TagKey']), value: str(e['TagValue']) ?? '' })));
      const next = str(body['NextToken']);
      token = next && next !== token ? next : undefined;
    } while (token);
    return tags;
  }
}
