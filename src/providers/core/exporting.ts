// Exporting an image to a file in the region's object storage: the request, and whether and how an image can
// be exported, told before any request.
import type { ExportRules } from './rules';
import type { Image } from './model';
import type { StartedJob } from './changes';

export interface ExportRequest {
  readonly bucket: string;
  /** Alibaba: OSSPrefix; Huawei: the object name (bucket_url = bucket:object). */
  readonly object: string;
  readonly format: string;
  /** Huawei fast export (`is_quick_export`): the image as it is stored, no format (`format` is then ''). */
  readonly quick?: boolean;
}

/** Why an image cannot be exported, told before any request (see each cloud's `exportBlocker`). */
export type ExportBlock =
  | { readonly code: 'notOwn' }
  | { readonly code: 'notReady' }
  | { readonly code: 'marketplace' }
  | { readonly code: 'windows' }
  | { readonly code: 'wholeImage' }
  | { readonly code: 'tooLarge'; readonly sizeGiB: number; readonly maxGiB: number }
  | { readonly code: 'dataDisks'; readonly count: number; readonly max: number }
  | { readonly code: 'dataDiskSize'; readonly sizeGiB: number; readonly maxGiB: number };

/** How an export may be made: refused (`block`), or with or without the fast (quick) form. */
export interface ExportChoice {
  readonly block?: ExportBlock;
  /** The cloud has a fast export for this image (Huawei `is_quick_export`). */
  readonly quickAvailable: boolean;
  /** Only the fast export will do (Huawei: images over 128 GB). */
  readonly quickRequired: boolean;
}

export interface ExportOperations {
  /** Bucket, object and format rules (with the formats the cloud exports), checked before any request. */
  readonly rules: ExportRules;
  /** Whether and how the image can be exported, from what its listing says (raw fields where needed): no request. */
  exportChoice(image: Image): ExportChoice;
  exportImage(regionId: string, imageId: string, request: ExportRequest, signal?: AbortSignal): Promise<StartedJob>;
}
