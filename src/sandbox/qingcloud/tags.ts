// QingCloud tags in the sandbox: CreateTag, DescribeTags, AttachTags, DetachTags.
// Tags are named objects of the account (one name space for every zone); which image carries which
// tag is kept in the image's own `tags` list, so DescribeImages and DescribeTags always agree.
import { QINGCLOUD_TAG_NAME_MAX } from '../../providers/qingcloud/rules';
import type { EmulatorResponse } from '../types';
import { QINGCLOUD_SEED_TAGS, tagId, type QingcloudImage } from './data';
import { isoSecond, listParam, objectListParam, ok, paged, parameterError, notFound, qingcloudError, type Params } from './params';
import { isResponse, ownImage, zoneScope, type QingcloudWorld, type ZoneScope } from './world';

/** CreateTag's tag_name: "fewer than 15 characters" (create_tag.md), i.e. at most 14. */
export const TAG_NAME_MAX = QINGCLOUD_TAG_NAME_MAX;
/** resource_tag_pairs.N per AttachTags / DetachTags call. */
export const MAX_PAIRS = 100;
/** The resource types this emulator tags (the cloud knows more: instance, volume, ...). */
const RESOURCE_TYPES = ['image'];
const COLOR = /^#[0-9a-fA-F]{6}$/;

interface TagRecord {
  readonly tag_id: string;
  readonly tag_name: string;
  readonly color: string;
  readonly description: string;
  readonly create_time: string;
  readonly owner: string;
}

interface Pair {
  readonly tag: TagRecord;
  readonly image: QingcloudImage;
}

export class QingcloudTags {
  private readonly tags: TagRecord[];

  constructor(private readonly world: QingcloudWorld) {
    const created = isoSecond(Date.UTC(2021, 5, 1));
    this.tags = QINGCLOUD_SEED_TAGS.map((t) => ({
      tag_id: tagId(t.tag_name),
      tag_name: t.tag_name,
      color: t.color,
      description: '',
      create_time: created,
      owner: world.userId,
    }));
  }

  createTag(params: Params): EmulatorResponse {
    const scope = zoneScope(this.world, params);
    if (isResponse(scope)) {
      return scope;
    }
    const name = params['tag_name'] ?? '';
    if (!name.trim()) {
      return parameterError('the parameter [tag_name] is required');
    }
    if ([...name].length > TAG_NAME_MAX) {
      return parameterError(`the length of [tag_name] should be no more than ${TAG_NAME_MAX}`);
    }
    const color = params['color'] || '#9b9b9b';
    if (!COLOR.test(color)) {
      return parameterError(`invalid color [${color}]`);
    }
    if (this.tags.some((t) => t.tag_name === name)) {
      return qingcloudError(2110, `ResourceAlreadyExists, tag named [${name}] already exists`);
    }
    let id = this.world.newId('tag');
    while (this.tags.some((t) => t.tag_id === id)) {
      // A seeded tag's id is a hash of its name, not one newId handed out.
      id = this.world.newId('tag');
    }
    const tag: TagRecord = {
      tag_id: id,
      tag_name: name,
      color,
      description: params['description'] ?? '',
      create_time: isoSecond(this.world.now()),
      owner: this.world.userId,
    };
    this.tags.push(tag);
    return ok('CreateTag', { tag_id: tag.tag_id });
  }

  describeTags(params: Params): EmulatorResponse {
    const scope = zoneScope(this.world, params);
    if (isResponse(scope)) {
      return scope;
    }
    const ids = listParam(params, 'tags');
    const resources = listParam(params, 'resources');
    const word = params['search_word']?.toLowerCase();
    const verbose = params['verbose'] === '1';
    const set = this.tags
      .filter((t) => (!ids.length || ids.includes(t.tag_id)) && (!word || t.tag_name.toLowerCase().includes(word) || t.tag_id === word))
      .map((t) => ({ tag: t, carriers: this.carriers(scope, t) }))
      .map((e) => ({ ...e, shown: resources.length ? e.carriers.filter((i) => resources.includes(i.image_id)) : e.carriers }))
      .filter((e) => !resources.length || e.shown.length > 0)
      .map(({ tag, carriers, shown }) => ({
        ...tag,
        resource_count: carriers.length,
        resource_type_count: carriers.length ? [{ resource_type: 'image', count: carriers.length }] : [],
        ...(verbose
          ? { resource_tag_pairs: shown.map((i) => ({ tag_id: tag.tag_id, resource_type: 'image', resource_id: i.image_id, status_time: tag.create_time })) }
          : {}),
      }));
    return paged(params, 'DescribeTags', 'tag_set', set);
  }

  attachTags(params: Params): EmulatorResponse {
    return this.onPairs('AttachTags', params, ({ tag, image }) => {
      if (!image.tags.some((t) => t.tag_id === tag.tag_id)) {
        image.tags.push({ tag_id: tag.tag_id, tag_name: tag.tag_name, color: tag.color });
      }
    });
  }

  detachTags(params: Params): EmulatorResponse {
    return this.onPairs('DetachTags', params, ({ tag, image }) => {
      image.tags = image.tags.filter((t) => t.tag_id !== tag.tag_id);
    });
  }

  /** The zone's images that carry the tag (deleted and ceased ones no longer count). */
  private carriers(scope: ZoneScope, tag: TagRecord): QingcloudImage[] {
    return scope.images.filter((i) => i.status !== 'deleted' && i.status !== 'ceased' && i.tags.some((t) => t.tag_id === tag.tag_id));
  }

  /** Checks every pair first (1100 / 2100 / 1400), then applies them all: a bad pair changes nothing. */
  private onPairs(action: string, params: Params, apply: (pair: Pair) => void): EmulatorResponse {
    const scope = zoneScope(this.world, params);
    if (isResponse(scope)) {
      return scope;
    }
    const raw = objectListParam(params, 'resource_tag_pairs');
    if (!raw.length) {
      return parameterError('the parameter [resource_tag_pairs] is required');
    }
    if (raw.length > MAX_PAIRS) {
      return parameterError(`at most ${MAX_PAIRS} resource_tag_pairs per request`);
    }
    const pairs: Pair[] = [];
    for (const p of raw) {
      const tagIdParam = p['tag_id'];
      const type = p['resource_type'];
      const resourceId = p['resource_id'];
      if (!tagIdParam || !type || !resourceId) {
        return parameterError('each resource_tag_pair needs tag_id, resource_type and resource_id');
      }
      if (!RESOURCE_TYPES.includes(type)) {
        return parameterError(`unsupported resource_type [${type}]`);
      }
      const tag = this.tags.find((t) => t.tag_id === tagIdParam);
      if (!tag) {
        return notFound(`tag [${tagIdParam}] not found`);
      }
      const image = ownImage(scope, resourceId);
      if (isResponse(image)) {
        return image;
      }
      pairs.push({ tag, image });
    }
    pairs.forEach(apply);
    return ok(action);
  }
}
