// Huawei IMS tags in the sandbox (the project-scoped v2 API): BatchAddOrDeleteTags and ListImageTags.
// The pairs are kept structured per image; the image's ImageInfo `tags` are written back as the legacy
// "key.value" strings that ListImages shows (and the provider's mapping reads).
import { checkText } from '../../providers/rules/text';
import { describeProblem } from '../../providers/rules/problems';
import type { Tag } from '../../providers/core/model';
import { HUAWEI_TAG_RULES } from '../../providers/huawei/rules';
import type { EmulatorResponse } from '../types';
import type { ImsImage } from './data';
import { IMS_CODES, imsError, invalid, isResponse, jsonBody, noContent, ok } from './replies';
import { findImage, ownImage, type Scope } from './world';

/** Pairs per action call, and tags per image (IMS: "An image can have a maximum of 10 tags"). */
export const TAGS_PER_CALL = HUAWEI_TAG_RULES.limits.maxTagsPerCall;
export const TAGS_PER_IMAGE = HUAWEI_TAG_RULES.limits.maxTagsPerImage ?? 10;

function tagError(message: string): EmulatorResponse {
  return imsError(400, IMS_CODES.tagInvalid, message);
}

/**
 * Why a pair breaks the action's rules, or undefined. "create" checks keys (1 to 36), values (0 to 43) and
 * their characters; "delete" checks only lengths: key 1 to 127, value at most 255 (the IMS API reference).
 */
function ruleBroken(action: 'create' | 'delete', key: string, value: string | undefined): string | undefined {
  const problem =
    action === 'create'
      ? HUAWEI_TAG_RULES.checkTag({ key, value: value ?? '' })
      : (HUAWEI_TAG_RULES.checkUntagKey(key) ?? checkText(value ?? '', { field: 'tagValue', min: 0, max: 255, noOuterSpace: false, noControl: false }));
  return problem && `The tag "${key}" is invalid: ${describeProblem(problem)}`;
}

/** The legacy string form: "key.value"; a string without a dot is a key with an empty value. */
function parseLegacy(tag: string): Tag {
  const dot = tag.indexOf('.');
  return dot < 0 ? { key: tag, value: '' } : { key: tag.slice(0, dot), value: tag.slice(dot + 1) };
}

export class HuaweiImageTags {
  private readonly pairs = new Map<string, Tag[]>();

  /** The image's pairs (from its generated "key.value" strings the first time). */
  tagsOf(image: ImsImage): Tag[] {
    let list = this.pairs.get(image.id);
    if (!list) {
      const legacy = Array.isArray(image['tags']) ? (image['tags'] as unknown[]) : [];
      list = legacy.filter((t): t is string => typeof t === 'string').map(parseLegacy);
      this.pairs.set(image.id, list);
    }
    return list;
  }

  forget(imageId: string): void {
    this.pairs.delete(imageId);
  }

  /** ListImageTags: `{tags:[{key, value}]}`; any image the region has may be read (public ones have none). */
  listImageTags(scope: Scope, imageId: string): EmulatorResponse {
    const image = findImage(scope, imageId);
    return isResponse(image) ? image : ok({ tags: this.tagsOf(image).map((t) => ({ key: t.key, value: t.value })) });
  }

  /** ListImagesTags: `{tags:[{key, values:[...]}]}`, every key on the project's own images of the region. */
  listProjectTags(scope: Scope): EmulatorResponse {
    const values = new Map<string, Set<string>>();
    for (const image of scope.images.filter((i) => i.__imagetype === 'private' && i['owner'] === scope.project.id)) {
      for (const t of this.tagsOf(image)) {
        values.set(t.key, (values.get(t.key) ?? new Set<string>()).add(t.value));
      }
    }
    return ok({ tags: [...values].map(([key, set]) => ({ key, values: [...set] })) });
  }

  /** BatchAddOrDeleteTags `{action: create|delete, tags:[{key, value}]}` -> 204. Delete: no value, any value. */
  batchAction(scope: Scope, imageId: string, body: string): EmulatorResponse {
    const request = jsonBody(body);
    if (isResponse(request)) {
      return request;
    }
    const action = request['action'];
    if (action !== 'create' && action !== 'delete') {
      return invalid('The parameter action is invalid: create or delete.');
    }
    const raw = request['tags'];
    if (!Array.isArray(raw) || !raw.length || raw.length > TAGS_PER_CALL) {
      return invalid(`The parameter tags is invalid: 1 to ${TAGS_PER_CALL} tags.`);
    }
    const given: Array<{ key: string; value?: string }> = [];
    for (const t of raw as unknown[]) {
      const pair = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>;
      const key = typeof pair['key'] === 'string' ? pair['key'] : '';
      const rawValue = pair['value'];
      if (rawValue !== undefined && rawValue !== null && typeof rawValue !== 'string') {
        return tagError(`The value of tag "${key}" is not a string.`);
      }
      const value = rawValue ?? undefined;
      const broken = ruleBroken(action, key, value);
      if (broken) {
        return tagError(broken);
      }
      if (given.some((g) => g.key === key)) {
        return tagError(`The tag key "${key}" is given twice.`);
      }
      given.push({ key, value });
    }
    const image = ownImage(scope, imageId);
    if (isResponse(image)) {
      return image;
    }
    const list = this.tagsOf(image);
    const next =
      action === 'create'
        ? [...list.filter((t) => !given.some((g) => g.key === t.key)), ...given.map((g) => ({ key: g.key, value: g.value ?? '' }))]
        : list.filter((t) => !given.some((g) => g.key === t.key && (!g.value || g.value === t.value)));
    if (next.length > TAGS_PER_IMAGE) {
      return imsError(400, IMS_CODES.tagQuota, `An image has at most ${TAGS_PER_IMAGE} tags; this would give ${next.length}.`);
    }
    this.pairs.set(image.id, next);
    image['tags'] = next.map((t) => `${t.key}.${t.value}`);
    return noContent();
  }
}
