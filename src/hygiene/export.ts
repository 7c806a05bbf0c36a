// An image list as CSV (RFC 4180) or JSON: one row per image with the hygiene facts where known. Cells
// that a spreadsheet would run as a formula (= + - @ at the start) are quoted with a leading apostrophe.
import type { CloudKind, Image } from '../providers/core/model';
import type { ImageFacts } from './plan';

export const EXPORT_COLUMNS = [
  'cloud',
  'account',
  'region',
  'id',
  'name',
  'status',
  'owner',
  'os',
  'architecture',
  'sizeGiB',
  'created',
  'tags',
  'sharedWith',
  'instances',
  'templates',
  'references',
  'ageDays',
  'copiesIn',
  'verdict',
  'reasons',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Readonly<Record<ExportColumn, string | number | undefined>>;

export interface ExportItem {
  readonly cloud: CloudKind;
  readonly account: string;
  readonly image: Image;
  readonly facts?: ImageFacts;
  readonly verdict?: string;
  readonly reasons?: string;
}

export function exportRow(item: ExportItem): ExportRow {
  const { image, facts } = item;
  return {
    cloud: item.cloud,
    account: item.account,
    region: image.regionId,
    id: image.id,
    name: image.name,
    status: image.status,
    owner: image.owner,
    os: image.osName,
    architecture: image.architecture,
    sizeGiB: image.sizeGiB,
    created: image.createdAt,
    tags: image.tags.map((t) => (t.value ? `${t.key}=${t.value}` : t.key)).join('; '),
    sharedWith: facts?.sharedWith,
    instances: facts?.usage?.instances,
    templates: facts?.usage?.templates,
    references: facts?.references.map((r) => `${r.file}:${r.line}`).join('; '),
    ageDays: facts?.ageDays,
    copiesIn: facts?.copiesIn.join('; '),
    verdict: item.verdict,
    reasons: item.reasons,
  };
}

function csvCell(v: string | number | undefined): string {
  if (v === undefined) {
    return '';
  }
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) {
    s = `'${s}`;
  }
  return /[",\r\n]/.test(s) || s !== String(v) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV with the given header labels (one per column, in EXPORT_COLUMNS order), CRLF line ends. */
export function toCsv(rows: readonly ExportRow[], headers: readonly string[] = EXPORT_COLUMNS): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const row of rows) {
    lines.push(EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** JSON: an array of objects keyed by column, unknown facts left out. */
export function toJson(rows: readonly ExportRow[]): string {
  return `${JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined && v !== ''))), null, 2)}\n`;
}
