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
  'scalingConfigs',
  'references',
  'ageDays',
  'copiesIn',
  'verdict',
  'reasons',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** The header row's language, as the user chooses it (whatever the display language). */
export type HeaderLanguage = 'en' | 'zh-cn';

/** Chinese headers, in EXPORT_COLUMNS order (the Chinese console's words where it has them). */
const ZH_HEADERS: Readonly<Record<ExportColumn, string>> = {
  cloud: '云',
  account: '账号',
  region: '地域',
  id: '镜像ID',
  name: '镜像名称',
  status: '状态',
  owner: '镜像类型',
  os: '操作系统',
  architecture: '架构',
  sizeGiB: '大小（GiB）',
  created: '创建时间',
  tags: '标签',
  sharedWith: '共享账号数',
  instances: '实例数',
  templates: '启动模板数',
  scalingConfigs: '伸缩配置数',
  references: '工作区引用',
  ageDays: '已创建天数',
  copiesIn: '其他地域副本',
  verdict: '结论',
  reasons: '原因',
};

/** The header row in a language: the column names (English) or their Chinese. */
export function exportHeaders(language: HeaderLanguage): readonly string[] {
  return language === 'zh-cn' ? EXPORT_COLUMNS.map((c) => ZH_HEADERS[c]) : EXPORT_COLUMNS;
}
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
    scalingConfigs: facts?.usage?.scalingConfigs,
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
