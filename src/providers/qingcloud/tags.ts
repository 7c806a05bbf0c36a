// QingCloud tags: named objects (CreateTag -> tag_id), attached to resources by id pairs.
// A tag here is a name only, so Tag.value is always ''.
import { batches, str, usedTags } from '../shared/common';
import { ProviderError } from '../core/errors';
import { assertTags, assertUntagKeys } from '../rules/cloud';
import type { Tag } from '../core/model';
import type { ChangeResult } from '../core/changes';
import type { TagOperations, UsedTag } from '../core/tags';
import { Changes, tagsShow, type Change } from '../shared/reconcile';
import { describeAll, type QingcloudClient } from './client';
import { mapTags } from './mapping';
import { QINGCLOUD_TAG_RULES } from './rules';

/** resource_tag_pairs per AttachTags / DetachTags call (QingCloud's usual list ceiling). */
export const QINGCLOUD_PAIRS_PER_CALL = 100;

export class QingcloudTags implements TagOperations {
  readonly rules = QINGCLOUD_TAG_RULES;

  constructor(private readonly client: QingcloudClient) {}

  /**
   * CreateTag where the name is new, then AttachTags. None is documented as idempotent (a second CreateTag
   * makes a second tag), so each is sent once; after a lost reply the tag found by name, and the images'
   * tags, settle it.
   */
  async addTags(zone: string, imageIds: readonly string[], tags: readonly Tag[], signal?: AbortSignal): Promise<ChangeResult> {
    assertTags(this.rules, tags);
    const changes = new Changes();
    const named = new Map<string, string>();
    for (const name of new Set(tags.map((t) => t.key))) {
      named.set((await this.findTagId(zone, name, signal)) ?? (await this.createTag(changes, zone, name, imageIds, signal)), name);
    }
    await this.pairs(changes, 'AttachTags', zone, imageIds, named, signal);
    return changes.result();
  }

  async removeTags(zone: string, imageIds: readonly string[], keys: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    assertUntagKeys(this.rules, keys);
    const named = new Map<string, string>();
    for (const name of new Set(keys)) {
      const id = await this.findTagId(zone, name, signal);
      // A name no tag has is on no image: nothing to detach.
      if (id !== undefined) {
        named.set(id, name);
      }
    }
    const changes = new Changes();
    await this.pairs(changes, 'DetachTags', zone, imageIds, named, signal);
    return changes.result();
  }

  /** DescribeTags for the one resource; the same tags DescribeImages shows in the image's `tags`. */
  async listTags(zone: string, imageId: string, signal?: AbortSignal): Promise<Tag[]> {
    const set = await describeAll(this.client, 'DescribeTags', { 'resources.1': imageId }, 'tag_set', zone, signal);
    return mapTags(set);
  }

  /** DescribeTags without filters: every tag of the account, by name (a QingCloud tag has no value). */
  async usedTags(zone: string, signal?: AbortSignal): Promise<UsedTag[]> {
    const set = await describeAll(this.client, 'DescribeTags', {}, 'tag_set', zone, signal);
    return usedTags(mapTags(set).map((t) => ({ key: t.key, values: [] })));
  }

  /** The id of the tag with exactly this name (search_word matches parts of names too); undefined when none has it. */
  async findTagId(zone: string, name: string, signal?: AbortSignal): Promise<string | undefined> {
    const set = await describeAll(this.client, 'DescribeTags', { search_word: name }, 'tag_set', zone, signal);
    return str(set.find((t) => t['tag_name'] === name)?.['tag_id']);
  }

  /** The new tag's id; after a lost reply, the tag of that name if it is there now. */
  private createTag(changes: Changes, zone: string, name: string, imageIds: readonly string[], signal?: AbortSignal): Promise<string> {
    return changes.run({
      kind: 'tag',
      imageIds,
      send: async () => {
        try {
          const body = await this.client.mutate('CreateTag', { tag_name: name }, signal, zone);
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
      },
      readBack: async () => {
        const id = await this.findTagId(zone, name, signal);
        return id === undefined ? undefined : { value: id };
      },
    });
  }

  /**
   * `named`: tag id -> name. One call per run of 100 pairs; after a lost reply, each image's tags settle its
   * run. A run the cloud refuses is attributed per image: those whose tags do not show it yet get their
   * own pairs alone, so only the image at fault fails (`failed`).
   */
  private async pairs(changes: Changes, action: 'AttachTags' | 'DetachTags', zone: string, imageIds: readonly string[], named: ReadonlyMap<string, string>, signal?: AbortSignal): Promise<void> {
    const all = imageIds.flatMap((resource_id) => [...named.keys()].map((tag_id) => ({ tag_id, resource_id })));
    const shows = async (run: ReadonlyArray<{ tag_id: string; resource_id: string }>, image: string): Promise<boolean> => {
      const names = run.filter((p) => p.resource_id === image).map((p) => named.get(p.tag_id) ?? '');
      const expected = action === 'AttachTags' ? { tags: names.map((key) => ({ key, value: '' })) } : { removedKeys: names };
      return (await tagsShow((z, i, s) => this.listTags(z, i, s), zone, [image], expected, signal)) !== undefined;
    };
    const change = (run: ReadonlyArray<{ tag_id: string; resource_id: string }>): Change<undefined> => {
      const params: Record<string, string> = {};
      run.forEach((p, i) => {
        const n = `resource_tag_pairs.${i + 1}`;
        params[`${n}.tag_id`] = p.tag_id;
        params[`${n}.resource_type`] = 'image';
        params[`${n}.resource_id`] = p.resource_id;
      });
      const images = [...new Set(run.map((p) => p.resource_id))];
      return {
        kind: action === 'AttachTags' ? 'tag' : 'untag',
        imageIds: images,
        send: async () => {
          await this.client.mutate(action, params, signal, zone);
          return undefined;
        },
        readBack: async () => {
          for (const image of images) {
            if (!(await shows(run, image))) {
              return undefined;
            }
          }
          return { value: undefined };
        },
      };
    };
    for (const batch of batches(all, QINGCLOUD_PAIRS_PER_CALL)) {
      // An image that failed an earlier run of this change is not sent again.
      const run = batch.filter((p) => !changes.failedFor(p.resource_id));
      if (!run.length) {
        continue;
      }
      await changes.attemptBatch({
        ...change(run),
        applied: (image) => shows(run, image),
        single: (image) => change(run.filter((p) => p.resource_id === image)),
      });
    }
  }
}
