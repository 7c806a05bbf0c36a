// One tracker for every async job of every cloud: persisted in global state, polled in batches
// per account and region with a back-off that grows with the job's age, stopped when nothing runs,
// resumed after a window reload. Completion and failure are announced once, through the Prompter.
import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/store';
import type { Sessions } from '../accounts/session';
import type { JobStatus } from '../providers/operations';
import { logLine } from '../util/errors';
import type { Log } from '../util/log';
import type { Prompter } from '../util/prompter';
import { applyStatus, isActive, jobKey, type TrackedJob } from './model';
import { dueGroups, markPolled, nextWake, prune, type PollGroup } from './schedule';
import { failureText, jobTitle } from './labels';

const STATE_KEY = 'cloudImageExplorer.jobs';

export class JobTracker implements vscode.Disposable {
  private jobs: TrackedJob[];
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly finished = new vscode.EventEmitter<TrackedJob>();
  readonly onDidChange = this.changed.event;
  /** Fires once per job when it leaves queued/running. */
  readonly onDidFinish = this.finished.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly accounts: AccountStore,
    private readonly sessions: Sessions,
    private readonly log: Log,
    private readonly prompter: Prompter,
  ) {
    this.jobs = state.get<TrackedJob[]>(STATE_KEY, []).map((j) => ({ ...j, nextPollAt: undefined }));
    if (this.jobs.some(isActive)) {
      this.log.info(`Resuming ${this.jobs.filter(isActive).length} job(s) after a reload.`);
      this.schedule();
    }
    // Jobs that finished while nobody watched (e.g. during a reload) are still announced once.
    this.announce();
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
    const tracked: TrackedJob = { ...job, startedAt: job.startedAt ?? Date.now(), state: 'queued' };
    this.jobs = prune([...this.jobs.filter((j) => jobKey(j) !== jobKey(tracked)), tracked]);
    await this.persist();
    this.changed.fire();
    this.schedule(0);
    return tracked;
  }

  /** Polls now (used by Refresh in the Jobs view). */
  pollNow(): void {
    for (const j of this.jobs) {
      j.nextPollAt = undefined;
    }
    this.schedule(0);
  }

  async clearFinished(): Promise<void> {
    this.jobs = this.jobs.filter(isActive);
    await this.persist();
    this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.changed.dispose();
    this.finished.dispose();
  }

  private schedule(delayMs?: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const now = Date.now();
    const wake = delayMs === undefined ? nextWake(this.jobs, now) : now + delayMs;
    if (wake === undefined) {
      return; // nothing runs: no timer at all
    }
    this.timer = setTimeout(() => void this.poll(), Math.max(0, wake - now));
  }

  private async poll(): Promise<void> {
    if (this.polling) {
      return;
    }
    this.polling = true;
    try {
      const now = Date.now();
      await Promise.all(dueGroups(this.jobs, now).map((g) => this.pollGroup(g)));
      await this.persist();
      this.changed.fire();
      this.announce();
    } finally {
      this.polling = false;
      this.schedule();
    }
  }

  private async pollGroup(group: PollGroup): Promise<void> {
    const account = this.accounts.get(group.accountId);
    const now = Date.now();
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
      const statuses = await provider.jobs.describeJobs(group.regionId, [...new Set(group.jobs.map((j) => j.jobId))]);
      const byId = new Map<string, JobStatus>(statuses.map((s) => [s.jobId, s]));
      for (const job of group.jobs) {
        const status = byId.get(job.jobId);
        if (status) {
          this.finish(job, status);
        } else if (now - job.startedAt > 10 * 60_000) {
          job.reason = 'lost';
          this.finish(job, { jobId: job.jobId, state: 'failed', cloudState: 'unknown' });
        }
        markPolled(job, now);
      }
    } catch (err) {
      this.log.warn(`Polling ${group.jobs.length} job(s) in ${group.regionId} failed: ${logLine(err)}`);
      group.jobs.forEach((j) => markPolled(j, now));
    }
  }

  private finish(job: TrackedJob, status: JobStatus): void {
    if (applyStatus(job, status, Date.now())) {
      this.log.info(`Job ${job.jobId} (${job.kind} ${job.imageId}) ${job.state}${job.error ? `: ${job.error}` : ''}${job.reason ? ` (${job.reason})` : ''}`);
      this.finished.fire(job);
    }
  }

  private announce(): void {
    for (const job of this.jobs) {
      if (isActive(job) || job.notified) {
        continue;
      }
      job.notified = true;
      const details = vscode.l10n.t('Show Details');
      const target = { accountId: job.accountId, regionId: job.regionId, imageId: job.imageId };
      const shown =
        job.state === 'succeeded'
          ? this.prompter.notify('info', vscode.l10n.t('{0}: done.', jobTitle(job)), details)
          : this.prompter.notify('error', vscode.l10n.t('{0}: failed. {1}', jobTitle(job), failureText(job) ?? ''), details);
      void shown.then((choice) => {
        if (choice === details) {
          void vscode.commands.executeCommand('cloudImageExplorer.openDetails', target);
        }
      });
    }
    void this.persist();
  }

  private persist(): Thenable<void> {
    return this.state.update(STATE_KEY, this.jobs);
  }
}
