// Alibaba image tags: TagResources / UntagResources / ListTagResources with ResourceType=image.
import { batches, distinct, str, usedTags, wrappedList } from '../shared/common';
import { assertTags, assertUntagKeys } from '../rules/cloud';
import type { Tag } from '../core/model';
import type { ChangeResult } from '../core/changes';
import type { TagOperations, UsedTag } from '../core/tags';
import { Changes, tagsShow, type Change } from '../shared/reconcile';
import type { AlibabaRpcClient } from './client';
import { allPages, repeatParams, tagParams } from './params';
import { ALIBABA_TAG_RULES } from './rules';

const IMAGE = { ResourceType: 'image' };

export class AlibabaTags implements TagOperations {
  readonly rules = ALIBABA_TAG_RULES;

  constructor(private readonly rpc: AlibabaRpcClient) {}

  /**
   * One TagResources per run of ≤ 50 images × ≤ 20 tags. The cloud does not document the call as
   * idempotent, so it is sent once; after a lost reply the images' tags settle the run. A run the cloud
   * refuses is attributed per image (Changes.attemptBatch): the images are read back, and those without
   * the tags are tagged alone, so only the image at fault fails (`failed`).
   */
  async addTags(regionId: string, imageIds: readonly string[], tags: readonly Tag[], signal?: AbortSignal): Promise<ChangeResult> {
    assertTags(this.rules, tags);
    const byKey = new Map(tags.map((t) => [t.key, t]));
    return this.perRun(regionId, imageIds, [...byKey.values()], 'tag', (run) => ({
      action: 'TagResources',
      params: tagParams(run),
      expected: { tags: run },
    }), signal);
  }

  /** One UntagResources per run of ≤ 50 images × ≤ 20 keys; after a lost reply the images' tags settle the run. */
  async removeTags(regionId: string, imageIds: readonly string[], keys: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    assertUntagKeys(this.rules, keys);
    return this.perRun(regionId, imageIds, distinct(keys), 'untag', (run) => ({
      action: 'UntagResources',
      params: repeatParams('TagKey', run),
      expected: { removedKeys: run },
    }), signal);
  }

  /**
   * DescribeTags with ResourceType=image: every key/value pair the account's images of the region carry
   * (ListTagResources wants resource ids or a tag to look for; the Tag service's ListTagKeys is another
   * endpoint). PageNumber/PageSize, every page.
   */
  async usedTags(regionId: string, signal?: AbortSignal): Promise<UsedTag[]> {
    const tags = await allPages(this.rpc, 'DescribeTags', { RegionId: regionId, ...IMAGE }, regionId, (body) => wrappedList(body['Tags'], 'Tag'), signal);
    return usedTags(tags.flatMap((t) => (str(t['TagKey']) === undefined ? [] : [{ key: String(t['TagKey']), values: [str(t['TagValue']) ?? ''] }])));
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

  /** Every run of images × items as one call, refused runs attributed per image. */
  private async perRun<I>(
    regionId: string,
    imageIds: readonly string[],
    items: readonly I[],
    kind: 'tag' | 'untag',
    call: (run: readonly I[]) => { action: string; params: Record<string, string>; expected: { tags?: readonly Tag[]; removedKeys?: readonly string[] } },
    signal?: AbortSignal,
  ): Promise<ChangeResult> {
    const changes = new Changes();
    const change = (images: readonly string[], run: readonly I[]): Change<undefined> => {
      const { action, params, expected } = call(run);
      return {
        kind,
        imageIds: images,
        send: async () => {
          await this.rpc.mutate(action, { RegionId: regionId, ...IMAGE, ...repeatParams('ResourceId', images), ...params }, signal, regionId);
          return undefined;
        },
        readBack: () => tagsShow((r, i, s) => this.listTags(r, i, s), regionId, images, expected, signal),
      };
    };
    for (const images of batches(distinct(imageIds), this.rules.limits.maxResourcesPerCall)) {
      for (const run of batches(items, this.rules.limits.maxTagsPerCall)) {
        // An image that failed an earlier run of this change is not sent again.
        const live = images.filter((id) => !changes.failedFor(id));
        if (!live.length) {
          continue;
        }
        const expected = call(run).expected;
        await changes.attemptBatch({
          ...change(live, run),
          applied: async (id) => (await tagsShow((r, i, s) => this.listTags(r, i, s), regionId, [id], expected, signal)) !== undefined,
          single: (id) => change([id], run),
        });
      }
    }
    return changes.result();
  }
}
