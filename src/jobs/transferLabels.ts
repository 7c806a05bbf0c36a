// How a transfer reads in the Jobs view and its notifications: title, bytes and percentage,
// throughput, time left, and its tree item (Cancel / Resume / Download by its context value).
import * as path from 'path';
import * as vscode from 'vscode';
import { formatBytes } from '../util/format';
import { elapsed, endedLabel } from './labels';
import { regionName } from './regionNames';
import { transferActive, transferCancellable, type TransferJob } from './transferModel';

export function transferTitle(job: TransferJob): string {
  return job.transfer === 'upload'
    ? vscode.l10n.t('Upload of {0} to {1}', path.basename(job.local), `${job.bucket}/${job.key}`)
    : vscode.l10n.t('Download of {0} to {1}', `${job.bucket}/${job.key}`, job.local);
}

export function transferStateLabel(job: TransferJob): string {
  switch (job.status) {
    case 'running':
      return job.importSent && !job.importJobId ? vscode.l10n.t('Starting the import') : vscode.l10n.t('Running');
    case 'interrupted':
      return vscode.l10n.t('Interrupted');
    default:
      return endedLabel(job.status);
  }
}

/** "1.2 GiB of 2 GiB (60 %) · 85 MiB/s · 9 s left" */
export function progressText(job: TransferJob): string | undefined {
  const p = job.progress;
  if (!p) {
    return undefined;
  }
  const parts = [vscode.l10n.t('{0} of {1} ({2} %)', formatBytes(p.bytesDone), formatBytes(p.totalBytes), p.percent)];
  if (transferActive(job) && p.bytesPerSecond > 0) {
    parts.push(vscode.l10n.t('{0}/s', formatBytes(p.bytesPerSecond)));
    if (p.secondsLeft !== undefined) {
      parts.push(vscode.l10n.t('{0} left', elapsed(p.secondsLeft * 1000)));
    }
  }
  return parts.join(' · ');
}

export function transferItem(job: TransferJob): vscode.TreeItem {
  const item = new vscode.TreeItem(transferTitle(job), vscode.TreeItemCollapsibleState.None);
  item.id = `transfer/${job.id}`;
  const progress = progressText(job);
  item.description = [transferStateLabel(job), progress, elapsed((job.finishedAt ?? Date.now()) - job.startedAt)].filter(Boolean).join(' · ');
  item.iconPath = transferActive(job)
    ? new vscode.ThemeIcon(job.transfer === 'upload' ? 'cloud-upload' : 'cloud-download')
    : job.status === 'succeeded'
      ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'))
      : job.status === 'interrupted'
        ? new vscode.ThemeIcon('debug-pause')
        : job.status === 'cancelled'
          // Stopped on purpose, not an error: as a cancelled job shows (jobsView.ts).
          ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'))
          : new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  const md = new vscode.MarkdownString();
  md.appendText(`${transferTitle(job)}\n\n${regionName(job.accountId, job.regionId)} · ${transferStateLabel(job)}\n\n`);
  if (progress) {
    md.appendText(`${progress}\n\n`);
  }
  for (const line of [job.error, job.outcome]) {
    if (line) {
      md.appendText(`${line}\n\n`);
    }
  }
  item.tooltip = md;
  item.contextValue = [
    'transfer',
    `transfer-${job.transfer}`,
    `transfer-${job.status}`,
    transferCancellable(job) && !job.importSent ? 'can-cancelTransfer' : '',
    job.status === 'interrupted' || (job.status === 'failed' && !job.importSent) ? 'can-resumeTransfer' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return item;
}
