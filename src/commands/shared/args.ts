// Arguments that arrive untyped, from the details panel (the tag typed in the panel, the key clicked) and
// from the Images view's keybindings (the mark that they come from the view): their shape is checked
// here, their values by the commands exactly as the prompts check them.
import type { Tag } from '../../providers/core/model';

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

/**
 * The argument the Images view's keybindings pass (package.json `keybindings[].args`): `{ "fromView": true }`,
 * act on the view's selection. The palette passes nothing and anything else is not this mark: both ask.
 */
export function fromViewArg(v: unknown): boolean {
  return rec(v)?.['fromView'] === true;
}
