// Alibaba image tags: TagResources / UntagResources / ListTagResources with ResourceType=image.
import { batches, distinct, objectsOf, str } from '../common';
import type { Tag } from '../model';
import type { ChangeResult, TagLimits, TagOperations } from '../operations';
import { Changes, tagsShow } from '../reconcile';
import type { AlibabaRpcClient } from './client';
import { localError, repeatParams, tagParams } from './params';

export const ALIBABA_TAG_LIMITS: TagLimits = {
  maxKeyLength: 128,
  maxValueLength: 128,
  maxTagsPerCall: 20,
  maxResourcesPerCall: 50,
  namesOnly: false,
};

const IMAGE = { ResourceType: 'image' };

export class AlibabaTags implements TagOperations {
  readonly limits = ALIBABA_TAG_LIMITS;

  constructor(private readonly rpc: AlibabaRpcClient) {}

  /**
   * One TagResources per run of ≤ 50 images × ≤ 20 tags. The cloud does not document the call as
   * idempotent, so it is sent once; after a lost reply the images' tags settle the run.
   */
  async addTags(regionId: string, imageIds: readonly string[], tags: readonly Tag[], signal?: AbortSignal): Promise<ChangeResult> {
    for (const t of tags) {
      if (!t.key || t.key.length > this.limits.maxKeyLength || t.value.length > this.limits.maxValueLength) {
        throw localError('InvalidTag', `Tag keys are 1 to ${this.limits.maxKeyLength} characters and values at most ${this.limits.maxValueLength}: "${t.key}".`);
      }
    }
    const byKey = new Map(tags.map((t) => [t.key, t]));
    const changes = new Changes();
    for (const images of batches(distinct(imageIds), this.limits.maxResourcesPerCall)) {
      for (const run of batches([...byKey.values()], this.limits.maxTagsPerCall)) {
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
    const changes = new Changes();
    for (const images of batches(distinct(imageIds), this.limits.maxResourcesPerCall)) {
      for (const run of batches(distinct(keys), this.limits.maxTagsPerCall)) {
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
      const entries = objectsOf((body['TagResources'] as Record<string, unknown> | undefined)?.['TagResource']);
      tags.push(...entries.filter((e) => e['ResourceId'] === undefined || e['ResourceId'] === imageId).map((e) => ({ key: String(e['TagKey'] ?? ''), value: String(e['TagValue'] ?? '') })));
      const next = str(body['NextToken']);
      token = next && next !== token ? next : undefined;
    } while (token);
    return tags;
  }
}
