// ExportImage (a task whose progress follows the shared job clock), DescribeTasks and
// DescribeTaskAttribute in the sandbox.
import { ALIBABA_EXPORT_RULES } from '../../providers/alibaba/rules';
import type { SandboxJob, SandboxJobPhase } from '../jobs';
import { writeExport } from '../storage/imageFiles';
import type { EmulatorResponse } from '../types';
import { alibabaError, dryRun, invalid, isResponse, isoSecond, missing, ok, type Params, pageOf, repeatList } from './params';
import type { EcsRegion } from './data';
import type { EcsWorld, ExportTask } from './world';

const EXPORT_FORMATS: readonly string[] = ALIBABA_EXPORT_RULES.formats;
const TASK_STATUS: Record<SandboxJobPhase, string> = { queued: 'Waiting', running: 'Processing', succeeded: 'Finished', failed: 'Failed' };
/** TaskIds takes a comma list of at most 100. */
export const MAX_TASK_IDS = 100;

export function exportImage(world: EcsWorld, params: Params): EmulatorResponse {
  const target = world.regionAndOwnImage(params);
  if (isResponse(target)) {
    return target;
  }
  const { region, image } = target;
  const bucket = params['OSSBucket'];
  if (!bucket) {
    return missing('OSSBucket');
  }
  if (ALIBABA_EXPORT_RULES.checkBucket(bucket)) {
    return invalid('OSSBucket', 'The specified OSSBucket is not a valid bucket name.');
  }
  const prefix = params['OSSPrefix'] ?? '';
  if (ALIBABA_EXPORT_RULES.checkObject(prefix)) {
    return invalid('OSSPrefix', 'The specified OSSPrefix must be 1 to 30 letters and digits.');
  }
  const format = (params['ImageFormat'] ?? 'raw').toLowerCase();
  if (!EXPORT_FORMATS.includes(format)) {
    return invalid('ImageFormat', `The specified ImageFormat "${params['ImageFormat'] ?? ''}" is not valid.`);
  }
  // Any bucket exists in the sandbox except those named missing-*.
  if (bucket.startsWith('missing-')) {
    return alibabaError(404, 'InvalidOSSBucket.NotFound', 'The specified OSS bucket does not exist.');
  }
  if (image.Status !== 'Available') {
    return alibabaError(403, 'IncorrectImageStatus', 'The current status of the image does not support this operation.');
  }
  const dry = dryRun(params);
  if (dry) {
    return dry;
  }
  const job = world.clock.start('alibaba', 'ExportImage', world.newTaskId(region.RegionId));
  // The exported file, in the bucket under the prefix, for a download to fetch.
  const written = writeExport(world.keys.storage, 'alibaba', region.RegionId, bucket, `${prefix}${image.ImageId}_system.${format}`, format, Number(image['Size'] ?? 20));
  world.tasks.add(job, { regionId: region.RegionId, imageId: image.ImageId, bucket, prefix, format, ...(written ? { written } : {}) });
  return ok({ TaskId: job.id, RegionId: region.RegionId });
}

/** The task as of now: the clock's snapshot, unless CancelTask ended it first (then Cancelled, frozen where it stopped). */
function taskNow(world: EcsWorld, job: SandboxJob): { status: string; percent: number; finishedAt?: number; error?: string } {
  const cancelledAt = world.cancelledAt(job.id);
  if (cancelledAt !== undefined) {
    const at = world.clock.snapshotAt(job, cancelledAt);
    return { status: 'Cancelled', percent: at.percent, finishedAt: cancelledAt };
  }
  const snap = world.clock.snapshot(job);
  return { status: TASK_STATUS[snap.phase], percent: snap.percent, finishedAt: snap.finishedAt, error: snap.error };
}

function summary(world: EcsWorld, job: SandboxJob, data: ExportTask): Record<string, unknown> {
  const now = taskNow(world, job);
  return {
    TaskId: job.id,
    TaskAction: job.operation,
    TaskStatus: now.status,
    SupportCancel: now.status === 'Waiting' || now.status === 'Processing' ? 'true' : 'false',
    CreationTime: isoSecond(job.startedAt),
    FinishedTime: now.finishedAt === undefined ? '' : isoSecond(now.finishedAt),
    ResourceId: data.imageId,
  };
}

export function describeTasks(world: EcsWorld, params: Params): EmulatorResponse {
  const listing = world.regionPage(params, 10);
  if (isResponse(listing)) {
    return listing;
  }
  const { region, page } = listing;
  const ids = (params['TaskIds'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length > MAX_TASK_IDS) {
    return invalid('TaskIds', `At most ${MAX_TASK_IDS} task IDs are allowed in TaskIds.`);
  }
  const action = params['TaskAction'];
  const status = params['TaskStatus'];
  const resources = repeatList(params, 'ResourceIds').map((r) => r.value);
  const matched = world.tasks
    .all()
    .filter(({ data }) => data.regionId === region.RegionId && (!resources.length || resources.includes(data.imageId)))
    .filter(({ job }) => (!ids.length || ids.includes(job.id)) && (!action || job.operation === action))
    .map(({ job, data }) => summary(world, job, data))
    .filter((t) => !status || t['TaskStatus'] === status)
    .reverse();
  return ok({
    RegionId: region.RegionId,
    ...pageOf(page, matched, 'TaskSet', 'Task'),
  });
}

/** RegionId and a TaskId of that region, or the cloud's error. */
export function regionTask(world: EcsWorld, params: Params): { region: EcsRegion; entry: { job: SandboxJob; data: ExportTask } } | EmulatorResponse {
  const target = world.regionAnd(params, 'TaskId');
  if (isResponse(target)) {
    return target;
  }
  const entry = world.tasks.get(target.value);
  if (!entry || entry.data.regionId !== target.region.RegionId) {
    return alibabaError(404, 'InvalidTaskId.NotFound', 'The specified TaskId does not exist.');
  }
  return { region: target.region, entry };
}

export function describeTaskAttribute(world: EcsWorld, params: Params): EmulatorResponse {
  const found = regionTask(world, params);
  if (isResponse(found)) {
    return found;
  }
  const { region, entry } = found;
  const snap = taskNow(world, entry.job);
  const failed = snap.status === TASK_STATUS.failed;
  const done = snap.status === TASK_STATUS.succeeded;
  return ok({
    ...summary(world, entry.job, entry.data),
    RegionId: region.RegionId,
    TaskProcess: `${snap.percent}%`,
    TotalCount: 1,
    SuccessCount: done ? 1 : 0,
    FailedCount: failed ? 1 : 0,
    OperationProgressSet: {
      OperationProgress: [
        {
          OperationStatus: failed ? 'Failed' : done ? 'Success' : snap.status === 'Cancelled' ? 'Cancelled' : 'Processing',
          ErrorCode: failed ? `${entry.job.operation}.Failed` : '',
          ErrorMsg: failed ? (snap.error ?? '') : '',
          RelatedItemSet: {
            RelatedItem: [
              { Name: 'ImageId', Value: entry.data.imageId },
              { Name: 'OSSBucket', Value: entry.data.bucket },
              { Name: 'OSSObject', Value: entry.data.object ?? `${entry.data.prefix}${entry.data.imageId}.${entry.data.format}` },
            ],
          },
        },
      ],
    },
  });
}
