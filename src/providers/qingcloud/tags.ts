// QingCloud tags: named objects (CreateTag -> tag_id), attached to resources by id pairs.
// A tag here is a name only, so Tag.value is always ''.
import { batches, str } from '../common';
import { ProviderError } from '../errors';
import { assertTags, assertUntagKeys } from '../input';
import type { Tag } from '../model';
import type { TagOperations } from '../operations';
import { describeAll, type QingcloudClient } from './client';
import { mapTags } from './mapping';
import { QINGCLOUD_TAG_RULES } from './rules';

/** resource_tag_pairs per AttachTags / DetachTags call (QingCloud's usual list ceiling). */
export const QINGCLOUD_PAIRS_PER_CALL = 100;

export class QingcloudTags implements TagOperations {
  readonly rules = QINGCLOUD_TAG_RULES;

  constructor(private readonly client: QingcloudClient) {}

  async addTags(zone: string, imageIds: readonly string[], tags: readonly Tag[], signal?: AbortSignal): Promise<void> {
    assertTags(this.rules, tags);
    const names = [...new Set(tags.map((t) => t.key))];
    const ids: string[] = [];
    for (const name of names) {
      ids.push((await this.findTagId(zone, name, signal)) ?? (await this.createTag(zone, name, signal)));
    }
    await this.pairs('AttachTags', zone, imageIds, ids, signal);
  }

  async removeTags(zone: string, imageIds: readonly string[], keys: readonly string[], signal?: AbortSignal): Promise<void> {
    assertUntagKeys(this.rules, keys);
    const ids: string[] = [];
    for (const name of new Set(keys)) {
      const id = await this.findTagId(zone, name, signal);
      // A name no tag has is on no image: nothing to detach.
      if (id !== undefined) {
        ids.push(id);
      }
    }
    await this.pairs('DetachTags', zone, imageIds, ids, signal);
  }

  /** DescribeTags for the one resource; the same tags DescribeImages shows in the image's `tags`. */
  async listTags(zone: string, imageId: string, signal?: AbortSignal): Promise<Tag[]> {
    const set = await describeAll(this.client, 'DescribeTags', { 'resources.1': imageId }, 'tag_set', zone, signal);
    return mapTags(set);
  }

  /** The id of the tag with exactly this name (search_word matches parts of names too); undefined when none has it. */
  async findTagId(zone: string, name: string, signal?: AbortSignal): Promise<string | undefined> {
    const set = await describeAll(this.client, 'DescribeTags', { search_word: name }, 'tag_set', zone, signal);
    return str(set.find((t) => t['tag_name'] === name)?.['tag_id']);
  }

  private async createTag(zone: string, name: string, signal?: AbortSignal): Promise<string> {
    try {
      const body = await this.client.call('CreateTag', { tag_name: name }, signal, zone);
      const id = str(body['tag_id']);
      if (id) {
        return id;
      }
    } catch (err) {
      // 2110: someone made it since we looked; use theirs.
      if (!(err instanceof ProviderError && err.code === '2110')) {
        throw err;
      }
    }
    const id = await this.findTagId(zone, name, signal);
    if (id === undefined) {
      throw new ProviderError({ cloud: 'qingcloud', code: 'BadResponse', message: `CreateTag gave no tag_id for "${name}".` });
    }
    return id;
  }

  private async pairs(action: 'AttachTags' | 'DetachTags', zone: string, imageIds: readonly string[], tagIds: readonly string[], signal?: AbortSignal): Promise<void> {
    const all = imageIds.flatMap((resource_id) => tagIds.map((tag_id) => ({ tag_id, resource_id })));
    for (const run of batches(all, QINGCLOUD_PAIRS_PER_CALL)) {
      const params: Record<string, string> = {};
      run.forEach((p, i) => {
        const n = `resource_tag_pairs.${i + 1}`;
        params[`${n}.tag_id`] = p.tag_id;
        params[`${n}.resource_type`] = 'image';
        params[`${n}.resource_id`] = p.resource_id;
      });
      await this.client.call(action, params, signal, zone);
    }
  }
}
