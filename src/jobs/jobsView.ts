// The "Jobs" view (like Azure's Activity Log) and the status-bar count while jobs run.
import * as vscode from 'vscode';
import { isActive, jobKey, type TrackedJob } from './model';
import { elapsed, failureText, jobTitle, stateLabel } from './labels';
import type { JobTracker } from './tracker';
import { formatTime } from '../util/format';

export class JobsViewProvider implements vscode.TreeDataProvider<TrackedJob>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly statusBar: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly tracker: JobTracker) {
    this.statusBar = vscode.window.createStatusBarItem('cloudImageExplorer.jobs', vscode.StatusBarAlignment.Left, 50);
    this.statusBar.name = vscode.l10n.t('Cloud Image Jobs');
    this.statusBar.command = 'cloudImageExplorer.jobs.focus';
    this.subscriptions.push(tracker.onDidChange(() => this.update()));
    this.update();
  }

  getTreeItem(job: TrackedJob): vscode.TreeItem {
    const item = new vscode.TreeItem(jobTitle(job), vscode.TreeItemCollapsibleState.None);
    item.id = jobKey(job);
    const time = elapsed((job.finishedAt ?? Date.now()) - job.startedAt);
    item.description = `${stateLabel(job)} · ${time}`;
    item.iconPath = isActive(job)
      ? new vscode.ThemeIcon('sync~spin')
      : job.state === 'succeeded'
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    const md = new vscode.MarkdownString();
    md.appendText(`${jobTitle(job)}\n\n${job.imageId} · ${job.regionId} · ${job.jobId}\n\n`);
    if (job.detail) {
      md.appendText(`${job.detail}\n\n`);
    }
    md.appendText(`${stateLabel(job)} (${job.cloudState ?? job.state}) · ${time}\n\n${vscode.l10n.t('Started {0}', formatTime(job.startedAt) ?? '')}`);
    const failure = failureText(job);
    if (failure) {
      md.appendText(`\n\n${failure}`);
    }
    item.tooltip = md;
    item.contextValue = `job ${job.state}`;
    item.command = {
      command: 'cloudImageExplorer.openDetails',
      title: vscode.l10n.t('Open Details'),
      arguments: [{ accountId: job.accountId, regionId: job.regionId, imageId: job.imageId }],
    };
    return item;
  }

  getChildren(job?: TrackedJob): TrackedJob[] {
    return job ? [] : [...this.tracker.list()];
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.statusBar.dispose();
    this.changed.dispose();
  }

  private update(): void {
    const running = this.tracker.active().length;
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
