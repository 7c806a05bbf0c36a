// Tagging images: adding, removing and listing an image's tags, and the tags a region's images already use.
import type { TagRules } from './rules';
import type { Tag } from './model';
import type { ChangeResult } from './changes';

export interface TagOperations {
  /** The add, remove and filter calls' rules; a call that breaks them is refused (InvalidInputError) before any request. */
  readonly rules: TagRules;
  /** Adds or overwrites tags on every image given (split into batches by the provider). */
  addTags(regionId: string, imageIds: readonly string[], tags: readonly Tag[], signal?: AbortSignal): Promise<ChangeResult>;
  removeTags(regionId: string, imageIds: readonly string[], keys: readonly string[], signal?: AbortSignal): Promise<ChangeResult>;
  /** The image's current tags. */
  listTags(regionId: string, imageId: string, signal?: AbortSignal): Promise<Tag[]>;
  /**
   * The tag keys the account (Huawei: the project) already uses on images in the region, each with the
   * values used with it (none where a tag is a name only), sorted by key.
   */
  usedTags(regionId: string, signal?: AbortSignal): Promise<UsedTag[]>;
}

export interface UsedTag {
  readonly key: string;
  readonly values: readonly string[];
}
