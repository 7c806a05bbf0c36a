// Which commands each cloud offers. The tree's context values and the palette pickers read this
// table; a provider carries an operation group exactly when its row says so (a unit test checks).
import type { CloudKind } from './model';

export interface Capabilities {
  readonly tag: boolean;
  readonly share: boolean;
  readonly export: boolean;
  readonly delete: boolean;
  /** Rename and change the description of an own image. */
  readonly edit: boolean;
  /** Deprecate an own image and make it available again (Alibaba's image status). */
  readonly deprecate: boolean;
  /** The cloud reports async jobs for some of the above. */
  readonly jobs: boolean;
  /** The cloud is retired: say so in the UI. */
  readonly retired: boolean;
}

export const CAPABILITIES: Readonly<Record<CloudKind, Capabilities>> = {
  alibaba: { tag: true, share: true, export: true, delete: true, edit: true, deprecate: true, jobs: true, retired: false },
  huawei: { tag: true, share: true, export: true, delete: true, edit: true, deprecate: false, jobs: true, retired: false },
  // QingCloud IaaS has no image export.
  qingcloud: { tag: true, share: true, export: false, delete: true, edit: true, deprecate: false, jobs: true, retired: false },
  // BatchCompute (retired): list, details and delete only.
  batchcompute: { tag: false, share: false, export: false, delete: true, edit: false, deprecate: false, jobs: false, retired: true },
};

export type Capability = 'tag' | 'share' | 'export' | 'delete' | 'edit' | 'deprecate';

export const COMMAND_CAPABILITIES: readonly Capability[] = ['tag', 'share', 'export', 'delete', 'edit', 'deprecate'];

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
