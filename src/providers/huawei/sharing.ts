// Huawei IMS sharing: members are projects. Adding and removing are async jobs
// (BatchAddMembers / BatchDeleteMembers on /v1/cloudimages/members); the list is Glance's.
// Each is sent once; after a lost reply the members list settles it once the job has got there.
import { objectsOf } from '../shared/common';
import { assertMembers } from '../rules/members';
import type { ChangeResult } from '../core/changes';
import type { JobStart } from '../core/jobs';
import type { Member, ShareOperations } from '../core/sharing';
import { Changes, membersShow } from '../shared/reconcile';
import { segment, type HuaweiClient } from './client';
import { jobStartOf } from './jobs';
import { mapMember } from './mapping';
import { HUAWEI_MEMBER_RULES } from './rules';

export class HuaweiSharing implements ShareOperations {
  readonly rules = HUAWEI_MEMBER_RULES;

  constructor(private readonly client: HuaweiClient) {}

  /** Glance `GET /v2/images/{image_id}/members` -> `{members:[{member_id, status, created_at, ...}]}` (one page). */
  async listMembers(regionId: string, imageId: string, signal?: AbortSignal): Promise<Member[]> {
    const body = await this.client.ims('GET', regionId, `/v2/images/${segment(imageId)}/members`, { signal });
    return objectsOf(body['members'])
      .map(mapMember)
      .filter((m): m is Member => m !== undefined);
  }

  /** The members start as "pending" until the receiving project accepts (BatchUpdateMembers, on its side). */
  addMembers(regionId: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    return this.members('POST', regionId, imageId, memberIds, signal);
  }

  removeMembers(regionId: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    return this.members('DELETE', regionId, imageId, memberIds, signal);
  }

  /**
   * One call, one job for all the projects: `{images:[id], projects:[...]}` -> `{job_id}`. After a lost
   * reply, members listed (or gone) mean the job already did it: nothing is left to follow.
   */
  private async members(method: 'POST' | 'DELETE', regionId: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    assertMembers(this.rules, memberIds);
    const projects = [...new Set(memberIds)];
    const changes = new Changes();
    if (!projects.length) {
      return changes.result();
    }
    const job = await changes.run<JobStart | undefined>({
      kind: method === 'POST' ? 'share' : 'unshare',
      imageIds: [imageId],
      send: async () => {
        const body = await this.client.ims(method, regionId, '/v1/cloudimages/members', { body: { images: [imageId], projects }, signal });
        return jobStartOf(body, method === 'POST' ? 'BatchAddMembers' : 'BatchDeleteMembers');
      },
      readBack: () => membersShow((r, i, s) => this.listMembers(r, i, s), regionId, imageId, projects, method === 'POST', signal),
    });
    return changes.result(job);
  }
}
