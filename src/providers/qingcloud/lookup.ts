// DescribeImages by id. QingCloud answers an id the zone does not know with an error, not an empty set
// (describe_images.md: "如果指定不存在的映像ID…则会返回错误信息"; the code is 2100 ResourceNotFound), so one
// stale id in `images.N` would fail a whole batch. A lookup here sets such ids apart and still resolves the
// others: an id the error's message names is dropped and the rest asked again; otherwise the batch is
// halved. Every lookup has a bounded number of requests (QINGCLOUD_LOOKUP_REQUESTS).
import { ProviderError } from '../core/errors';
import type { Image } from '../core/model';
import { distinct, objectsOf } from '../shared/common';
import { QINGCLOUD_MAX_LIMIT, indexed, type QingcloudClient } from './client';
import { mapImage } from './mapping';

/** Every DescribeImages status: asked for explicitly so no default filter hides an image from a lookup. */
export const ALL_IMAGE_STATUSES = ['pending', 'available', 'deprecated', 'suspended', 'deleted', 'ceased'];

/** ret_code 2100: a resource the request names does not exist. */
export const QINGCLOUD_NOT_FOUND = '2100';

/**
 * Requests one lookup of up to 100 ids may make while setting unknown ids apart: enough to isolate
 * several unknown ids by halving (each costs at most 2 x log2(100) ~ 14 requests); past it the cloud's
 * error is passed on rather than asking on.
 */
export const QINGCLOUD_LOOKUP_REQUESTS = 40;

/** Gone for the user: deleted (recoverable for 2 h in the console, not an image to act on) or ceased. */
const GONE_STATUSES = new Set(['deleted', 'ceased']);

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

  /** The images of `imageIds` (up to 100) the zone knows, leaving out deleted and ceased ones and unknown ids. */
  async describe(zone: string, imageIds: readonly string[], signal?: AbortSignal): Promise<Image[]> {
    const budget = { left: QINGCLOUD_LOOKUP_REQUESTS };
    return this.resolve(zone, distinct(imageIds), budget, signal);
  }

  private async resolve(zone: string, ids: readonly string[], budget: { left: number }, signal?: AbortSignal): Promise<Image[]> {
    if (!ids.length) {
      return [];
    }
    try {
      budget.left--;
      return await this.once(zone, ids, signal);
    } catch (err) {
      if (!(err instanceof ProviderError) || err.code !== QINGCLOUD_NOT_FOUND) {
        throw err;
      }
      if (ids.length === 1) {
        return [];
      }
      if (budget.left <= 0) {
        throw err;
      }
      const named = ids.filter((id) => names(err.message, id));
      if (named.length && named.length < ids.length) {
        return this.resolve(zone, ids.filter((id) => !named.includes(id)), budget, signal);
      }
      const half = Math.ceil(ids.length / 2);
      const first = await this.resolve(zone, ids.slice(0, half), budget, signal);
      return [...first, ...(await this.resolve(zone, ids.slice(half), budget, signal))];
    }
  }

  private async once(zone: string, ids: readonly string[], signal?: AbortSignal): Promise<Image[]> {
    const body = await this.client.call(
      'DescribeImages',
      { ...indexed('images', ids), ...indexed('status', ALL_IMAGE_STATUSES), limit: String(QINGCLOUD_MAX_LIMIT) },
      signal,
      zone,
    );
    const wanted = new Set(ids);
    return objectsOf(body['image_set'])
      .filter((i) => wanted.has(String(i['image_id'])) && !GONE_STATUSES.has(String(i['status'])))
      .map((i) => mapImage(zone, i));
  }
}
