// The Copy Image wizard's steps: destination region(s) (several at once where the cloud copies across
// regions), the new name, a description (where the copy call takes one), encryption and a KMS key
// (Alibaba; Huawei within the image's region), picked from the region's keys or typed, and the IAM agency a Huawei cross-region copy goes through. Back returns a step; the
// rules are the provider's, checked as the user types.
import * as vscode from 'vscode';
import type { CopyRules } from '../../providers/core/rules';
import type { KeyOperations } from '../../providers/core/keys';
import { askKmsKey } from './keyPicker';
import type { InputProblem } from '../../providers/core/rules';
import type { CloudKind, Region } from '../../providers/core/model';
import { messageOf } from '../../util/inputMessages';
import type { PickItem } from '../../util/userInput';
import type { WizardStep } from '../../util/wizard';

export interface CopyPlan {
  regions: string[];
  name: string;
  description: string;
  encryption: 'none' | 'default' | 'kms';
  kmsKeyId: string;
  agencyName: string;
}

export interface CopyWizardContext {
  readonly cloud: CloudKind;
  readonly rules: CopyRules;
  readonly sourceRegionId: string;
  /** False where this image cannot be copied within its own region (a Huawei whole-machine image): that region is not offered. */
  readonly withinRegion: boolean;
  readonly regions: readonly Region[];
  /** What the agency step offers first (the last one used). */
  readonly lastAgency?: string;
  /** The account's key listing, where the cloud has one (the key picker); else the key is typed. */
  readonly keys?: KeyOperations;
}

/** Whether the copy can be encrypted with the regions chosen (Huawei: a key only within the image's region). */
function encryptable(w: CopyWizardContext, plan: CopyPlan): boolean {
  return w.rules.checkKmsKeyId !== undefined && (!w.rules.keyInRegionOnly || plan.regions.every((r) => r === w.sourceRegionId));
}

/** A step that asks for one text of the plan, checked (trimmed) by the provider's rule as it is typed. */
function textStep(
  key: 'name' | 'description' | 'agencyName',
  prompt: () => string,
  check: (value: string) => InputProblem | undefined,
  w: CopyWizardContext,
  options: { applies?: (plan: CopyPlan) => boolean; initial?: () => string | undefined } = {},
): WizardStep<CopyPlan> {
  return {
    ...(options.applies ? { applies: options.applies } : {}),
    async run(plan, input, info) {
      const answer = await input.input({
        ...info,
        prompt: prompt(),
        value: plan[key] || options.initial?.(),
        validateInput: (v) => messageOf(check(v.trim()), w.cloud),
      });
      plan[key] = answer.trim();
    },
  };
}

function regionLabel(r: Region): string {
  return r.name && r.name !== r.id ? `${r.name} (${r.id})` : r.id;
}

export function copySteps(w: CopyWizardContext): WizardStep<CopyPlan>[] {
  const elsewhere = (plan: CopyPlan): boolean => plan.regions.some((r) => r !== w.sourceRegionId);
  return [
    {
      applies: () => w.rules.crossRegion,
      async run(plan, input, info) {
        const items: PickItem<string>[] = w.regions.filter((r) => w.withinRegion || r.id !== w.sourceRegionId).map((r) => ({
          label: r.id,
          description: r.id === w.sourceRegionId ? vscode.l10n.t('{0} — this region', regionLabel(r)) : regionLabel(r),
          data: r.id,
          picked: plan.regions.includes(r.id),
        }));
        for (;;) {
          const picked = await input.pickMany(items, { ...info, placeHolder: vscode.l10n.t('Destination regions (choose one or more)') });
          if (picked.length) {
            plan.regions = picked.map((p) => p.data);
            return;
          }
          void input.notify('warning', vscode.l10n.t('Choose at least one destination region.'));
        }
      },
    },
    textStep('name', () => vscode.l10n.t('Name of the new image'), (v) => w.rules.checkName(v), w),
    textStep('description', () => vscode.l10n.t('Description of the new image (optional)'), (v) => (v ? w.rules.checkDescription?.(v) : undefined), w, {
      applies: () => w.rules.checkDescription !== undefined,
    }),
    {
      applies: (plan) => encryptable(w, plan),
      async run(plan, input, info) {
        // A KMS key belongs to one region: with several destination regions only the default key remains.
        const oneRegion = new Set(plan.regions).size === 1;
        const items: PickItem<CopyPlan['encryption']>[] = [
          { label: vscode.l10n.t('Not encrypted'), data: 'none' },
          ...(w.rules.defaultKey ? [{ label: vscode.l10n.t('Encrypted with the default key'), data: 'default' as const }] : []),
          ...(oneRegion ? [{ label: vscode.l10n.t('Encrypted with a KMS key…'), data: 'kms' as const }] : []),
        ];
        plan.encryption = (await input.pick(items, { ...info, placeHolder: vscode.l10n.t('Encryption of the new image') })).data;
      },
    },
    {
      applies: (plan) => encryptable(w, plan) && plan.encryption === 'kms',
      async run(plan, input, info) {
        const check = (v: string): InputProblem | undefined => w.rules.checkKmsKeyId?.(v);
        const regionId = plan.regions[0] ?? w.sourceRegionId;
        const regionName = w.regions.find((r) => r.id === regionId)?.name;
        plan.kmsKeyId = await askKmsKey({ cloud: w.cloud, regionId, ...(regionName ? { regionName } : {}), keys: w.keys, check, current: plan.kmsKeyId || undefined }, input, info);
      },
    },
    textStep('agencyName', () => vscode.l10n.t('IAM agency that lets IMS copy across regions'), (v) => w.rules.checkAgencyName?.(v), w, {
      applies: (plan) => w.rules.checkAgencyName !== undefined && elsewhere(plan),
      initial: () => w.lastAgency,
    }),
  ];
}
