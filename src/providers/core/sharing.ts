// Sharing images both ways: the members an own image is shared with, and the images other projects shared
// with this one, with this project's answer.
import type { MemberRules } from './rules';
import type { Image } from './model';
import type { ChangeResult } from './changes';

export interface Member {
  /** Account ID (Alibaba), project ID (Huawei) or user ID (QingCloud). */
  readonly id: string;
  readonly status?: string;
  readonly sharedAt?: string;
}

export interface ShareOperations {
  /** Member ID format and counts, checked before any request. */
  readonly rules: MemberRules;
  listMembers(regionId: string, imageId: string, signal?: AbortSignal): Promise<Member[]>;
  /** Sync clouds answer without a job; async clouds (Huawei) with the job. Batches are split by the provider. */
  addMembers(regionId: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult>;
  removeMembers(regionId: string, imageId: string, memberIds: readonly string[], signal?: AbortSignal): Promise<ChangeResult>;
}

export type Membership = 'pending' | 'accepted' | 'rejected';

/** An image another project shared with this one, and what this project answered. */
export interface ReceivedImage {
  readonly image: Image;
  readonly membership: Membership;
}

export interface ReceivedOperations {
  /** Every image shared with this project, pending, accepted or rejected. */
  listReceived(regionId: string, signal?: AbortSignal): Promise<ReceivedImage[]>;
  /**
   * Accepts or rejects shared images: one async job for all of them. The job to follow, unless reading back
   * after a lost reply found the answer already given.
   */
  answer(regionId: string, imageIds: readonly string[], membership: Exclude<Membership, 'pending'>, signal?: AbortSignal): Promise<ChangeResult>;
}
