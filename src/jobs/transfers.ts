// Transfers as jobs: uploads of image files (then their import) and downloads of exports, run here,
// shown in the Jobs view, persisted in global state after every part so that a window reload, a crash or
// a dropped connection continues from what the store already holds (ListParts; ranged GETs). Cancel
// aborts the multipart upload and says what was left in the bucket. The import after an upload is sent
// once: marked sent (and persisted) before its request.
import * as path from 'path';
import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/store';
import type { Sessions } from '../accounts/session';
import { ProviderError } from '../providers/core/errors';
import type { ImageProvider } from '../providers/core/provider';
import type { TransferOperations } from '../providers/storage/transfers';
import { isCancellation, logLine, userMessage } from '../util/errors';
import { formatBytes } from '../util/format';
import { logCount, type Log } from '../util/log';
import type { UserInput } from '../util/userInput';
import type { JobTracker } from './tracker';
import { downloadName, transferActive, transferCancellable, type DownloadObject, type TransferJob } from './transferModel';
import { transferTitle } from './transferLabels';
import { regionName } from './regionNames';

const STATE_KEY = 'cloudImageExplorer.transfers';
/** How many times a transfer continues on its own after a dropped connection before it waits for Resume. */
const AUTO_RESUMES = 3;
/** Finished transfers kept in the list. */
const KEEP_FINISHED = 30;

export type UploadSpec = Pick<TransferJob, 'accountId' | 'cloud' | 'regionId' | 'local' | 'bucket' | 'key' | 'importAfter'>;
export type DownloadSpec = Pick<TransferJob, 'accountId' | 'cloud' | 'regionId' | 'local' | 'bucket' | 'key'> & { readonly objects: readonly DownloadObject[] };

/** A fault that a resume can get past: the connection dropped, the store was busy or failed for a moment. */
function transient(err: unknown): boolean {
  return err instanceof ProviderError && err.cloud !== 'local' && (err.retryable || ProviderError.isOutcomeUnknown(err));
}

