// The filter attributes of Filter in Cloud… in words (the wizard's steps, a region's filter text and the
// input messages); the values stay the cloud's own words, with a gloss where the word alone says little.
import * as vscode from 'vscode';
import type { FilterAttribute } from '../providers/core/model';

export function filterAttributeLabel(key: FilterAttribute | 'created' | 'untagged'): string {
  switch (key) {
    case 'processorType':
      return vscode.l10n.t('processor type');
    case 'osFamily':
      return vscode.l10n.t('OS family');
    case 'visibility':
      return vscode.l10n.t('visibility');
    case 'usage':
      return vscode.l10n.t('use by instances');
    case 'osType':
      return vscode.l10n.t('OS type');
    case 'architecture':
      return vscode.l10n.t('architecture');
    case 'imageFamily':
      return vscode.l10n.t('image family');
    case 'instanceType':
      return vscode.l10n.t('instance type');
    case 'created':
      return vscode.l10n.t('creation time');
    case 'untagged':
      return vscode.l10n.t('images without tags');
  }
}

/** A value in words where the cloud's word needs one (Alibaba Usage), else the word itself. */
export function filterValueLabel(key: FilterAttribute, value: string): string {
  if (key === 'usage') {
    return value === 'instance' ? vscode.l10n.t('used by instances') : value === 'none' ? vscode.l10n.t('used by no instance') : value;
  }
  if (key === 'visibility') {
    return value === 'public' ? vscode.l10n.t('public') : value === 'private' ? vscode.l10n.t('private') : value;
  }
  return value;
}
