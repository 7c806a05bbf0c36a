// Dates, ages, sizes and numbers in VS Code's display language (vscode.env.language, through Intl).
import * as vscode from 'vscode';

/** VS Code's display language as an Intl locale ('zh-cn' -> 'zh-CN'), or the runtime's default if Intl does not know it. */
export function displayLocale(): string | undefined {
  const language = vscode.env.language;
  if (language !== canonical.language) {
    let locale: string | undefined;
    try {
      locale = Intl.getCanonicalLocales(language)[0];
    } catch {
      locale = undefined;
    }
    canonical = { language, locale };
  }
  return canonical.locale;
}

/** The last display language looked up and its Intl locale. */
let canonical: { language: string | undefined; locale: string | undefined } = { language: undefined, locale: undefined };

/**
 * One formatter per kind (with its options) in the display language, built on first use and kept: building an
 * Intl formatter costs far more than formatting with it, and a tree of 50,000 items formats 100,000 values.
 * The key includes the locale, so a different display language gets its own.
 */
const formatters = new Map<string, unknown>();

function formatter<T>(kind: string, build: (locale: string | undefined) => T): T {
  const locale = displayLocale();
  const key = `${kind}|${locale ?? ''}`;
  let f = formatters.get(key) as T | undefined;
  if (f === undefined) {
    f = build(locale);
    formatters.set(key, f);
  }
  return f;
}

/** Items as a list in the display language: "a, b, c" / "a、b、c". */
export function formatList(items: readonly string[]): string {
  const options = { type: 'conjunction', style: 'narrow' } as const;
  return formatter('list', (l) => new Intl.ListFormat(l, options)).format(items);
}

export function formatNumber(n: number, maximumFractionDigits = 1): string {
  const options = { maximumFractionDigits };
  return formatter(`number:${maximumFractionDigits}`, (l) => new Intl.NumberFormat(l, options)).format(n);
}

/** A time from the cloud (ISO 8601, or epoch ms), or undefined when it is not one. */
export function parseTime(value: unknown): Date | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return new Date(value);
  }
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value.trim())) {
    return undefined;
  }
  const ms = Date.parse(value.trim().replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** "2024年3月5日 14:03" / "Mar 5, 2024, 2:03 PM". */
export function formatDate(date: Date): string {
  const options = { dateStyle: 'medium', timeStyle: 'short' } as const;
  return formatter('date', (l) => new Intl.DateTimeFormat(l, options)).format(date);
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** "3 天前" / "3 days ago", in the largest unit that fits. */
export function formatAge(date: Date, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? UNITS[UNITS.length - 1]!;
  const options = { numeric: 'auto' } as const;
  return formatter('relative', (l) => new Intl.RelativeTimeFormat(l, options)).format(Math.trunc(seconds / size), unit);
}

/** A cloud's time as a localised date with its age, e.g. "2024年3月5日 14:03（1 年前）"; undefined when it is not a time. */
export function formatTime(value: unknown): string | undefined {
  const date = parseTime(value);
  return date ? vscode.l10n.t('{0} ({1})', formatDate(date), formatAge(date)) : undefined;
}

export function formatGiB(gib: number): string {
  return vscode.l10n.t('{0} GiB', formatNumber(gib));
}

export function formatMiB(mib: number): string {
  return vscode.l10n.t('{0} MiB', formatNumber(mib));
}

/** Bytes in the largest binary unit of GiB, MiB, else bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) {
    return formatGiB(bytes / 1024 ** 3);
  }
  if (bytes >= 1024 ** 2) {
    return formatMiB(bytes / 1024 ** 2);
  }
  return vscode.l10n.t('{0} bytes', formatNumber(bytes, 0));
}

/** An amount of a time unit: "3 days" / "3天", "1 year" / "1年". */
export function formatDuration(value: number, unit: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute'): string {
  const options = { style: 'unit', unit, unitDisplay: 'long' } as const;
  return formatter(`unit:${unit}`, (l) => new Intl.NumberFormat(l, options)).format(value);
}
