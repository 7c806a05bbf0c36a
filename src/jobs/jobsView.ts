// The "Jobs" view (like Azure's Activity Log) and the status-bar count while jobs run.
import * as vscode from 'vscode';
import { cancellable, isActive, jobKey, retryable, runningCount, type TrackedJob } from './model';
import type { JobState } from '../providers/core/jobs';
import { cancelText, elapsed, failureText, originText, unlistedText, groupMember, groupProgress, groupTitle, jobTitle, stateLabel, stateWithCloud } from './labels';
import { regionName } from './regionNames';
import type { JobTracker } from './tracker';
import { formatTime } from '../util/format';
import { downloadableExport, isTransfer, transferActive, type TransferJob } from './transferModel';
import { transferItem } from './transferLabels';
import type { TransferManager } from './transfers';

/** The jobs of one user action (a copy to several regions): one entry, with a child per region. */
export class JobGroup {
  constructor(
    readonly group: string,
    readonly jobs: readonly TrackedJob[],
  ) {}
}

export type JobsElement = TrackedJob | JobGroup | TransferJob;

/** Running (spinning), done, failed, cancelled (a slashed circle: stopped on purpose, not an error). */
function stateIcon(state: JobState): vscode.ThemeIcon {
  switch (state) {
    case 'queued':
    case 'running':
      return new vscode.ThemeIcon('sync~spin');
    case 'succeeded':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    case 'cancelled':
      return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  }
}

export class JobsViewProvider implements vscode.TreeDataProvider<JobsElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly statusBar: vscode.StatusBarItem;
  private statusBarShown = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly tracker: JobTracker,
    private readonly transfers?: TransferManager,
  ) {
    this.statusBar = vscode.window.createStatusBarItem('cloudImageExplorer.jobs', vscode.StatusBarAlignment.Left, 50);
    this.statusBar.name = vscode.l10n.t('Cloud Image Jobs');
    this.statusBar.command = 'cloudImageExplorer.jobs.focus';
    this.subscriptions.push(tracker.onDidChange(() => this.update()));
    if (transfers) {
      this.subscriptions.push(transfers.onDidChange(() => this.update()));
    }
    this.update();
  }

  getTreeItem(element: JobsElement): vscode.TreeItem {
    if (isTransfer(element)) {
      return transferItem(element);
    }
    return element instanceof JobGroup ? this.groupItem(element) : this.jobItem(element);
  }

  private groupItem(g: JobGroup): vscode.TreeItem {
    const item = new vscode.TreeItem(groupTitle(g.jobs), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `group/${g.group}`;
    const active = g.jobs.some(isActive);
    item.description = groupProgress(g.jobs);
    // A group's icon: running; else failed if any failed; else cancelled if any was; else done.
    item.iconPath = stateIcon(active ? 'running' : (['failed', 'cancelled'] as const).find((s) => g.jobs.some((j) => j.state === s)) ?? 'succeeded');
    item.tooltip = g.jobs.map((j) => vscode.l10n.t('{0}: {1}', groupMember(j), stateLabel(j))).join('\n');
    item.contextValue = 'jobGroup';
    return item;
  }

  private jobItem(job: TrackedJob): vscode.TreeItem {
    const item = new vscode.TreeItem(job.group ? groupMember(job) : jobTitle(job), vscode.TreeItemCollapsibleState.None);
    item.id = jobKey(job);
    const time = elapsed((job.finishedAt ?? Date.now()) - job.startedAt);
    item.description = job.origin === 'elsewhere' ? `${stateLabel(job)} · ${time} · ${vscode.l10n.t('started elsewhere')}` : `${stateLabel(job)} · ${time}`;
    item.iconPath = stateIcon(job.state);
    const md = new vscode.MarkdownString();
    md.appendText(`${jobTitle(job)}\n\n${job.imageId} · ${regionName(job.accountId, job.regionId)} · ${job.jobId}\n\n`);
    if (job.detail) {
      md.appendText(`${job.detail}\n\n`);
    }
    md.appendText(`${stateWithCloud(job)} · ${time}\n\n${vscode.l10n.t('Started {0}', formatTime(job.startedAt) ?? '')}`);
    for (const line of [failureText(job) ?? cancelText(job), originText(job), unlistedText(job)]) {
      if (line) {
        md.appendText(`\n\n${line}`);
      }
    }
    item.tooltip = md;
    item.contextValue = ['job', job.state, cancellable(job) ? 'can-cancel' : '', retryable(job) ? 'can-retry' : '', downloadableExport(job) ? 'can-download' : ''].filter(Boolean).join(' ');
    item.command = {
      command: 'cloudImageExplorer.openDetails',
      title: vscode.l10n.t('Open Details'),
      arguments: [{ accountId: job.accountId, regionId: job.regionId, imageId: job.imageId }],
    };
    return item;
  }

  /** While the view is visible, it shows running jobs' percentage: refreshed on the slow cadence (see schedule.ts). */
  followVisibility(view: vscode.TreeView<JobsElement>): vscode.Disposable {
    let watch: vscode.Disposable | undefined;
    const update = (): void => {
      if (view.visible) {
        watch ??= this.tracker.watchProgress('slow', isActive);
      } else {
        watch?.dispose();
        watch = undefined;
      }
    };
    update();
    const sub = view.onDidChangeVisibility(update);
    return { dispose: () => (sub.dispose(), watch?.dispose()) };
  }

  getChildren(element?: JobsElement): JobsElement[] {
    if (element instanceof JobGroup) {
      return [...element.jobs];
    }
    if (element) {
      return [];
    }
    const out: JobsElement[] = [...(this.transfers?.list() ?? [])];
    const seen = new Set<string>();
    for (const job of this.tracker.list()) {
      if (!job.group) {
        out.push(job);
      } else if (!seen.has(job.group)) {
        seen.add(job.group);
        out.push(new JobGroup(job.group, this.tracker.grouped(job.group)));
      }
    }
    return out;
  }

  getParent(element: JobsElement): JobsElement | undefined {
    return !(element instanceof JobGroup) && !isTransfer(element) && element.group ? new JobGroup(element.group, this.tracker.grouped(element.group)) : undefined;
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.statusBar.dispose();
    this.changed.dispose();
  }

  /** What the status bar shows, or undefined while it is hidden (nothing runs). */
  get statusBarText(): string | undefined {
    return this.statusBarShown ? this.statusBar.text : undefined;
  }

  private update(): void {
    // A group (a copy to several regions) is one user action: it counts once; so does a transfer (its import, once started, is a job of its own).
    const running = runningCount(this.tracker.list()) + (this.transfers?.list().filter(transferActive).length ?? 0);
    this.statusBarShown = running > 0;
    if (running > 0) {
      this.statusBar.text = `$(sync~spin) ${vscode.l10n.t('Image jobs: {0}', running)}`;
      this.statusBar.tooltip = vscode.l10n.t('Cloud image jobs running: {0}. Click to show them.', running);
      this.statusBar.show();
    } else {
      this.statusBar.hide();
    }
    this.changed.fire();
  }
}
