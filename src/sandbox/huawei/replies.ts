// Huawei's answers in the sandbox: the API gateway's error body, IMS's error body, and the IMS error
// codes this sandbox uses. IMG.0001 (parameter invalid) and IMG.0024 (image type invalid) are documented;
// the others are the sandbox's plausible picks, in IMS's shape and numbering (the real table may differ).
import { randomUUID } from 'crypto';
import { json, type EmulatorResponse } from '../types';

export const IMS_CODES = {
  /** 400: a parameter or the body is invalid (documented). */
  invalid: 'IMG.0001',
  /** 400: a tag key or value breaks the tag rules, or an image would have too many tags (sandbox pick). */
  tagInvalid: 'IMG.0003',
  /** 400: the image type filter is invalid (documented). */
  imageType: 'IMG.0024',
  /** 404: no such image in the project's region (sandbox pick). */
  imageNotFound: 'IMG.0027',
  /** 403: the image is not the project's own private image: public, shared or market (sandbox pick). */
  notOwner: 'IMG.0030',
  /** 400: the image is not active (still being made) (sandbox pick). */
  notActive: 'IMG.0036',
  /** 404: no such job in the project (sandbox pick). */
  jobNotFound: 'IMG.0056',
  /** A failed job's error_code (sandbox pick). */
  jobFailed: 'IMG.1001',
  /** 400: a quota (image, image_shared, image_member) would be exceeded (sandbox pick). */
  quotaExceeded: 'IMG.0062',
  /** 404: the OBS bucket or file of an image_url does not exist (sandbox pick). */
  fileNotFound: 'IMG.0004',
  /** 400: cmk_id names no enabled KMS key of the project (sandbox pick). */
  kmsKey: 'IMG.0221',
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
  return typeof v === 'object' && v !== null && typeof (v as EmulatorResponse).body === 'string' && typeof (v as EmulatorResponse).status === 'number';
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
