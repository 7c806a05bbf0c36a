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
  | 'notACopy'
  /** The image does not exist (Huawei IMG.0027, IMG.0086, IMG.0144: IMS answers 400, not 404). */
  | 'imageNotFound'
  /** The image is protected (Huawei IMG.0028, IMG.0091). */
  | 'imageProtected'
  /** Only the image's owner may do this (Huawei IMG.0047, IMG.0092, IMG.0106). */
  | 'notOwner'
  /** A public or Marketplace image (Huawei IMG.0083, IMG.0089: the cloud's words name both). */
  | 'publicImage'
  /** The private-image quota is used up (Huawei IMG.0015). */
  | 'imageQuota'
  /** The shared-image quota is used up (Huawei IMG.0088). */
  | 'sharedQuota'
  /** An image cannot be shared with its own project (Huawei IMG.0076). */
  | 'shareSelf'
  /** Encrypted images cannot be shared or copied across regions (Huawei IMG.0098, IMG.0143, IMG.0197). */
  | 'encryptedImage'
  /** Whole-machine images cannot be shared, exported or copied (Huawei IMG.0128, IMG.0130, IMG.0135). */
  | 'wholeImage'
  /** The cloud does not export this image (Huawei IMG.0071, IMG.0079, IMG.0080, IMG.0081). */
  | 'notExportable'
  /** Only images under 128 GB take a standard export (Huawei IMG.0160); larger ones need a fast export. */
  | 'exportTooLarge'
  /** The export's file already exists in the bucket (Huawei IMG.0070). */
  | 'objectExists'
  /** The image file is missing, empty or in a format the cloud does not read (Huawei IMG.0057). */
  | 'importFile'
  /** The image file is larger than the cloud allows (Huawei IMG.0059). */
  | 'fileTooLarge'
  /** The bucket is in another region (Huawei IMG.0058). */
  | 'bucketRegion'
  /** The cloud cannot access the bucket (Huawei IMG.0069). */
  | 'bucketAccess'
  /** The KMS key does not exist, is not enabled, or may not be used (Huawei IMG.0095/0101, IMG.0097/0102, IMG.0099/0103). */
  | 'kmsKeyNotFound'
  | 'kmsKeyDisabled'
  | 'kmsKeyAccess'
  /** A tag breaks the cloud's rules, or there would be too many (Huawei IMG.0115, IMG.0116). */
  | 'tagInvalid'
  | 'tagQuota'
  /** The name or the description is refused (Huawei IMG.0009; IMG.0002, IMG.0003, IMG.0062; IMG.0004, IMG.0054). */
  | 'nameExists'
  | 'nameInvalid'
  | 'descriptionInvalid'
  /** Too many jobs at once (Huawei IMG.0060, IMG.0149, IMG.0194). */
  | 'tooManyTasks'
  /** A shared image must be accepted before it is copied (Huawei IMG.0196). */
  | 'notAccepted'
  /** The balance is insufficient (QingCloud 2400). */
  | 'balance'
  /** A quota is exceeded, the daily API-request quota included (QingCloud 2500). */
  | 'quotaOrRequests'
  /** It already exists (QingCloud 2110, e.g. a tag of that name). */
  | 'alreadyExists'
  /** The cloud lacks resources now (QingCloud 5200). */
  | 'resourcesShort'
  /** The cloud's service is being updated (QingCloud 5300). */
  | 'serviceUpdating'
  /** A Marketplace image, or a private image made from one (Huawei IMG.0078 export, IMG.0093 delete, IMG.0107 share). */
  | 'marketplaceImage'
  /** One of the cloud's public images (Huawei IMG.0077 export, IMG.0094 delete). */
  | 'cloudPublicImage'
  /** The whole-machine image was asked to go with its backup, and the backup could not be deleted (Huawei IMG.0176). */
  | 'backupNotDeleted'
  /**
   * A whole-machine image whose backup is still being made: usable in its source server's availability zone
   * only, so not copied to another region yet (Huawei IMG.0152).
   */
  | 'wholeImageOneZone';

/**
 * A way out the cloud's words name for a refusal, offered as a button where the product can take it:
 * 'force' does it all the same (Alibaba DeleteImage Force=true); 'stopSharing' stops sharing the image
 * (the product's Unshare), after which the change can be tried again; 'accept' accepts the shared image
 * (the product's Accept); 'wait' follows what the image is busy with and, on the user's click, sends
 * the same change once when it has ended; 'fastExport' sends the same export as a fast one.
 */
export type WayOut = 'force' | 'stopSharing' | 'accept' | 'wait' | 'fastExport';

/**
 * What a 'wait' waits for: the image's own state to leave creating/queued ('image': a copy, an import, an
 * image being made), the image's running job to end ('imageJob': an export, which the image's state does
 * not show), or one of the region's running jobs to end ('regionJobs': too many at once).
 */
export type WaitFor = 'image' | 'imageJob' | 'regionJobs';

interface WayOutRow {
  readonly way: WayOut;
  readonly waitFor?: WaitFor;
}

/** The way out of each reason whose cloud words name one the product can take (the others have none). */
const WAY_OUTS: Readonly<Partial<Record<ErrorReason, WayOutRow>>> = {
  // "…or you can use the force parameter to proceed." (Alibaba ImageUsingByInstance)
  imageInUse: { way: 'force' },
  // "…has been shared to others. Cancel the sharing…" (Alibaba ImageUseShared)
  imageShared: { way: 'stopSharing' },
  // "The image is shared and must be accepted before it is copied." (Huawei IMG.0196)
  notAccepted: { way: 'accept' },
  // "…is being created / importing / copying": the image's status says when it is over.
  imageCreating: { way: 'wait', waitFor: 'image' },
  imageImporting: { way: 'wait', waitFor: 'image' },
  imageCopying: { way: 'wait', waitFor: 'image' },
  // "…is exporting. Please cancel task first.": the image stays Available while it exports; its job says.
  imageExporting: { way: 'wait', waitFor: 'imageJob' },
  // "Too many tasks…" (Huawei IMG.0060, IMG.0149, IMG.0194): one of them ending makes room.
  tooManyTasks: { way: 'wait', waitFor: 'regionJobs' },
  // "Only images smaller than 128 GB can be exported; use fast export." (Huawei IMG.0160)
  exportTooLarge: { way: 'fastExport' },
};

/** The way out of a reason, if the cloud names one. */
export function wayOutOf(reason: ErrorReason | undefined): WayOut | undefined {
  return reason ? WAY_OUTS[reason]?.way : undefined;
}

/** For a reason whose way out is 'wait': what is waited for. */
export function waitOf(reason: ErrorReason | undefined): WaitFor | undefined {
  return reason ? WAY_OUTS[reason]?.waitFor : undefined;
}

/** A code-to-reason reader from a table of exact codes. */
export function reasonTable(table: Readonly<Record<string, ErrorReason>>): (code: string) => ErrorReason | undefined {
  return (code) => (Object.prototype.hasOwnProperty.call(table, code) ? table[code] : undefined);
}
