import * as vscode from 'vscode';
import type { JobKind } from '../providers/core/jobs';
import { formatDuration, type DurationWords } from './duration';
import { isActive, type TrackedJob } from './model';
import { LISTS_JOBS } from '../providers/rules/jobListing';
import { regionName } from './regionNames';

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
    return vscode.l10n.t('Copy of image {0} to {1}', job.imageName, regionName(job.accountId, job.target.regionId));
  }
  return vscode.l10n.t('{0} of image {1}', kindLabel(job.kind), job.imageName);
}

/** A group of copies: "Copy of image web to 3 regions". */
export function groupTitle(jobs: readonly TrackedJob[]): string {
  const first = jobs[0];
  return first ? vscode.l10n.t('Copy of image {0} to {1} regions', first.imageName, jobs.length) : '';
}

/** Where a job of a group went: its destination region, named as the tree names it. */
export function groupMember(job: TrackedJob): string {
  return regionName(job.accountId, job.target?.regionId ?? job.regionId);
}

/** Each region's outcome: "China (Shanghai) done; China (Beijing) failed (The job failed…); Singapore cancelled". */
export function groupOutcome(jobs: readonly TrackedJob[]): string {
  return jobs
    .map((j) =>
      j.state === 'succeeded'
        ? vscode.l10n.t('{0} done', groupMember(j))
        : j.state === 'cancelled'
          ? vscode.l10n.t('{0} cancelled', groupMember(j))
          : vscode.l10n.t('{0} failed ({1})', groupMember(j), failureText(j) ?? stateLabel(j)),
    )
    .join(vscode.l10n.t('; '));
}

/**
 * How far a group is: "2/3 done · 45%" while a job of it runs (a finished job counts as 100 %, whatever its
 * outcome); once all have finished, "3/3 done · 100%" or what each ended as ("1 done · 1 failed · 1 cancelled").
 */
export function groupProgress(jobs: readonly TrackedJob[]): string {
  const finished = jobs.filter((j) => !isActive(j)).length;
  if (finished === jobs.length) {
    const count = (state: TrackedJob['state']): number => jobs.filter((j) => j.state === state).length;
    if (count('succeeded') === jobs.length) {
      return vscode.l10n.t('{0}/{1} done · {2}%', jobs.length, jobs.length, 100);
    }
    const parts = [
      count('succeeded') ? vscode.l10n.t('{0} done', count('succeeded')) : undefined,
      count('failed') ? vscode.l10n.t('{0} failed', count('failed')) : undefined,
      count('cancelled') ? vscode.l10n.t('{0} cancelled', count('cancelled')) : undefined,
    ];
    return parts.filter((p): p is string => p !== undefined).join(' · ');
  }
  const percent = Math.round(jobs.reduce((sum, j) => sum + (isActive(j) ? (j.percent ?? 0) : 100), 0) / Math.max(1, jobs.length));
  return vscode.l10n.t('{0}/{1} done · {2}%', finished, jobs.length, percent);
}

export function stateLabel(job: TrackedJob): string {
  switch (job.state) {
    case 'queued':
      return vscode.l10n.t('Queued');
    case 'running':
      return job.percent === undefined ? vscode.l10n.t('Running') : `${Math.round(job.percent)}%`;
    default:
      return endedLabel(job.state);
  }
}

/**
 * The cloud's own word for the job's state, where it says more than ours ("Finished" beside Succeeded,
 * "Processing" beside 45 %): not when it is ours in other letters ("Cancelled", "CANCELED"), nor when the
 * job ended for a reason of ours (cancelled here, account removed, lost), whose state the cloud did not give.
 */
export function cloudStateWord(job: TrackedJob): string | undefined {
  const word = job.reason ? undefined : job.cloudState?.trim();
  const plain = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '').replace(/^canceled$/, 'cancelled');
  return word && plain(word) !== plain(job.state) ? word : undefined;
}

/** The job's state, and the cloud's own word for it (quoted) where that says more (the hover). */
export function stateWithCloud(job: TrackedJob): string {
  const word = cloudStateWord(job);
  return word ? vscode.l10n.t('{0} (the cloud\'s status: "{1}")', stateLabel(job), word) : stateLabel(job);
}

/** How a job or a transfer ended, in the Jobs view, its hover and the panel. */
export function endedLabel(state: 'succeeded' | 'failed' | 'cancelled'): string {
  switch (state) {
    case 'succeeded':
      return vscode.l10n.t('Succeeded');
    case 'failed':
      return vscode.l10n.t('Failed');
    case 'cancelled':
      return vscode.l10n.t('Cancelled');
  }
}

/**
 * A cancelled job, for the user: who ended it, and what to check where the cloud does not document what a
 * cancel leaves behind (Alibaba CancelTask says nothing of the image an import was making or of the file an
 * export had begun to write; CancelCopyImage documents that the unfinished copy is deleted).
 */
export function cancelText(job: TrackedJob): string | undefined {
  if (job.state !== 'cancelled') {
    return undefined;
  }
  const who = job.reason === 'cancelled' ? vscode.l10n.t('You cancelled it.') : vscode.l10n.t('The cloud reports it cancelled (from the console, the CLI or by the cloud itself).');
  const check = job.kind === 'import' ? cancelledImportCheck(job) : job.kind === 'export' ? cancelledExportCheck(job) : undefined;
  // Sentences follow each other with a space in English, without one in Chinese.
  return check ? vscode.l10n.t('{0} {1}', who, check) : who;
}

/** What a cancelled import may leave (the cloud does not say): the image it was making. */
export function cancelledImportCheck(job: TrackedJob): string {
  return vscode.l10n.t(
    'The import stops. The cloud does not document whether it removes the image it was making: check that "{0}" is no longer listed in {1}, and delete it if it is.',
    job.imageName,
    regionName(job.accountId, job.regionId),
  );
}

/** What a cancelled export may leave (the cloud does not say): a partly written file in the bucket. */
export function cancelledExportCheck(job: TrackedJob): string {
  return job.detail
    ? vscode.l10n.t('The export stops. The cloud does not document whether it removes what it already wrote: check {0} for a partly written file and delete it.', job.detail)
    : vscode.l10n.t('The export stops. The cloud does not document whether it removes what it already wrote: check the bucket for a partly written file and delete it.');
}

/** A job started elsewhere (the web console, the CLI, another tool): said so, and that its end is not announced. */
export function originText(job: TrackedJob): string | undefined {
  return job.origin === 'elsewhere' ? vscode.l10n.t('Started elsewhere (the web console, the CLI or another tool): followed here, its end is not announced.') : undefined;
}

/** On a cloud that lists no jobs (Huawei IMS): that jobs started elsewhere cannot show here. */
export function unlistedText(job: TrackedJob): string | undefined {
  return LISTS_JOBS[job.cloud] === 'no'
    ? vscode.l10n.t('This cloud lists no jobs, so jobs started in its web console or its CLI cannot be shown here; only jobs started here are.')
    : undefined;
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
  const word = cloudStateWord(job);
  return word ? vscode.l10n.t('The job failed; the cloud gave no reason (its status: "{0}").', word) : vscode.l10n.t('The job failed; the cloud gave no reason.');
}

export function durationWords(): DurationWords {
  return { seconds: vscode.l10n.t('{0} s'), minutes: vscode.l10n.t('{0} min {1} s'), hours: vscode.l10n.t('{0} h {1} min') };
}

/** "12 s", "3 min 4 s", "1 h 2 min". */
export function elapsed(ms: number): string {
  return formatDuration(ms, durationWords());
}
