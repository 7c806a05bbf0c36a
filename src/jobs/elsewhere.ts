// Jobs started elsewhere (the web console, the CLI, another tool): every interval, one listing of the
// running jobs per region the tree shows (Alibaba DescribeTasks, QingCloud DescribeJobs; Huawei IMS lists
// none), and the imports, exports and copies found that the tracker does not know are taken in, marked as
// started elsewhere and never announced. Only while something is shown; a failed listing waits for the next.
import type * as vscode from 'vscode';
import type { Sessions } from '../accounts/session';
import type { AccountConfig } from '../providers/core/model';
import type { ListedJob } from '../providers/core/jobs';
import { LISTS_JOBS } from '../providers/rules/jobListing';
import { logLine } from '../util/errors';
import type { Log } from '../util/log';
import type { TrackedJob } from './model';
import { realClock, type JobTracker, type TrackerClock } from './tracker';

/** How often the shown regions are listed when the user set no poll interval. */
export const ELSEWHERE_INTERVAL_MS = 60_000;

/** A region the tree shows, and the name of an image there if it has it loaded. */
export interface ShownRegion {
  readonly account: AccountConfig;
  readonly regionId: string;
  imageName(imageId: string): string | undefined;
}

export class ElsewhereJobs implements vscode.Disposable {
  private timer: unknown;
  private listing: Promise<void> | undefined;
  private disposed = false;

  constructor(
    private readonly tracker: Pick<JobTracker, 'adopt' | 'onDidAskRefresh'>,
    private readonly sessions: Pick<Sessions, 'provider'>,
    private readonly shown: () => readonly ShownRegion[],
    private readonly log: Log,
    /** The user's poll interval (ms), or undefined for ELSEWHERE_INTERVAL_MS. */
    private readonly intervalMs: () => number | undefined = () => undefined,
    private readonly clock: TrackerClock = realClock,
  ) {
    // Refresh in the Jobs view lists the shown regions again at once.
    this.refreshRequests = tracker.onDidAskRefresh(() => void this.listNow());
  }

  private readonly refreshRequests: vscode.Disposable;

  /** Lists now, then every interval. */
  start(): void {
    void this.listNow();
  }

  /**
   * One listing per shown region of a cloud that lists jobs, all at once; the next round is due an interval
   * after this one ends. A call while a round runs joins it (never a second listing of a region).
   */
  listNow(): Promise<void> {
    this.listing ??= this.round().finally(() => {
      this.listing = undefined;
      this.schedule();
    });
    return this.listing;
  }

  dispose(): void {
    this.disposed = true;
    this.refreshRequests.dispose();
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.clock.clearTimeout(this.timer);
    if (!this.disposed) {
      this.timer = this.clock.setTimeout(() => void this.listNow(), this.intervalMs() ?? ELSEWHERE_INTERVAL_MS);
    }
  }

  private async round(): Promise<void> {
    const regions = this.shown().filter((r) => LISTS_JOBS[r.account.cloud] === 'yes');
    const found = await Promise.all(regions.map((r) => this.list(r)));
    await this.tracker.adopt(found.flat());
  }

  private async list(region: ShownRegion): Promise<TrackedJob[]> {
    try {
      const provider = await this.sessions.provider(region.account);
      const listed = (await provider.jobs?.listRunning?.(region.regionId)) ?? [];
      return listed.filter((j) => j.imageId !== undefined || j.kind === 'import').map((j) => this.tracked(region, j));
    } catch (err) {
      this.log.warn(`Listing the jobs of ${region.regionId} failed: ${logLine(err)}`);
      return [];
    }
  }

  private tracked(region: ShownRegion, j: ListedJob): TrackedJob {
    const imageId = j.imageId ?? '';
    return {
      accountId: region.account.id,
      cloud: region.account.cloud,
      regionId: region.regionId,
      jobId: j.jobId,
      kind: j.kind,
      imageId,
      imageName: region.imageName(imageId) ?? (imageId || j.jobId),
      detail: j.cloudAction,
      startedAt: (j.startedAt ? Date.parse(j.startedAt) : NaN) || this.clock.now(),
      state: j.state,
      cloudState: j.cloudState,
      ...(j.percent !== undefined ? { percent: j.percent } : {}),
      ...(j.kind === 'copy' ? { target: { regionId: region.regionId, ...(j.newImageId ? { imageId: j.newImageId } : {}) } } : {}),
    };
  }
}
