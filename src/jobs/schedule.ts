// When to poll and what to poll together: plain logic, unit-tested without VS Code.
import { isActive, jobKey, pollRegion, type TrackedJob } from './model';

/**
 * Poll often while a job is young, then back off as it ages: 1 s at first, 30 s for an hour-long export;
 * or every `fixedMs` where the user set a poll interval (cloudImageExplorer.jobs.pollIntervalSeconds).
 */
export function pollDelayMs(ageMs: number, fixedMs?: number, cost: PollCost = 'batched'): number {
  const usual = fixedMs !== undefined && fixedMs > 0 ? fixedMs : Math.round(Math.min(30_000, Math.max(1_000, ageMs / 10)));
  if (cost !== 'unwatched') {
    return usual;
  }
  // A request of its own for a job nobody looks at: at most 3 a minute, and fewer as the job ages.
  return Math.max(usual, Math.round(Math.min(UNWATCHED_MAX_MS, Math.max(UNWATCHED_MIN_MS, ageMs / 5))));
}

/**
 * What a job's poll costs: 'batched' where it rides in one request per region (Alibaba DescribeTasks,
 * QingCloud DescribeJobs) or someone looks at it (an open panel, the visible Jobs view); 'unwatched'
 * where the cloud asks one job per request (Huawei ShowJobProgress) and nobody looks at it.
 */
export type PollCost = 'batched' | 'unwatched';

/** The least time between two polls of a job that costs a request of its own and that nobody looks at: 3 a minute. */
export const UNWATCHED_MIN_MS = 20_000;
/** ...growing with the job's age up to this. */
export const UNWATCHED_MAX_MS = 120_000;

/** The jobs of a group to ask about now: all (they ride in one request), or only the due ones where each costs a request. */
export function jobsToAsk(group: PollGroup, now: number, perJob: boolean): TrackedJob[] {
  return perJob ? group.jobs.filter((j) => (j.nextPollAt ?? 0) <= now) : group.jobs;
}

export interface PollGroup {
  readonly accountId: string;
  /** Where the group is polled. */
  readonly regionId: string;
  /** 'image': copies followed by their new images' status (one DescribeImages), else the cloud's jobs. */
  readonly follow?: 'image';
  readonly jobs: TrackedJob[];
}

/**
 * The active jobs due at `now`, grouped by account and region so that each group is one batched
 * request (DescribeTasks takes many TaskIds, DescribeJobs takes jobs.N). A group also takes along
 * the jobs that are not due yet, since they ride in the same request for free (where a cloud asks one
 * job per request, `jobsToAsk` keeps only the due ones).
 */
export function dueGroups(jobs: readonly TrackedJob[], now: number): PollGroup[] {
  const groups = new Map<string, PollGroup>();
  for (const job of jobs) {
    if (!isActive(job)) {
      continue;
    }
    const key = `${job.accountId}/${pollRegion(job)}/${job.follow ?? 'job'}`;
    let g = groups.get(key);
    if (!g) {
      g = { accountId: job.accountId, regionId: pollRegion(job), ...(job.follow ? { follow: job.follow } : {}), jobs: [] };
      groups.set(key, g);
    }
    g.jobs.push(job);
  }
  return [...groups.values()].filter((g) => g.jobs.some((j) => (j.nextPollAt ?? 0) <= now));
}

/** When the next poll of anything is due; undefined when nothing runs (the poller then stops). */
export function nextWake(jobs: readonly TrackedJob[], now: number): number | undefined {
  const active = jobs.filter(isActive);
  if (!active.length) {
    return undefined;
  }
  return Math.max(now, Math.min(...active.map((j) => j.nextPollAt ?? now)));
}

export function markPolled(job: TrackedJob, now: number, fixedMs?: number, cost: PollCost = 'batched'): void {
  job.lastPolledAt = now;
  job.nextPollAt = now + pollDelayMs(now - job.startedAt, fixedMs, cost);
}

/** Keeps every active job and the most recent finished ones. */
export function prune(jobs: readonly TrackedJob[], keepFinished = 30): TrackedJob[] {
  const active = jobs.filter(isActive);
  const done = jobs.filter((j) => !isActive(j)).sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0)).slice(0, keepFinished);
  const keep = new Set([...active, ...done].map(jobKey));
  return jobs.filter((j) => keep.has(jobKey(j)));
}

/** How often the visible Jobs view refreshes the percentage of a running job that no open panel shows. */
export const SLOW_PROGRESS_MS = 30_000;

/**
 * Someone showing jobs' percentage: an open details panel ('live': every poll) or the visible Jobs
 * view ('slow': every SLOW_PROGRESS_MS). Where a percentage costs a request per job (Alibaba's
 * DescribeTaskAttribute), only these jobs pay it; the others are polled in one batched request per region.
 */
export interface ProgressWatch {
  readonly cadence: 'live' | 'slow';
  matches(job: TrackedJob): boolean;
}

/** The jobs of a poll whose percentage to ask for now, given who watches and when each was last asked for. */
export function progressWanted(jobs: readonly TrackedJob[], watches: readonly ProgressWatch[], askedAt: ReadonlyMap<string, number>, now: number): TrackedJob[] {
  return jobs.filter((job) => {
    const by = watches.filter((w) => w.matches(job));
    if (by.some((w) => w.cadence === 'live')) {
      return true;
    }
    const last = askedAt.get(jobKey(job));
    return by.length > 0 && (last === undefined || now - last >= SLOW_PROGRESS_MS);
  });
}
