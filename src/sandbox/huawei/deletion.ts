// GlanceDeleteImage in the Huawei sandbox: `DELETE /v2/images/{image_id}` -> 204, with IMS's documented
// refusals for a delete (API reference "错误码"): a public image IMG.0094, a Marketplace image IMG.0093,
// another project's image IMG.0092, a protected one IMG.0091, one still being made (queued, saving)
// IMG.0090, a delete body that is not `{"delete_backup": true|false}` IMG.0016. With `delete_backup` true a
// whole-machine image's backup goes too; a backup the backup service holds cannot be deleted (IMG.0176),
// and then nothing is deleted. An unknown image stays the sandbox's 404 (IMG.0027).
import type { EmulatorResponse } from '../types';
import type { ImsImage } from './data';
import { IMS_CODES, imsError, isResponse, noContent } from './replies';
import { isWholeImage, type SandboxBackups } from './wholeImages';
import { findImage, type Scope } from './world';

/** `delete_backup` from the optional body (default false), or IMG.0016. */
function deleteBackupOf(body: string): boolean | EmulatorResponse {
  if (!body.trim()) {
    return false;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return imsError(400, IMS_CODES.deleteBody, 'The request body of the delete is not valid JSON.');
  }
  const value = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? ((parsed as Record<string, unknown>)['delete_backup'] ?? false) : undefined;
  return typeof value === 'boolean' ? value : imsError(400, IMS_CODES.deleteBody, 'The parameter delete_backup is invalid: true or false.');
}

/** Why IMS refuses to delete this image for this project, if it does. */
function refusal(scope: Scope, image: ImsImage): EmulatorResponse | undefined {
  switch (image.__imagetype) {
    case 'gold':
      return imsError(400, IMS_CODES.deletePublic, 'The public image cannot be deleted.');
    case 'market':
      return imsError(400, IMS_CODES.deleteMarket, 'The Marketplace image cannot be deleted.');
  }
  if (image.__imagetype !== 'private' || image['owner'] !== scope.project.id) {
    return imsError(400, IMS_CODES.deleteNotOwner, 'The image can only be deleted by the owner.');
  }
  if (image['protected'] === true) {
    return imsError(400, IMS_CODES.deleteProtected, 'The protected image cannot be deleted.');
  }
  if (image.status === 'queued' || image.status === 'saving') {
    return imsError(400, IMS_CODES.deleteCreating, 'The image being created cannot be deleted.');
  }
  return undefined;
}

/** The delete itself; `forget` drops what else the sandbox keeps about the image (tags, members). */
export function deleteImage(scope: Scope, imageId: string, body: string, backups: SandboxBackups, forget: (imageId: string) => void): EmulatorResponse {
  const deleteBackup = deleteBackupOf(body);
  if (isResponse(deleteBackup)) {
    return deleteBackup;
  }
  const image = findImage(scope, imageId);
  if (isResponse(image)) {
    return image;
  }
  const refused = refusal(scope, image);
  if (refused) {
    return refused;
  }
  const backupId = String(image['__backup_id'] ?? '');
  if (deleteBackup && isWholeImage(image)) {
    if (backups.held(backupId)) {
      return imsError(400, IMS_CODES.backupNotDeleted, 'Failed to delete the full-ECS backup.');
    }
    backups.delete(backupId);
  }
  scope.images.splice(scope.images.indexOf(image), 1);
  forget(imageId);
  return noContent();
}
