// Huawei IMS async jobs in the sandbox on the shared job clock (sandbox/jobs.ts): member jobs, export
// jobs and ShowJobProgress. A job's effect (members added or removed) is applied once it has succeeded;
// a failed job (FaultPlan.failJobs) changes nothing and reports FAIL with its reason.
import { isWholeImage } from './wholeImages';
import { HUAWEI_EXPORT_MAX_GIB, HUAWEI_EXPORT_RULES, HUAWEI_QUICK_EXPORT_OVER_GIB } from '../../providers/huawei/rules';
import { JobLedger, type SandboxJobPhase } from '../jobs';
import { writeExport, type SandboxObjectStores } from '../storage/imageFiles';
import type { EmulatorResponse } from '../types';
import { IMS_CODES, imsError, invalid, isResponse, isoSecond, jsonBody, ok } from './replies';
import { ownImage, type HuaweiWorld, type Scope } from './world';

/** The formats, OBS bucket names and object names ExportImage takes: the same rules the provider checks. */
const EXPORT_FORMATS: readonly string[] = HUAWEI_EXPORT_RULES.formats;

const STATUS: Readonly<Record<SandboxJobPhase, string>> = { queued: 'INIT', running: 'RUNNING', succeeded: 'SUCCESS', failed: 'FAIL' };

export interface ImsJobData {
  readonly projectId: string;
  readonly jobType: string;
  readonly imageId: string;
  readonly imageName: string;
  /** What the job does to the state when it succeeds. */
  readonly apply?: (finishedAt: number) => void;
  /** What the job does to the state when it fails (e.g. an image being made is killed). */
  readonly fail?: () => void;
  applied: boolean;
}

export interface JobRequest {
  readonly operation: string;
  readonly jobType: string;
  readonly imageId: string;
  readonly imageName: string;
  readonly apply?: (finishedAt: number) => void;
  readonly fail?: () => void;
}

export class HuaweiImsJobs {
  private readonly ledger = new JobLedger<ImsJobData>();

  constructor(private readonly world: HuaweiWorld) {}

  /** Starts a job on the shared clock; answers IMS's `{job_id}`. */
  start(scope: Scope, request: JobRequest): EmulatorResponse {
    const job = this.world.jobClock.start('huawei', request.operation, this.world.newJobId());
    this.ledger.add(job, { projectId: scope.project.id, jobType: request.jobType, imageId: request.imageId, imageName: request.imageName, apply: request.apply, fail: request.fail, applied: false });
    return ok({ job_id: job.id });
  }

  /** Applies every job that has succeeded since the last look. Called before each request is served. */
  settle(): void {
    for (const { job, data } of this.ledger.all()) {
      if (data.applied) {
        continue;
      }
      const snap = this.world.jobClock.snapshot(job);
      if (snap.phase === 'succeeded' || snap.phase === 'failed') {
        data.applied = true;
        if (snap.phase === 'succeeded') {
          data.apply?.(snap.finishedAt ?? job.startedAt + job.durationMs);
        } else {
          data.fail?.();
        }
      }
    }
  }

  /** ShowJobProgress `GET /v1/cloudimages/job/{job_id}`: only the project's own jobs. process_percent is 0..100. */
  showJobProgress(scope: Scope, jobId: string): EmulatorResponse {
    const entry = this.ledger.get(jobId);
    if (!entry || entry.data.projectId !== scope.project.id) {
      return imsError(404, IMS_CODES.jobNotFound, `The job ${jobId} does not exist.`);
    }
    const { job, data } = entry;
    const snap = this.world.jobClock.snapshot(job);
    const failed = snap.phase === 'failed';
    return ok({
      job_id: job.id,
      job_type: data.jobType,
      begin_time: isoSecond(job.startedAt),
      end_time: snap.finishedAt === undefined ? '' : isoSecond(snap.finishedAt),
      status: STATUS[snap.phase],
      error_code: failed ? IMS_CODES.jobFailed : null,
      fail_reason: failed ? (snap.error ?? 'The job failed.') : null,
      entities: {
        image_id: data.imageId,
        image_name: data.imageName,
        current_task: snap.phase === 'running' ? data.jobType : '',
        process_percent: snap.percent,
        sub_jobs_result: [],
        sub_jobs_list: [],
      },
    });
  }

  /** ExportImage `POST /v1/cloudimages/{image_id}/file` `{bucket_url: "bucket:object", file_format, is_quick_export}`. */
  exportImage(scope: Scope, imageId: string, body: string, storage?: SandboxObjectStores): EmulatorResponse {
    const request = jsonBody(body);
    if (isResponse(request)) {
      return request;
    }
    const url = request['bucket_url'];
    const colon = typeof url === 'string' ? url.indexOf(':') : -1;
    const bucket = typeof url === 'string' ? url.slice(0, colon) : '';
    const object = typeof url === 'string' ? url.slice(colon + 1) : '';
    if (colon < 0 || HUAWEI_EXPORT_RULES.checkBucket(bucket) || HUAWEI_EXPORT_RULES.checkObject(object)) {
      return invalid('The parameter bucket_url is invalid: "<OBS bucket>:<object name>" is required.');
    }
    const quick = request['is_quick_export'];
    if (quick !== undefined && typeof quick !== 'boolean') {
      return invalid('The parameter is_quick_export is invalid: true or false.');
    }
    const format = request['file_format'];
    if (quick === true ? format !== undefined : typeof format !== 'string' || !EXPORT_FORMATS.includes(format)) {
      return invalid(
        quick === true ? 'The parameter file_format must be left out for a quick export.' : `The parameter file_format is invalid: one of ${EXPORT_FORMATS.join(', ')}.`,
      );
    }
    const image = ownImage(scope, imageId, { active: true });
    if (isResponse(image)) {
      return image;
    }
    if (isWholeImage(image)) {
      return imsError(400, IMS_CODES.wholeImageExport, 'The full-ECS image cannot be exported.');
    }
    const size = Number(image['min_disk'] ?? 0);
    if (size >= HUAWEI_EXPORT_MAX_GIB) {
      return invalid(`The image is ${size} GB: only images smaller than ${HUAWEI_EXPORT_MAX_GIB} GB can be exported.`);
    }
    if (size > HUAWEI_QUICK_EXPORT_OVER_GIB && quick !== true) {
      return imsError(400, IMS_CODES.exportTooLarge, `Only images less than ${HUAWEI_QUICK_EXPORT_OVER_GIB} GB can be exported (this one is ${size} GB): use is_quick_export.`);
    }
    const started = this.start(scope, { operation: 'ExportImage', jobType: 'imsNativeExportImageJob', imageId: image.id, imageName: image.name });
    if (started.status < 300) {
      // The exported file, at bucket:object, for a download to fetch.
      writeExport(storage, 'huawei', scope.project.regionId, bucket, object, typeof format === 'string' ? format : 'zvhd2', size);
    }
    return started;
  }
}
