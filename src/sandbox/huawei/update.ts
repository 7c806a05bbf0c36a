// UpdateImage `PATCH /v2/cloudimages/{image_id}` in the sandbox: a JSON-patch array ([{op, path, value}])
// sent as application/json (IMS documents `application/json;charset=UTF-8`); `replace` (or `add`) of
// `/name` and `/__description` under the same rules the provider checks, on the project's own active
// images. The answer is the updated image. Other documented attributes (__support_*, min_ram, ...) are
// not kept by this sandbox and are refused as invalid.
import { HUAWEI_EDIT_RULES } from '../../providers/huawei/rules';
import type { EmulatorRequest, EmulatorResponse } from '../types';
import { IMS_CODES, imsError, invalid, isResponse, isoSecond, ok } from './replies';
import { ownImage, type Scope } from './world';

const PATHS: Readonly<Record<string, { field: string; check: (v: string) => unknown }>> = {
  '/name': { field: 'name', check: (v) => HUAWEI_EDIT_RULES.checkName(v) },
  '/__description': { field: '__description', check: (v) => HUAWEI_EDIT_RULES.checkDescription(v) },
};

interface PatchOp {
  readonly op: string;
  readonly path: string;
  readonly value?: unknown;
}

function parsePatch(body: string): PatchOp[] | EmulatorResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return invalid('The request body is not a JSON array.');
  }
  const ops = Array.isArray(parsed) ? (parsed as unknown[]) : undefined;
  if (!ops?.length || !ops.every((o) => typeof o === 'object' && o !== null && typeof (o as PatchOp).op === 'string' && typeof (o as PatchOp).path === 'string')) {
    return invalid('The request body must be a non-empty array of {op, path, value}.');
  }
  return ops as PatchOp[];
}

export function updateImage(req: EmulatorRequest, scope: Scope, imageId: string, now: number): EmulatorResponse {
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return imsError(400, IMS_CODES.invalid, 'The Content-Type must be application/json;charset=UTF-8.');
  }
  const ops = parsePatch(req.body);
  if (isResponse(ops)) {
    return ops;
  }
  const image = ownImage(scope, imageId, { active: true });
  if (isResponse(image)) {
    return image;
  }
  const changes: Array<[string, string]> = [];
  for (const { op, path, value } of ops) {
    const target = PATHS[path];
    if (op !== 'replace' && op !== 'add') {
      return invalid(`The op ${op} is invalid for ${path}.`);
    }
    if (!target) {
      return invalid(`The path ${path} is invalid.`);
    }
    if (typeof value !== 'string' || target.check(value)) {
      return invalid(`The value of ${path} is invalid.`);
    }
    changes.push([target.field, value]);
  }
  for (const [field, value] of changes) {
    image[field] = value;
  }
  image['updated_at'] = isoSecond(now);
  return ok(image);
}
