// Parsing and checking member IDs typed for Share / Unshare, before any request.
import * as vscode from 'vscode';
import type { ShareOperations } from '../providers/operations';

export function splitIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;，；]+/).map((s) => s.trim()).filter(Boolean))];
}

export function memberNoun(kind: ShareOperations['memberKind']): string {
  switch (kind) {
    case 'account':
      return vscode.l10n.t('account ID');
    case 'project':
      return vscode.l10n.t('project ID');
    case 'user':
      return vscode.l10n.t('user ID');
  }
}

export function memberNounPlural(kind: ShareOperations['memberKind']): string {
  switch (kind) {
    case 'account':
      return vscode.l10n.t('account IDs');
    case 'project':
      return vscode.l10n.t('project IDs');
    case 'user':
      return vscode.l10n.t('user IDs');
  }
}

export function validateMemberIds(
  text: string,
  sharing: Pick<ShareOperations, 'memberKind' | 'memberIdPattern' | 'maxMembers'>,
  current: readonly string[],
): string | undefined {
  const ids = splitIds(text);
  if (!ids.length) {
    return vscode.l10n.t('Enter one or more {0}, separated by commas or spaces.', memberNounPlural(sharing.memberKind));
  }
  const bad = ids.filter((id) => !sharing.memberIdPattern.test(id));
  if (bad.length) {
    return vscode.l10n.t('"{0}" is not a valid {1}.', bad[0]!, memberNoun(sharing.memberKind));
  }
  const already = ids.filter((id) => current.includes(id));
  if (already.length) {
    return vscode.l10n.t('The image is already shared with {0}.', already.join(', '));
  }
  if (sharing.maxMembers !== undefined && current.length + ids.length > sharing.maxMembers) {
    return vscode.l10n.t('An image can be shared with at most {0} members; it has {1}.', sharing.maxMembers, current.length);
  }
  return undefined;
}
