import * as vscode from 'vscode';
import type { JobKind } from '../providers/operations';
import { formatDuration, type DurationWords } from './duration';
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
    case 'import':
      return vscode.l10n.t('Import');
    case 'accept':
      return vscode.l10n.t('Accept');
    case 'reject':
      return vscode.l10n.t('Reject');
  }
}

export function jobTitle(job: TrackedJob): string {
  return vscode.l10n.t('{0} of image {1}', kindLabel(job.kind), job.imageName);
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

/** Why a failed job failed, for the user: our reason, or the cloud's own words beside an explanation. */
export function failureText(job: TrackedJob): string | undefined {
  if (job.state !== 'failed') {
    return undefined;
  }
  if (job.reason === 'accountRemoved') {
    return vscode.l10n.t('The account was removed.');
  }
  if (job.reason === 'lost') {
    return vscode.l10n.t('The cloud no longer reports this job.');
  }
  if (job.error && job.error !== job.cloudState) {
    return vscode.l10n.t('{0} The cloud says: {1}', vscode.l10n.t('The job failed.'), job.error);
  }
  return vscode.l10n.t('The job failed; the cloud gave no reason (its status: {0}).', job.cloudState ?? job.state);
}

export function durationWords(): DurationWords {
  return { seconds: vscode.l10n.t('{0} s'), minutes: vscode.l10n.t('{0} min {1} s'), hours: vscode.l10n.t('{0} h {1} min') };
}

/** "12 s", "3 min 4 s", "1 h 2 min". */
export function elapsed(ms: number): string {
  return formatDuration(ms, durationWords());
}
