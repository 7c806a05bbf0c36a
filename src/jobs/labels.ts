import * as vscode from 'vscode';
import type { JobKind } from '../providers/operations';
import type { TrackedJob } from './model';

export function kindLabel(kind: JobKind): string {
  switch (kind) {
    case 'export':
      return vscode.l10n.t('Export');
    case 'share':
      return vscode.l10n.t('Share');
    case 'unshare':
      return vscode.l10n.t('Unshare');
    case 'delete':
      return vscode.l10n.t('Delete');
  }
}

export function jobTitle(job: TrackedJob): string {
  return vscode.l10n.t('{0} of {1}', kindLabel(job.kind), job.imageName);
}

export function stateLabel(job: TrackedJob): string {
  switch (job.state) {
    case 'queued':
      return vscode.l10n.t('Queued');
    case 'running':
      return job.percent === undefined ? vscode.l10n.t('Running') : `${Math.round(job.percent)}%`;
    case 'succeeded':
      return vscode.l10n.t('Succeeded');
    case 'failed':
      return vscode.l10n.t('Failed');
  }
}

/** "12 s", "3 min 4 s", "1 h 2 min". */
export function elapsed(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) {
    return vscode.l10n.t('{0} s', s);
  }
  const m = Math.floor(s / 60);
  if (m < 60) {
    return vscode.l10n.t('{0} min {1} s', m, s % 60);
  }
  return vscode.l10n.t('{0} h {1} min', Math.floor(m / 60), m % 60);
}
