// Huawei IMS images other projects shared with this one (ListImages `__imagetype=shared` with
// `visibility=shared` and `member_status`), and this project's answer to them: BatchUpdateMembers
// (`PUT /v1/cloudimages/members` `{images, project_id, status}`), an async job. Sent once; after a lost
// reply (no job ID to follow: IMS lists no jobs), the job is followed through the images' status until
// they are listed with the new one or FOLLOW_MS has passed, and only then is the outcome settled.
import type { Image } from '../core/model';
import type { ChangeResult } from '../core/changes';
import type { JobStart } from '../core/jobs';
import type { Membership, ReceivedImage, ReceivedOperations } from '../core/sharing';
import type { QuotaOperations, QuotaUse } from '../core/quota';
import { Changes, type Found } from '../shared/reconcile';
import { sleep } from '../transport/http';
import { num, objectsOf, str } from '../shared/common';
import type { HuaweiClient } from './client';
import { jobStartOf } from './jobs';
import { mapImage } from './mapping';
import { assertValid } from '../rules/problems';

const MEMBERSHIPS: readonly Membership[] = ['pending', 'accepted', 'rejected'];
const LIMIT = 500;

/** How long a member update whose reply was lost is followed: IMS runs these jobs in seconds. */
export const FOLLOW_MS = 60_000;
const FIRST_WAIT_MS = 1_000;
const LONGEST_WAIT_MS = 8_000;

export interface FollowOptions {
  /** The wait between two read-backs (tests: one that moves the emulator's clock on). */
  readonly wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly followMs?: number;
}

export class HuaweiReceived implements ReceivedOperations {
  constructor(
    private readonly client: HuaweiClient,
    private readonly follow: FollowOptions = {},
  ) {}

  /** One listing per member status (IMS filters by one at a time), each paged by marker. */
  async listReceived(regionId: string, signal?: AbortSignal): Promise<ReceivedImage[]> {
    const out: ReceivedImage[] = [];
    for (const membership of MEMBERSHIPS) {
      for (const image of await this.withStatus(regionId, membership, signal)) {
        out.push({ image, membership });
      }
    }
    return out;
  }

  async answer(regionId: string, imageIds: readonly string[], membership: Exclude<Membership, 'pending'>, signal?: AbortSignal): Promise<ChangeResult> {
    const images = [...new Set(imageIds)];
    const changes = new Changes();
    if (!images.length) {
      return changes.result();
    }
    // An image not shared with this project is refused before the change is sent (as the pickers offer only shared ones).
    const shared = new Set((await this.listReceived(regionId, signal)).map((r) => r.image.id));
    const strangers = images.filter((id) => !shared.has(id));
    assertValid(strangers.length ? { code: 'notShared', ids: strangers } : undefined);
    const projectId = await this.client.projectId(regionId, signal);
    const job = await changes.run<JobStart | undefined>({
      kind: membership === 'accepted' ? 'accept' : 'reject',
      imageIds: images,
      send: async () => {
        const body = await this.client.ims('PUT', regionId, '/v1/cloudimages/members', { body: { images, project_id: projectId, status: membership }, signal });
        return jobStartOf(body, 'BatchUpdateMembers');
      },
      readBack: () => this.followed(regionId, images, membership, signal),
    });
    return changes.result(job);
  }

  /**
   * After a lost reply the job may still be running: the images change status only when it ends. So the
   * status is read again, waiting 1, 2, 4, 8, 8… s between reads, until every image is listed with the
   * answer (made: Found) or FOLLOW_MS has passed (undefined: not seen made).
   */
  private async followed(regionId: string, images: readonly string[], membership: Membership, signal?: AbortSignal): Promise<Found<undefined> | undefined> {
    const wait = this.follow.wait ?? sleep;
    const followMs = this.follow.followMs ?? FOLLOW_MS;
    let waited = 0;
    for (let delay = FIRST_WAIT_MS; ; delay = Math.min(2 * delay, LONGEST_WAIT_MS)) {
      const now = new Set((await this.withStatus(regionId, membership, signal)).map((i) => i.id));
      if (images.every((id) => now.has(id))) {
        return { value: undefined };
      }
      if (waited >= followMs) {
        return undefined;
      }
      const step = Math.min(delay, followMs - waited);
      await wait(step, signal);
      waited += step;
    }
  }

  private async withStatus(regionId: string, membership: Membership, signal?: AbortSignal): Promise<Image[]> {
    const found: Image[] = [];
    let marker: string | undefined;
    for (;;) {
      const body = await this.client.ims('GET', regionId, '/v2/cloudimages', {
        query: { __imagetype: 'shared', visibility: 'shared', member_status: membership, limit: String(LIMIT), ...(marker ? { marker } : {}) },
        signal,
      });
      const page = objectsOf(body['images']).map((i) => mapImage(regionId, i));
      found.push(...page);
      marker = page[page.length - 1]?.id;
      if (page.length < LIMIT || !marker) {
        return found;
      }
    }
  }
}

/** ShowImageQuota `GET /v1/cloudimages/quota` -> `{quotas:{resources:[{type, used, quota, min, max}]}}`. */
export class HuaweiQuota implements QuotaOperations {
  constructor(private readonly client: HuaweiClient) {}

  async quotas(regionId: string, signal?: AbortSignal): Promise<QuotaUse[]> {
    const body = await this.client.ims('GET', regionId, '/v1/cloudimages/quota', { signal });
    const quotas = typeof body['quotas'] === 'object' && body['quotas'] !== null ? (body['quotas'] as Record<string, unknown>) : {};
    return objectsOf(quotas['resources'])
      .map((r) => ({ type: str(r['type']) ?? '', used: num(r['used']) ?? 0, quota: num(r['quota']) ?? 0 }))
      .filter((q) => q.type !== '');
  }
}
