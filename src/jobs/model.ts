// A job the extension follows: serialisable, kept in global state so tracking survives a reload.
import type { CloudKind } from '../providers/core/model';
import type { CopyRequest } from '../providers/core/copying';
import type { ExportRequest } from '../providers/core/exporting';
import type { JobKind, JobState, JobStatus } from '../providers/core/jobs';
import { CAPABILITIES } from '../providers/rules/capabilities';

/** What a failed job's Retry sends again: the same operation with the same input. */
export type Rerun = { readonly kind: 'copy'; readonly request: CopyRequest } | { readonly kind: 'export'; readonly request: ExportRequest };

export interface TrackedJob {
  readonly accountId: string;
  readonly cloud: CloudKind;
  readonly regionId: string;
  readonly jobId: string;
  readonly kind: JobKind;
  readonly imageId: string;
  readonly imageName: string;
  /** What the job does, e.g. "my-bucket/exports (qcow2)". */
  readonly detail?: string;
  readonly startedAt: number;
  state: JobState;
  cloudState?: string;
  percent?: number;
  /** The cloud's own words for a failure. */
  error?: string;
  /**
   * Set when the job failed for a reason of ours, not the cloud's; 'cancelled': the user cancelled it here
   * (state 'cancelled'; a job cancelled elsewhere or by the cloud has that state without this reason).
   */
  reason?: 'accountRemoved' | 'lost' | 'cancelled';
  /** 'image' where the job is the new image itself (an Alibaba copy, `jobId` its id); absent: the cloud's job. */
  readonly follow?: 'image';
  /** Where the job is polled when not in the image's region (an Alibaba copy: its destination region). */
  readonly pollRegionId?: string;
  /** The jobs of one user action (a copy to several regions) share it: shown and announced together. */
  readonly group?: string;
  /** A copy: where the new image appears, and its id once known. */
  target?: { readonly regionId: string; imageId?: string };
  /** What Retry sends again, for the operations that can be retried. */
  readonly rerun?: Rerun;
  finishedAt?: number;
  /** Set once the user has been told it finished. */
  notified?: boolean;
  /** 'elsewhere': started in the web console, the CLI or another tool, and found by listing the region's jobs; never announced. */
  readonly origin?: 'elsewhere';
  /** When it was last polled, and when it is due next. */
  lastPolledAt?: number;
  nextPollAt?: number;
}

/** One entry per job and image: a QingCloud DeleteImages job covers several images, each tracked on its own. */
export function jobKey(j: Pick<TrackedJob, 'accountId' | 'regionId' | 'jobId' | 'imageId'>): string {
  return `${j.accountId}/${j.regionId}/${j.jobId}/${j.imageId}`;
}

export function isActive(j: TrackedJob): boolean {
  return j.state === 'queued' || j.state === 'running';
}

/**
 * A job as kept in global state by an earlier version, read as today's: a job the user cancelled was
 * kept as failed with reason 'cancelled'; it is cancelled.
 */
export function restored(j: TrackedJob): TrackedJob {
  return j.state === 'failed' && j.reason === 'cancelled' ? { ...j, state: 'cancelled' } : j;
}

/** Running user actions: each running job on its own counts once, and a group (a copy to several regions) once. */
export function runningCount(jobs: readonly TrackedJob[]): number {
  const running = jobs.filter(isActive);
  return running.filter((j) => !j.group).length + new Set(running.filter((j) => j.group).map((j) => j.group)).size;
}

/** The region the job is polled in. */
export function pollRegion(j: TrackedJob): string {
  return j.pollRegionId ?? j.regionId;
}

/** Whether the cloud can cancel the running job (its provider's table); a copy only when followed by its new image, which names it. */
export function cancellable(j: TrackedJob): boolean {
  return isActive(j) && CAPABILITIES[j.cloud].cancels.includes(j.kind) && (j.kind !== 'copy' || j.follow === 'image');
}

/** Whether a finished job can be run again: it failed (not because its account is gone) or was cancelled, and its input was kept. */
export function retryable(j: TrackedJob): boolean {
  return (j.state === 'failed' || j.state === 'cancelled') && j.reason !== 'accountRemoved' && j.rerun !== undefined;
}

/** Applies a status report; returns true if the job just finished. */
export function applyStatus(job: TrackedJob, status: JobStatus, now: number): boolean {
  const wasActive = isActive(job);
  job.state = status.state;
  job.cloudState = status.cloudState;
  if (status.percent !== undefined) {
    job.percent = Math.max(0, Math.min(100, status.percent));
  }
  if (status.state === 'succeeded') {
    job.percent = 100;
  }
  job.error = status.error;
  if (job.target && status.imageId && !job.target.imageId && job.kind === 'copy') {
    job.target.imageId = status.imageId;
  }
  if (wasActive && !isActive(job)) {
    job.finishedAt = now;
    return true;
  }
  return false;
}
