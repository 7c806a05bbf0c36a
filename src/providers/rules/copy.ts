// What a copy may be asked for, per cloud (src/providers/*/rules.ts build these): the new image's name
// and description by the rules of the copy call, the key and agency where the cloud takes them, and the
// regions a copy may go to. Checked by the UI as the user types and by the providers before any request.
import type { InputProblem } from '../core/rules';
import type { CopyRequest } from '../core/copying';
import type { CopyRules } from '../core/rules';
import type { Image } from '../core/model';
import type { Membership } from '../core/sharing';

/** Whether the image may be copied within its own region (not a whole-machine image on Huawei). */
export function copiesWithinRegion(rules: CopyRules, image: Pick<Image, 'wholeMachine'>): boolean {
  return !(rules.wholeMachineElsewhereOnly && image.wholeMachine);
}

/**
 * The whole request from `sourceRegionId`: the region allowed (for the image, where the caller knows it),
 * then each field by its rule.
 */
export function checkCopy(rules: CopyRules, sourceRegionId: string, request: CopyRequest, image?: Pick<Image, 'wholeMachine'>): InputProblem | undefined {
  const elsewhere = request.destinationRegionId !== sourceRegionId;
  if (!request.destinationRegionId) {
    return { code: 'noRegions' };
  }
  if (elsewhere && !rules.crossRegion) {
    return { code: 'copyRegion', regionId: request.destinationRegionId };
  }
  if (!elsewhere && image && !copiesWithinRegion(rules, image)) {
    return { code: 'wholeMachineInRegion' };
  }
  return (
    rules.checkName(request.name) ??
    (request.description && rules.checkDescription ? rules.checkDescription(request.description) : undefined) ??
    checkCopyKey(rules, request, elsewhere) ??
    (elsewhere && rules.checkAgencyName ? rules.checkAgencyName(request.agencyName ?? '') : undefined)
  );
}

/** The encryption asked for: a key only where the cloud takes one (and, on Huawei, only within the region); "encrypted" without a key only where the cloud has a default key. */
function checkCopyKey(rules: CopyRules, request: CopyRequest, elsewhere: boolean): InputProblem | undefined {
  if (request.kmsKeyId === undefined) {
    return request.encrypted && !rules.defaultKey ? (rules.checkKmsKeyId ? { code: 'required', field: 'kmsKeyId' } : { code: 'notEncryptable' }) : undefined;
  }
  if (!rules.checkKmsKeyId) {
    return { code: 'notEncryptable' };
  }
  if (elsewhere && rules.keyInRegionOnly) {
    return { code: 'kmsKeyInRegionOnly' };
  }
  return rules.checkKmsKeyId(request.kmsKeyId);
}

/**
 * Whether an image shared with the project (the "Shared with Me" group) may be copied: 'copy' once accepted,
 * 'acceptFirst' while it waits for this project's answer (the cloud refuses it: Huawei IMG.0196), undefined
 * where the cloud does not copy received images or the project rejected it. Within its region only.
 */
export function receivedCopy(rules: CopyRules | undefined, membership: Membership): 'copy' | 'acceptFirst' | undefined {
  if (!rules?.receivedInRegion) {
    return undefined;
  }
  return membership === 'accepted' ? 'copy' : membership === 'pending' ? 'acceptFirst' : undefined;
}
