// An image's hover, where its cloud lists the instance types an image runs on (Alibaba
// DescribeImageSupportInstanceTypes): a command link asks for them (one request, only on request), and
// the hover shows them from then on, or that asking failed (with the link to ask again).
import * as vscode from 'vscode';
import { CAPABILITIES } from '../providers/rules/capabilities';
import type { CloudKind } from '../providers/core/model';
import { formatList } from '../util/format';

export const SHOW_INSTANCE_TYPES = 'cloudImageExplorer.showInstanceTypes';

export interface ImagePlace {
  readonly accountId: string;
  readonly regionId: string;
  readonly imageId: string;
}

/** What was read for an image: its types, or the failure's message. Bounded: the oldest are forgotten. */
const known = new Map<string, { types: readonly string[] } | { error: string }>();
const MAX_KNOWN = 500;

function keyOf(p: ImagePlace): string {
  return `${p.accountId}\n${p.regionId}\n${p.imageId}`;
}

export function rememberInstanceTypes(place: ImagePlace, result: { types: readonly string[] } | { error: string }): void {
  known.delete(keyOf(place));
  known.set(keyOf(place), result);
  if (known.size > MAX_KNOWN) {
    const oldest = known.keys().next().value;
    if (oldest !== undefined) {
      known.delete(oldest);
    }
  }
}

export function knownInstanceTypes(place: ImagePlace): { types: readonly string[] } | { error: string } | undefined {
  return known.get(keyOf(place));
}

/** Adds the section to an image's hover where its cloud has the listing; the link is the only trusted command. */
export function appendInstanceTypes(md: vscode.MarkdownString, cloud: CloudKind, place: ImagePlace): void {
  if (!CAPABILITIES[cloud].instanceTypes) {
    return;
  }
  const link = `command:${SHOW_INSTANCE_TYPES}?${encodeURIComponent(JSON.stringify([place]))}`;
  md.isTrusted = { enabledCommands: [SHOW_INSTANCE_TYPES] };
  const result = known.get(keyOf(place));
  md.appendMarkdown('\n\n');
  if (result && 'types' in result) {
    md.appendText(
      result.types.length
        ? vscode.l10n.t('Supported instance types: {0}', formatList(result.types))
        : vscode.l10n.t('The cloud lists no instance type for this image.'),
    );
    return;
  }
  if (result) {
    md.appendText(vscode.l10n.t('The supported instance types could not be read: {0}', result.error)).appendMarkdown(' ');
    md.appendMarkdown(`[${vscode.l10n.t('Retry')}](${link})`);
    return;
  }
  md.appendMarkdown(`[${vscode.l10n.t('Show supported instance types')}](${link})`);
}
