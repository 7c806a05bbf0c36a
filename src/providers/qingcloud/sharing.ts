// QingCloud image sharing: Grant/RevokeImageToUsers (synchronous), DescribeImageUsers (offset paged).
// Each call is sent once; after a lost reply the users list settles it.
import { batches } from '../shared/common';
import { assertMembers } from '../rules/members';
import type { ChangeResult } from '../core/changes';
import type { Member, ShareOperations } from '../core/sharing';
import { Changes, membersShow } from '../shared/reconcile';
import { describeAll, indexed, type QingcloudClient } from './client';
import { mapMember } from './mapping';
import { QINGCLOUD_MEMBER_RULES, QINGCLOUD_USERS_PER_CALL } from './rules';

export class QingcloudSharing implements ShareOperations {
  readonly rules = QINGCLOUD_MEMBER_RULES;

  constructor(private readonly client: QingcloudClient) {}

  async listMembers(zone: string, imageId: string, signal?: AbortSignal): Promise<Member[]> {
    const set = await describeAll(this.client, 'DescribeImageUsers', { image_id: imageId }, 'image_user_set', zone, signal);
    return set.map(mapMember).filter((m): m is Member => m !== undefined);
  }

  addMembers(zone: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    return this.users('GrantImageToUsers', zone, imageId, memberIds, signal);
  }

  removeMembers(zone: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    return this.users('RevokeImageFromUsers', zone, imageId, memberIds, signal);
  }

  /** The SDK's `users.N` (the doc example's `user.1` is taken as a typo; see the API notes). Sync: no job. */
  private async users(action: 'GrantImageToUsers' | 'RevokeImageFromUsers', zone: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    assertMembers(this.rules, memberIds);
    const grant = action === 'GrantImageToUsers';
    const changes = new Changes();
    for (const run of batches([...new Set(memberIds)], QINGCLOUD_USERS_PER_CALL)) {
      await changes.run({
        kind: grant ? 'share' : 'unshare',
        imageIds: [imageId],
        send: async () => {
          await this.client.mutate(action, { image: imageId, ...indexed('users', run) }, signal, zone);
          return undefined;
        },
        readBack: () => membersShow((z, i, s) => this.listMembers(z, i, s), zone, imageId, run, grant, signal),
      });
    }
    return changes.result();
  }
}
