// What a cloud can do to an image beyond listing it. A provider exposes an operation group only if
// its cloud has it: the presence of a group is the capability (what a cloud lacks is absent, never a stub).
import type { TransferOperations } from '../storage/transfers';
import type { CopyOperations } from './copying';
import type { DeleteOperations } from './deleting';
import type { EditOperations } from './editing';
import type { ExportOperations } from './exporting';
import type { ImportOperations } from './importing';
import type { DetailOperations, LaunchOperations } from './instanceTypes';
import type { JobOperations } from './jobs';
import type { KeyOperations } from './keys';
import type { QuotaOperations } from './quota';
import type { ShareOperations, ReceivedOperations } from './sharing';
import type { TagOperations } from './tags';
import type { UsageOperations } from './usage';

/** The optional groups an ImageProvider may carry. */
export interface ImageOperations {
  readonly tags?: TagOperations;
  readonly sharing?: ShareOperations;
  readonly exporting?: ExportOperations;
  readonly deleting?: DeleteOperations;
  readonly copying?: CopyOperations;
  readonly editing?: EditOperations;
  readonly jobs?: JobOperations;
  readonly details?: DetailOperations;
  readonly importing?: ImportOperations;
  readonly received?: ReceivedOperations;
  readonly quota?: QuotaOperations;
  readonly usage?: UsageOperations;
  /** Image files moved between the user's disk and the cloud's object store (upload to import, download of an export). */
  readonly transfers?: TransferOperations;
  readonly launch?: LaunchOperations;
  /** Where the account's key service lists its keys (for the key picker); absent: a key ID is typed. */
  readonly keys?: KeyOperations;
}
