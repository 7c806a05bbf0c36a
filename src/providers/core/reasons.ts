// Why the cloud refused a change, more precisely than its kind (vocabulary.ts ErrorKind): each cloud's
// documented codes for the operations the product performs (delete, share, copy, export, import, tag,
// edit), read from the provider's own table. A code no table names keeps its kind's explanation; the
// cloud's own words are always shown beside ours (util/errors.ts).

export type ErrorReason =
  /** Instances were created from the image (Alibaba ImageUsingByInstance): Force deletes it all the same. */
  | 'imageInUse'
  /** The image is shared with other accounts (Alibaba ImageUseShared): stop sharing it first. */
  | 'imageShared'
  | 'imageCreating'
  | 'imageImporting'
  | 'imageExporting'
  | 'imageCopying'
  /** The image's state does not allow it (Alibaba IncorrectImageStatus). */
  | 'imageStatus'
  /** The account shares the image with as many accounts as the cloud allows (Alibaba QuotaExceed.ShareImageUser). */
  | 'shareQuota'
  /** The OSS bucket or object named does not exist (Alibaba InvalidOSSBucket.NotFound, InvalidOSSObject.NotFound). */
  | 'bucketNotFound'
  | 'objectNotFound'
  /** The task is not in a state that can be cancelled (Alibaba IncorrectTaskStatus). */
  | 'taskStatus'
  /** Only a copy still being made can be cancelled (Alibaba ImageCreatedNotFromCopy). */
  | 'notACopy';

/** A way out the cloud names for a refusal: offered as a button where the product can take it. */
export type WayOut = 'force';

/** The way out of a reason, if the cloud names one. */
export function wayOutOf(reason: ErrorReason | undefined): WayOut | undefined {
  return reason === 'imageInUse' ? 'force' : undefined;
}

/** A code-to-reason reader from a table of exact codes. */
export function reasonTable(table: Readonly<Record<string, ErrorReason>>): (code: string) => ErrorReason | undefined {
  return (code) => (Object.prototype.hasOwnProperty.call(table, code) ? table[code] : undefined);
}
