// Alibaba async work and deletion: ExportImage starts a task; DescribeTasks (batched) gives task
// states, and DescribeTaskAttribute (one call per task) the percentage of the running ones someone
// wants it for, and the error of the failed ones.
// DeleteImage is synchronous, one image a call. Neither has a ClientToken, so each is sent once and an
// unknown outcome is read back: the image's running export task, or the image gone.
import { batches, distinct, num, str, timestamp, wrappedList, type Json } from '../shared/common';
import type { ChangeResult, StartedJob } from '../core/changes';
import type { DeleteOperations, DeleteOptions } from '../core/deleting';
import type { ExportOperations, ExportRequest } from '../core/exporting';
import type { DescribeJobsOptions, JobKind, JobOperations, JobStart, JobState, JobStatus, ListedJob } from '../core/jobs';
import { ProviderError, outcomeUnknown } from '../core/errors';
import type { Image } from '../core/model';
import { Changes, imagesGone, type Found } from '../shared/reconcile';
import { CHANGES_IN_FLIGHT, eachBounded } from '../shared/bounded';
import type { AlibabaRpcClient } from './client';
import { assertValid } from '../rules/problems';
import { checkExport } from '../rules/cloud';
import { redact } from '../transport/redact';
import { allPages } from './params';
import { alibabaExportChoice } from './exportChoice';
import { ALIBABA_EXPORT_RULES } from './rules';

/** DescribeTasks takes at most 100 ids in TaskIds and 100 tasks a page. */
export const ALIBABA_TASK_BATCH = 100;

export function taskState(taskStatus: string): JobState {
  switch (taskStatus) {
    case 'Finished':
      return 'succeeded';
    case 'Waiting':
      return 'queued';
    case 'Processing':
      return 'running';
    case 'Failed':
      return 'failed';
    case 'Cancelled':
    case 'Canceled':
      return 'cancelled';
    default:
      return 'running';
  }
}


export class AlibabaExporting implements ExportOperations {
  readonly rules = ALIBABA_EXPORT_RULES;
  readonly exportChoice = alibabaExportChoice;

  constructor(private readonly rpc: AlibabaRpcClient) {}

  /** ExportImage to OSS bucket/prefix in the image's region; the RAM role is the cloud's default one. */
  async exportImage(regionId: string, imageId: string, request: ExportRequest, signal?: AbortSignal): Promise<StartedJob> {
    assertValid(checkExport(this.rules, request));
    const changes = new Changes();
    const job = await changes.run({
      kind: 'export',
      imageIds: [imageId],
      send: async () => {
        const body = await this.rpc.mutate(
          'ExportImage',
          { RegionId: regionId, ImageId: imageId, OSSBucket: request.bucket, ...(request.object ? { OSSPrefix: request.object } : {}), ImageFormat: request.format },
          signal,
          regionId,
        );
        const jobId = str(body['TaskId']);
        if (!jobId) {
          // Accepted, but without the task to follow: find it as after a lost reply.
          throw outcomeUnknown(new ProviderError({ cloud: 'alibaba', code: 'BadResponse', message: 'ExportImage answered without a TaskId.' }));
        }
        return { jobId };
      },
      readBack: () => this.runningExport(regionId, imageId, signal),
    });
    return { ...changes.result(job), job };
  }

  /**
   * The image's export task that is waiting or running (DescribeTasks TaskAction=ExportImage,
   * ResourceIds.1=<image>), the newest if several: the one a lost ExportImage reply started. A finished
   * task is not taken for it, as it may be an earlier export's.
   */
  private async runningExport(regionId: string, imageId: string, signal?: AbortSignal): Promise<Found<JobStart> | undefined> {
    const tasks = await allPages(
      this.rpc,
      'DescribeTasks',
      { RegionId: regionId, TaskAction: 'ExportImage', 'ResourceIds.1': imageId },
      regionId,
      (body) => wrappedList(body['TaskSet'], 'Task'),
      signal,
    );
    const running = tasks
      .filter((t) => (t['ResourceId'] === undefined || t['ResourceId'] === imageId) && ['queued', 'running'].includes(taskState(String(t['TaskStatus'] ?? ''))))
      .sort((a, b) => String(b['CreationTime'] ?? '').localeCompare(String(a['CreationTime'] ?? '')));
    const jobId = str(running[0]?.['TaskId']);
    return jobId ? { value: { jobId } } : undefined;
  }
}

export class AlibabaDeleting implements DeleteOperations {
  readonly supportsForce = true;

  constructor(
    private readonly rpc: AlibabaRpcClient,
    private readonly getImage: (regionId: string, imageId: string, signal?: AbortSignal) => Promise<Image | undefined>,
  ) {}

