import * as vscode from 'vscode';
import type { JobKind } from '../providers/core/operations';
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
    case 'copy':
      return vscode.l10n.t('Copy');
    case 'import':
      return vscode.l10n.t('Import');
    case 'accept':
      return vscode.l10n.t('Accept');
    case 'reject':
      return vscode.l10n.t('Reject');
  }
}

export function jobTitle(job: TrackedJob): string {
  if (job.kind === 'copy' && job.target && job.target.regionId !== job.regionId) {
    return vscode.l10n.t('Copy of image {0} to {1}', job.imageName, job.target.regionId);
  }
  return vscode.l10n.t('{0} of image {1}', kindLabel(job.kind), job.imageName);
}

/** A group of copies: "Copy of image web to 3 regions". */
export function groupTitle(jobs: readonly TrackedJob[]): string {
  const first = jobs[0];
  return first ? vscode.l10n.t('Copy of image {0} to {1} regions', first.imageName, jobs.length) : '';
}

/** Where a job of a group went: its destination region. */
export function groupMember(job: TrackedJob): string {
  return job.target?.regionId ?? job.regionId;
}

/** Each region's outcome: "cn-shanghai: done; cn-beijing: failed (The job failed…)". */
export function groupOutcome(jobs: readonly TrackedJob[]): string {
  return jobs
    .map((j) =>
      j.state === 'succeeded'
        ? vscode.l10n.t('{0} done', groupMember(j))
        : vscode.l10n.t('{0} failed ({1})', groupMember(j), failureText(j) ?? stateLabel(j)),
    )
    .join(vscode.l10n.t('; '));
}

/** "2/3 done · 45%": how far a group is. */
export function groupProgress(jobs: readonly TrackedJob[]): string {
  const done = jobs.filter((j) => j.state === 'succeeded' || j.state === 'failed').length;
  const percent = Math.round(jobs.reduce((sum, j) => sum + (j.state === 'succeeded' ? 100 : (j.percent ?? 0)), 0) / Math.max(1, jobs.length));
  return vscode.l10n.t('{0}/{1} done · {2}%', done, jobs.length, percent);
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
  if (job.reason === 'cancelled') {
    return vscode.l10n.t('Cancelled.');
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
