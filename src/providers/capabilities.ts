// Which commands each cloud offers. The tree's context values and the palette pickers read this
// table; a provider carries an operation group exactly when its row says so (a unit test checks).
import type { CloudKind } from './model';

export interface Capabilities {
  readonly tag: boolean;
  readonly share: boolean;
  readonly export: boolean;
  readonly delete: boolean;
  /** Copy an image (Alibaba CopyImage, Huawei copy / cross-region copy, QingCloud CloneImages). */
  readonly copy: boolean;
  /** The cloud reports async jobs for some of the above. */
  readonly jobs: boolean;
  /** The cloud is retired: say so in the UI. */
  readonly retired: boolean;
}

export const CAPABILITIES: Readonly<Record<CloudKind, Capabilities>> = {
  alibaba: { tag: true, share: true, export: true, delete: true, copy: true, jobs: true, retired: false },
  huawei: { tag: true, share: true, export: true, delete: true, copy: true, jobs: true, retired: false },
  // QingCloud IaaS has no image export.
  qingcloud: { tag: true, share: true, export: false, delete: true, copy: true, jobs: true, retired: false },
  // BatchCompute (retired): list, details and delete only.
  batchcompute: { tag: false, share: false, export: false, delete: true, copy: false, jobs: false, retired: true },
};

export type Capability = 'tag' | 'share' | 'export' | 'delete' | 'copy';

export const COMMAND_CAPABILITIES: readonly Capability[] = ['tag', 'share', 'export', 'delete', 'copy'];

/** Context-value flags for an image node, e.g. "can-tag can-delete". */
export function capabilityFlags(cloud: CloudKind): string {
  const caps = CAPABILITIES[cloud];
  return COMMAND_CAPABILITIES.filter((c) => caps[c]).map((c) => `can-${c}`).join(' ');
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
