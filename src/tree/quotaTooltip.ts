// A region's hover, where its cloud reports quotas (Huawei IMS): used / total of each. Read on the
// first hover (the region is redrawn when they arrive) and kept; Show Quota reads them afresh.
import * as vscode from 'vscode';
import type { QuotaUse } from '../providers/core/quota';
import type { ImageProvider } from '../providers/core/provider';
import { formatNumber } from '../util/format';
import type { RegionNode } from './nodes';

/** The quota's name for people. */
export function quotaLabel(type: string): string {
  switch (type) {
    case 'image':
      return vscode.l10n.t('Private images');
    case 'image_shared':
      return vscode.l10n.t('Shared images');
    case 'image_member':
      return vscode.l10n.t('Image members');
    default:
      return type;
  }
}

/** "Private images: 12 / 50" per quota. */
export function quotaLines(quotas: readonly QuotaUse[]): string[] {
  return quotas.map((q) => vscode.l10n.t('{0}: {1} / {2}', quotaLabel(q.type), formatNumber(q.used), formatNumber(q.quota)));
}

/** What each region's hover last read: its quota lines, or that they could not be read; absent while reading. */
const known = new WeakMap<RegionNode, string[] | Error>();
const reading = new WeakSet<RegionNode>();

/** Remembers quotas read elsewhere (Show Quota), so the hover shows the latest. */
export function rememberQuota(node: RegionNode, quotas: readonly QuotaUse[]): void {
  known.set(node, quotaLines(quotas));
}

export function regionTooltip(item: vscode.TreeItem, node: RegionNode, provider: () => Promise<ImageProvider>, redraw: () => void): void {
  const lines = known.get(node);
  if (lines === undefined) {
    if (!reading.has(node)) {
      reading.add(node);
      void read(node, provider).then((found) => {
        reading.delete(node);
        if (found) {
          known.set(node, found);
          redraw();
        }
      });
    }
    return;
  }
  const md = new vscode.MarkdownString(undefined, false);
  md.appendMarkdown('**').appendText(vscode.l10n.t('{0} ({1})', node.region.name, node.region.id)).appendMarkdown('**\n\n');
  if (lines instanceof Error) {
    md.appendText(vscode.l10n.t('The quota could not be read.'));
  } else {
    md.appendText(vscode.l10n.t('Quota')).appendMarkdown('  \n');
    lines.forEach((line) => md.appendText(line).appendMarkdown('  \n'));
  }
  item.tooltip = md;
}

/** The lines, an Error when reading failed, or undefined where the cloud has no quotas. */
async function read(node: RegionNode, provider: () => Promise<ImageProvider>): Promise<string[] | Error | undefined> {
  try {
    const quota = (await provider()).quota;
    return quota ? quotaLines(await quota.quotas(node.region.id)) : undefined;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}
