// ExportImage (a task whose progress follows the shared job clock), DescribeTasks and
// DescribeTaskAttribute in the sandbox.
import { ALIBABA_EXPORT_RULES } from '../../providers/alibaba/rules';
import type { SandboxJob, SandboxJobPhase } from '../jobs';
import type { EmulatorResponse } from '../types';
import { alibabaError, dryRun, invalid, isResponse, isoSecond, missing, ok, paging, type Params, pageOf, repeatList } from './params';
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
  world.tasks.add(job, { regionId: region.RegionId, imageId: image.ImageId, bucket, prefix, format });
  return ok({ TaskId: job.id, RegionId: region.RegionId });
}

function summary(world: EcsWorld, job: SandboxJob, data: ExportTask): Record<string, unknown> {
  const snap = world.clock.snapshot(job);
  return {
    TaskId: job.id,
    TaskAction: job.operation,
    TaskStatus: TASK_STATUS[snap.phase],
    SupportCancel: snap.phase === 'queued' || snap.phase === 'running' ? 'true' : 'false',
    CreationTime: isoSecond(job.startedAt),
    FinishedTime: snap.finishedAt === undefined ? '' : isoSecond(snap.finishedAt),
    ResourceId: data.imageId,
  };
}

export function describeTasks(world: EcsWorld, params: Params): EmulatorResponse {
  const region = world.region(params);
  if (isResponse(region)) {
    return region;
  }
  const page = paging(params, 10);
  if (isResponse(page)) {
    return page;
  }
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

export function describeTaskAttribute(world: EcsWorld, params: Params): EmulatorResponse {
  const target = world.regionAnd(params, 'TaskId');
  if (isResponse(target)) {
    return target;
  }
  const { region, value: id } = target;
  const entry = world.tasks.get(id);
  if (!entry || entry.data.regionId !== region.RegionId) {
    return alibabaError(404, 'InvalidTaskId.NotFound', 'The specified TaskId does not exist.');
  }
  const snap = world.clock.snapshot(entry.job);
  const failed = snap.phase === 'failed';
  const done = snap.phase === 'succeeded';
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
          OperationStatus: failed ? 'Failed' : done ? 'Success' : 'Processing',
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