  /**
   * One DeleteImage per image (the API takes one), CHANGES_IN_FLIGHT at a time and fewer while the cloud
   * throttles; an image the cloud refuses is reported in `failed` and the rest go on. After a lost reply,
   * an image gone is deleted.
   */
  async deleteImages(regionId: string, imageIds: readonly string[], options: DeleteOptions, signal?: AbortSignal): Promise<ChangeResult> {
    const changes = new Changes();
    await eachBounded(distinct(imageIds), CHANGES_IN_FLIGHT, (imageId, throttled) =>
      changes.attempt({
        kind: 'delete',
        imageIds: [imageId],
        send: async () => {
          await this.rpc.mutate('DeleteImage', { RegionId: regionId, ImageId: imageId, Force: options.force ? 'true' : 'false' }, signal, regionId, throttled);
          return undefined;
        },
        readBack: () => imagesGone(this.getImage, regionId, [imageId], signal),
      }),
    );
    return changes.result();
  }
}

/** The task actions listed as image jobs started elsewhere (DescribeTasks has no CopyImage: a copy is its new image's status). */
const LISTED_ACTIONS: Readonly<Record<string, JobKind>> = { ImportImage: 'import', ExportImage: 'export' };

export class AlibabaJobs implements JobOperations {
  constructor(private readonly rpc: AlibabaRpcClient) {}

  /**
   * DescribeTasks TaskStatus=Processing (every page of 100): the region's running tasks, whoever started
   * them; the ImportImage and ExportImage ones are kept. (TaskStatus takes one value; a task waits only
   * briefly before it runs, and is listed from then on.)
   */
  async listRunning(regionId: string, signal?: AbortSignal): Promise<ListedJob[]> {
    const tasks = await allPages(this.rpc, 'DescribeTasks', { RegionId: regionId, TaskStatus: 'Processing' }, regionId, (body) => wrappedList(body['TaskSet'], 'Task'), signal);
    return tasks.flatMap((t) => {
      const cloudAction = String(t['TaskAction'] ?? '');
      const kind = LISTED_ACTIONS[cloudAction];
      const cloudState = String(t['TaskStatus'] ?? '');
      return kind
        ? [{ jobId: String(t['TaskId']), kind, cloudAction, state: taskState(cloudState), cloudState, imageId: str(t['ResourceId']), startedAt: timestamp(t['CreationTime']) }]
        : [];
    });
  }

  /** CancelTask (ImportImage and ExportImage tasks); after a lost reply, the task read back as cancelled (or failed) is. */
  async cancelJob(regionId: string, jobId: string, signal?: AbortSignal): Promise<void> {
    await new Changes().run({
      kind: 'cancel',
      imageIds: [],
      send: async () => {
        await this.rpc.mutate('CancelTask', { RegionId: regionId, TaskId: jobId }, signal, regionId);
        return undefined;
      },
      readBack: async () => ((await this.describeJobs(regionId, [jobId], signal, { progressOf: [] })).some((s) => s.state === 'cancelled' || s.state === 'failed') ? { value: undefined } : undefined),
    });
  }

  async describeJobs(regionId: string, jobIds: readonly string[], signal?: AbortSignal, options: DescribeJobsOptions = {}): Promise<JobStatus[]> {
    const tasks: Json[] = [];
    for (const run of batches(distinct(jobIds), ALIBABA_TASK_BATCH)) {
      tasks.push(...(await allPages(this.rpc, 'DescribeTasks', { RegionId: regionId, TaskIds: run.join(',') }, regionId, (body) => wrappedList(body['TaskSet'], 'Task'), signal)));
    }
    const wanted = new Set(jobIds);
    const progress = options.progressOf === undefined ? undefined : new Set(options.progressOf);
    return Promise.all(
      tasks.filter((t) => wanted.has(String(t['TaskId']))).map((t) => this.status(regionId, t, progress?.has(String(t['TaskId'])) ?? true, signal)),
    );
  }

  /**
   * Finished and waiting tasks need nothing more; a failed one asks for its error, a running one for its
   * percentage when `withProgress` (else it comes without one, and the caller keeps the last it had).
   */
  private async status(regionId: string, task: Json, withProgress: boolean, signal?: AbortSignal): Promise<JobStatus> {
    const cloudState = String(task['TaskStatus'] ?? '');
    const state = taskState(cloudState);
    const base = { jobId: String(task['TaskId']), state, cloudState, startedAt: timestamp(task['CreationTime']), finishedAt: timestamp(task['FinishedTime']) };
    if (state === 'succeeded') {
      return { ...base, percent: 100 };
    }
    if (state === 'queued') {
      return { ...base, percent: 0 };
    }
    if (state === 'running' && !withProgress) {
      return base;
    }
    const detail = await this.rpc.call('DescribeTaskAttribute', { RegionId: regionId, TaskId: base.jobId }, signal, regionId);
    const detailState = str(detail['TaskStatus']) ?? cloudState;
    const percent = num(str(detail['TaskProcess'])?.replace('%', ''));
    const errors = wrappedList(detail['OperationProgressSet'], 'OperationProgress')
      .map((o) => str(o['ErrorMsg']) ?? str(o['ErrorCode']))
      .filter((m): m is string => m !== undefined);
    return {
      ...base,
      state: taskState(detailState),
      cloudState: detailState,
      percent,
      finishedAt: timestamp(detail['FinishedTime']) ?? base.finishedAt,
      ...(taskState(detailState) === 'failed' ? { error: redact(errors.join('; ') || detailState) } : {}),
    };
  }
}
