// A job the extension follows: serialisable, kept in global state so tracking survives a reload.
import type { CloudKind } from '../providers/model';
import type { JobKind, JobState, JobStatus } from '../providers/operations';

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
  /** Set when the job failed for a reason of ours, not the cloud's. */
  reason?: 'accountRemoved' | 'lost';
  finishedAt?: number;
  /** Set once the user has been told it finished. */
  notified?: boolean;
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
  if (wasActive && !isActive(job)) {
    job.finishedAt = now;
    return true;
  }
  return false;
}
