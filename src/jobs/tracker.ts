// One tracker for every async job of every cloud: persisted in global state, polled in batches
// per account and region with a back-off that grows with the job's age, stopped when nothing runs,
// resumed after a window reload. Completion and failure are announced once, through the user-input object.
import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/store';
import type { Sessions } from '../accounts/session';
import type { JobStatus } from '../providers/core/jobs';
import { logLine } from '../util/errors';
import type { Log } from '../util/log';
import type { UserInput } from '../util/userInput';
import { applyStatus, cancellable, isActive, jobKey, restored, type TrackedJob } from './model';
import { dueGroups, jobsToAsk, markPolled, nextWake, progressWanted, prune, type PollCost, type PollGroup, type ProgressWatch } from './schedule';
import { cancelText, failureText, groupOutcome, groupTitle, jobTitle } from './labels';

const STATE_KEY = 'cloudImageExplorer.jobs';

/** The tracker's clock and timer: the real ones, or a simulated clock (the benchmark runs a minute of polling in a moment). */
export interface TrackerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: TrackerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class JobTracker implements vscode.Disposable {
  private jobs: TrackedJob[];
  private timer: unknown;
  private polling = false;
  private readonly watches = new Set<ProgressWatch>();
  /** When each job's percentage was last asked for (jobKey -> time). */
  private readonly progressAskedAt = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly finished = new vscode.EventEmitter<TrackedJob>();
  readonly onDidChange = this.changed.event;
  private readonly askRefresh = new vscode.EventEmitter<void>();
  /** Fires when the user asks for a refresh (pollNow). */
  readonly onDidAskRefresh = this.askRefresh.event;
  /** Fires once per job when it leaves queued/running. */
  readonly onDidFinish = this.finished.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly accounts: AccountStore,
    private readonly sessions: Sessions,
    private readonly log: Log,
    private readonly ui: UserInput,
    private readonly clock: TrackerClock = realClock,
    /** The user's fixed poll interval (ms), or undefined for the back-off with age. */
    private readonly intervalMs: () => number | undefined = () => undefined,
  ) {
    this.jobs = state.get<TrackedJob[]>(STATE_KEY, []).map((j) => ({ ...restored(j), nextPollAt: undefined }));
    if (this.jobs.some(isActive)) {
      this.log.info(`Resuming ${jobsText(this.jobs.filter(isActive).length)} after a reload.`);
      this.schedule();
    }
    // Jobs that finished while nobody watched (e.g. during a reload) are still announced once.
    void this.announce();
  }

  list(): readonly TrackedJob[] {
    return [...this.jobs].sort((a, b) => Number(isActive(b)) - Number(isActive(a)) || b.startedAt - a.startedAt);
  }

  active(): TrackedJob[] {
    return this.jobs.filter(isActive);
  }

  forImage(accountId: string, regionId: string, imageId: string): TrackedJob[] {
    return this.list().filter((j) => j.accountId === accountId && j.regionId === regionId && j.imageId === imageId);
  }

  async track(job: Omit<TrackedJob, 'state' | 'startedAt'> & { startedAt?: number }): Promise<TrackedJob> {
    const tracked: TrackedJob = { ...job, startedAt: job.startedAt ?? this.clock.now(), state: 'queued' };
    this.jobs = prune([...this.jobs.filter((j) => jobKey(j) !== jobKey(tracked)), tracked]);
    await this.persist();
    this.changed.fire();
    this.schedule(0);
    return tracked;
  }

  /**
   * Takes in jobs found running by listing a region (started elsewhere: the console, the CLI), each once:
   * a job already tracked (the user's own, or taken in before) is left as it is. They are followed like the
   * user's own jobs but never announced (marked announced from the start). Returns how many were new.
   */
  async adopt(found: readonly TrackedJob[]): Promise<number> {
    const known = new Set(this.jobs.map((j) => `${j.accountId}/${j.regionId}/${j.jobId}`));
    const fresh = found.filter((j) => !known.has(`${j.accountId}/${j.regionId}/${j.jobId}`)).map((j) => ({ ...j, origin: 'elsewhere' as const, notified: true }));
    if (!fresh.length) {
      return 0;
    }
    this.jobs = prune([...this.jobs, ...fresh]);
    await this.persist();
    this.changed.fire();
    this.schedule(0);
    return fresh.length;
  }

  /**
   * Someone shows the percentage of the jobs `matches` picks: an open panel ('live'), the visible Jobs
   * view ('slow'). Polls at once when such a job runs, so the percentage shows without waiting.
   */
  watchProgress(cadence: ProgressWatch['cadence'], matches: (job: TrackedJob) => boolean): vscode.Disposable {
    const watch: ProgressWatch = { cadence, matches };
    this.watches.add(watch);
    const shown = this.jobs.filter((j) => isActive(j) && matches(j));
    if (shown.length) {
      // The jobs now in sight are polled at once (a finished one is noticed as the user looks); the others keep their turn.
      shown.forEach((j) => (j.nextPollAt = undefined));
      this.schedule(0);
    }
    return { dispose: () => this.watches.delete(watch) };
  }

  /** Polls now (used by Refresh in the Jobs view); those who list jobs started elsewhere list again too. */
  pollNow(): void {
    this.askRefresh.fire();
    for (const j of this.jobs) {
      j.nextPollAt = undefined;
    }
    this.schedule(0);
  }

  /** The jobs of one user action (a copy to several regions), in the order they were started. */
  grouped(group: string): TrackedJob[] {
    return this.jobs.filter((j) => j.group === group).sort((a, b) => a.startedAt - b.startedAt);
  }

  /**
   * Cancels a running job the cloud can cancel (see `cancellable`): CancelCopyImage for an Alibaba copy,
   * CancelTask for an export task. Sent once; the job then ends as cancelled and is announced so.
   */
  async cancel(job: TrackedJob): Promise<void> {
    if (!cancellable(job)) {
      return;
    }
    const account = this.accounts.get(job.accountId);
    if (!account) {
      return;
    }
    const provider = await this.sessions.provider(account);
    if (job.kind === 'copy') {
      await provider.copying?.cancelCopy?.(job.pollRegionId ?? job.regionId, job.jobId);
    } else {
      await provider.jobs?.cancelJob?.(job.regionId, job.jobId);
    }
    if (isActive(job)) {
      job.reason = 'cancelled';
      this.finish(job, { jobId: job.jobId, state: 'cancelled', cloudState: 'Cancelled' });
    }
    await this.persist();
    this.changed.fire();
    await this.announce();
  }

  async clearFinished(): Promise<void> {
    this.jobs = this.jobs.filter(isActive);
    await this.persist();
    this.changed.fire();
  }

  dispose(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.changed.dispose();
    this.finished.dispose();
    this.askRefresh.dispose();
  }

  private schedule(delayMs?: number): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.clock.now();
    const wake = delayMs === undefined ? nextWake(this.jobs, now) : now + delayMs;
    if (wake === undefined) {
      return; // nothing runs: no timer at all
    }
    this.timer = this.clock.setTimeout(() => void this.poll(), Math.max(0, wake - now));
  }

  private async poll(): Promise<void> {
    if (this.polling) {
      return;
    }
    this.polling = true;
    try {
      const now = this.clock.now();
      await Promise.all(dueGroups(this.jobs, now).map((g) => this.pollGroup(g)));
      await this.persist();
      this.changed.fire();
      await this.announce();
    } finally {
      this.polling = false;
      this.schedule();
    }
  }

  private async pollGroup(group: PollGroup): Promise<void> {
    const account = this.accounts.get(group.accountId);
    const now = this.clock.now();
    if (!account) {
      for (const job of group.jobs) {
        job.reason = 'accountRemoved';
        this.finish(job, { jobId: job.jobId, state: 'failed', cloudState: 'unknown' });
      }
      return;
    }
    try {
      const provider = await this.sessions.provider(account);
      if (!provider.jobs) {
        throw new Error(`${account.cloud} has no job API`);
      }
      // Where each job is a request of its own, only the due ones are asked about (the others wait their turn).
      const perJob = provider.jobs.statusPerJob === true;
      const asked = jobsToAsk(group, now, perJob);
      const ids = [...new Set(asked.map((j) => j.jobId))];
      let statuses: JobStatus[];
      if (group.follow === 'image') {
        // Copies whose progress is their new image's own (Alibaba): one DescribeImages for the region.
        if (!provider.copying?.describeCopies) {
          throw new Error(`${account.cloud} cannot follow copies`);
        }
        statuses = await provider.copying.describeCopies(group.regionId, ids);
      } else {
        const progress = progressWanted(asked, [...this.watches], this.progressAskedAt, now);
        statuses = await provider.jobs.describeJobs(group.regionId, ids, undefined, { progressOf: progress.map((j) => j.jobId) });
        progress.forEach((j) => this.progressAskedAt.set(jobKey(j), now));
      }
      const byId = new Map<string, JobStatus>(statuses.map((s) => [s.jobId, s]));
      for (const job of asked) {
        const status = byId.get(job.jobId);
        if (status) {
          this.finish(job, status);
        } else if (now - job.startedAt > 10 * 60_000) {
          job.reason = 'lost';
          this.finish(job, { jobId: job.jobId, state: 'failed', cloudState: 'unknown' });
        }
        markPolled(job, now, this.intervalMs(), this.cost(job, perJob));
      }
    } catch (err) {
      this.log.warn(`Polling ${jobsText(group.jobs.length)} in ${group.regionId} failed: ${logLine(err)}`);
      group.jobs.filter((j) => (j.nextPollAt ?? 0) <= now).forEach((j) => markPolled(j, now, this.intervalMs()));
    }
  }

  /** A job's poll costs a request of its own and nobody looks at it (no open panel, not in the visible Jobs view). */
  private cost(job: TrackedJob, perJob: boolean): PollCost {
    return perJob && ![...this.watches].some((w) => w.matches(job)) ? 'unwatched' : 'batched';
  }

  private finish(job: TrackedJob, status: JobStatus): void {
    if (applyStatus(job, status, this.clock.now())) {
      this.log.info(`Job ${job.jobId} (${job.kind} ${job.imageId}) ${job.state}${job.error ? `: ${job.error}` : ''}${job.reason ? ` (${job.reason})` : ''}`);
      this.finished.fire(job);
    }
  }

  /**
   * Announces each job that finished and was not announced yet, once: the jobs are marked announced and
   * that is written to global state BEFORE anything is shown, so that a host that dies abruptly right
   * after (no reload, no chance to save) never shows the same announcement again when it comes back.
   */
  private async announce(): Promise<void> {
    const shows: Array<() => void> = [];
    for (const job of this.jobs) {
      if (isActive(job) || job.notified) {
        continue;
      }
      if (job.group) {
        const show = this.announceGroup(job.group);
        if (show) {
          shows.push(show);
        }
        continue;
      }
      job.notified = true;
      shows.push(() => {
        const shown =
          job.state === 'succeeded'
            ? this.ui.notify('info', vscode.l10n.t('{0}: done.', jobTitle(job)), this.detailsLabel())
            : job.state === 'cancelled'
              ? this.ui.notify('warning', vscode.l10n.t('{0}: cancelled. {1}', jobTitle(job), cancelText(job) ?? ''), this.detailsLabel())
              : this.ui.notify('error', vscode.l10n.t('{0}: failed. {1}', jobTitle(job), failureText(job) ?? ''), this.detailsLabel());
        this.offerDetails(shown, job);
      });
    }
    // Only when something is to be announced: activation (which announces what finished meanwhile) writes no state otherwise.
    if (!shows.length) {
      return;
    }
    try {
      await this.persist();
    } catch (err) {
      // Still shown (the user must learn the outcome); only a crash before the next write could repeat it.
      this.log.warn(`Could not record the announcement of ${jobsText(shows.length)}: ${logLine(err)}`);
    }
    shows.forEach((show) => show());
  }

  /** A group is announced once, when every job in it has finished: each region's outcome in one notification (returned, to show once recorded). */
  private announceGroup(group: string): (() => void) | undefined {
    const jobs = this.grouped(group);
    if (jobs.some(isActive) || jobs.every((j) => j.notified)) {
      return undefined;
    }
    jobs.forEach((j) => (j.notified = true));
    const severity = jobs.some((j) => j.state === 'failed') ? 'error' : jobs.some((j) => j.state === 'cancelled') ? 'warning' : 'info';
    const message = vscode.l10n.t('{0}: {1}', groupTitle(jobs), groupOutcome(jobs));
    return () => this.offerDetails(this.ui.notify(severity, message, this.detailsLabel()), jobs[0]!);
  }

  private detailsLabel(): string {
    return vscode.l10n.t('Show Details');
  }

  private offerDetails(shown: Thenable<string | undefined>, job: TrackedJob): void {
    const target = { accountId: job.accountId, regionId: job.regionId, imageId: job.imageId };
    void shown.then((choice) => {
      if (choice === this.detailsLabel()) {
        void vscode.commands.executeCommand('cloudImageExplorer.openDetails', target);
      }
    });
  }

  private persist(): Thenable<void> {
    return this.state.update(STATE_KEY, this.jobs);
  }
}

/** "1 job", "3 jobs" (log lines, English only). */
function jobsText(n: number): string {
  return `${n} ${n === 1 ? 'job' : 'jobs'}`;
}
