// Which commands each cloud offers. The tree's context values and the palette pickers read this
// table; a provider carries an operation group exactly when its row says so (a unit test checks).
import { ALIBABA_IMAGE_RULES } from '../alibaba/rules';
import { BATCHCOMPUTE_IMAGE_RULES } from '../batchcompute/rules';
import { HUAWEI_IMAGE_RULES } from '../huawei/rules';
import type { ImageRefusal, ImageRules } from '../core/rules';
import { vocabularyOf } from '../index';
import type { CloudKind, Image } from '../core/model';
import type { ExportChoice } from '../core/exporting';
import type { JobKind } from '../core/jobs';
import { alibabaExportChoice } from '../alibaba/exportChoice';
import { huaweiExportChoice } from '../huawei/exportChoice';
import { QINGCLOUD_IMAGE_RULES } from '../qingcloud/rules';
import type { Capability } from '../core/rules';

export interface Capabilities {
  readonly tag: boolean;
  readonly share: boolean;
  readonly export: boolean;
  readonly delete: boolean;
  /** Copy an image (Alibaba CopyImage, Huawei copy / cross-region copy, QingCloud CloneImages). */
  readonly copy: boolean;
  /** Rename and change the description of an own image. */
  readonly edit: boolean;
  /** Deprecate an own image and make it available again (Alibaba's image status). */
  readonly deprecate: boolean;
  /** The cloud reports async jobs for some of the above. */
  readonly jobs: boolean;
  /** The cloud is retired: say so in the UI. */
  readonly retired: boolean;
  /**
   * The running jobs the cloud can cancel: Alibaba import and export tasks (CancelTask) and copies (CancelCopyImage,
   * which names the new image: only a copy followed by its new image). None elsewhere (Huawei IMS and QingCloud
   * document no way to cancel a job).
   */
  readonly cancels: readonly JobKind[];
  /** The instance types an image runs on can be asked for (Alibaba DescribeImageSupportInstanceTypes). */
  readonly instanceTypes?: boolean;
  /** An image is imported from a file in the cloud's object storage (Alibaba ImportImage, Huawei IMS). */
  readonly import?: boolean;
  /** The image quotas can be read (Huawei IMS): Show Quota. */
  readonly quota?: boolean;
  /** Images other projects shared wait for an answer (Huawei IMS "Shared with Me"): Accept/Reject Shared Image. */
  readonly received?: boolean;
}

export const CAPABILITIES: Readonly<Record<CloudKind, Capabilities>> = {
  alibaba: { tag: true, share: true, export: true, delete: true, copy: true, edit: true, deprecate: true, jobs: true, retired: false, cancels: ['import', 'export', 'copy'], instanceTypes: true, import: true },
  huawei: { tag: true, share: true, export: true, delete: true, copy: true, edit: true, deprecate: false, jobs: true, retired: false, cancels: [], import: true, quota: true, received: true },
  // QingCloud IaaS has no image export.
  qingcloud: { tag: true, share: true, export: false, delete: true, copy: true, edit: true, deprecate: false, jobs: true, retired: false, cancels: [] },
  // BatchCompute (retired): list, details and delete only.
  batchcompute: { tag: false, share: false, export: false, delete: true, copy: false, edit: false, deprecate: false, jobs: false, retired: true, cancels: [] },
};

export const COMMAND_CAPABILITIES: readonly Capability[] = ['tag', 'share', 'export', 'delete', 'copy', 'edit', 'deprecate'];

/** Each cloud's per-image rules (ownership, state), from its provider folder. */
export const IMAGE_RULES: Readonly<Record<CloudKind, ImageRules>> = {
  alibaba: ALIBABA_IMAGE_RULES,
  huawei: HUAWEI_IMAGE_RULES,
  qingcloud: QINGCLOUD_IMAGE_RULES,
  batchcompute: BATCHCOMPUTE_IMAGE_RULES,
};

/** Why a command does not apply to this image of this cloud, or undefined when it does. */
export function imageRefusal(cloud: CloudKind, image: Pick<Image, 'owner' | 'status' | 'raw'>, capability: Capability): ImageRefusal | undefined {
  const rule = IMAGE_RULES[cloud][capability];
  if (!CAPABILITIES[cloud][capability] || !rule) {
    return 'cloud';
  }
  return rule(image, vocabularyOf(cloud).imageState(image));
}

/** The commands that apply: the cloud's, or (given an image) those its rules allow on that image. */
export function capabilitiesOf(cloud: CloudKind, image?: Pick<Image, 'owner' | 'status' | 'raw'>): Capability[] {
  return COMMAND_CAPABILITIES.filter((c) => (image ? !imageRefusal(cloud, image, c) : CAPABILITIES[cloud][c]));
}

/**
 * Each exporting cloud's own reading of whether it exports an image (its provider's exportChoice: Windows,
 * Marketplace, data disks, size…), from the fields the image has; the menu hides Export where it says no.
 */
const EXPORT_CHOICES: Readonly<Record<CloudKind, ((image: Image) => ExportChoice) | undefined>> = {
  alibaba: alibabaExportChoice,
  huawei: huaweiExportChoice,
  qingcloud: undefined,
  batchcompute: undefined,
};

/** Whether the cloud exports this image, as far as its fields tell (a listing's copy has fewer than the details'). */
export function exportable(cloud: CloudKind, image: Image): boolean {
  return !imageRefusal(cloud, image, 'export') && !EXPORT_CHOICES[cloud]?.(image).block;
}

/**
 * Context-value flags for a node, e.g. "can-tag can-delete": the cloud's, or those of one image (for a
 * whole image, Export only where the cloud's export rules take it).
 */
export function capabilityFlags(cloud: CloudKind, image?: Pick<Image, 'owner' | 'status' | 'raw'>): string {
  const whole = image && 'id' in image ? (image as Image) : undefined;
  return capabilitiesOf(cloud, image)
    .filter((c) => c !== 'export' || !whole || exportable(cloud, whole))
    .map((c) => `can-${c}`)
    .join(' ');
}

/**
 * Clouds whose signers carry a security token with temporary credentials: Alibaba STS
 * (`x-acs-security-token`, BatchCompute too) and Huawei temporary AK/SK (`X-Security-Token`).
 * QingCloud's API keys have no temporary form.
 */
export const TEMPORARY_CREDENTIALS: Readonly<Record<CloudKind, boolean>> = {
  alibaba: true,
  huawei: true,
  qingcloud: false,
  batchcompute: true,
};

/**
 * The clouds that import an image from a file on the user's disk (uploaded to their object store first)
 * and download an export (what they take of the file: each provider's fileImport.ts); a provider carries
 * `transfers` exactly here.
 */
export const FILE_TRANSFERS: Readonly<Record<CloudKind, boolean>> = {
  alibaba: true,
  huawei: true,
  qingcloud: false,
  batchcompute: false,
};
