// What a copy may be asked for, per cloud (src/providers/*/rules.ts build these): the new image's name
// and description by the rules of the copy call, the key and agency where the cloud takes them, and the
// regions a copy may go to. Checked by the UI as the user types and by the providers before any request.
import type { InputProblem } from './input';
import type { CopyRequest } from '../core/operations';

export interface CopyRules {
  checkName(name: string): InputProblem | undefined;
  /** Absent where the copy call takes no description (QingCloud CloneImages). */
  checkDescription?(description: string): InputProblem | undefined;
  /** Present where a copy can be encrypted with a key of the user's (Alibaba KMSKeyId). */
  checkKmsKeyId?(keyId: string): InputProblem | undefined;
  /** Present where a copy to another region goes through an IAM agency (Huawei agency_name). */
  checkAgencyName?(agency: string): InputProblem | undefined;
  /** Whether a copy may leave the image's region (QingCloud clones within its zone only). */
  readonly crossRegion: boolean;
}

/** The whole request from `sourceRegionId`: the region allowed, then each field by its rule. */
export function checkCopy(rules: CopyRules, sourceRegionId: string, request: CopyRequest): InputProblem | undefined {
  const elsewhere = request.destinationRegionId !== sourceRegionId;
  if (!request.destinationRegionId) {
    return { code: 'noRegions' };
  }
  if (elsewhere && !rules.crossRegion) {
    return { code: 'copyRegion', regionId: request.destinationRegionId };
  }
  return (
    rules.checkName(request.name) ??
    (request.description && rules.checkDescription ? rules.checkDescription(request.description) : undefined) ??
    (request.kmsKeyId !== undefined && rules.checkKmsKeyId ? rules.checkKmsKeyId(request.kmsKeyId) : undefined) ??
    (elsewhere && rules.checkAgencyName ? rules.checkAgencyName(request.agencyName ?? '') : undefined)
  );
}
