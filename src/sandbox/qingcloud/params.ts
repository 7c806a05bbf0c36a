// Reading QingCloud request params the way the cloud does, and its `{ ret_code, message }` errors.
import { json, type EmulatorResponse } from '../types';

export type Params = Readonly<Record<string, string>>;

export function qingcloudError(retCode: number, message: string, status = 200): EmulatorResponse {
  return { ...json(status, { ret_code: retCode, message }), errorCode: String(retCode) };
}

export function parameterError(message: string): EmulatorResponse {
  return qingcloudError(1100, `ParameterError, ${message}`);
}

export function notFound(message: string): EmulatorResponse {
  return qingcloudError(2100, `ResourceNotFound, ${message}`);
}

export function permissionDenied(message: string): EmulatorResponse {
  return qingcloudError(1400, `PermissionDenied, ${message}`);
}

/** A successful answer: `{ action: "<Action>Response", ...body, ret_code: 0 }`. */
export function ok(action: string, body: Record<string, unknown> = {}): EmulatorResponse {
  return json(200, { action: `${action}Response`, ...body, ret_code: 0 });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The values of `name.1`, `name.2`, ... in index order. */
export function listParam(params: Params, name: string): string[] {
  return objectListParam(params, name).map((o) => o[''] ?? '');
}

/**
 * `name.N` and `name.N.field` grouped by N, in index order: `resource_tag_pairs.1.tag_id` gives
 * `{ tag_id }` at position 1; a plain `images.1` gives `{ '': value }`.
 */
export function objectListParam(params: Params, name: string): Array<Record<string, string>> {
  const pattern = new RegExp(`^${escapeRegExp(name)}\\.(\\d+)(?:\\.(.+))?$`);
  const byIndex = new Map<number, Record<string, string>>();
  for (const [k, v] of Object.entries(params)) {
    const m = pattern.exec(k);
    if (m) {
      const n = Number(m[1]);
      const entry = byIndex.get(n) ?? {};
      entry[m[2] ?? ''] = v;
      byIndex.set(n, entry);
    }
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
}

/** A whole number in [min, max] from a param, its default when absent, or undefined when invalid. */
export function intParam(params: Params, name: string, fallback: number, min: number, max: number): number | undefined {
  const text = params[name];
  if (text === undefined || text === '') {
    return fallback;
  }
  const n = Number(text);
  return /^\d+$/.test(text) && n >= min && n <= max ? n : undefined;
}

/**
 * One offset/limit page of `items` as `{ <setKey>: [...], total_count }`, or the 1100 error for a bad
 * offset or limit (default 20, at most 100, as on every QingCloud Describe* action).
 */
export function paged(params: Params, action: string, setKey: string, items: readonly unknown[]): EmulatorResponse {
  const offset = intParam(params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  if (offset === undefined) {
    return parameterError(`invalid offset [${params['offset']}]`);
  }
  const limit = intParam(params, 'limit', 20, 1, 100);
  if (limit === undefined) {
    return parameterError(`invalid limit [${params['limit']}], should be between 1 and 100`);
  }
  return ok(action, { [setKey]: items.slice(offset, offset + limit), total_count: items.length });
}

export function isoSecond(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
