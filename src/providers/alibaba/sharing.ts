// Alibaba image sharing with other accounts: ModifyImageSharePermission (synchronous) and
// DescribeImageSharePermission.
import { batches, distinct, str, timestamp, wrappedList, type Json } from '../shared/common';
import { assertMembers } from '../rules/members';
import type { ChangeResult } from '../core/changes';
import type { Member, ShareOperations } from '../core/sharing';
import { Changes, membersShow } from '../shared/reconcile';
import type { AlibabaRpcClient } from './client';
import { allPages, repeatParams } from './params';
import { ALIBABA_MEMBER_RULES } from './rules';

/** AddAccount.N / RemoveAccount.N take 1..10 entries a call; the cloud silently ignores more. */
export const ALIBABA_SHARE_BATCH = 10;

export class AlibabaSharing implements ShareOperations {
  readonly rules = ALIBABA_MEMBER_RULES;

  constructor(private readonly rpc: AlibabaRpcClient) {}

  listMembers(regionId: string, imageId: string, signal?: AbortSignal): Promise<Member[]> {
    const read = (body: Json): Member[] =>
      wrappedList(body['Accounts'], 'Account')
        .filter((a) => str(a['AliyunId']) !== undefined)
        .map((a) => ({ id: String(a['AliyunId']), sharedAt: timestamp(a['SharedTime']) }));
    return allPages(this.rpc, 'DescribeImageSharePermission', { RegionId: regionId, ImageId: imageId }, regionId, read, signal);
  }

  addMembers(regionId: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    return this.modify('AddAccount', regionId, imageId, memberIds, signal);
  }

  removeMembers(regionId: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    return this.modify('RemoveAccount', regionId, imageId, memberIds, signal);
  }

  /** One ModifyImageSharePermission per run of ten; after a lost reply, the members list settles the run. */
  private async modify(list: 'AddAccount' | 'RemoveAccount', regionId: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult> {
    assertMembers(this.rules, memberIds);
    const ids = distinct(memberIds);
    const changes = new Changes();
    for (const run of batches(ids, ALIBABA_SHARE_BATCH)) {
      await changes.run({
        kind: list === 'AddAccount' ? 'share' : 'unshare',
        imageIds: [imageId],
        send: async () => {
          await this.rpc.mutate('ModifyImageSharePermission', { RegionId: regionId, ImageId: imageId, ...repeatParams(list, run) }, signal, regionId);
          return undefined;
        },
        readBack: () => membersShow((r, i, s) => this.listMembers(r, i, s), regionId, imageId, run, list === 'AddAccount', signal),
      });
    }
    return changes.result();
  }
}
