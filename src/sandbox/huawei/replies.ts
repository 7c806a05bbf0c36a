// Huawei's answers in the sandbox: the API gateway's error body, IMS's error body, and the IMS error
// codes this sandbox uses. The codes are those of IMS's API reference "错误码" (ims_03_0908, where every code is
// a 400) for the same situation; where it names none (a job that does not exist, a failed job, an internal
// error) the code is the sandbox's pick, numbered outside that table's range. The HTTP statuses stay those
// the sandbox has always answered (404 for an unknown image, 403 for another's image).
import { randomUUID } from 'crypto';
import { isEmulatorResponse, json, type EmulatorResponse } from '../types';

export const IMS_CODES = {
  /** 400: the request message format is invalid (documented). */
  invalid: 'IMG.0001',
  /** 400: the image tag is invalid (documented). */
  tagInvalid: 'IMG.0115',
  /** 400: the number of image tags exceeds the quota (documented). */
  tagQuota: 'IMG.0116',
  /** 400: the image type filter is invalid (documented). */
  imageType: 'IMG.0024',
  /** 404: the image ID in the request does not exist (documented). */
  imageNotFound: 'IMG.0027',
  /** 403: the image owner is another tenant: a public, shared or market image (documented). */
  notOwner: 'IMG.0106',
  /** 400: the image is unavailable (not active) (documented). */
  notActive: 'IMG.0046',
  /** 404: no such job in the project (sandbox pick). */
  jobNotFound: 'IMG.0056',
  /** A failed job's error_code (sandbox pick). */
  jobFailed: 'IMG.1001',
  /** 400: the number of private images has reached the maximum allowed (documented). */
  imageQuota: 'IMG.0015',
  /** 400: the number of shared images has reached the maximum allowed (documented; image_shared, image_member). */
  sharedQuota: 'IMG.0088',
  /** 404: the image file does not exist, is empty, or is in the incorrect format (documented). */
  fileNotFound: 'IMG.0057',
  /** 400: the KMS key does not exist (documented). */
  kmsKeyMissing: 'IMG.0095',
  /** 400: the KMS key is not enabled (documented). */
  kmsKeyDisabled: 'IMG.0097',
  /** 400: replication must be performed across regions (documented). */
  sameRegion: 'IMG.0142',
  /** 400: the region of the bucket differs from the user's (documented). */
  bucketRegion: 'IMG.0058',
  /** 400: the full-ECS image cannot be exported (documented). */
  wholeImageExport: 'IMG.0128',
  /** 400: the full-ECS image cannot be exported or replicated (documented; the sandbox: a copy within its region). */
  wholeImageCopy: 'IMG.0130',
  /** 400: only images less than 128 GB can be exported (documented; the sandbox: without is_quick_export). */
  exportTooLarge: 'IMG.0160',
  /** 400: you cannot share an image with yourself (documented). */
  shareSelf: 'IMG.0076',
  /** 400: a shared image this project has not accepted cannot be replicated (the error table's IMG.0196, as providers/core/reasons.ts records it). */
  notAccepted: 'IMG.0196',
  /** 400: the body of the delete request is wrong ("删除请求体错误", documented; e.g. delete_backup not a Boolean). */
  deleteBody: 'IMG.0016',
  /** 400: the image being created cannot be deleted (documented). */
  deleteCreating: 'IMG.0090',
  /** 400: the protected image cannot be deleted (documented). */
  deleteProtected: 'IMG.0091',
  /** 400: the image can only be deleted by the owner (documented). */
  deleteNotOwner: 'IMG.0092',
  /** 400: the Marketplace image cannot be deleted (documented). */
  deleteMarket: 'IMG.0093',
  /** 400: the public image cannot be deleted (documented). */
  deletePublic: 'IMG.0094',
  /** 400: failed to delete the full-ECS backup (documented; the sandbox: a backup held by the backup service). */
  backupNotDeleted: 'IMG.0176',
  /** 500: internal error (sandbox pick). */
  internal: 'IMG.0999',
} as const;

export function newRequestId(): string {
  return randomUUID().replace(/-/g, '');
}

/** The API gateway's error body (auth, throttling, unknown API); the request id is in the body and the header. */
export function gatewayError(status: number, code: string, message: string): EmulatorResponse {
  const requestId = newRequestId();
  return json(status, { error_code: code, error_msg: message, request_id: requestId }, { 'x-request-id': requestId });
}

/** IMS's own error body; the request id is in the header only. */
export function imsError(status: number, code: string, message: string): EmulatorResponse {
  return json(status, { error: { code, message } }, { 'x-request-id': newRequestId() });
}

export function invalid(message: string): EmulatorResponse {
  return imsError(400, IMS_CODES.invalid, message);
}

export function ok(body: unknown): EmulatorResponse {
  return json(200, body, { 'x-request-id': newRequestId() });
}

/** 204: no body. */
export function noContent(): EmulatorResponse {
  return { status: 204, headers: { 'x-request-id': newRequestId() }, body: '' };
}

export function isResponse(v: unknown): v is EmulatorResponse {
  return isEmulatorResponse(v);
}

/** A JSON object body, or IMS's 400. */
export function jsonBody(body: string): Record<string, unknown> | EmulatorResponse {
  try {
    const parsed: unknown = JSON.parse(body || '{}');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // falls through to the 400
  }
  return invalid('The request body is not a JSON object.');
}

/** A JSON object body with its non-empty `images` list (the member APIs), or IMS's 400. */
export function imagesRequest(body: string): { request: Record<string, unknown>; imageIds: string[] } | EmulatorResponse {
  const request = jsonBody(body);
  if (isResponse(request)) {
    return request;
  }
  const imageIds = stringList(request, 'images');
  return isResponse(imageIds) ? imageIds : { request, imageIds };
}

/** A non-empty array of strings at `body[name]`, or IMS's 400. */
export function stringList(body: Record<string, unknown>, name: string): string[] | EmulatorResponse {
  const v = body[name];
  if (!Array.isArray(v) || !v.length || !v.every((x): x is string => typeof x === 'string' && x.length > 0)) {
    return invalid(`The parameter ${name} is invalid: a non-empty list of IDs is required.`);
  }
  return [...new Set(v)];
}

export function isoSecond(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
