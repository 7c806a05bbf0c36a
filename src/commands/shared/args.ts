// Extra command arguments (from the details panel and tests) arrive untyped: check their shape.
import type { Tag } from '../../providers/core/model';
import type { ExportRequest } from '../../providers/core/operations';

function rec(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

export function tagArg(v: unknown): Tag | undefined {
  const r = rec(v);
  return r && typeof r['key'] === 'string' && typeof (r['value'] ?? '') === 'string' ? { key: r['key'], value: String(r['value'] ?? '') } : undefined;
}

export function stringsArg(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

export function exportArg(v: unknown): ExportRequest | undefined {
  const r = rec(v);
  return r && typeof r['bucket'] === 'string' && typeof r['object'] === 'string' && typeof r['format'] === 'string'
    ? { bucket: r['bucket'], object: r['object'], format: r['format'], ...(r['quick'] === true ? { quick: true } : {}) }
    : undefined;
}
