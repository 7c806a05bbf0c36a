// Huawei IMS tags in the sandbox (the project-scoped v2 API): BatchAddOrDeleteTags and ListImageTags.
// The pairs are kept structured per image; the image's ImageInfo `tags` are written back as the legacy
// "key.value" strings that ListImages shows (and the provider's mapping reads).
import type { Tag } from '../../providers/model';
import type { EmulatorResponse } from '../types';
import type { ImsImage } from './data';
import { IMS_CODES, imsError, invalid, isResponse, jsonBody, noContent, ok } from './replies';
import { findImage, ownImage, type Scope } from './world';

export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 255;
/** Pairs per action call, and tags per image (TMS's usual ceilings). */
export const TAGS_PER_CALL = 10;
export const TAGS_PER_IMAGE = 20;

const KEY_CHARS = /^[\p{L}\p{N}_.:=+\-@ ]+$/u;
const VALUE_CHARS = /^[\p{L}\p{N}_.:/=+\-@ ]*$/u;

function tagError(message: string): EmulatorResponse {
  return imsError(400, IMS_CODES.tagInvalid, message);
}

/** Why a pair breaks the tag rules (as the console states them), or undefined. */
function ruleBroken(key: string, value: string | undefined): string | undefined {
  if (!key || key.length > TAG_KEY_MAX || !KEY_CHARS.test(key) || key !== key.trim() || /^_sys_/i.test(key)) {
    return `The tag key "${key}" is invalid: 1 to ${TAG_KEY_MAX} letters, digits, spaces and _ . : = + - @, not starting with _sys_.`;
  }
  if (value !== undefined && (value.length > TAG_VALUE_MAX || !VALUE_CHARS.test(value))) {
    return `The value of tag "${key}" is invalid: at most ${TAG_VALUE_MAX} letters, digits, spaces and _ . : / = + - @.`;
  }
  return undefined;
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
      const broken = ruleBroken(key, action === 'create' ? (value ?? '') : value);
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
      return tagError(`An image has at most ${TAGS_PER_IMAGE} tags; this would give ${next.length}.`);
    }
    this.pairs.set(image.id, next);
    image['tags'] = next.map((t) => `${t.key}.${t.value}`);
    return noContent();
  }
}
