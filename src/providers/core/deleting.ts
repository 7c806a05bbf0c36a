// Deleting images, with the options the cloud has (Alibaba force, Huawei whole-machine images' backups).
import type { ChangeResult } from './changes';

export interface DeleteOptions {
  /** Alibaba: also delete when instances still use the image. */
  readonly force?: boolean;
  /** Huawei: the whole-machine images whose CSBS/CBR backup is deleted too (`delete_backup`); the others keep theirs. */
  readonly deleteBackupOf?: readonly string[];
}

export interface DeleteOperations {
  /** Whether the cloud has a "force" flag (Alibaba). */
  readonly supportsForce: boolean;
  /** Whether deleting a whole-machine image can delete its backup too (Huawei `delete_backup`). */
  readonly deletesBackups?: boolean;
  /** Sync clouds answer without a job; QingCloud with its job. */
  deleteImages(regionId: string, imageIds: readonly string[], options: DeleteOptions, signal?: AbortSignal): Promise<ChangeResult>;
}
