// QingCloud DeleteImages and DescribeJobs in the sandbox. A minimal job clock of this handler's own
// (no shared job clock existed when this was written): a job is 'pending', then 'working', then
// 'successful', by the time elapsed on the emulator's clock since it started. When a delete job
// succeeds its images become 'deleted' and leave the default DescribeImages listing.
import type { EmulatorResponse } from '../types';
import type { QingcloudImage } from './data';
import { isoSecond, listParam, ok, paged, parameterError, permissionDenied, type Params } from './params';
import { isResponse, ownImage, zoneScope, type QingcloudWorld } from './world';

export interface JobTiming {
  /** How long a job stays 'pending'. */
  readonly pendingMs: number;
  /** From start to 'successful' (pending time included). */
  readonly totalMs: number;
}

export const DEFAULT_JOB_TIMING: JobTiming = { pendingMs: 1_000, totalMs: 6_000 };

/** images.N per DeleteImages call. */
export const MAX_DELETE = 100;
const JOB_STATUSES = ['pending', 'working', 'successful', 'failed', 'done with failure'];

type JobStatusWord = 'pending' | 'working' | 'successful';

interface ImageJob {
  readonly job_id: string;
  readonly job_action: string;
  readonly zone: string;
  readonly images: readonly QingcloudImage[];
  readonly startedAt: number;
  /** True once the job's effect is on the images. */
  done: boolean;
}

export class QingcloudImageJobs {
  private readonly list: ImageJob[] = [];

  constructor(
    private readonly world: QingcloudWorld,
    /** Mutable so an embedding (a test, a demo) can speed jobs up or slow them down. */
    public timing: JobTiming = DEFAULT_JOB_TIMING,
  ) {}

  /** Applies the effect of every job that has reached 'successful' and was not applied yet. */
  settle(): void {
    for (const job of this.list) {
      if (!job.done && this.statusOf(job) === 'successful') {
        job.done = true;
        const at = isoSecond(job.startedAt + this.timing.totalMs);
        for (const image of job.images) {
          image.status = 'deleted';
          image['transition_status'] = '';
          image['status_time'] = at;
        }
      }
    }
  }

  deleteImages(params: Params): EmulatorResponse {
    const scope = zoneScope(this.world, params);
    if (isResponse(scope)) {
      return scope;
    }
    const ids = [...new Set(listParam(params, 'images'))];
    if (!ids.length) {
      return parameterError('the parameter [images] is required');
    }
    if (ids.length > MAX_DELETE) {
      return parameterError(`at most ${MAX_DELETE} images per request`);
    }
    const images: QingcloudImage[] = [];
    for (const id of ids) {
      const image = ownImage(scope, id);
      if (isResponse(image)) {
        return image;
      }
      if (image.status !== 'available' || image['transition_status']) {
        const state = image['transition_status'] ? `${image.status}/${String(image['transition_status'])}` : image.status;
        return permissionDenied(`image [${id}] is [${state}], only an available image can be deleted`);
      }
      images.push(image);
    }
    for (const image of images) {
      image['transition_status'] = 'deleting';
    }
    const job: ImageJob = { job_id: this.world.newId('j'), job_action: 'DeleteImages', zone: scope.zone, images, startedAt: this.world.now(), done: false };
    this.list.push(job);
    return ok('DeleteImages', { job_id: job.job_id });
  }

  describeJobs(params: Params): EmulatorResponse {
    const scope = zoneScope(this.world, params);
    if (isResponse(scope)) {
      return scope;
    }
    const ids = listParam(params, 'jobs');
    const statuses = listParam(params, 'status');
    const bad = statuses.find((s) => !JOB_STATUSES.includes(s));
    if (bad !== undefined) {
      return parameterError(`invalid job status [${bad}]`);
    }
    const set = this.list
      .filter((j) => j.zone === scope.zone && (!ids.length || ids.includes(j.job_id)))
      .map((j) => this.wire(j))
      .filter((j) => !statuses.length || statuses.includes(j.status))
      .reverse();
    return paged(params, 'DescribeJobs', 'job_set', set);
  }

  private statusOf(job: ImageJob): JobStatusWord {
    const elapsed = this.world.now() - job.startedAt;
    return elapsed < this.timing.pendingMs ? 'pending' : elapsed < this.timing.totalMs ? 'working' : 'successful';
  }

  private wire(job: ImageJob): Record<string, unknown> & { status: string } {
    const status = this.statusOf(job);
    const changed = status === 'pending' ? 0 : status === 'working' ? this.timing.pendingMs : this.timing.totalMs;
    const resourceIds = job.images.map((i) => i.image_id);
    return {
      job_id: job.job_id,
      job_action: job.job_action,
      status,
      resource_ids: resourceIds.join(' '),
      owner: this.world.userId,
      create_time: isoSecond(job.startedAt),
      status_time: isoSecond(job.startedAt + changed),
      directive: JSON.stringify({ images: resourceIds, zone: job.zone }),
      error_codes: '',
    };
  }
}