export class TransferManager implements vscode.Disposable {
  private jobs: TransferJob[];
  private readonly runs = new Map<string, { readonly stop: AbortController; readonly done: Promise<void> }>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly finished = new vscode.EventEmitter<TransferJob>();
  private readonly imported = new vscode.EventEmitter<TransferJob>();
  private lastFired = 0;
  readonly onDidChange = this.changed.event;
  /** Fires once per run that ends (succeeded, failed, interrupted, cancelled). */
  readonly onDidFinish = this.finished.event;
  /** Fires when the import after an upload was started (its job is tracked by then). */
  readonly onDidStartImport = this.imported.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly accounts: AccountStore,
    private readonly sessions: Sessions,
    private readonly tracker: JobTracker,
    private readonly log: Log,
    private readonly ui: UserInput,
  ) {
    this.jobs = state.get<TransferJob[]>(STATE_KEY, []);
    const again = this.jobs.filter(transferActive);
    if (again.length) {
      this.log.info(`Resuming ${logCount(again.length, 'transfer')} after a reload.`);
      again.forEach((j) => this.start(j));
    }
  }

  list(): readonly TransferJob[] {
    return [...this.jobs].sort((a, b) => Number(transferActive(b)) - Number(transferActive(a)) || b.startedAt - a.startedAt);
  }

  get(id: string): TransferJob | undefined {
    return this.jobs.find((j) => j.id === id);
  }

  /** Resolves when the transfer's current run has ended (at once when none runs). */
  async settled(id: string): Promise<TransferJob | undefined> {
    await this.runs.get(id)?.done;
    return this.get(id);
  }

  async startUpload(spec: UploadSpec): Promise<TransferJob> {
    return this.add({ ...spec, transfer: 'upload' });
  }

  async startDownload(spec: DownloadSpec): Promise<TransferJob> {
    return this.add({ ...spec, transfer: 'download', done: [] });
  }

  /** Continues an interrupted (or failed) transfer from what it had done. */
  async resume(id: string): Promise<void> {
    const job = this.get(id);
    if (!job || this.runs.has(id) || job.status === 'succeeded' || job.status === 'cancelled' || job.importSent) {
      return;
    }
    job.status = 'running';
    job.error = undefined;
    job.finishedAt = undefined;
    await this.persist();
    this.start(job);
  }

  /**
   * Stops the transfer for good: an upload's multipart upload is aborted (its parts deleted from the
   * bucket) and the outcome says what was there; a download's partial file is removed.
   */
  async cancel(id: string): Promise<TransferJob | undefined> {
    const job = this.get(id);
    if (!job || !transferCancellable(job) || job.importSent) {
      // Once the file is whole in the bucket and its import sent, there is no upload left to cancel.
      return job;
    }
    job.status = 'cancelled';
    const run = this.runs.get(id);
    run?.stop.abort();
    await run?.done;
    if (job.transfer === 'upload' && job.upload) {
      const transfers = await this.transfersOf(job);
      const report = await transfers.cancelUpload(job.upload);
      job.outcome = report.aborted
        ? report.parts === 1
          ? vscode.l10n.t('The multipart upload was aborted: its one part ({0}) in bucket "{1}" was removed; nothing was imported.', formatBytes(report.bytes), job.bucket)
          : report.parts
          ? vscode.l10n.t('The multipart upload was aborted: {0} parts ({1}) in bucket "{2}" were removed; nothing was imported.', report.parts, formatBytes(report.bytes), job.bucket)
          : vscode.l10n.t('The multipart upload was aborted: no part was left in bucket "{0}"; nothing was imported.', job.bucket)
        : vscode.l10n.t(
            'The multipart upload {0} could not be aborted ({1}): what it stored ({2}) stays in bucket "{3}" until its lifecycle rule removes it; nothing was imported.',
            job.upload.uploadId,
            report.error ? userMessage(report.error) : '',
            formatBytes(report.bytes),
            job.bucket,
          );
    } else if (job.transfer === 'download' && job.current) {
      const { rm } = await import('fs/promises');
      await rm(`${job.current.target}.partial`, { force: true });
      job.outcome = vscode.l10n.t('The download was stopped; its partial file was removed.');
    } else {
      job.outcome = vscode.l10n.t('The transfer was stopped before any byte was stored.');
    }
    job.finishedAt = Date.now();
    this.log.info(`Transfer ${job.id} cancelled: ${job.outcome}`);
    await this.persist();
    this.fire(true);
    return job;
  }

  async clearFinished(): Promise<void> {
    this.jobs = this.jobs.filter((j) => transferActive(j) || j.status === 'interrupted');
    await this.persist();
    this.fire(true);
  }

  dispose(): void {
    // A reload or shutdown: running transfers stop where they are and continue on the next activation.
    for (const run of this.runs.values()) {
      run.stop.abort();
    }
    this.changed.dispose();
    this.finished.dispose();
    this.imported.dispose();
  }

  private async add(spec: Omit<TransferJob, 'id' | 'startedAt' | 'status'>): Promise<TransferJob> {
    const job: TransferJob = { ...spec, id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, startedAt: Date.now(), status: 'running' };
    const finished = this.jobs.filter((j) => !transferActive(j) && j.status !== 'interrupted').slice(KEEP_FINISHED);
    this.jobs = [...this.jobs.filter((j) => !finished.includes(j)), job];
    await this.persist();
    this.fire(true);
    this.start(job);
    return job;
  }

  private start(job: TransferJob): void {
    const stop = new AbortController();
    const done = this.run(job, stop.signal).finally(() => {
      this.runs.delete(job.id);
      this.fire(true);
    });
    this.runs.set(job.id, { stop, done });
  }

  private async run(job: TransferJob, signal: AbortSignal): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        if (job.transfer === 'upload') {
          await this.runUpload(job, signal);
        } else {
          await this.runDownload(job, signal);
        }
        if (job.status === 'running') {
          job.status = 'succeeded';
          job.finishedAt = Date.now();
        }
        break;
      } catch (err) {
        if (job.status === 'cancelled') {
          return;
        }
        if (signal.aborted || isCancellation(err)) {
          // The window is closing: the transfer stays "running" in the saved state and continues after the reload.
          return;
        }
        if (transient(err) && attempt < AUTO_RESUMES && !job.importSent) {
          this.log.warn(`Transfer ${job.id} interrupted (${logLine(err)}); continuing from what the store holds (${attempt + 1}/${AUTO_RESUMES}).`);
          continue;
        }
        job.error = userMessage(err);
        job.status = transient(err) && !job.importSent ? 'interrupted' : 'failed';
        job.finishedAt = Date.now();
        this.log.warn(`Transfer ${job.id} ${job.status}: ${logLine(err)}`);
      }
    }
    await this.persist();
    this.fire(true);
    this.finished.fire(job);
    this.announce(job);
  }

  private async runUpload(job: TransferJob, signal: AbortSignal): Promise<void> {
    const provider = await this.providerOf(job);
    if (!job.importSent) {
      const result = await this.need(provider.transfers).upload(job.regionId, {
        file: job.local,
        bucket: job.bucket,
        key: job.key,
        resume: job.upload,
        signal,
        onProgress: (p) => {
          job.progress = p;
          this.fire(false);
        },
        onState: async (s) => {
          job.upload = s;
          await this.persist();
        },
      });
      job.partsSent = result.partsSent;
      job.partsReused = result.partsReused;
      this.log.info(`Uploaded ${job.local} to ${job.bucket}/${job.key}: ${logCount(result.partsSent, 'part')} sent, ${result.partsReused} already there.`);
    }
    if (!job.importAfter || job.importJobId) {
      return;
    }
    if (job.importSent) {
      // Sent before a reload, its answer never recorded: not sent again.
      throw new ProviderError({ cloud: 'local', code: 'ImportUnknown', message: vscode.l10n.t('The import of "{0}" was sent but its answer was lost; look for the image in {1} before importing again.', job.importAfter.name, regionName(job.accountId, job.regionId)) });
    }
    job.importSent = true;
    await this.persist();
    const request = { ...job.importAfter, bucket: job.bucket, object: job.key };
    const started = await this.need(provider.importing).importImage(job.regionId, request);
    job.importJobId = started.job.jobId;
    job.importImageId = started.imageId;
    job.outcome = vscode.l10n.t('Import of "{0}" started (job {1}).', request.name, started.job.jobId);
    await this.persist();
    await this.tracker.track({
      accountId: job.accountId,
      cloud: job.cloud,
      regionId: job.regionId,
      jobId: started.job.jobId,
      kind: 'import',
      imageId: started.imageId ?? '',
      imageName: request.name,
      detail: `${job.bucket}/${job.key}`,
    });
    this.imported.fire(job);
  }

  private async runDownload(job: TransferJob, signal: AbortSignal): Promise<void> {
    const transfers = this.need((await this.providerOf(job)).transfers);
    const objects = job.objects ?? [];
    const done = (job.done ??= []);
    const total = objects.reduce((s, o) => s + o.size, 0);
    for (const o of objects) {
      if (done.includes(o.key)) {
        continue;
      }
      const before = objects.filter((x) => done.includes(x.key)).reduce((s, x) => s + x.size, 0);
      const target = path.join(job.local, downloadName(job.key, o.key));
      await transfers.download(job.regionId, {
        bucket: job.bucket,
        key: o.key,
        target,
        resume: job.current?.key === o.key ? job.current : undefined,
        signal,
        onProgress: (p) => {
          const bytesDone = before + p.bytesDone;
          job.progress = { ...p, bytesDone, totalBytes: total, percent: total ? Math.round((bytesDone / total) * 1000) / 10 : 100, ...(p.bytesPerSecond > 0 ? { secondsLeft: Math.ceil((total - bytesDone) / p.bytesPerSecond) } : {}) };
          this.fire(false);
        },
        onState: async (s) => {
          job.current = s;
          await this.persist();
        },
      });
      done.push(o.key);
      job.current = undefined;
      await this.persist();
    }
    job.outcome = objects.length === 1
      ? vscode.l10n.t('1 file ({0}) saved in {1}.', formatBytes(total), job.local)
      : vscode.l10n.t('{0} files ({1}) saved in {2}.', objects.length, formatBytes(total), job.local);
  }

  private announce(job: TransferJob): void {
    const title = transferTitle(job);
    if (job.status === 'succeeded') {
      void this.ui.notify('info', vscode.l10n.t('{0}: done. {1}', title, job.outcome ?? ''));
    } else if (job.status === 'interrupted') {
      const resume = vscode.l10n.t('Resume');
      void this.ui.notify('warning', vscode.l10n.t('{0}: interrupted. {1} Resume continues from the parts already stored.', title, job.error ?? ''), resume).then((c) => {
        if (c === resume) {
          void this.resume(job.id);
        }
      });
    } else if (job.status === 'failed') {
      void this.ui.notify('error', vscode.l10n.t('{0}: failed. {1}', title, job.error ?? ''));
    }
  }

  private async providerOf(job: TransferJob): Promise<ImageProvider> {
    const account = this.accounts.get(job.accountId);
    if (!account) {
      throw new ProviderError({ cloud: 'local', code: 'AccountRemoved', message: vscode.l10n.t('The account of this transfer was removed.') });
    }
    return this.sessions.provider(account);
  }

  private async transfersOf(job: TransferJob): Promise<TransferOperations> {
    return this.need((await this.providerOf(job)).transfers);
  }

  private need<T>(group: T | undefined): T {
    if (!group) {
      throw new ProviderError({ cloud: 'local', code: 'Unsupported', message: vscode.l10n.t('This cloud cannot move image files.') });
    }
    return group;
  }

  /** Tells the views; progress (not forced) at most twice a second. */
  private fire(force: boolean): void {
    const now = Date.now();
    if (force || now - this.lastFired >= 500) {
      this.lastFired = now;
      this.changed.fire();
    }
  }

  private persist(): Thenable<void> {
    return this.state.update(STATE_KEY, this.jobs);
  }
}
