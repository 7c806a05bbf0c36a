// DescribeImages by id. QingCloud answers an id the zone does not know with an error, not an empty set
// (describe_images.md: "如果指定不存在的映像ID…则会返回错误信息"; the code is 2100 ResourceNotFound), so one
// stale id in `images.N` fails the whole batch, and so does asking a zone for ids that live in another.
// A lookup here still resolves the ids the zone has, in a bounded number of requests: a small batch
// (QINGCLOUD_SPLIT_MAX ids or fewer) drops the id the error names, else is halved; a larger one lists the
// zone instead (own, system and shared images, 100 a page, stopping once every id was seen).
import { ProviderError } from '../core/errors';
import type { Image } from '../core/model';
import { batches, distinct, num, objectsOf, type Json } from '../shared/common';
import { QINGCLOUD_MAX_LIMIT, indexed, type QingcloudClient } from './client';
import { mapImage } from './mapping';

/** Every DescribeImages status: asked for explicitly so no default filter hides an image from a lookup. */
export const ALL_IMAGE_STATUSES = ['pending', 'available', 'deprecated', 'suspended', 'deleted', 'ceased'];

/** ret_code 2100: a resource the request names does not exist. */
export const QINGCLOUD_NOT_FOUND = '2100';

/** A batch of at most this many ids is split on 2100 (at most 2 x 4 - 1 = 7 requests); a larger one lists the zone. */
export const QINGCLOUD_SPLIT_MAX = 4;

/**
 * The listings a larger batch falls back to: with no `provider` DescribeImages lists only one's own
 * images (describe_images.md), so each kind is listed by itself.
 */
const PROVIDERS = ['self', 'system', 'shared'];

/** Gone for the user: deleted (recoverable for 2 h in the console, not an image to act on) or ceased. */
const GONE_STATUSES = new Set(['deleted', 'ceased']);

function isNotFound(err: unknown): err is ProviderError {
  return err instanceof ProviderError && err.code === QINGCLOUD_NOT_FOUND;
}

/** True when `message` names `id` as a whole word (img-abc is not named by img-abcd). */
function names(message: string, id: string): boolean {
  const at = message.indexOf(id);
  if (at < 0) {
    return false;
  }
  const before = message[at - 1];
  const after = message[at + id.length];
  return !(before && /[\w-]/u.test(before)) && !(after && /[\w-]/u.test(after));
}

export class QingcloudLookup {
  constructor(private readonly client: Pick<QingcloudClient, 'call'>) {}

  /** The images of `imageIds` (up to 100) the zone has, leaving out deleted and ceased ones and ids it does not know. */
  async describe(zone: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Image[]> {
    const ids = distinct(imageIds);
    if (!ids.length) {
      return [];
    }
    try {
      return this.usable(zone, ids, await this.byIds(zone, ids, signal));
    } catch (err) {
      if (!isNotFound(err)) {
        throw err;
      }
      return ids.length <= QINGCLOUD_SPLIT_MAX ? this.split(zone, ids, err, signal) : this.byListing(zone, ids, signal);
    }
  }

  /**
   * Any number of ids: asked by id 100 at a time; the batches the zone refuses (an id it does not know)
   * are settled together by one listing of the zone, not one listing per batch.
   */
  async find(zone: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Image[]> {
    const out: Image[] = [];
    const refused: string[] = [];
    for (const batch of batches(distinct(imageIds), QINGCLOUD_MAX_LIMIT)) {
      try {
        out.push(...this.usable(zone, batch, await this.byIds(zone, batch, signal)));
      } catch (err) {
        if (!isNotFound(err)) {
          throw err;
        }
        if (batch.length <= QINGCLOUD_SPLIT_MAX) {
          out.push(...(await this.split(zone, batch, err, signal)));
        } else {
          refused.push(...batch);
        }
      }
    }
    if (refused.length) {
      out.push(...(await this.byListing(zone, refused, signal)));
    }
    return out;
  }

  /** After a 2100 on `ids`: without the id the message names, else each half; a single id is simply not there. */
  private async split(zone: string, ids: readonly string[], err: ProviderError, signal?: AbortSignal): Promise<Image[]> {
    if (ids.length === 1) {
      return [];
    }
    const named = ids.filter((id) => names(err.message, id));
    const parts = named.length && named.length < ids.length ? [ids.filter((id) => !named.includes(id))] : [ids.slice(0, Math.ceil(ids.length / 2)), ids.slice(Math.ceil(ids.length / 2))];
    const out: Image[] = [];
    for (const part of parts) {
      try {
        out.push(...this.usable(zone, part, await this.byIds(zone, part, signal)));
      } catch (again) {
        if (!isNotFound(again)) {
          throw again;
        }
        out.push(...(await this.split(zone, part, again, signal)));
      }
    }
    return out;
  }

  /** The zone's images listed kind by kind, page by page, until every id was seen or the listings end. */
  private async byListing(zone: string, ids: readonly string[], signal?: AbortSignal): Promise<Image[]> {
    const left = new Set(ids);
    const found: Json[] = [];
    for (const provider of PROVIDERS) {
      for (let offset = 0; left.size; offset += QINGCLOUD_MAX_LIMIT) {
        const params = { provider, ...indexed('status', ALL_IMAGE_STATUSES), offset: String(offset), limit: String(QINGCLOUD_MAX_LIMIT) };
        const body = await this.client.call('DescribeImages', params, signal, zone);
        const page = objectsOf(body['image_set']);
        found.push(...page.filter((i) => left.delete(String(i['image_id']))));
        const total = num(body['total_count']) ?? 0;
        if (!page.length || offset + page.length >= total) {
          break;
        }
      }
    }
    return this.usable(zone, ids, found);
  }

  private async byIds(zone: string, ids: readonly string[], signal?: AbortSignal): Promise<Json[]> {
    const params = { ...indexed('images', ids), ...indexed('status', ALL_IMAGE_STATUSES), limit: String(QINGCLOUD_MAX_LIMIT) };
    return objectsOf((await this.client.call('DescribeImages', params, signal, zone))['image_set']);
  }

  private usable(zone: string, ids: readonly string[], set: readonly Json[]): Image[] {
    const wanted = new Set(ids);
    return set.filter((i) => wanted.has(String(i['image_id'])) && !GONE_STATUSES.has(String(i['status']))).map((i) => mapImage(zone, i));
  }
}
