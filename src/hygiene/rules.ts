// The rules an image must meet to be proposed for deletion, their defaults, and reading them back from
// settings (whatever was stored there: a field that is missing or of the wrong type takes its default).

export interface HygieneRules {
  /** No instance runs from it. */
  readonly unusedByInstances: boolean;
  /** No launch template (or scaling configuration) names it. */
  readonly unusedByTemplates: boolean;
  /** No file of the workspace names its ID. */
  readonly notReferenced: boolean;
  /** Created at least this many days ago; 0 for any age. */
  readonly olderThanDays: number;
  /** Shared with no other account. */
  readonly notShared: boolean;
  /** A tag with this key keeps the image, whatever its value ("keep=*"); '' for none. */
  readonly keepTagKey: string;
}

export const DEFAULT_RULES: HygieneRules = {
  unusedByInstances: true,
  unusedByTemplates: true,
  notReferenced: true,
  olderThanDays: 90,
  notShared: true,
  keepTagKey: 'keep',
};

/** The longest age a rule may ask for (about 27 years): more is a typo. */
export const MAX_AGE_DAYS = 10_000;

function bool(v: unknown, fallback: boolean): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

/** Rules from what settings hold (an object from an older version, or edited by hand). */
export function rulesFrom(value: unknown): HygieneRules {
  const o = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const age = o['olderThanDays'];
  const key = o['keepTagKey'];
  return {
    unusedByInstances: bool(o['unusedByInstances'], DEFAULT_RULES.unusedByInstances),
    unusedByTemplates: bool(o['unusedByTemplates'], DEFAULT_RULES.unusedByTemplates),
    notReferenced: bool(o['notReferenced'], DEFAULT_RULES.notReferenced),
    olderThanDays: typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= MAX_AGE_DAYS ? age : DEFAULT_RULES.olderThanDays,
    notShared: bool(o['notShared'], DEFAULT_RULES.notShared),
    keepTagKey: typeof key === 'string' ? key.trim() : DEFAULT_RULES.keepTagKey,
  };
}

/** An age in days as typed: a whole number from 0 to MAX_AGE_DAYS, or undefined. */
export function parseAgeDays(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t)) {
    return undefined;
  }
  const n = Number(t);
  return n <= MAX_AGE_DAYS ? n : undefined;
}

/** Rules with no guard at all: every own image that is ready would be proposed. */
export function guardsNothing(rules: HygieneRules): boolean {
  return !rules.unusedByInstances && !rules.unusedByTemplates && !rules.notReferenced && rules.olderThanDays === 0 && !rules.notShared && !rules.keepTagKey;
}
