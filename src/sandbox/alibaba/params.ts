// Reading Alibaba RPC parameters and writing its answers in the sandbox: repeat lists (Key.N,
// Key.N.Sub), booleans, page numbers, and the error bodies with the cloud's codes.
import { randomUUID } from 'crypto';
import { isEmulatorResponse, json, type EmulatorResponse } from '../types';

export type Params = Readonly<Record<string, string>>;

export function alibabaError(status: number, code: string, message: string, host = 'ecs.aliyuncs.com'): EmulatorResponse {
  return json(status, {
    RequestId: randomUUID().toUpperCase(),
    HostId: host,
    Code: code,
    Message: message,
    Recommend: `https://next.api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Ecs`,
  });
}

/** A 200 answer: the fields given plus a RequestId. */
export function ok(fields: Record<string, unknown> = {}): EmulatorResponse {
  return json(200, { RequestId: randomUUID().toUpperCase(), ...fields });
}

export function invalid(name: string, detail?: string): EmulatorResponse {
  return alibabaError(400, 'InvalidParameter', detail ?? `The specified parameter "${name}" is not valid.`);
}

export function missing(name: string): EmulatorResponse {
  return alibabaError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
}

export function isResponse(v: unknown): v is EmulatorResponse {
  return isEmulatorResponse(v);
}

/** Alibaba booleans on the wire: "true"/"false" (any case). */
export function flag(params: Params, name: string): boolean {
  return (params[name] ?? '').toLowerCase() === 'true';
}

/**
 * DryRun=true: the checks were made and passed, nothing is done. Called by each operation after
 * its own checks, as the cloud answers DryRunOperation only for a request that would have succeeded.
 */
export function dryRun(params: Params): EmulatorResponse | undefined {
  return flag(params, 'DryRun') ? alibabaError(400, 'DryRunOperation', 'Request validation has been passed with DryRun flag set.') : undefined;
}

/** `Prefix.N` values ordered by N (1-based); with `sub`, `Prefix.N.Sub`. */
export function repeatList(params: Params, prefix: string, sub?: string): Array<{ n: number; value: string }> {
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)${sub ? `\\.${sub}` : ''}$`);
  const out: Array<{ n: number; value: string }> = [];
  for (const [k, v] of Object.entries(params)) {
    const m = pattern.exec(k);
    if (m) {
      out.push({ n: Number(m[1]), value: v });
    }
  }
  return out.sort((a, b) => a.n - b.n);
}

export function repeatValues(params: Params, prefix: string): string[] {
  return repeatList(params, prefix).map((e) => e.value);
}

/** `Tag.N.Key` / `Tag.N.Value` pairs ordered by N; a missing value is "". */
export function tagList(params: Params, prefix = 'Tag'): Array<{ n: number; key: string; value: string }> {
  return repeatList(params, prefix, 'Key').map(({ n, value }) => ({ n, key: value, value: params[`${prefix}.${n}.Value`] ?? '' }));
}

/** PageNumber (>= 1, default 1) and PageSize (1..max, default as given), or the cloud's InvalidParameter. */
export function paging(params: Params, defaultSize: number, maxSize = 100): { pageNumber: number; pageSize: number } | EmulatorResponse {
  const pageNumber = Number(params['PageNumber'] ?? '1');
  const pageSize = Number(params['PageSize'] ?? String(defaultSize));
  if (!Number.isInteger(pageNumber) || pageNumber < 1) {
    return invalid('PageNumber');
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxSize) {
    return invalid('PageSize');
  }
  return { pageNumber, pageSize };
}

export function isoSecond(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** One page of a PageNumber/PageSize answer: { TotalCount, PageNumber, PageSize, <set>: { <item>: [...] } }. */
export function pageOf<T>(page: { pageNumber: number; pageSize: number }, all: readonly T[], set: string, item: string): Record<string, unknown> {
  return {
    TotalCount: all.length,
    PageNumber: page.pageNumber,
    PageSize: page.pageSize,
    [set]: { [item]: all.slice((page.pageNumber - 1) * page.pageSize, page.pageNumber * page.pageSize) },
  };
}
