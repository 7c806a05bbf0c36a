// Alibaba image sharing with other accounts: ModifyImageSharePermission (synchronous) and
// DescribeImageSharePermission.
import { batches, distinct, objectsOf, str, type Json } from '../common';
import type { ChangeResult, Member, ShareOperations } from '../operations';
import { Changes, membersShow } from '../reconcile';
import type { AlibabaRpcClient } from './client';
import { allPages, localError, repeatParams } from './params';

/** AddAccount.N / RemoveAccount.N take 1..10 entries a call; the cloud silently ignores more. */
export const ALIBABA_SHARE_BATCH = 10;

export class AlibabaSharing implements ShareOperations {
  readonly memberKind = 'account' as const;
  /** An Alibaba Cloud account ID (UID, the image's ImageOwnerId) is 16 digits. */
  readonly memberIdPattern = /^\d{16}$/;
  /** The cloud shares one image with at most 50 accounts. */
  readonly maxMembers = 50;

  constructor(private readonly rpc: AlibabaRpcClient) {}

  listMembers(regionId: string, imageId: string, signal?: AbortSignal): Promise<Member[]> {
    const read = (body: Json): Member[] =>
      objectsOf((body['Accounts'] as Json | undefined)?.['Account']).map((a) => ({ id: String(a['AliyunId'] ?? ''), sharedAt: str(a['SharedTime']) }));
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
    const ids = distinct(memberIds.map((m) => m.trim()));
    const bad = ids.find((m) => !this.memberIdPattern.test(m));
    if (bad !== undefined) {
      throw localError('InvalidMemberId', `"${bad}" is not an Alibaba Cloud account ID (16 digits).`);
    }
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
